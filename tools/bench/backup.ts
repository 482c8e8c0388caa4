/**
 * Benchmark: backup (Search and Describe read paths, full and incremental) and restore of a
 * synthetic instance (300 flows, 100 queues, 50 routing profiles, 20 hours, 50 quick connects,
 * 500 users, 30 security profiles, 20 hierarchy groups, 50 prompts with audio in an s3rver) in the Connect API simulator (its own process), at Amazon Connect's real default quota
 * (2 requests/s, burst 5, per API per account and Region, client and simulator alike) or a quotas
 * file. Each phase is compared with its minimum-call ideal (tools/bench/backup-ideal.ts): per API the
 * fewest calls that read or write the instance over its quota, burst credited, slowest API bounding.
 *
 * Flags:
 *   --quick            every API at 50 requests/s, burst 5 (the earlier bench), plus a naive sequential baseline
 *   --quotas <file>    quotas file (our format or `aws service-quotas list-service-quotas` output)
 *   --time-scale <N>   run N times faster: every rate x N on both sides, bursts unchanged; the ideal
 *                      scales the same way, so ratios hold and `realQuotaSeconds` = measured x N
 *   --size <F>         instance size as a fraction of the one above (default 1)
 *
 * Prints progress lines, then ONE JSON object as the last line.
 * Run: npm run bench:backup [-- --time-scale 10] | npm run bench:backup -- --quick
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ConnectClient } from "@aws-sdk/client-connect";
import { S3Client } from "@aws-sdk/client-s3";
import { spawn, type ChildProcess } from "node:child_process";
import type { SeedResult, SeedSpec, QuotaConfig, OperationCounters } from "../simulator";
import { openSession, type ConnectSession } from "../../cli/operations/connect/session";
import { send } from "../../cli/operations/connect/send";
import { CONNECT_DEFAULT_QUOTA, parseQuotaFile, uniformQuotas, type QuotaTable } from "../../cli/operations/rate/quotas";
import { runBackup } from "../../cli/operations/backup/run-backup";
import { readInstance } from "../../cli/operations/backup/read-instance";
import type { ReadPath } from "../../cli/operations/backup/read-paths";
import { restoreFromBackup } from "../../cli/operations/restore/restore-from-backup";
import { compareSnapshots } from "../../cli/operations/diff/compare-snapshots";
import { verifyBackup } from "../../cli/operations/verify/verify-backup";
import { DirStore } from "../../cli/operations/store/dir-store";
import type { Kind } from "../../cli/operations/model/kinds";
import { idealOf, minimumReadCalls, type Ideal } from "./backup-ideal";
import { buildBenchInstance, flowContent, type BenchInstance } from "./bench-instance";

const { values: flags } = parseArgs({
  options: { quick: { type: "boolean" }, quotas: { type: "string" }, "time-scale": { type: "string" }, size: { type: "string" } },
});
const QUICK = flags.quick === true;
const SCALE = Number(flags["time-scale"] ?? 1);
const FRACTION = Number(flags.size ?? 1);
if (!(SCALE > 0) || !(FRACTION > 0 && FRACTION <= 4)) throw new Error(`--time-scale must be > 0 and --size in (0, 4]; got ${flags["time-scale"]}, ${flags.size}`);
const BASE_QUOTAS: QuotaTable = QUICK ? uniformQuotas(50, 5) : flags.quotas ? parseQuotaFile(JSON.parse(readFileSync(flags.quotas, "utf8"))) : { default: CONNECT_DEFAULT_QUOTA, perApi: {} };
const scaled = (t: QuotaTable): QuotaTable => ({
  default: { ratePerSecond: t.default.ratePerSecond * SCALE, burst: t.default.burst },
  perApi: Object.fromEntries(Object.entries(t.perApi).map(([api, q]) => [api, { ratePerSecond: q.ratePerSecond * SCALE, burst: q.burst }])),
});
const QUOTAS = scaled(BASE_QUOTAS);
const sizeOf = (f: number) => ({
  hours: Math.max(1, Math.round(20 * f)), queues: Math.max(2, Math.round(100 * f)), flows: Math.max(6, Math.round(300 * f)),
  routingProfiles: Math.max(1, Math.round(50 * f)), quickConnects: Math.max(1, Math.round(50 * f)), users: Math.max(1, Math.round(500 * f)),
  securityProfiles: Math.max(1, Math.round(30 * f)), hierarchyGroups: Math.max(5, Math.round(20 * f)), prompts: Math.max(2, Math.round(50 * f)),
});
const SIZE = sizeOf(FRACTION);
const KINDS: Kind[] = [
  "instance", "lambdaFunctions", "hours", "prompts", "queues", "flows", "flowModules", "routingProfiles", "quickConnects", "securityProfiles", "agentStatuses",
  "hierarchyStructure", "hierarchyGroups", "users",
];
const RESTORE_KINDS: Kind[] = KINDS.filter((k) => k !== "instance");
const PROMPT_BUCKET = "bench-prompts";

/** s3rver ships no types: the part of its API the bench uses. */
interface S3rverServer {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require("s3rver") as new (options: Record<string, unknown>) => S3rverServer;
const ACCOUNTS = { SRC: "111111111111", DST: "222222222222", BASE: "333333333333", HALF: "444444444444" };
const KEYS = { SRC: "AKIABENCHSOURCE00001", DST: "AKIABENCHTARGET00002", BASE: "AKIABENCHBASELINE003", HALF: "AKIABENCHHALFSIZE004" };

const log = (s: string) => process.stderr.write(`${s}\n`);
const round = (n: number, d = 2) => Number(n.toFixed(d));

function diffCalls(after: Map<string, number>, before: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of after) if (v - (before.get(k) ?? 0) > 0) out.set(k, v - (before.get(k) ?? 0));
  return out;
}

