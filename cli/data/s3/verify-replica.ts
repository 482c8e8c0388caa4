import type { S3Client } from "@aws-sdk/client-s3";
import { compareChecksums, headObject, streamSha256 } from "./object-checksum";
import { compareKeys, inParallel, listShard, planShards, type ListedObject, type ListingStats, type Shard } from "./object-listing";
import { formatS3Location, type S3Location } from "./s3-location";

/** What is wrong with one object of the source prefix or its replica. */
export type ProblemKind = "missing" | "corrupt" | "late" | "replication-failed" | "extra";

export interface ObjectProblem {
  readonly kind: ProblemKind;
  /** The key relative to the prefixes compared (the same on both sides). */
  readonly key: string;
  readonly detail: string;
}

export interface VerifyReplicaOptions {
  readonly source: S3Location;
  readonly replica: S3Location;
  readonly sourceClient: S3Client;
  readonly replicaClient: S3Client;
  /**
   * Seconds within which an object must have been replicated (S3 RTC: 900). An object absent from the
   * replica and younger than this is in flight, not missing; a replica that arrived later is late.
   */
  readonly windowSeconds: number;
  /** Compare checksums (S3's additional checksums, else SHA-256 of both objects streamed) and replication status. */
  readonly checksums: boolean;
  /** The time the check is made against (ms). */
  readonly now: number;
  /** Shards listed at once. @default 8 */
  readonly concurrency?: number;
  /** Problems kept in the result (all are counted and passed to `onProblem`). @default 1000 */
  readonly maxListed?: number;
  readonly onProblem?: (p: ObjectProblem) => void;
  readonly onProgress?: (shardsDone: number, shards: number, objects: number) => void;
}

export interface VerifyReplicaReport {
  readonly ok: boolean;
  readonly source: string;
  readonly replica: string;
  readonly windowSeconds: number;
  readonly objects: { source: number; replica: number; compared: number; checksumCompared: number; sha256Compared: number; inFlight: number };
  readonly problems: Record<ProblemKind, number>;
  /** The first `maxListed` problems in key order. */
  readonly listed: ObjectProblem[];
  readonly truncated: boolean;
  /**
   * The RPO achieved: how far the newest source object already replicated lags behind the newest
   * source object (0 when the newest is replicated; null when nothing is).
   */
  readonly rpo: { newestSource: string | null; newestReplicated: string | null; achievedSeconds: number | null };
  /** Largest replication lag seen (replica LastModified - source LastModified), seconds. */
  readonly maxLagSeconds: number;
  readonly shards: number;
  readonly listingPages: number;
}

interface ShardTally {
  source: number;
  replica: number;
  compared: number;
  checksumCompared: number;
  sha256Compared: number;
  inFlight: number;
  newestSource: number;
  newestReplicated: number;
  maxLag: number;
}

/**
 * Compares a source prefix with its replica: every source object present in the replica with the same
 * size and checksum, replicated within the window, and the RPO achieved. Shards of the key space are
 * listed in parallel and merge-joined page by page, so memory holds a page per side per shard plus the
 * listed problems, whatever the object count.
 */
export async function verifyReplica(o: VerifyReplicaOptions): Promise<VerifyReplicaReport> {
  const stats: ListingStats = { pages: 0 };
  const concurrency = o.concurrency ?? 8;
  const maxListed = o.maxListed ?? 1000;
  const shards = await planShards(o.sourceClient, o.source, concurrency * 2, 4, stats);
  const counts: Record<ProblemKind, number> = { missing: 0, corrupt: 0, late: 0, "replication-failed": 0, extra: 0 };
  const listed: ObjectProblem[] = [];
  let sorted = false;
  const report = (p: ObjectProblem) => {
    counts[p.kind] += 1;
    o.onProblem?.(p);
    // Keep the smallest keys (sorted once full, then by binary insertion) so the listed set does not
    // depend on shard timing.
    if (listed.length < maxListed) {
      listed.push(p);
      return;
    }
    if (!sorted) {
      listed.sort((a, b) => compareKeys(a.key, b.key));
      sorted = true;
    }
    if (maxListed === 0 || compareKeys(p.key, listed[listed.length - 1].key) >= 0) return;
    let lo = 0;
    let hi = listed.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareKeys(listed[mid].key, p.key) <= 0) lo = mid + 1;
      else hi = mid;
    }
    listed.splice(lo, 0, p);
    listed.pop();
  };
  let shardsDone = 0;
  let objects = 0;
  const tallies = await inParallel(shards, concurrency, async (shard) => {
    const t = await verifyShard(o, shard, stats, report, () => {
      objects += 1;
      if (objects % 1000 === 0) o.onProgress?.(shardsDone, shards.length, objects);
    });
    shardsDone += 1;
    o.onProgress?.(shardsDone, shards.length, objects);
    return t;
  });
  const sum = (f: keyof ShardTally) => tallies.reduce((n, t) => n + t[f], 0);
  const newestSource = Math.max(0, ...tallies.map((t) => t.newestSource));
  const newestReplicated = Math.max(0, ...tallies.map((t) => t.newestReplicated));
  listed.sort((a, b) => compareKeys(a.key, b.key) || a.kind.localeCompare(b.kind));
  const failing = counts.missing + counts.corrupt + counts.late + counts["replication-failed"];
  return {
    ok: failing === 0,
    source: formatS3Location(o.source),
    replica: formatS3Location(o.replica),
    windowSeconds: o.windowSeconds,
    objects: { source: sum("source"), replica: sum("replica"), compared: sum("compared"), checksumCompared: sum("checksumCompared"), sha256Compared: sum("sha256Compared"), inFlight: sum("inFlight") },
    problems: counts,
    listed,
    truncated: failing + counts.extra > listed.length,
    rpo: {
      newestSource: newestSource ? new Date(newestSource).toISOString() : null,
      newestReplicated: newestReplicated ? new Date(newestReplicated).toISOString() : null,
      achievedSeconds: newestSource === 0 ? 0 : newestReplicated === 0 ? null : Math.max(0, (newestSource - newestReplicated) / 1000),
    },
    maxLagSeconds: Math.max(0, ...tallies.map((t) => t.maxLag)),
    shards: shards.length,
    listingPages: stats.pages,
  };
}

