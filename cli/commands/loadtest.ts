import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { ConnectClient, DescribeInstanceCommand, ListTrafficDistributionGroupsCommand, ReplicateInstanceCommand } from "@aws-sdk/client-connect";
import { Command } from "commander";
import { runLoadTest, type LoadTestResult } from "../capacity/loadtest";
import { openSession } from "../operations/connect/session";
import type { Simulator, SimulatorOptions } from "../../tools/simulator";
import { parsePositive, parseRegion, parseUrl, readJsonFile } from "../arguments";
import type { CliCommand, CliContext } from "../command-module";
import { progressFactory } from "../progress";
import { quotasFromFlags, type CommonFlags } from "../connect-options";
import { OperationalError, UsageError } from "../errors";
import { EXIT } from "../exit-codes";

interface LoadTestFlags extends CommonFlags {
  pair?: string;
  groupArn?: string;
  dynamodbEndpoint?: string;
  table?: string;
  rates?: string;
  peakRate?: string;
  capacityJson?: string;
  eventsPerContact?: string;
  stepSeconds?: string;
  alarmBurst?: string;
  latencyBoundMs?: string;
  simRate?: string;
  simBurst?: string;
  allSteps?: boolean;
}

const LOCAL_CREDENTIALS = { accessKeyId: "AKIDLOADTEST", secretAccessKey: "local" };

/** The step rates (pure): --rates, else the peak contact event rate x 0.5, 1, 2, 4, 8. */
export function stepRates(flags: Pick<LoadTestFlags, "rates" | "peakRate" | "capacityJson" | "eventsPerContact">, cwd: string): { rates: number[]; peakEventRate: number | null } {
  if (flags.rates !== undefined) {
    const rates = flags.rates.split(",").map((r) => Number(r.trim()));
    if (rates.length === 0 || rates.some((r) => !Number.isFinite(r) || r <= 0)) throw UsageError.invalid("--rates", flags.rates, "expected comma-separated events per second > 0, e.g. 20,40,80");
    return { rates: [...rates].sort((a, b) => a - b), peakEventRate: null };
  }
  const perContact = parsePositive("--events-per-contact", flags.eventsPerContact) ?? 3;
  let callsPerSecond = parsePositive("--peak-rate", flags.peakRate);
  if (callsPerSecond === undefined && flags.capacityJson !== undefined) {
    const doc = readJsonFile("--capacity-json", flags.capacityJson, cwd) as { series?: { callArrivalsPerSecond?: { forecastPeak?: { high?: unknown } } } };
    const high = doc.series?.callArrivalsPerSecond?.forecastPeak?.high;
    if (typeof high !== "number" || !(high > 0)) throw UsageError.invalid("--capacity-json", flags.capacityJson, "expected the JSON printed by `connect-dr capacity --json` (series.callArrivalsPerSecond.forecastPeak.high > 0)");
    callsPerSecond = high;
  }
  if (callsPerSecond === undefined) return { rates: [20, 40, 80, 160, 320], peakEventRate: null };
  const peak = callsPerSecond * perContact;
  return { rates: [0.5, 1, 2, 4, 8].map((m) => Math.max(1, Math.round(peak * m * 100) / 100)), peakEventRate: peak };
}

interface Environment {
  endpoint: string;
  groupArn: string;
  dynamo: DynamoDBClient;
  table: string;
  close(): Promise<void>;
  started: string[];
}

/**
 * dynalite (a DynamoDB-compatible server) is what the local mode runs the lock and contact tables on.
 * It is a development dependency: an installed package may lack it, which is said plainly.
 */
function loadDynalite(): (options: Record<string, number>) => Server {
  try {
    // dynalite ships no types.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("dynalite") as (options: Record<string, number>) => Server;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw error;
    throw new OperationalError(
      "the load test's local mode runs DynamoDB on the package 'dynalite', which is not installed: install it (npm install dynalite) " +
        "or pass --dynamodb-endpoint <url> of a DynamoDB-compatible server",
    );
  }
}

/**
 * The Connect API simulator the local mode starts is a development tool of connect-dr's repository,
 * loaded only when the local mode runs: the npm package does not ship it, which is said plainly.
 */
