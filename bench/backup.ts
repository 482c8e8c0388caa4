/**
 * Benchmark: backup and restore of a synthetic instance (300 flows, 100 queues, 50 routing
 * profiles, 20 hours, 50 quick connects, 500 users, 30 security profiles, 20 hierarchy groups, 50
 * prompts with audio in S3) in the Connect API simulator with every API's quota at
 * 50 requests/s (burst 5), client and server alike. Compares wall time per phase with the
 * quota-bound ideal (for each API: calls / quota; the slowest API bounds the phase) and with a
 * naive sequential baseline (one call at a time, plain SDK client, no token bucket).
 *
 * Prints progress lines, then ONE JSON object as the last line.
 * Run: npm run bench:backup
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConnectClient } from "@aws-sdk/client-connect";
import { S3Client } from "@aws-sdk/client-s3";
import { spawn, type ChildProcess } from "node:child_process";
import type { SeedResult, SeedSpec, QuotaConfig, OperationCounters } from "../simulator";
import { openSession, type ConnectSession } from "../operations/connect/session";
import { send } from "../operations/connect/send";
import { uniformQuotas } from "../operations/rate/quotas";
import { runBackup } from "../operations/backup/run-backup";
import { readInstance } from "../operations/backup/read-instance";
import { restoreFromBackup } from "../operations/restore/restore-from-backup";
import { compareSnapshots } from "../operations/diff/compare-snapshots";
import { DirStore } from "../operations/store/dir-store";
import type { Kind } from "../operations/model/kinds";

const RATE = 50;
const BURST = 5;
const SIZE = { hours: 20, queues: 100, flows: 300, routingProfiles: 50, quickConnects: 50, users: 500, securityProfiles: 30, hierarchyGroups: 20, prompts: 50 };
const KINDS: Kind[] = [
  "instance", "lambdaFunctions", "hours", "prompts", "queues", "flows", "flowModules", "routingProfiles", "quickConnects", "agentStatuses",
  "securityProfiles", "hierarchyStructure", "hierarchyGroups", "users",
];
const PROMPT_BUCKET = "bench-prompts";

/** s3rver ships no types: the part of its API the bench uses. */
interface S3rverServer {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require("s3rver") as new (options: Record<string, unknown>) => S3rverServer;
const ACCOUNTS = { SRC: "111111111111", DST: "222222222222", BASE: "333333333333" };
const KEYS = { SRC: "AKIABENCHSOURCE00001", DST: "AKIABENCHTARGET00002", BASE: "AKIABENCHBASELINE003" };

const log = (s: string) => process.stderr.write(`${s}\n`);

function flowContent(actions: { type: string; params: Record<string, unknown> }[]): string {
  const all = [...actions, { type: "DisconnectParticipant", params: {} }];
  return JSON.stringify({
    Version: "2019-10-30",
    StartAction: "a0",
    Metadata: { entryPointPosition: { x: 40, y: 40 } },
    Actions: all.map((a, i) => ({ Identifier: `a${i}`, Type: a.type, Parameters: a.params, Transitions: i + 1 < all.length ? { NextAction: `a${i + 1}` } : {} })),
  });
}

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

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "connect-dr-bench-"));
  const s3rver = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: join(dir, "s3"), configureBuckets: [{ name: PROMPT_BUCKET, configs: [] }] });
  const s3Endpoint = `http://127.0.0.1:${(await s3rver.run()).port}`;
  const s3 = new S3Client({ endpoint: s3Endpoint, region: "us-west-2", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
  const mapping = { lambda: {}, lex: {}, accounts: {}, phoneNumbers: {}, storage: {}, integrations: {}, prompts: { bucket: PROMPT_BUCKET, prefix: "connect-dr/prompts/" } };
  const sim = await startSimProcess({ [KEYS.SRC]: ACCOUNTS.SRC, [KEYS.DST]: ACCOUNTS.DST, [KEYS.BASE]: ACCOUNTS.BASE }, s3Endpoint);
  try {
    // ---- Build the synthetic source instance (quotas off while building).
    const hours = Array.from({ length: SIZE.hours }, (_, i) => ({ id: randomUUID(), name: `Hours ${String(i).padStart(2, "0")}` }));
    const queues = Array.from({ length: SIZE.queues }, (_, i) => ({ id: randomUUID(), name: `Queue ${String(i).padStart(3, "0")}`, hoursOfOperationName: hours[i % SIZE.hours]!.name }));
    const pad = (i: number, n = 3) => String(i).padStart(n, "0");
    const securityProfiles = Array.from({ length: SIZE.securityProfiles }, (_, i) => ({ name: `Team profile ${pad(i, 2)}`, description: "bench", permissions: ["BasicAgentAccess", "Queues.View"], tags: { app: "bench" } }));
    const regions = 4;
    const groups = Array.from({ length: SIZE.hierarchyGroups }, (_, i) =>
      i < regions ? { name: `Region ${i}`, level: 1 } : { name: `Team ${pad(i, 2)}`, level: 2, parentName: `Region ${i % regions}` },
    );
    const users = Array.from({ length: SIZE.users }, (_, i) => ({
      username: `agent${pad(i)}`,
      routingProfileName: "Basic Routing Profile",
      securityProfileNames: ["Agent", securityProfiles[i % SIZE.securityProfiles]!.name],
      hierarchyGroupName: groups[regions + (i % (SIZE.hierarchyGroups - regions))]!.name,
      tags: { app: "bench" },
    }));
    const prompts = [{ name: "Greeting" }, ...Array.from({ length: SIZE.prompts - 1 }, (_, i) => ({ name: `Prompt ${pad(i, 2)}`, audio: Buffer.alloc(2048, i + 1) }))];
    const src = await sim.seed({
      account: ACCOUNTS.SRC, region: "us-east-1", instance: { alias: "bench-east" }, hours, queues, prompts,
      lambdaFunctions: ["arn:aws:lambda:us-east-1:111111111111:function:crm-lookup"],
      securityProfiles, hierarchy: { levels: ["Region", "Team"], groups }, users,
    });
    const dst = await sim.seed({ account: ACCOUNTS.DST, region: "us-west-2", instance: { alias: "bench-west" }, prompts: [{ name: "Greeting" }] });
    const base = await sim.seed({ account: ACCOUNTS.BASE, region: "us-west-2", instance: { alias: "bench-baseline" }, prompts: [{ name: "Greeting" }] });
    const dstId = dst.instanceId;
    const arn = (seg: string, id: string) => `${src.instanceArn}/${seg}/${id}`;
    const admin = await openSession({ region: "us-east-1", endpoint: sim.endpoint, credentials: { accessKeyId: KEYS.SRC, secretAccessKey: "x" }, quotas: uniformQuotas(10_000, 10_000) });
    const I = { InstanceId: src.instanceId };
    const flowIds: string[] = [];
    const xferFlows: string[] = [];
    for (let i = 0; i < SIZE.flows; i++) {
      const q1 = queues[i % SIZE.queues]!;
      const q2 = queues[(i * 7 + 3) % SIZE.queues]!;
      const actions: { type: string; params: Record<string, unknown> }[] = [
        { type: "CheckHoursOfOperation", params: { Hours: arn("operating-hours", hours[i % SIZE.hours]!.id) } },
        { type: "MessageParticipant", params: { PromptId: arn("prompt", src.ids.prompts.Greeting!) } },
        { type: "InvokeLambdaFunction", params: { LambdaFunctionARN: "arn:aws:lambda:$.AwsRegion:111111111111:function:crm-lookup", InvocationTimeLimitSeconds: "3" } },
        { type: "UpdateContactTargetQueue", params: { QueueId: arn("queue", q1.id) } },
        { type: "UpdateContactTargetQueue", params: { QueueId: arn("queue", q2.id) } },
      ];
      if (i > 0 && i % 3 === 0) actions.push({ type: "TransferToFlow", params: { ContactFlowId: arn("contact-flow", flowIds[i - 1]!) } });
      const type = i % 6 === 5 ? "QUEUE_TRANSFER" : "CONTACT_FLOW";
      const out = await send(admin.client, "CreateContactFlow", { ...I, Name: `Flow ${String(i).padStart(3, "0")}`, Type: type, Content: flowContent(actions), Tags: { app: "bench" } });
      flowIds.push(out.ContactFlowId as string);
      if (type === "QUEUE_TRANSFER") xferFlows.push(out.ContactFlowId as string);
    }
    // Mutual references: every 10th flow points forward to a later flow that points back to it.
    for (let i = 0; i + 5 < SIZE.flows; i += 10) {
      await send(admin.client, "UpdateContactFlowContent", { ...I, ContactFlowId: flowIds[i]!, Content: flowContent([{ type: "TransferToFlow", params: { ContactFlowId: arn("contact-flow", flowIds[i + 5]!) } }]) });
      await send(admin.client, "UpdateContactFlowContent", { ...I, ContactFlowId: flowIds[i + 5]!, Content: flowContent([{ type: "TransferToFlow", params: { ContactFlowId: arn("contact-flow", flowIds[i]!) } }]) });
    }
    const qcIds: string[] = [];
    for (let i = 0; i < SIZE.quickConnects; i++) {
      const out = await send(admin.client, "CreateQuickConnect", { ...I, Name: `QC ${String(i).padStart(2, "0")}`, QuickConnectConfig: { QuickConnectType: "QUEUE", QueueConfig: { QueueId: queues[i]!.id, ContactFlowId: xferFlows[i % xferFlows.length]! } } });
      qcIds.push(out.QuickConnectId as string);
    }
    for (let i = 0; i < SIZE.queues; i += 2) await send(admin.client, "AssociateQueueQuickConnects", { ...I, QueueId: queues[i]!.id, QuickConnectIds: [qcIds[(i / 2) % qcIds.length]!] });
    for (let i = 0; i < SIZE.routingProfiles; i++) {
      await send(admin.client, "CreateRoutingProfile", {
        ...I, Name: `Profile ${String(i).padStart(2, "0")}`, Description: "bench", DefaultOutboundQueueId: queues[i]!.id,
        MediaConcurrencies: [{ Channel: "VOICE", Concurrency: 1 }, { Channel: "CHAT", Concurrency: 2 }],
        QueueConfigs: [0, 1, 2].map((k) => ({ QueueReference: { QueueId: queues[(i + k * 13) % SIZE.queues]!.id, Channel: "VOICE" }, Priority: k + 1, Delay: k * 10 })),
      });
    }
    log(`built source ${src.instanceId}: ${SIZE.flows} flows, ${SIZE.queues} queues, ${SIZE.routingProfiles} routing profiles, ${SIZE.hours} hours, ${SIZE.quickConnects} quick connects, ${SIZE.users} users, ${SIZE.securityProfiles} security profiles, ${SIZE.hierarchyGroups} hierarchy groups, ${SIZE.prompts} prompts`);

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
    // When each kind's first and last node finished, seconds from the start of the restore.
    const kindSpan: Record<string, [number, number]> = {};
    const outcome = await restoreFromBackup({
      client: t.client, store, targetInstanceId: dstId, mapping, promptS3: s3,
      onPhase: (p, _d, _t, key) => {
        phaseStart[p] ??= Date.now();
        if (p !== "apply" || !key) return;
        const kind = key.split("/")[0]!;
        const at = (Date.now() - t0) / 1000;
        kindSpan[kind] = [kindSpan[kind]?.[0] ?? at, at];
      },
    });
    log(`restore kinds (first, last node done, s): ${JSON.stringify(kindSpan)}`);
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
    const second = await restoreFromBackup({ client: t.client, store, targetInstanceId: dstId, mapping, promptS3: s3 });
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
    const baseOutcome = await restoreFromBackup({ client: naive(KEYS.BASE, "us-west-2"), store, targetInstanceId: base.instanceId, mapping, promptS3: s3 });
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
    s3.destroy();
    await s3rver.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