/** Pairs of a merge-join waiting for their checksum comparison. */
type Pair = { rel: string; source: ListedObject; replica: ListedObject };

async function verifyShard(o: VerifyReplicaOptions, shard: Shard, stats: ListingStats, report: (p: ObjectProblem) => void, tick: () => void): Promise<ShardTally> {
  const t: ShardTally = { source: 0, replica: 0, compared: 0, checksumCompared: 0, sha256Compared: 0, inFlight: 0, newestSource: 0, newestReplicated: 0, maxLag: 0 };
  const rel = shard.prefix.slice(o.source.prefix.length);
  const replicaShard: Shard = { prefix: o.replica.prefix + rel, shallow: shard.shallow };
  const src = listShard(o.sourceClient, o.source.bucket, shard, stats);
  const rep = listShard(o.replicaClient, o.replica.bucket, replicaShard, stats);
  const window = o.windowSeconds * 1000;
  let s = await src.next();
  let r = await rep.next();
  const batch: Pair[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const pairs = batch.splice(0);
    await inParallel(pairs, 8, (p) => comparePair(o, p, t, report));
  };
  const sourceRel = (x: ListedObject) => x.key.slice(o.source.prefix.length);
  const replicaRel = (x: ListedObject) => x.key.slice(o.replica.prefix.length);
  while (!s.done || !r.done) {
    const order = s.done ? 1 : r.done ? -1 : compareKeys(sourceRel(s.value), replicaRel(r.value));
    if (order < 0) {
      const so = s.value as ListedObject;
      t.source += 1;
      tick();
      t.newestSource = Math.max(t.newestSource, so.lastModified);
      if (o.now - so.lastModified <= window) t.inFlight += 1;
      else await reportMissing(o, sourceRel(so), so, report);
      s = await src.next();
    } else if (order > 0) {
      t.replica += 1;
      report({ kind: "extra", key: replicaRel(r.value as ListedObject), detail: "in the replica but not in the source (deleted without a replicated delete marker, or written to the vault directly)" });
      r = await rep.next();
    } else {
      const so = s.value as ListedObject;
      const ro = r.value as ListedObject;
      t.source += 1;
      t.replica += 1;
      tick();
      t.newestSource = Math.max(t.newestSource, so.lastModified);
      const lag = ro.lastModified - so.lastModified;
      t.maxLag = Math.max(t.maxLag, lag / 1000);
      if (so.size !== ro.size) {
        report({ kind: "corrupt", key: sourceRel(so), detail: `size ${ro.size} in the replica, ${so.size} in the source` });
      } else {
        t.newestReplicated = Math.max(t.newestReplicated, so.lastModified);
        if (lag > window) report({ kind: "late", key: sourceRel(so), detail: `replicated ${Math.round(lag / 1000)} s after it was written (window ${o.windowSeconds} s)` });
        if (o.checksums) {
          batch.push({ rel: sourceRel(so), source: so, replica: ro });
          if (batch.length >= 64) await flush();
        } else t.compared += 1;
      }
      s = await src.next();
      r = await rep.next();
    }
  }
  await flush();
  return t;
}

async function reportMissing(o: VerifyReplicaOptions, rel: string, so: ListedObject, report: (p: ObjectProblem) => void): Promise<void> {
  const age = Math.round((o.now - so.lastModified) / 1000);
  if (!o.checksums) {
    report({ kind: "missing", key: rel, detail: `not in the replica, written ${age} s ago (window ${o.windowSeconds} s)` });
    return;
  }
  const facts = await headObject(o.sourceClient, o.source.bucket, so.key);
  const status = facts.replicationStatus ?? "none";
  if (status === "FAILED") report({ kind: "replication-failed", key: rel, detail: `S3 reports replication FAILED; not in the replica, written ${age} s ago` });
  else report({ kind: "missing", key: rel, detail: `not in the replica, written ${age} s ago (window ${o.windowSeconds} s; source replication status ${status})` });
}

async function comparePair(o: VerifyReplicaOptions, p: Pair, t: ShardTally, report: (p: ObjectProblem) => void): Promise<void> {
  const [sf, rf] = await Promise.all([headObject(o.sourceClient, o.source.bucket, p.source.key), headObject(o.replicaClient, o.replica.bucket, p.replica.key)]);
  t.compared += 1;
  if (sf.replicationStatus === "FAILED") report({ kind: "replication-failed", key: p.rel, detail: "S3 reports replication FAILED for the current version (the replica is an older version)" });
  const verdict = compareChecksums(sf, rf);
  if (verdict.kind === "match") {
    t.checksumCompared += 1;
    return;
  }
  if (verdict.kind === "mismatch") {
    t.checksumCompared += 1;
    report({ kind: "corrupt", key: p.rel, detail: `${verdict.algorithm} ${verdict.replica} in the replica, ${verdict.source} in the source` });
    return;
  }
  const [sh, rh] = await Promise.all([streamSha256(o.sourceClient, o.source.bucket, p.source.key), streamSha256(o.replicaClient, o.replica.bucket, p.replica.key)]);
  t.sha256Compared += 1;
  if (sh !== rh) report({ kind: "corrupt", key: p.rel, detail: `SHA-256 ${rh} in the replica, ${sh} in the source` });
}