function loadSimulator(): (options: SimulatorOptions) => Promise<Simulator> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require("../../tools/simulator") as typeof import("../../tools/simulator")).startSimulator;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw error;
    throw new OperationalError(
      "the load test's local mode starts the Connect API simulator of connect-dr's repository, which this installation does not include: " +
        "run it from a clone of the repository, or pass --endpoint-url <url> and --group-arn <arn> of a running simulator or instance",
    );
  }
}

async function environment(flags: LoadTestFlags, pair: [string, string]): Promise<Environment> {
  const closers: (() => Promise<void>)[] = [];
  try {
    return await startEnvironment(flags, pair, closers);
  } catch (error) {
    // Whatever was started is stopped, so the command exits after the error.
    for (const close of closers.reverse()) await close().catch(() => undefined);
    throw error;
  }
}

async function startEnvironment(flags: LoadTestFlags, pair: [string, string], closers: (() => Promise<void>)[]): Promise<Environment> {
  const started: string[] = [];
  // Checked before anything starts.
  const dynalite = flags.dynamodbEndpoint ? undefined : loadDynalite();
  let endpoint = parseUrl("--endpoint-url", flags.endpointUrl);
  let groupArn = flags.groupArn;
  if (endpoint && !groupArn) throw new UsageError("--group-arn is required with --endpoint-url: the ARN of the traffic distribution group to shift");
  if (groupArn && !/^arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:traffic-distribution-group\/.+/.test(groupArn)) {
    throw UsageError.invalid("--group-arn", groupArn, "expected arn:aws:connect:<region>:<account>:traffic-distribution-group/<id>");
  }
  if (!endpoint) {
    const simRate = parsePositive("--sim-rate", flags.simRate) ?? 2;
    const simBurst = parsePositive("--sim-burst", flags.simBurst, true) ?? 5;
    const sim: Simulator = await loadSimulator()({ quotas: { default: { ratePerSecond: simRate, burst: simBurst } } });
    closers.push(() => sim.close());
    endpoint = sim.endpoint;
    started.push(`Connect API simulator at ${endpoint} (quota ${simRate}/s, burst ${simBurst} per API)`);
    const source = sim.seed({ region: pair[0], instance: { alias: "loadtest" } });
    const client = new ConnectClient({ region: pair[0], endpoint, credentials: LOCAL_CREDENTIALS });
    await client.send(new ReplicateInstanceCommand({ InstanceId: source.instanceArn, ReplicaRegion: pair[1], ReplicaAlias: "loadtest-replica" }));
    const replica = new ConnectClient({ region: pair[1], endpoint, credentials: LOCAL_CREDENTIALS });
    for (let i = 0; i < 100; i++) {
      const d = await replica.send(new DescribeInstanceCommand({ InstanceId: source.instanceId }));
      if (d.Instance?.InstanceStatus === "ACTIVE") break;
      await new Promise((r) => setTimeout(r, 50));
    }
    replica.destroy();
    groupArn = (await client.send(new ListTrafficDistributionGroupsCommand({ InstanceId: source.instanceArn }))).TrafficDistributionGroupSummaryList?.find((g) => g.IsDefault)?.Arn;
    client.destroy();
    if (!groupArn) throw new Error("the simulator created no default traffic distribution group");
  }
  let dynamoEndpoint = parseUrl("--dynamodb-endpoint", flags.dynamodbEndpoint);
  const table = flags.table ?? `connect-dr-loadtest-${Date.now()}`;
  if (!/^[A-Za-z0-9_.-]{3,255}$/.test(table)) throw UsageError.invalid("--table", table, "expected 3-255 letters, digits, _ . or -");
  if (!dynamoEndpoint && dynalite) {
    // A DynamoDB-compatible server (LevelDB in memory).
    const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    dynamoEndpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    closers.push(() => new Promise<void>((ok) => server.close(() => ok())));
    started.push(`dynalite at ${dynamoEndpoint}`);
  }
  const dynamo = new DynamoDBClient({ endpoint: dynamoEndpoint, region: pair[1], credentials: LOCAL_CREDENTIALS });
  if (!flags.table || started.some((s) => s.startsWith("dynalite"))) {
    await dynamo.send(
      new CreateTableCommand({
        TableName: table,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }, { AttributeName: "sk", AttributeType: "S" }],
        KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }],
      }),
    );
  }
  return {
    endpoint,
    groupArn: groupArn!,
    dynamo,
    table,
    started,
    async close() {
      dynamo.destroy();
      for (const c of closers.reverse()) await c();
    },
  };
}

