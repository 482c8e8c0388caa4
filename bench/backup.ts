/**
 * Benchmark: backup and restore of a synthetic instance (300 flows, 100 queues, 50 routing
 * profiles, 20 hours, 50 quick connects) in the Connect API simulator with every API's quota at
 * 50 requests/s (burst 5), client and server alike. Compares wall time per phase with the
 * quota-bound ideal (for each API: calls / quota; the slowest API bounds the phase) and with a
 * naive sequential baseline (one call at a time, plain SDK client, no token bucket).
 *
 * Prints progress lines, then ONE JSON object as the last line.
 * Run: npm run bench:backup
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConnectClient } from "@aws-sdk/client-connect";
import { spawn, type ChildProcess } from "node:child_process";
import type { SeedResult, SeedSpec, QuotaConfig, OperationCounters } from "../simulator";
import { openSession, type ConnectSession } from "../operations/connect/session";
import { BENCH_SIZE, buildBenchInstance } from "./bench-instance";
import { uniformQuotas } from "../operations/rate/quotas";
import { runBackup } from "../operations/backup/run-backup";
import { readInstance } from "../operations/backup/read-instance";
import { restoreFromBackup } from "../operations/restore/restore-from-backup";
import { compareSnapshots } from "../operations/diff/compare-snapshots";
import { DirStore } from "../operations/store/dir-store";
import type { Kind } from "../operations/model/kinds";

const RATE = 50;
const BURST = 5;
const SIZE = BENCH_SIZE;
const KINDS: Kind[] = ["instance", "lambdaFunctions", "hours", "prompts", "queues", "flows", "flowModules", "routingProfiles", "quickConnects", "agentStatuses"];
const ACCOUNTS = { SRC: "111111111111", DST: "222222222222", BASE: "333333333333" };
const KEYS = { SRC: "AKIABENCHSOURCE00001", DST: "AKIABENCHTARGET00002", BASE: "AKIABENCHBASELINE003" };

const log = (s: string) => process.stderr.write(`${s}\n`);

/** Calls per API from a session's counters, the ideal seconds (slowest API) and which API it is. */
function ideal(callsByApi: Map<string, number>): { seconds: number; api: string; calls: number } {
  let best = { seconds: 0, api: "", calls: 0 };
  for (const [api, calls] of callsByApi) {
    const s = calls / RATE;
    if (s > best.seconds) best = { seconds: s, api, calls };
  }
  return best;
}

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

