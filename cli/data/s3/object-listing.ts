import { ListObjectsV2Command, type S3Client } from "@aws-sdk/client-s3";
import type { S3Location } from "./s3-location";

/** What a listing says about one object (the current version). */
export interface ListedObject {
  readonly key: string;
  readonly size: number;
  readonly lastModified: number;
  readonly etag: string;
}

/** Counts the listing calls a run made (for reports and the bench). */
export interface ListingStats {
  pages: number;
}

/**
 * Every object under `prefix`, one page (at most 1,000 keys) in memory at a time, in S3's listing
 * order (UTF-8 binary order of keys). `delimiter` lists only the objects directly under `prefix`.
 */
export async function* listObjects(client: S3Client, bucket: string, prefix: string, stats?: ListingStats, delimiter?: string): AsyncGenerator<ListedObject> {
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token, ...(delimiter ? { Delimiter: delimiter } : {}) }));
    if (stats) stats.pages += 1;
    for (const o of page.Contents ?? []) {
      yield { key: o.Key!, size: o.Size ?? 0, lastModified: o.LastModified ? o.LastModified.getTime() : 0, etag: o.ETag ?? "" };
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

/** The common prefixes one level below `prefix` (delimiter "/"). */
async function childPrefixes(client: S3Client, bucket: string, prefix: string, stats?: ListingStats): Promise<string[]> {
  const out: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, Delimiter: "/", ContinuationToken: token }));
    if (stats) stats.pages += 1;
    for (const p of page.CommonPrefixes ?? []) out.push(p.Prefix!);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return out;
}

/** A slice of the key space listed on its own: every key under `prefix`, or only those directly under it. */
export interface Shard {
  readonly prefix: string;
  /** True: only the objects directly under `prefix` (its sub-prefixes are shards of their own). */
  readonly shallow: boolean;
}

/**
 * Splits `location` into shards that can be listed in parallel: descends "/"-separated levels of the
 * SOURCE side (date-partitioned prefixes fan out quickly) until there are at least `wanted` shards or
 * `maxDepth` levels. Each level leaves a shallow shard for the objects sitting directly at it, so the
 * shards cover every key exactly once.
 */
export async function planShards(client: S3Client, location: S3Location, wanted: number, maxDepth = 4, stats?: ListingStats): Promise<Shard[]> {
  let open: string[] = [location.prefix];
  const done: Shard[] = [];
  for (let depth = 0; depth < maxDepth && open.length > 0 && done.length + open.length < wanted; depth++) {
    const next: string[] = [];
    for (const prefix of open) {
      const children = await childPrefixes(client, location.bucket, prefix, stats);
      if (children.length === 0) {
        done.push({ prefix, shallow: false });
        continue;
      }
      done.push({ prefix, shallow: true });
      next.push(...children);
    }
    open = next;
  }
  return [...done, ...open.map((prefix) => ({ prefix, shallow: false }))].sort((a, b) => compareKeys(a.prefix, b.prefix));
}

/** S3's listing order: UTF-8 byte order of keys. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** The objects of one shard, in listing order. */
export function listShard(client: S3Client, bucket: string, shard: Shard, stats?: ListingStats): AsyncGenerator<ListedObject> {
  return listObjects(client, bucket, shard.prefix, stats, shard.shallow ? "/" : undefined);
}

/** Runs `work` over `items` with at most `limit` at once; results in input order. */
export async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  });
  await Promise.all(workers);
  return results;
}