function fmt(p: { p50: number; p90: number; p99: number }): string {
  return `p50 ${p.p50.toFixed(1)} / p90 ${p.p90.toFixed(1)} / p99 ${p.p99.toFixed(1)} ms`;
}

export function loadtestText(r: LoadTestResult): string {
  const lines = r.steps.map(
    (s) =>
      `  ${String(s.rate).padStart(7)} ev/s -> ${s.toRegion}: ${s.passed ? "PASS" : "FAIL"}  contacts ${s.contactEvents.stored}/${s.contactEvents.sent} ${fmt(s.contactLatencyMs)}; ` +
      `alarms ${s.alarmEvents.sent} (shifted ${s.alarmEvents.shifted}, locked ${s.alarmEvents.locked}, in place ${s.alarmEvents.alreadyInPlace}) ${fmt(s.alarmLatencyMs)}; throttles retried ${s.throttlesRetried}, surfaced ${s.throttlesSurfaced}` +
      (s.problems.length ? `\n      ${s.problems.join("; ")}` : ""),
  );
  return [
    "Failover path under load:",
    ...lines,
    `Maximum sustainable contact event rate: ${r.maxSustainableEventRate} events/s; lost shifts ${r.lostShifts}, duplicated shifts ${r.duplicatedShifts}, throttles surfaced ${r.throttlesSurfaced}`,
    `Alarm events ${fmt(r.alarmLatencyMs)}; contact events ${fmt(r.contactLatencyMs)}`,
  ].join("\n");
}

async function run(flags: LoadTestFlags, ctx: CliContext): Promise<void> {
  const pair = (flags.pair ?? "us-east-1,us-west-2").split(",").map((r) => r.trim()) as [string, string];
  if (pair.length !== 2 || pair[0] === pair[1]) throw UsageError.invalid("--pair", flags.pair, "expected two distinct Regions, primary first, e.g. us-east-1,us-west-2");
  pair.forEach((r) => parseRegion("--pair", r));
  const surviving = parseRegion("--region", flags.region) ?? pair[1];
  if (!pair.includes(surviving)) throw UsageError.invalid("--region", flags.region, `expected one of the pair ${pair.join(", ")}`);
  const { rates, peakEventRate } = stepRates(flags, ctx.io.cwd);
  const stepSeconds = parsePositive("--step-seconds", flags.stepSeconds) ?? 2;
  const alarmBurst = parsePositive("--alarm-burst", flags.alarmBurst, true) ?? 20;
  const latencyBoundMs = parsePositive("--latency-bound-ms", flags.latencyBoundMs) ?? 250;
  const quotas = quotasFromFlags(flags, ctx.io);
  const env = await environment(flags, pair);
  const progress = progressFactory(ctx.io, flags.progress !== false).start("loadtest");
  try {
    for (const s of env.started) ctx.io.stderr.write(`started ${s}\n`);
    const session = await openSession({ region: surviving, endpoint: env.endpoint, credentials: flags.endpointUrl ? undefined : LOCAL_CREDENTIALS, quotas, ...(flags.profile ? { profile: flags.profile } : {}) });
    try {
      const result = await runLoadTest(
        { connect: session.client, counters: session.counters, groupArn: env.groupArn, pair, dynamo: env.dynamo, table: env.table },
        { rates, stepSeconds, alarmBurst, latencyBoundMs, ...(flags.allSteps ? { allSteps: true } : {}) },
        (d, t, detail) => progress.update(d, t, detail),
      );
      progress.stop(`${result.steps.length} steps`);
      const doc = {
        ok: result.lostShifts === 0 && result.duplicatedShifts === 0 && result.throttlesSurfaced === 0 && result.maxSustainableEventRate > 0,
        ...(peakEventRate !== null ? { forecastPeakEventRate: peakEventRate, peakSustained: result.maxSustainableEventRate >= peakEventRate } : {}),
        maxSustainableEventRate: result.maxSustainableEventRate,
        lostShifts: result.lostShifts,
        duplicatedShifts: result.duplicatedShifts,
        throttlesSurfaced: result.throttlesSurfaced,
        alarmLatencyMs: result.alarmLatencyMs,
        contactLatencyMs: result.contactLatencyMs,
        plan: { pair, surviving, rates, stepSeconds, alarmBurst, latencyBoundMs, clientQuota: quotas.default },
        groupArn: env.groupArn,
        steps: result.steps,
      };
      if (!flags.json) ctx.io.stdout.write(`${loadtestText(result)}\n`);
      ctx.io.stdout.write(`${JSON.stringify(doc)}\n`);
      ctx.setExit(doc.ok && (peakEventRate === null || result.maxSustainableEventRate >= peakEventRate) ? EXIT.OK : EXIT.FAILURE);
    } finally {
      session.client.destroy();
    }
  } finally {
    await env.close();
  }
}

