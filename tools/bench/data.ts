/**
 * Benchmark: `connect-dr data verify` against a bare paginated listing of the same two buckets on the
 * same servers (two s3rver instances as two Regions), at two object counts, each measured in its own
 * child process so its peak RSS is its own. Verify runs in listing mode (--no-checksums: presence,
 * size, lag, RPO), the mode comparable with a listing; checksum mode (HeadObject both sides, SHA-256
 * streamed when S3 carries no checksum) is measured once at a small count, per object.
 *
 * Prints progress lines on stderr, then ONE JSON object as the last line.
 * Run: npm run bench:data   (BENCH_DATA_SIZES=20000,40000 to change the counts)
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { S3Client } from "@aws-sdk/client-s3";
import { listObjects, inParallel } from "../../cli/data/s3/object-listing";
import { verifyReplica } from "../../cli/data/s3/verify-replica";
import { checkTable } from "../../cli/data/dynamodb/check-table";
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, ScanCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { startDynalite } from "../../tests/support/dynalite";
import { startLocalS3 } from "../../tests/support/s3rver-features";

const SOURCE = "bench-source";
const VAULT = "bench-vault";
const SHARDS = 16;
const log = (s: string) => process.stderr.write(`${s}\n`);

const client = (endpoint: string) => new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });

/** The worker: one measurement, in a process of its own; prints {ms, maxRssMiB, ...}. */
async function worker(mode: string, sourceEndpoint: string, vaultEndpoint: string, prefix: string): Promise<void> {
  const source = client(sourceEndpoint);
  const vault = client(vaultEndpoint);
  const started = performance.now();
  let detail: Record<string, unknown> = {};
  if (mode === "table-baseline" || mode === "table-check") {
    const east = new DynamoDBClient({ endpoint: sourceEndpoint, region: "us-east-1", credentials: { accessKeyId: "AKIDLOCAL", secretAccessKey: "local" } });
    const west = new DynamoDBClient({ endpoint: vaultEndpoint, region: "us-west-2", credentials: { accessKeyId: "AKIDLOCAL", secretAccessKey: "local" } });
    if (mode === "table-baseline") {
      // A bare parallel scan of both replicas, the same segments check-table uses.
      let n = 0;
      await Promise.all([east, west].map((c) => inParallel(Array.from({ length: 8 }, (_, i) => i), 8, async (segment) => {
        let start: Record<string, AttributeValue> | undefined;
        do {
          const page = await c.send(new ScanCommand({ TableName: prefix, Segment: segment, TotalSegments: 8, ExclusiveStartKey: start }));
          n += page.Items?.length ?? 0;
          start = page.LastEvaluatedKey;
        } while (start);
      })));
      detail = { scanned: n };
    } else {
      const report = await checkTable({ source: { client: east, tableName: prefix, label: "east" }, replica: { client: west, tableName: prefix, label: "west" }, segments: 8 });
      detail = { ok: report.ok, items: report.items, problems: report.problems };
    }
  } else if (mode === "baseline") {
    // A bare paginated listing of both buckets, the shards in parallel as verify does.
    const shards = Array.from({ length: SHARDS }, (_, i) => `${prefix}shard-${String(i).padStart(2, "0")}/`);
    let n = 0;
    await inParallel(shards, 8, async (p) => {
      await Promise.all([(async () => { for await (const _ of listObjects(source, SOURCE, p)) n++; })(), (async () => { for await (const _ of listObjects(vault, VAULT, p)) n++; })()]);
    });
    detail = { listed: n };
  } else {
    const report = await verifyReplica({
      source: { bucket: SOURCE, prefix },
      replica: { bucket: VAULT, prefix },
      sourceClient: source,
      replicaClient: vault,
      windowSeconds: 900,
      checksums: mode === "verify-checksums",
      now: Date.now(),
    });
    detail = { ok: report.ok, objects: report.objects, problems: report.problems, shards: report.shards, listingPages: report.listingPages };
  }
  const ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, ...detail })}\n`);
}

function measure(mode: string, endpoints: [string, string], prefix: string): Promise<{ ms: number; maxRssMiB: number } & Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, __filename, "--worker", mode, endpoints[0], endpoints[1], prefix], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`${mode} worker exited ${code}`))));
  });
}

/** check-table vs a bare parallel scan of both replicas (two dynalite servers), at two item counts. */
async function benchCheckTable(): Promise<Record<string, unknown>[]> {
  const sizes = (process.env.BENCH_DATA_TABLE_SIZES ?? "25000,50000").split(",").map(Number);
  const [east, west] = await Promise.all([startDynalite(), startDynalite()]);
  const out: Record<string, unknown>[] = [];
  try {
    for (const size of sizes) {
      const table = `bench-${size}`;
      log(`data check-table bench: ${size} items a replica: loading`);
      for (const d of [east, west]) {
        await d.client.send(new CreateTableCommand({ TableName: table, BillingMode: "PAY_PER_REQUEST", AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }] }));
        const batches = Array.from({ length: Math.ceil(size / 25) }, (_, b) => b);
        await inParallel(batches, 8, async (b) => {
          const items = Array.from({ length: Math.min(25, size - b * 25) }, (_, i) => {
            const n = b * 25 + i;
            return { PutRequest: { Item: { pk: { S: `contact-${String(n).padStart(7, "0")}` }, name: { S: `customer ${n}` }, phone: { S: `+1555${String(n).padStart(7, "0")}` }, visits: { N: String(n % 97) } } } };
          });
          await d.client.send(new BatchWriteItemCommand({ RequestItems: { [table]: items } }));
        });
      }
      log(`data check-table bench: ${size} items a replica: bare parallel scan`);
      const baseline = await measure("table-baseline", [east.endpoint, west.endpoint], table);
      log(`data check-table bench: ${size} items a replica: check-table`);
      const check = await measure("table-check", [east.endpoint, west.endpoint], table);
      log(`  baseline ${baseline.ms.toFixed(0)} ms, check-table ${check.ms.toFixed(0)} ms, ratio ${(check.ms / baseline.ms).toFixed(2)}, peak RSS ${check.maxRssMiB.toFixed(0)} MiB`);
      out.push({ itemsPerReplica: size, baselineMs: Math.round(baseline.ms), checkMs: Math.round(check.ms), ratio: +(check.ms / baseline.ms).toFixed(3), checkPeakRssMiB: +check.maxRssMiB.toFixed(1), baselinePeakRssMiB: +baseline.maxRssMiB.toFixed(1), problems: check.problems });
    }
  } finally {
    await east.close();
    await west.close();
  }
  return out;
}

/** Writes `count` objects per bucket straight into s3rver's file layout (PutObject for 80,000 objects would dominate the run). */
function populate(directory: string, bucket: string, prefix: string, count: number, at: number): void {
  for (let s = 0; s < SHARDS; s++) mkdirSync(join(directory, bucket, prefix, `shard-${String(s).padStart(2, "0")}`), { recursive: true });
  const when = new Date(at);
  for (let i = 0; i < count; i++) {
    const file = join(directory, bucket, prefix, `shard-${String(i % SHARDS).padStart(2, "0")}`, `ctr-${String(i).padStart(7, "0")}.gz._S3rver_object`);
    const body = `contact trace record ${i}`;
    writeFileSync(file, body);
    // s3rver computes and stores an object's MD5 on its first read: written here, so neither the
    // baseline nor verify pays for the other's first look.
    writeFileSync(`${file}.md5`, createHash("md5").update(body).digest("hex"));
    utimesSync(file, when, when);
  }
}

async function main(): Promise<void> {
  const sizes = (process.env.BENCH_DATA_SIZES ?? "20000,40000").split(",").map(Number);
  const tmp = mkdtempSync(join(tmpdir(), "connect-dr-bench-data-"));
  const east = await startLocalS3(join(tmp, "east"), [SOURCE]);
  const west = await startLocalS3(join(tmp, "west"), [VAULT]);
  const results: Record<string, unknown>[] = [];
  try {
    const written = Date.now() - 2 * 3600_000;
    for (const size of [...sizes, 500]) {
      const prefix = `size-${size}/`;
      populate(join(tmp, "east"), SOURCE, prefix, size, written);
      populate(join(tmp, "west"), VAULT, prefix, size, written + 30_000);
    }
    const endpoints: [string, string] = [east.endpoint, west.endpoint];
    for (const size of sizes) {
      const prefix = `size-${size}/`;
      log(`data verify bench: ${size} objects a side: bare listing`);
      const baseline = await measure("baseline", endpoints, prefix);
      log(`data verify bench: ${size} objects a side: verify (listing mode)`);
      const verify = await measure("verify", endpoints, prefix);
      log(`  baseline ${baseline.ms.toFixed(0)} ms, verify ${verify.ms.toFixed(0)} ms, ratio ${(verify.ms / baseline.ms).toFixed(2)}, peak RSS ${verify.maxRssMiB.toFixed(0)} MiB`);
      results.push({ objectsPerSide: size, baselineMs: Math.round(baseline.ms), verifyMs: Math.round(verify.ms), ratio: +(verify.ms / baseline.ms).toFixed(3), verifyPeakRssMiB: +verify.maxRssMiB.toFixed(1), baselinePeakRssMiB: +baseline.maxRssMiB.toFixed(1), verified: verify.objects, problems: verify.problems });
    }
    log("data verify bench: 500 objects a side: verify with checksums (HeadObject both sides + SHA-256 streamed)");
    const full = await measure("verify-checksums", endpoints, "size-500/");
    const goal = 1.3;
    const summary = {
      bench: "data",
      verify: results,
      verifyGoalRatio: goal,
      verifyGoalMet: results.every((r) => (r.ratio as number) <= goal),
      rssGrowthMiB: results.length > 1 ? +((results[results.length - 1].verifyPeakRssMiB as number) - (results[0].verifyPeakRssMiB as number)).toFixed(1) : 0,
      checksumMode: { objectsPerSide: 500, ms: Math.round(full.ms), msPerObject: +(full.ms / 500).toFixed(2), peakRssMiB: +full.maxRssMiB.toFixed(1) },
      checkTable: await benchCheckTable(),
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    await east.close();
    await west.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[2] !== "--worker" && !process.execArgv.includes("--openssl-legacy-provider")) {
  // s3rver signs its ListObjectsV2 continuation tokens with DES, which Node 20's OpenSSL 3 serves only
  // from the legacy provider: without it every listing past 1,000 keys fails with InternalError.
  const child = spawn(process.execPath, ["--openssl-legacy-provider", ...process.execArgv, __filename, ...process.argv.slice(2)], { stdio: "inherit" });
  child.on("exit", (code) => process.exit(code ?? 1));
} else if (process.argv[2] === "--worker") {
  worker(process.argv[3], process.argv[4], process.argv[5], process.argv[6]).catch((err) => {
    process.stderr.write(`${err}\n`);
    process.exit(1);
  });
} else {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : err}\n`);
    process.exit(1);
  });
}