/** A client whose calls run strictly one at a time (the naive baseline). */
function sequential(client: ConnectClient): ConnectClient {
  let chain: Promise<unknown> = Promise.resolve();
  const original = client.send.bind(client) as (c: unknown) => Promise<unknown>;
  (client as unknown as { send: (c: unknown) => Promise<unknown> }).send = (command: unknown) => {
    const next = chain.then(() => original(command));
    chain = next.catch(() => undefined);
    return next;
  };
  return client;
}

/**
 * The simulator in its own process (its CLI entry, driven through the admin endpoint), so the
 * simulated service and the tool under test do not share one event loop and one core.
 */
interface SimProcess {
  readonly endpoint: string;
  seed(spec: SeedSpec): Promise<SeedResult>;
  setQuota(config: QuotaConfig): Promise<void>;
  counters(): Promise<Record<string, OperationCounters>>;
  close(): Promise<void>;
}

async function startSimProcess(accounts: Record<string, string>, s3Endpoint: string): Promise<SimProcess> {
  const args = ["--import", "tsx", join(__dirname, "../simulator/main.ts"), "--port", "0", "--no-quotas", "--s3-endpoint", s3Endpoint, ...Object.entries(accounts).flatMap(([k, a]) => ["--access-key", `${k}=${a}`])];
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let buf = "";
    child.stdout!.on("data", (d: Buffer) => {
      buf += d.toString();
      const line = buf.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve((JSON.parse(line) as { endpoint: string }).endpoint);
    });
    child.on("exit", (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  const admin = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${endpoint}/__simulator/${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }) });
    if (!res.ok) throw new Error(`simulator admin ${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  return {
    endpoint,
    seed: async (spec) => (await admin("POST", "seed", spec)) as SeedResult,
    setQuota: async (config) => void (await admin("PUT", "quotas", config)),
    counters: async () => (await admin("GET", "counters")) as Record<string, OperationCounters>,
    close: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}


/** Builds a source instance of `size` through the API (quotas off): bench-instance.ts's, plus the people kinds and prompts with audio. */
async function buildSource(sim: SimProcess, account: string, key: string, size: ReturnType<typeof sizeOf>, alias: string): Promise<BenchInstance> {
  const pad = (i: number, n = 3) => String(i).padStart(n, "0");
  const securityProfiles = Array.from({ length: size.securityProfiles }, (_, i) => ({ name: `Team profile ${pad(i, 2)}`, description: "bench", permissions: ["BasicAgentAccess", "Queues.View"], tags: { app: "bench" } }));
  const regions = 4;
  const groups = Array.from({ length: size.hierarchyGroups }, (_, i) => (i < regions ? { name: `Region ${i}`, level: 1 } : { name: `Team ${pad(i, 2)}`, level: 2, parentName: `Region ${i % regions}` }));
  const users = Array.from({ length: size.users }, (_, i) => ({
    username: `agent${pad(i, 4)}`,
    routingProfileName: "Basic Routing Profile",
    securityProfileNames: ["Agent", securityProfiles[i % size.securityProfiles]!.name],
    hierarchyGroupName: groups[regions + (i % (size.hierarchyGroups - regions))]!.name,
    tags: { app: "bench" },
  }));
  const prompts = [{ name: "Greeting" }, ...Array.from({ length: size.prompts - 1 }, (_, i) => ({ name: `Prompt ${pad(i, 2)}`, audio: Buffer.alloc(2048, i + 1) }))];
  return buildBenchInstance({
    seed: (spec) => sim.seed(spec), endpoint: sim.endpoint, accessKeyId: key, account, alias, size,
    extra: { users, prompts, securityProfiles, hierarchy: { levels: ["Region", "Team"], groups } },
  });
}

/** Peak heap growth while `work` runs, in MB. */
async function peakHeap<T>(work: () => Promise<T>): Promise<{ value: T; peakHeapMB: number }> {
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { value, peakHeapMB: round((peak - base) / 1e6, 1) };
  } finally {
    clearInterval(timer);
  }
}

function phaseReport<E extends Record<string, unknown>>(wall: number, ideal: Ideal, callsMade: Map<string, number>, extra: E) {
  return {
    wallSeconds: round(wall),
    idealSeconds: round(ideal.seconds),
    ratioToIdeal: ideal.seconds > 0.5 ? round(wall / ideal.seconds, 3) : null,
    boundingApi: ideal.api,
    boundingApiCalls: ideal.calls,
    realQuotaSeconds: { wall: round(wall * SCALE, 1), ideal: round(ideal.seconds * SCALE, 1) },
    calls: [...callsMade.values()].reduce((a, b) => a + b, 0),
    ...extra,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "connect-dr-bench-"));
  // Prompts' audio: the backup fetches it, restore uploads it here and the simulator reads it back.
  const s3rver = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: join(dir, "s3"), configureBuckets: [{ name: PROMPT_BUCKET, configs: [] }] });
  const s3Endpoint = `http://127.0.0.1:${(await s3rver.run()).port}`;
  const promptS3 = new S3Client({ endpoint: s3Endpoint, region: "us-west-2", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
  const mapping = { lambda: {}, lex: {}, accounts: {}, phoneNumbers: {}, storage: {}, integrations: {}, prompts: { bucket: PROMPT_BUCKET, prefix: "connect-dr/prompts/" } };
  const sim = await startSimProcess({ [KEYS.SRC]: ACCOUNTS.SRC, [KEYS.DST]: ACCOUNTS.DST, [KEYS.BASE]: ACCOUNTS.BASE, [KEYS.HALF]: ACCOUNTS.HALF }, s3Endpoint);
  try {
    const built = await buildSource(sim, ACCOUNTS.SRC, KEYS.SRC, SIZE, "bench-east");
    const half = await buildSource(sim, ACCOUNTS.HALF, KEYS.HALF, sizeOf(FRACTION / 2), "bench-half");
    const dst = await sim.seed({ account: ACCOUNTS.DST, region: "us-west-2", instance: { alias: "bench-west" }, prompts: [{ name: "Greeting" }] });
    const base = await sim.seed({ account: ACCOUNTS.BASE, region: "us-west-2", instance: { alias: "bench-baseline" }, prompts: [{ name: "Greeting" }] });
    const srcId = built.src.instanceId;
    log(`built source ${srcId}: ${JSON.stringify(SIZE)}; quotas ${JSON.stringify(BASE_QUOTAS.default)} x time-scale ${SCALE}`);

    const quotasOn = () => sim.setQuota({ enabled: true, default: QUOTAS.default, perOperation: QUOTAS.perApi });
    const refill = async () => {
      const worst = Math.max(QUOTAS.default.burst / QUOTAS.default.ratePerSecond, ...Object.values(QUOTAS.perApi).map((q) => q.burst / q.ratePerSecond));
      await new Promise((r) => setTimeout(r, Math.ceil(worst * 1000) + 200));
    };
    const session = (key: string, region: string): Promise<ConnectSession> =>
      openSession({ region, endpoint: sim.endpoint, credentials: { accessKeyId: key, secretAccessKey: "x" }, quotas: { ...QUOTAS } });
    const throttledOnServer = async () => Object.values(await sim.counters()).reduce((n, c) => n + c.throttled, 0);
    await quotasOn();
    await refill();

    // ---- Full backups, both read paths.
    const full = async (path: ReadPath, name: string, key = KEYS.SRC, instanceId = srcId, kinds = KINDS) => {
      const s = await session(key, "us-east-1");
      const thr0 = await throttledOnServer();
      const t0 = Date.now();
      const { value, peakHeapMB } = await peakHeap(() => runBackup({ client: s.client, instanceId, store: new DirStore(join(dir, name)), kinds, readPath: path }));
      const wall = (Date.now() - t0) / 1000;
      const withQueues = value.snapshot.resources.routingProfiles?.filter((r) => Number(r.data.NumberOfAssociatedQueues ?? 1) > 0).length ?? 0;
      const ideal = idealOf(minimumReadCalls({ counts: value.manifest.counts, path, withQueues, made: s.counters.callsByApi }), QUOTAS);
      const report = phaseReport(wall, ideal, s.counters.callsByApi, { objects: value.manifest.objects.length, readPaths: value.readPaths, peakHeapMB, throttlesAbsorbedBySdk: (await throttledOnServer()) - thr0, throttleErrorsSeenByUser: s.counters.throttlesSurfaced });
      log(`backup ${name} (${path}): ${report.wallSeconds}s, ideal ${report.idealSeconds}s (${ideal.api} x${ideal.calls}), ratio ${report.ratioToIdeal}`);
      await refill();
      return { report, manifest: value.manifest };
    };
    const search = await full("search", "search");
    const describe = await full("describe", "describe");
    const halfSearch = await full("search", "half", KEYS.HALF, half.src.instanceId);
    // Users need one DescribeUser each on both paths (Search lacks their email addresses): the same
    // backups without users show what Search does for the kinds it carries whole.
    const noUsers = KINDS.filter((k) => k !== "users");
    const searchNoUsers = await full("search", "search-no-users", KEYS.SRC, srcId, noUsers);
    const describeNoUsers = await full("describe", "describe-no-users", KEYS.SRC, srcId, noUsers);

    // ---- 1% of objects changed, then an incremental backup since the Search backup.
    await sim.setQuota({ enabled: false });
    const I = { InstanceId: srcId };
    const objects = search.manifest.objects.length;
    const toChange = Math.max(1, Math.round(objects / 100));
    const changed: Partial<Record<Kind, number>> = {};
    for (let i = 0; i < toChange; i++) {
      if (i % 5 === 4) {
        const q = built.queues[i % built.queues.length]!;
        await send(built.admin.client, "UpdateQueueMaxContacts", { ...I, QueueId: q.id, MaxContacts: 10 + i });
        changed.queues = (changed.queues ?? 0) + 1;
      } else {
        const id = built.flowIds[(i * 37) % built.flowIds.length]!;
        await send(built.admin.client, "UpdateContactFlowContent", { ...I, ContactFlowId: id, Content: flowContent([{ type: "MessageParticipant", params: { Text: `changed ${i}` } }]) });
        changed.flows = (changed.flows ?? 0) + 1;
      }
    }
    await quotasOn();
    await refill();
    const si = await session(KEYS.SRC, "us-east-1");
    let t0 = Date.now();
    const { value: inc, peakHeapMB: incHeap } = await peakHeap(() => runBackup({ client: si.client, instanceId: srcId, store: new DirStore(join(dir, "inc")), kinds: KINDS, since: new DirStore(join(dir, "search")) }));
    const incWall = (Date.now() - t0) / 1000;
    const incIdeal = idealOf(minimumReadCalls({ counts: inc.manifest.counts, path: "search", withQueues: 0, changed, made: si.counters.callsByApi }), QUOTAS);
    const incremental = phaseReport(incWall, incIdeal, si.counters.callsByApi, {
      changedObjects: toChange, written: inc.manifest.objects.filter((o) => !o.from).length, referenced: inc.manifest.objects.filter((o) => o.from).length, readPaths: inc.readPaths, peakHeapMB: incHeap,
    });
    log(`incremental: ${incremental.wallSeconds}s, ideal ${incremental.idealSeconds}s (${incIdeal.api} x${incIdeal.calls}), ${incremental.written} written, ${incremental.referenced} referenced`);
    await refill();

    // ---- Restore the incremental chain into an empty instance in another account and Region.
    const t = await session(KEYS.DST, "us-west-2");
    t0 = Date.now();
    const thr1 = await throttledOnServer();
    const phaseStart: Record<string, number> = {};
    const outcome = await restoreFromBackup({ client: t.client, store: new DirStore(join(dir, "inc")), targetInstanceId: dst.instanceId, mapping, promptS3, onPhase: (p) => void (phaseStart[p] ??= Date.now()) });
    const restoreWall = (Date.now() - t0) / 1000;
    const phaseOrder = ["verify", "read-target", "plan", "apply"].filter((p) => phaseStart[p]);
    const phasesSeconds = Object.fromEntries(phaseOrder.map((p, i) => [p, round(((phaseOrder[i + 1] ? phaseStart[phaseOrder[i + 1]!]! : Date.now()) - phaseStart[p]!) / 1000)]));
    if (outcome.status !== "applied") throw new Error(`restore did not apply: ${outcome.status}`);
    const failed = outcome.result.results.filter((r) => r.error);
    if (failed.length) throw new Error(`restore failures: ${JSON.stringify(failed.slice(0, 5))}`);
    // The restore's calls are its minimum: one read of the empty target, then only writes that differ.
    const restoreIdeal = idealOf(t.counters.callsByApi, QUOTAS);
    const restore = phaseReport(restoreWall, restoreIdeal, t.counters.callsByApi, { writes: outcome.result.writes, phasesSeconds, throttlesAbsorbedBySdk: (await throttledOnServer()) - thr1, throttleErrorsSeenByUser: t.counters.throttlesSurfaced });
    log(`restore: ${restore.wallSeconds}s, ideal ${restore.idealSeconds}s (${restoreIdeal.api} x${restoreIdeal.calls}), ${outcome.result.writes} writes`);

    // ---- Correctness: restored == source; the chain and both paths hold the same records; a second restore writes nothing.
    await sim.setQuota({ enabled: false });
    const s = await session(KEYS.SRC, "us-east-1");
    const [left, right] = await Promise.all([readInstance(s.client, srcId, { kinds: RESTORE_KINDS }), readInstance(t.client, dst.instanceId, { kinds: RESTORE_KINDS })]);
    const diff = compareSnapshots(left, right, RESTORE_KINDS);
    const second = await restoreFromBackup({ client: t.client, store: new DirStore(join(dir, "inc")), targetInstanceId: dst.instanceId, mapping, promptS3 });
    const secondWrites = second.status === "applied" ? second.result.writes : -1;
    const sameRecords = search.manifest.objectsSha256 === describe.manifest.objectsSha256 || JSON.stringify(search.manifest.objects.map((o) => [o.path, o.sha256])) === JSON.stringify(describe.manifest.objects.map((o) => [o.path, o.sha256]));
    const chainOk = (await verifyBackup(new DirStore(join(dir, "inc")))).ok;
    log(`diff equal: ${diff.equal}; second restore writes: ${secondWrites}; search == describe records: ${sameRecords}; chain verifies: ${chainOk}`);

    let naive: Record<string, unknown> | undefined;
    if (QUICK) {
      // Naive sequential baseline: one call at a time, plain SDK client (standard retry), no token bucket.
      await quotasOn();
      await refill();
      const plain = (key: string, region: string) => sequential(new ConnectClient({ region, endpoint: sim.endpoint, credentials: { accessKeyId: key, secretAccessKey: "x" }, maxAttempts: 10 }));
      t0 = Date.now();
      await runBackup({ client: plain(KEYS.SRC, "us-east-1"), instanceId: srcId, store: new DirStore(join(dir, "baseline")), kinds: KINDS, readPath: "describe" });
      const b = (Date.now() - t0) / 1000;
      t0 = Date.now();
      const baseOutcome = await restoreFromBackup({ client: plain(KEYS.BASE, "us-west-2"), store: new DirStore(join(dir, "search")), targetInstanceId: base.instanceId, mapping, promptS3 });
      const r = (Date.now() - t0) / 1000;
      naive = { backupDescribeSeconds: round(b), restoreSeconds: round(r), restoreSucceeded: baseOutcome.status === "applied" && baseOutcome.result.failed === 0 };
      log(`naive sequential: backup ${b.toFixed(2)}s, restore ${r.toFixed(2)}s`);
    }

    const result = {
      benchmark: "connect-dr backup/restore",
      mode: QUICK ? "quick (50 rps)" : flags.quotas ? `quotas file ${flags.quotas}` : "real default quotas",
      quota: { default: BASE_QUOTAS.default, perApi: BASE_QUOTAS.perApi, timeScale: SCALE, scope: "per API per (account, Region), client and simulator" },
      size: SIZE,
      counts: { ...search.manifest.counts, objects: search.manifest.objects.length },
      backup: {
        search: search.report,
        describe: describe.report,
        speedupSearchOverDescribe: round(describe.report.wallSeconds / search.report.wallSeconds),
        sameRecordsBothPaths: sameRecords,
        withoutUsers: {
          search: searchNoUsers.report,
          describe: describeNoUsers.report,
          speedupSearchOverDescribe: round(describeNoUsers.report.wallSeconds / searchNoUsers.report.wallSeconds),
        },
      },
      incremental: { ...incremental, chainVerifies: chainOk },
      restore: { ...restore, diffEmpty: diff.equal, secondRunWrites: secondWrites },
      memory: { peakHeapMB: { [`size ${FRACTION}`]: search.report.peakHeapMB, [`size ${FRACTION / 2}`]: halfSearch.report.peakHeapMB }, objects: { [`size ${FRACTION}`]: search.report.objects, [`size ${FRACTION / 2}`]: halfSearch.report.objects } },
      ...(naive ? { naiveSequentialBaseline: naive } : {}),
      throttleErrorsSeenByUser: search.report.throttleErrorsSeenByUser + describe.report.throttleErrorsSeenByUser + t.counters.throttlesSurfaced + si.counters.throttlesSurfaced,
    };
    console.log(JSON.stringify(result));
  } finally {
    await sim.close();
    promptS3.destroy();
    await s3rver.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