/** The `connect-dr loadtest` command (also usable on its own). */
export function loadtestCommand(ctx: CliContext): Command {
  const cmd = new Command("loadtest")
    .summary("drive the failover path at peak rates and find the sustainable event rate")
    .description(
      "Per step: a burst of duplicate alarm events runs the failover handler's runFailover (ConnectDistribution on the traffic distribution " +
        "group through the rate-aware client, DynamoDbFailoverStore lock and audit) while contact events are written to the contact table at the " +
        "step's rate. Verifies exactly one shift per step (none lost or duplicated), the group in the target Region and not split, every contact " +
        "event stored once, and no throttling surfaced; reports latency p50/p90/p99 and steps the rate up until a step fails or its p99 passes " +
        "--latency-bound-ms. Starts a Connect API simulator and dynalite unless --endpoint-url/--group-arn and --dynamodb-endpoint are given. " +
        "The last line of output is one JSON object.",
    )
    .option("--pair <regions>", "the ACGR pair, primary first (default us-east-1,us-west-2)")
    .option("--region <region>", "the Region the failover handler runs in (default the second of --pair)")
    .option("--endpoint-url <url>", "a running Connect API simulator (default: start one)")
    .option("--group-arn <arn>", "traffic distribution group to shift (required with --endpoint-url)")
    .option("--profile <name>", "shared-config profile")
    .option("--dynamodb-endpoint <url>", "DynamoDB-compatible endpoint for lock, audit and contact records (default: start dynalite)")
    .option("--table <name>", "table with string keys pk and sk (default: a new one)")
    .option("--rates <list>", "contact events per second per step, e.g. 20,40,80 (default: from --peak-rate or --capacity-json, else 20,40,80,160,320)")
    .option("--peak-rate <calls/s>", "forecast peak call arrival rate; steps run at 0.5, 1, 2, 4 and 8 x it x --events-per-contact")
    .option("--capacity-json <file>", "take the peak from `connect-dr capacity --json` output (series.callArrivalsPerSecond.forecastPeak.high)")
    .option("--events-per-contact <n>", "contact events each call produces (default 3)")
    .option("--step-seconds <s>", "duration of each step (default 2)")
    .option("--alarm-burst <n>", "duplicate alarm events fired together per step (default 20)")
    .option("--latency-bound-ms <ms>", "a step fails when contact events' p99 exceeds this (default 250)")
    .option("--rate <rps>", "client-side token bucket per Connect API (default 2, the Connect default quota)")
    .option("--burst <n>", "client-side burst per Connect API (default 5)")
    .option("--quotas <file>", "client-side API quotas file (see backup --help)")
    .option("--sim-rate <rps>", "quota of the simulator this command starts (default 2)")
    .option("--sim-burst <n>", "burst of the simulator this command starts (default 5)")
    .option("--all-steps", "keep stepping after a failed step")
    .option("--json", "print only the JSON object")
    .option("--no-progress", "no progress output on stderr");
  cmd.action(async (flags: LoadTestFlags) => run(flags, ctx));
  return cmd;
}

export const command: CliCommand = {
  name: "loadtest",
  register(program, ctx) {
    program.addCommand(loadtestCommand(ctx));
  },
};
