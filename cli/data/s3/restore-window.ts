import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  HeadObjectCommand,
  CreateMultipartUploadCommand,
  AbortMultipartUploadCommand,
  UploadPartCopyCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { DataPreconditionError } from "../precondition-error";
import { compareChecksums, headObject, streamSha256 } from "./object-checksum";
import { inParallel, listShard, planShards, type ListedObject, type ListingStats } from "./object-listing";
import { formatS3Location, type S3Location } from "./s3-location";

/** CopyObject copies at most 5 GiB; larger objects are copied in parts (UploadPartCopy). */
export const COPY_OBJECT_LIMIT_BYTES = 5 * 1024 ** 3;

export interface RestoreWindowOptions {
  /** Where the data is kept (the vault replica). Only read. */
  readonly from: S3Location;
  /** The working bucket data is restored into. */
  readonly to: S3Location;
  /** Client that lists and reads `from`. */
  readonly fromClient: S3Client;
  /** Client of the target bucket's Region: CopyObject is sent to the destination. */
  readonly toClient: S3Client;
  /** Objects whose LastModified in `from` is at or after `since` and before `until` (ms). */
  readonly since?: number;
  readonly until?: number;
  /** KMS key of the target bucket: copies are encrypted with it (SSE-KMS). Unset: the target's default encryption. */
  readonly kmsKeyId?: string;
  /** Print the plan, copy nothing. */
  readonly dryRun: boolean;
  /** Above this size objects are copied in parts. @default COPY_OBJECT_LIMIT_BYTES */
  readonly multipartThresholdBytes?: number;
  /** Part size of a multipart copy (5 MiB to 5 GiB). @default 512 MiB */
  readonly partSizeBytes?: number;
  /** @default 8 */
  readonly concurrency?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export type RestoreOutcome = "copied" | "multipart-copied" | "already-restored" | "would-copy" | "failed";

export interface RestoredObject {
  readonly key: string;
  readonly size: number;
  readonly outcome: RestoreOutcome;
  readonly detail?: string;
}

export interface RestoreWindowReport {
  readonly ok: boolean;
  readonly dryRun: boolean;
  readonly from: string;
  readonly to: string;
  readonly window: { since: string | null; until: string | null };
  readonly objects: number;
  readonly bytes: number;
  readonly outcomes: Record<RestoreOutcome, number>;
  /** Failures, and in a dry run every object that would be copied (first 1,000). */
  readonly listed: RestoredObject[];
}

/**
 * Copies the objects of a time window from the vault to a working bucket, server-side (CopyObject, or
 * CreateMultipartUpload + UploadPartCopy above the threshold), SSE-KMS with the target's key, and checks
 * each copy's checksum against the original (S3's SHA-256 where both carry it, else both streamed).
 * Idempotent and resumable: an object already in the target with the same size and checksum is skipped,
 * so a second run, or a run after an interruption, copies only what is not there yet. Never writes `from`.
 */
export async function restoreWindow(o: RestoreWindowOptions): Promise<RestoreWindowReport> {
  if (o.from.bucket === o.to.bucket && (o.to.prefix.startsWith(o.from.prefix) || o.from.prefix.startsWith(o.to.prefix))) {
    throw new DataPreconditionError(`--to ${formatS3Location(o.to)} overlaps --from ${formatS3Location(o.from)}: a restore never writes where it reads. Restore into a working bucket or another prefix.`);
  }
  const stats: ListingStats = { pages: 0 };
  const concurrency = o.concurrency ?? 8;
  const shards = await planShards(o.fromClient, o.from, concurrency * 2, 4, stats);
  const inWindow = (x: ListedObject) => (o.since === undefined || x.lastModified >= o.since) && (o.until === undefined || x.lastModified < o.until);
  const outcomes: Record<RestoreOutcome, number> = { copied: 0, "multipart-copied": 0, "already-restored": 0, "would-copy": 0, failed: 0 };
  const listed: RestoredObject[] = [];
  let objects = 0;
  let bytes = 0;
  let done = 0;
  await inParallel(shards, concurrency, async (shard) => {
    let batch: ListedObject[] = [];
    const flush = async () => {
      const items = batch;
      batch = [];
      const results = await inParallel(items, 8, (x) => restoreOne(o, x));
      for (const r of results) {
        outcomes[r.outcome] += 1;
        done += 1;
        if ((r.outcome === "failed" || r.outcome === "would-copy") && listed.length < 1000) listed.push(r);
      }
      o.onProgress?.(done, objects);
    };
    for await (const x of listShard(o.fromClient, o.from.bucket, shard, stats)) {
      if (!inWindow(x)) continue;
      objects += 1;
      bytes += x.size;
      batch.push(x);
      if (batch.length >= 64) await flush();
    }
    await flush();
  });
  const window = { since: o.since === undefined ? null : new Date(o.since).toISOString(), until: o.until === undefined ? null : new Date(o.until).toISOString() };
  if (objects === 0) {
    throw new DataPreconditionError(
      `no object under ${formatS3Location(o.from)} was last modified in the window ${window.since ?? "(beginning)"} .. ${window.until ?? "(now)"}: nothing to restore. ` +
        `Check --from (the vault bucket and prefix) and widen --since/--until; vault objects carry the time they were replicated.`,
    );
  }
  listed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { ok: outcomes.failed === 0, dryRun: o.dryRun, from: formatS3Location(o.from), to: formatS3Location(o.to), window, objects, bytes, outcomes, listed };
}

async function restoreOne(o: RestoreWindowOptions, x: ListedObject): Promise<RestoredObject> {
  const rel = x.key.slice(o.from.prefix.length);
  const targetKey = o.to.prefix + rel;
  try {
    if (await alreadyRestored(o, x, targetKey)) return { key: rel, size: x.size, outcome: "already-restored" };
    if (o.dryRun) return { key: rel, size: x.size, outcome: "would-copy" };
    const multipart = x.size > (o.multipartThresholdBytes ?? COPY_OBJECT_LIMIT_BYTES);
    if (multipart) await multipartCopy(o, x, targetKey);
    else {
      await o.toClient.send(
        new CopyObjectCommand({ Bucket: o.to.bucket, Key: targetKey, CopySource: copySource(o.from.bucket, x.key), MetadataDirective: "COPY", ChecksumAlgorithm: "SHA256", ...encryption(o) }),
      );
    }
    const problem = await checksumProblem(o, x, targetKey);
    if (problem) return { key: rel, size: x.size, outcome: "failed", detail: `copied, but ${problem}` };
    return { key: rel, size: x.size, outcome: multipart ? "multipart-copied" : "copied" };
  } catch (err) {
    const e = err as { name?: string; message?: string };
    return { key: rel, size: x.size, outcome: "failed", detail: `${e.name ?? "Error"}: ${e.message ?? String(err)}` };
  }
}

/** x-amz-copy-source, URL-encoded as S3 requires; "=", ":" and "@" stay literal (valid in a path, and Hive-style date prefixes are full of "="). */
const copySource = (bucket: string, key: string) =>
  `${bucket}/${key.split("/").map((s) => encodeURIComponent(s).replace(/%3D/g, "=").replace(/%3A/g, ":").replace(/%40/g, "@")).join("/")}`;
const encryption = (o: RestoreWindowOptions) => (o.kmsKeyId ? { ServerSideEncryption: "aws:kms" as const, SSEKMSKeyId: o.kmsKeyId, BucketKeyEnabled: true } : {});

/** The target holds the object already: same size and same content (S3 checksum or SHA-256). */
async function alreadyRestored(o: RestoreWindowOptions, x: ListedObject, targetKey: string): Promise<boolean> {
  let size: number | undefined;
  try {
    const head = await o.toClient.send(new HeadObjectCommand({ Bucket: o.to.bucket, Key: targetKey }));
    size = head.ContentLength;
  } catch (err) {
    const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (e.name === "NotFound" || e.$metadata?.httpStatusCode === 404) return false;
    throw err;
  }
  if (size !== x.size) return false;
  return (await checksumProblem(o, x, targetKey)) === undefined;
}

/** Why the target's content differs from the original, or undefined when it is the same. */
async function checksumProblem(o: RestoreWindowOptions, x: ListedObject, targetKey: string): Promise<string | undefined> {
  const [sf, tf] = await Promise.all([headObject(o.fromClient, o.from.bucket, x.key), headObject(o.toClient, o.to.bucket, targetKey)]);
  const verdict = compareChecksums(sf, tf);
  if (verdict.kind === "match") return undefined;
  if (verdict.kind === "mismatch") return `${verdict.algorithm} ${verdict.replica} in the target, ${verdict.source} in the vault`;
  const [a, b] = await Promise.all([streamSha256(o.fromClient, o.from.bucket, x.key), streamSha256(o.toClient, o.to.bucket, targetKey)]);
  return a === b ? undefined : `SHA-256 ${b} in the target, ${a} in the vault`;
}

/** Byte ranges of a multipart copy: `partSize` each, the last one shorter. Pure. */
export function copyRanges(size: number, partSize: number): { first: number; last: number }[] {
  const out: { first: number; last: number }[] = [];
  for (let first = 0; first < size; first += partSize) out.push({ first, last: Math.min(size, first + partSize) - 1 });
  return out;
}

async function multipartCopy(o: RestoreWindowOptions, x: ListedObject, targetKey: string): Promise<void> {
  const partSize = o.partSizeBytes ?? 512 * 1024 ** 2;
  const upload = await o.toClient.send(new CreateMultipartUploadCommand({ Bucket: o.to.bucket, Key: targetKey, ChecksumAlgorithm: "SHA256", ...encryption(o) }));
  const uploadId = upload.UploadId!;
  try {
    const ranges = copyRanges(x.size, partSize);
    const parts = await inParallel(ranges, 4, async (r, i) => {
      const out = await o.toClient.send(
        new UploadPartCopyCommand({ Bucket: o.to.bucket, Key: targetKey, UploadId: uploadId, PartNumber: i + 1, CopySource: copySource(o.from.bucket, x.key), CopySourceRange: `bytes=${r.first}-${r.last}` }),
      );
      return { PartNumber: i + 1, ETag: out.CopyPartResult?.ETag, ...(out.CopyPartResult?.ChecksumSHA256 ? { ChecksumSHA256: out.CopyPartResult.ChecksumSHA256 } : {}) };
    });
    await o.toClient.send(new CompleteMultipartUploadCommand({ Bucket: o.to.bucket, Key: targetKey, UploadId: uploadId, MultipartUpload: { Parts: parts } }));
  } catch (err) {
    // Leave no billable parts behind; the next run starts the object afresh.
    await o.toClient.send(new AbortMultipartUploadCommand({ Bucket: o.to.bucket, Key: targetKey, UploadId: uploadId })).catch(() => undefined);
    throw err;
  }
}
