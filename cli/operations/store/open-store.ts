import type { S3ClientConfig } from "@aws-sdk/client-s3";
import type { BackupStore } from "./backup-store";
import { DirStore } from "./dir-store";
import { S3Store } from "./s3-store";

export type StoreLocation = { readonly type: "dir"; readonly path: string } | { readonly type: "s3"; readonly bucket: string; readonly prefix: string };

/** Parses `s3://bucket[/prefix]`, `file:///path` or a plain path. Throws naming the value when invalid. */
export function parseStoreLocation(value: string): StoreLocation {
  if (value.startsWith("s3://")) {
    const rest = value.slice(5);
    const slash = rest.indexOf("/");
    const bucket = slash < 0 ? rest : rest.slice(0, slash);
    const prefix = slash < 0 ? "" : rest.slice(slash + 1).replace(/\/+$/, "");
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
      throw new Error(`"${value}" is not a valid S3 location: bucket "${bucket}" must be 3-63 characters of a-z, 0-9, "." and "-"`);
    }
    return { type: "s3", bucket, prefix };
  }
  if (value.startsWith("file://")) return { type: "dir", path: value.slice(7) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) throw new Error(`"${value}": unsupported scheme; use a directory path or s3://bucket/prefix`);
  if (value.trim() === "") throw new Error(`backup location is empty; use a directory path or s3://bucket/prefix`);
  return { type: "dir", path: value };
}

export interface OpenStoreOptions {
  readonly kmsKeyId?: string;
  readonly s3?: S3ClientConfig;
  readonly sseKms?: boolean;
}

export function openStore(value: string, options: OpenStoreOptions = {}): BackupStore {
  const loc = parseStoreLocation(value);
  if (loc.type === "dir") return new DirStore(loc.path);
  return new S3Store({
    bucket: loc.bucket,
    prefix: loc.prefix,
    ...(options.kmsKeyId ? { kmsKeyId: options.kmsKeyId } : {}),
    ...(options.sseKms === false ? { sseKms: false } : {}),
    ...(options.s3 ? { clientConfig: options.s3 } : {}),
  });
}
