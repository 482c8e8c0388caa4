import type { BackupStore } from "../store/backup-store";
import { MissingObjectError } from "../store/backup-store";
import { openStore, parseStoreLocation } from "../store/open-store";
import { S3Store, type S3StoreOptions } from "../store/s3-store";
import { readManifest } from "./backup-io";
import type { ChainLink, Manifest, ManifestObject } from "./manifest";

/** A link of an incremental backup's chain that no longer holds what the backup referenced. */
export interface BrokenLink {
  readonly location: string;
  readonly problem: string;
}

/** Reads an object of a backup wherever its bytes are: in the backup itself or in a linked earlier one. */
export type ObjectReader = (o: ManifestObject) => Promise<Buffer>;

/**
 * The store of a linked backup. An S3 link is opened with the same client settings as the backup
 * that references it (endpoint, credentials, KMS key); a directory link as a directory.
 */
export function linkedStore(from: BackupStore, location: string): BackupStore {
  const loc = parseStoreLocation(location);
  if (loc.type === "s3" && from instanceof S3Store) {
    const options = (from as unknown as { options: S3StoreOptions }).options;
    return new S3Store({ ...options, bucket: loc.bucket, prefix: loc.prefix });
  }
  return openStore(location);
}

/**
 * Opens every earlier backup an incremental backup references and checks each link: its manifest
 * is there and its object list is the one referenced (`objectsSha256`), and every object's `from`
 * is a listed link. A full backup has no links; its reader reads its own store.
 */
export async function openChain(
  store: BackupStore,
  manifest: Manifest,
  open: (location: string) => BackupStore = (location) => linkedStore(store, location),
): Promise<{ read: ObjectReader; broken: BrokenLink[] }> {
  const broken: BrokenLink[] = [];
  const links = new Map<string, BackupStore>();
  const declared = new Map<string, ChainLink>((manifest.chain ?? []).map((l) => [l.location, l]));
  for (const link of declared.values()) {
    const linked = open(link.location);
    try {
      const m = await readManifest(linked);
      if (m.objectsSha256 !== link.objectsSha256) {
        broken.push({ location: link.location, problem: `chain link ${link.location} (backup of ${link.createdAt}) changed since it was referenced: objectsSha256 ${m.objectsSha256}, expected ${link.objectsSha256}` });
      }
    } catch (err) {
      const why = err instanceof MissingObjectError ? "manifest.json is missing (moved or deleted?)" : (err as Error).message;
      broken.push({ location: link.location, problem: `chain link ${link.location} (backup of ${link.createdAt}) is broken: ${why}` });
    }
    links.set(link.location, linked);
  }
  for (const o of manifest.objects) {
    if (o.from && !declared.has(o.from)) broken.push({ location: o.from, problem: `${o.path} references ${o.from}, which is not in the manifest's chain` });
  }
  const read: ObjectReader = (o) => {
    if (!o.from) return store.read(o.path);
    const linked = links.get(o.from);
    if (!linked) return Promise.reject(new Error(`${o.path}: chain link ${o.from} is not in the manifest's chain`));
    return linked.read(o.path);
  };
  return { read, broken };
}