async function startSimProcess(accounts: Record<string, string>): Promise<SimProcess> {
  const args = ["--import", "tsx", join(__dirname, "../simulator/main.ts"), "--port", "0", "--no-quotas", ...Object.entries(accounts).flatMap(([k, a]) => ["--access-key", `${k}=${a}`])];
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

async function main(): Promise<void> {
  const sim = await startSimProcess({ [KEYS.SRC]: ACCOUNTS.SRC, [KEYS.DST]: ACCOUNTS.DST, [KEYS.BASE]: ACCOUNTS.BASE });
  const dir = mkdtempSync(join(tmpdir(), "connect-dr-bench-"));
  try {
    // ---- Build the synthetic source instance (quotas off while building).
    const src = await buildBenchInstance({ seed: (spec) => sim.seed(spec), endpoint: sim.endpoint, accessKeyId: KEYS.SRC, account: ACCOUNTS.SRC, size: SIZE });
    const dst = await sim.seed({ account: ACCOUNTS.DST, region: "us-west-2", instance: { alias: "bench-west" }, prompts: [{ name: "Greeting" }] });
    const base = await sim.seed({ account: ACCOUNTS.BASE, region: "us-west-2", instance: { alias: "bench-baseline" }, prompts: [{ name: "Greeting" }] });
    const dstId = dst.instanceId;
    log(`built source ${src.instanceId}: ${SIZE.flows} flows, ${SIZE.queues} queues, ${SIZE.routingProfiles} routing profiles, ${SIZE.hours} hours, ${SIZE.quickConnects} quick connects`);

    // ---- Quotas on: 50 rps, burst 5, per API per (account, Region), on both sides.
    await sim.setQuota({ enabled: true, default: { ratePerSecond: RATE, burst: BURST } });
    const session = (key: string, region: string): Promise<ConnectSession> =>
      openSession({ region, endpoint: sim.endpoint, credentials: { accessKeyId: key, secretAccessKey: "x" }, quotas: uniformQuotas(RATE, BURST) });
    const throttledOnServer = async () => Object.values(await sim.counters()).reduce((n, c) => n + c.throttled, 0);
    await new Promise((r) => setTimeout(r, 1000)); // let every bucket fill

    const s = await session(KEYS.SRC, "us-east-1");
    const store = new DirStore(join(dir, "backup"));
    let t0 = Date.now();
    const thr0 = await throttledOnServer();
    const { manifest } = await runBackup({ client: s.client, instanceId: src.instanceId, store, kinds: KINDS });
    const backupSeconds = (Date.now() - t0) / 1000;
    const backupIdeal = ideal(s.counters.callsByApi);
    const backupServerThrottles = (await throttledOnServer()) - thr0;
    if (process.env.BENCH_DEBUG) log(JSON.stringify(Object.entries(await sim.counters()).filter(([, c]) => c.throttled > 0).map(([op, c]) => [op, c.requests, c.throttled])));
    log(`backup: ${backupSeconds.toFixed(2)}s, ideal ${backupIdeal.seconds.toFixed(2)}s (${backupIdeal.api} x${backupIdeal.calls})`);

    await new Promise((r) => setTimeout(r, 1000));
    const t = await session(KEYS.DST, "us-west-2");
    const before = new Map(t.counters.callsByApi);
    t0 = Date.now();
    const thr1 = await throttledOnServer();
    const phaseStart: Record<string, number> = {};
    const outcome = await restoreFromBackup({ client: t.client, store, targetInstanceId: dstId, onPhase: (p) => void (phaseStart[p] ??= Date.now()) });
    const phaseOrder = ["verify", "read-target", "plan", "apply"].filter((p) => phaseStart[p]);
    const restorePhases = Object.fromEntries(phaseOrder.map((p, i) => [p, ((phaseOrder[i + 1] ? phaseStart[phaseOrder[i + 1]!]! : Date.now()) - phaseStart[p]!) / 1000]));
    const restoreSeconds = (Date.now() - t0) / 1000;
    if (outcome.status !== "applied") throw new Error(`restore did not apply: ${outcome.status}`);
    const failed = outcome.result.results.filter((r) => r.error);
    if (failed.length) throw new Error(`restore failures: ${JSON.stringify(failed.slice(0, 5))}`);
    const restoreIdeal = ideal(diffCalls(t.counters.callsByApi, before));
    const restoreServerThrottles = (await throttledOnServer()) - thr1;
    log(`restore: ${restoreSeconds.toFixed(2)}s, ideal ${restoreIdeal.seconds.toFixed(2)}s (${restoreIdeal.api} x${restoreIdeal.calls}), ${outcome.result.writes} writes`);

    // Check the restore matched, and that a second run writes nothing.
    await sim.setQuota({ enabled: false });
    const [left, right] = await Promise.all([readInstance(s.client, src.instanceId, { kinds: KINDS.filter((k) => k !== "instance") }), readInstance(t.client, dstId, { kinds: KINDS.filter((k) => k !== "instance") })]);
    const diff = compareSnapshots(left, right, KINDS.filter((k) => k !== "instance"));
    const second = await restoreFromBackup({ client: t.client, store, targetInstanceId: dstId });
    const secondWrites = second.status === "applied" ? second.result.writes : -1;
    log(`diff equal: ${diff.equal}; second restore writes: ${secondWrites}`);

    if (process.env.BENCH_SKIP_BASELINE === "1") {
      console.log(JSON.stringify({ backup: { wallSeconds: backupSeconds, idealSeconds: backupIdeal.seconds, ratio: backupSeconds / backupIdeal.seconds, serverThrottles: backupServerThrottles }, restore: { wallSeconds: restoreSeconds, idealSeconds: restoreIdeal.seconds, ratio: restoreSeconds / restoreIdeal.seconds, phases: restorePhases, serverThrottles: restoreServerThrottles } }));
      return;
    }
    // ---- Naive sequential baseline: one call at a time, plain SDK client (standard retry), no token bucket.
    await sim.setQuota({ enabled: true, default: { ratePerSecond: RATE, burst: BURST } });
    await new Promise((r) => setTimeout(r, 1000));
    const naive = (key: string, region: string) => sequential(new ConnectClient({ region, endpoint: sim.endpoint, credentials: { accessKeyId: key, secretAccessKey: "x" }, maxAttempts: 10 }));
    const thr2 = await throttledOnServer();
    t0 = Date.now();
    await runBackup({ client: naive(KEYS.SRC, "us-east-1"), instanceId: src.instanceId, store: new DirStore(join(dir, "baseline")), kinds: KINDS });
    const baseBackupSeconds = (Date.now() - t0) / 1000;
    const thr3 = await throttledOnServer();
    t0 = Date.now();
    const baseOutcome = await restoreFromBackup({ client: naive(KEYS.BASE, "us-west-2"), store, targetInstanceId: base.instanceId });
    const baseRestoreSeconds = (Date.now() - t0) / 1000;
    const baseOk = baseOutcome.status === "applied" && baseOutcome.result.failed === 0;
    const thr4 = await throttledOnServer();
    log(`baseline: backup ${baseBackupSeconds.toFixed(2)}s, restore ${baseRestoreSeconds.toFixed(2)}s`);

    const result = {
      benchmark: "connect-dr backup/restore",
      quota: { ratePerSecond: RATE, burst: BURST, scope: "per API per (account, Region), client and simulator" },
      counts: { ...manifest.counts, objects: manifest.objects.length },
      backup: {
        wallSeconds: backupSeconds,
        idealSeconds: backupIdeal.seconds,
        slowestApi: backupIdeal.api,
        slowestApiCalls: backupIdeal.calls,
        ratioToIdeal: Number((backupSeconds / backupIdeal.seconds).toFixed(3)),
        calls: [...s.counters.callsByApi.values()].reduce((a, b) => a + b, 0),
        throttleErrorsSeenByUser: s.counters.throttlesSurfaced,
        throttlesAbsorbedBySdk: backupServerThrottles,
      },
      restore: {
        wallSeconds: restoreSeconds,
        idealSeconds: restoreIdeal.seconds,
        slowestApi: restoreIdeal.api,
        slowestApiCalls: restoreIdeal.calls,
        ratioToIdeal: Number((restoreSeconds / restoreIdeal.seconds).toFixed(3)),
        writes: outcome.result.writes,
        phasesSeconds: restorePhases,
        throttleErrorsSeenByUser: t.counters.throttlesSurfaced,
        throttlesAbsorbedBySdk: restoreServerThrottles,
        diffEmpty: diff.equal,
        secondRunWrites: secondWrites,
      },
      naiveSequentialBaseline: {
        backup: { wallSeconds: baseBackupSeconds, serverThrottles: thr3 - thr2 },
        restore: { wallSeconds: baseRestoreSeconds, serverThrottles: thr4 - thr3, succeeded: baseOk },
        speedup: { backup: Number((baseBackupSeconds / backupSeconds).toFixed(2)), restore: Number((baseRestoreSeconds / restoreSeconds).toFixed(2)) },
      },
      throttleErrorsSeenByUser: s.counters.throttlesSurfaced + t.counters.throttlesSurfaced,
    };
    console.log(JSON.stringify(result));
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
