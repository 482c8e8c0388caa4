import { createHash } from "node:crypto";
import { GetObjectCommand, HeadObjectCommand, type HeadObjectCommandOutput, type S3Client } from "@aws-sdk/client-s3";

/** S3's additional checksum algorithms, strongest first, as HeadObject names the fields. */
const CHECKSUM_FIELDS = ["ChecksumSHA256", "ChecksumSHA1", "ChecksumCRC64NVME", "ChecksumCRC32C", "ChecksumCRC32"] as const;
type ChecksumField = (typeof CHECKSUM_FIELDS)[number];

/** What HeadObject (with ChecksumMode ENABLED) says about an object that matters to a comparison. */
export interface ObjectFacts {
  readonly checksums: Partial<Record<ChecksumField, string>>;
  /** FULL_OBJECT or COMPOSITE (a checksum of part checksums, comparable only with the same part layout). */
  readonly checksumType?: string;
  /** x-amz-replication-status: COMPLETED, PENDING, FAILED on a source; REPLICA on a replica. */
  readonly replicationStatus?: string;
  readonly versionId?: string;
}

export function factsOf(head: HeadObjectCommandOutput): ObjectFacts {
  const checksums: Partial<Record<ChecksumField, string>> = {};
  for (const f of CHECKSUM_FIELDS) if (head[f]) checksums[f] = head[f] as string;
  return {
    checksums,
    ...(head.ChecksumType ? { checksumType: head.ChecksumType } : {}),
    ...(head.ReplicationStatus ? { replicationStatus: head.ReplicationStatus } : {}),
    ...(head.VersionId ? { versionId: head.VersionId } : {}),
  };
}

/** The verdict of comparing two objects' additional checksums. */
export type ChecksumVerdict =
  | { readonly kind: "match"; readonly algorithm: string }
  | { readonly kind: "mismatch"; readonly algorithm: string; readonly source: string; readonly replica: string }
  /** No algorithm both sides carry comparably: hash the bytes. */
  | { readonly kind: "unknown" };

/**
 * Compares S3's own checksums where both objects carry the same algorithm with the same type (a
 * composite checksum of a multipart upload depends on the part sizes, so composite values compare
 * only with composite values). Pure.
 */
export function compareChecksums(source: ObjectFacts, replica: ObjectFacts): ChecksumVerdict {
  if ((source.checksumType ?? "FULL_OBJECT") !== (replica.checksumType ?? "FULL_OBJECT")) return { kind: "unknown" };
  for (const f of CHECKSUM_FIELDS) {
    const s = source.checksums[f];
    const r = replica.checksums[f];
    if (s && r) {
      const algorithm = f.replace("Checksum", "");
      return s === r ? { kind: "match", algorithm } : { kind: "mismatch", algorithm, source: s, replica: r };
    }
  }
  return { kind: "unknown" };
}

export async function headObject(client: S3Client, bucket: string, key: string): Promise<ObjectFacts> {
  return factsOf(await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key, ChecksumMode: "ENABLED" })));
}

/** SHA-256 (hex) of an object's bytes, streamed: memory stays one chunk whatever the size. */
export async function streamSha256(client: S3Client, bucket: string, key: string): Promise<string> {
  const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const hash = createHash("sha256");
  for await (const chunk of out.Body as AsyncIterable<Uint8Array>) hash.update(chunk);
  return hash.digest("hex");
}
