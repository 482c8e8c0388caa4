/**
 * npm run bench:failover [-- --latency-ms 50 --cycles 10 --duplicates 50]
 *
 * Runs the failover handler's path (runFailover with the real ConnectDistribution and the DynamoDB
 * lock, through the unmodified SDK clients) against the Connect API simulator at its real quotas
 * (2 requests/s, burst 5) with a per-call latency, and dynalite for the lock table. Measures, per
 * shift: the time from the alarm event to the distribution read back in force, the sum of the API
 * latencies on that path (timed per call by SDK middleware), and the orchestration overhead (their
 * difference). Shifts are 2.5 s apart so that each starts, like a real failover, with a full quota
 * bucket. Then fires concurrent duplicate alarm events and counts the shifts. Then the dark-Region
 * case: us-east-1 answers nothing (5xx), and the handler's path runs from us-west-2 with nothing from
 * us-east-1; its measured time plus the detection time the configuration implies (probe interval +
 * failed probes to alarm + EventBridge) is the automated RTO of a dark Region, against each committed
 * stack's target and the 5-minute goal. Prints the end-to-end RTO of each committed stack, with the
 * measured handler time in place of its budget. The last line is one JSON object.
 */
import { parseArgs } from "node:util";
import { ConnectClient } from "@aws-sdk/client-connect";
import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { AddressInfo } from "node:net";
import { checkConfigMap, readStackFileConfig } from "../../program/config";
import { ConnectDistribution } from "../../components/resiliency/connect-distribution";
import { runFailover, type FailoverPorts } from "../../components/resiliency/failover";
import { DynamoDbFailoverStore } from "../../components/resiliency/failover-lock";
import { assessReadiness } from "../../cli/resiliency/readiness";
import { readinessInputsFromStack } from "../../cli/resiliency/stack-readiness";
import { startSimulator } from "../simulator";
import { replicatedCentre } from "../simulator/scenarios";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
// dynalite ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dynalite: (o: Record<string, number>) => import("node:http").Server = require("dynalite");

const { values } = parseArgs({
  options: {
    "latency-ms": { type: "string", default: "50" },
    cycles: { type: "string", default: "10" },
    duplicates: { type: "string", default: "50" },
    "dark-cycles": { type: "string", default: "5" },
  },
});
const latencyMs = Number(values["latency-ms"]);
const cycles = Number(values.cycles);
const duplicates = Number(values.duplicates);
const darkCycles = Number(values["dark-cycles"]);
/** The dark-Region goal of issue 10: automated RTO at most 5 minutes. */
const DARK_REGION_GOAL_SECONDS = 300;
const pair = ["us-east-1", "us-west-2"] as const;
const credentials = { accessKeyId: "AKIDBENCH", secretAccessKey: "local" };

/**
 * Records the wall time of every SDK call made through `client`, retries and their back-off included
 * (the outermost step): what the path spends in AWS APIs, quota waits included.
 */
function timeCalls<T extends ConnectClient | DynamoDBClient>(client: T, sink: { ms: number; calls: number }): T {
  (client.middlewareStack as ConnectClient["middlewareStack"]).add(
    (next) => async (args) => {
      const started = performance.now();
      try {
        return await next(args);
      } finally {
        sink.ms += performance.now() - started;
        sink.calls += 1;
      }
    },
    { step: "initialize", name: "benchTiming" },
  );
  return client;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round = (n: number) => Math.round(n * 10) / 10;

async function main() {
  const simulator = await startSimulator({ faults: { latencyMs } });
  const lockServer = dynalite({ createTableMs: 0 });
  await new Promise<void>((ok) => lockServer.listen(0, "127.0.0.1", ok));
  const dynamoEndpoint = `http://127.0.0.1:${(lockServer.address() as AddressInfo).port}`;
  try {
    // The scenario is set up without the latency; only the measured path pays it.
    simulator.setFaults({});
    const centre = await replicatedCentre(simulator);
    simulator.setFaults({ latencyMs });
    const api = { ms: 0, calls: 0 };
    const connect = timeCalls(new ConnectClient({ region: "us-west-2", endpoint: simulator.endpoint, credentials, retryMode: "adaptive", maxAttempts: 6 }), api);
    const dynamo = timeCalls(new DynamoDBClient({ region: "us-west-2", endpoint: dynamoEndpoint, credentials }), api);
    await dynamo.send(
      new CreateTableCommand({
        TableName: "bench-lock",
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }, { AttributeName: "sk", AttributeType: "S" }],
        KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }],
      }),
    );
    const store = new DynamoDbFailoverStore(dynamo, "bench-lock", centre.groupArn);
    const ports: FailoverPorts = {
      distribution: new ConnectDistribution(connect, centre.groupArn),
      lock: store,
      audit: store,
      regionHealth: async () => ({ healthy: true, reason: "OK" }),
      notify: async () => undefined,
    };

    const shifts: { totalMs: number; apiMs: number; apiCalls: number; overheadMs: number }[] = [];
    for (let i = 0; i < cycles; i++) {
      // A real failover starts with a full quota bucket; let it refill (burst 5 at 2 requests/s).
      if (i > 0) await new Promise((r) => setTimeout(r, 2_500));
      const toRegion = pair[(i + 1) % 2];
      api.ms = 0;
      api.calls = 0;
      const started = performance.now();
      const outcome = await runFailover(ports, { pair, cooldownSeconds: 0 }, { eventId: `bench-${i}`, toRegion, reason: "bench", respectCooldown: false });
      const totalMs = performance.now() - started;
      if (outcome.action !== "shifted") throw new Error(`cycle ${i}: expected a shift, got ${outcome.action}: ${outcome.detail}`);
      shifts.push({ totalMs, apiMs: api.ms, apiCalls: api.calls, overheadMs: totalMs - api.ms });
      process.stderr.write(`shift ${i + 1}/${cycles}: ${totalMs.toFixed(1)} ms (${api.calls} API calls, ${api.ms.toFixed(1)} ms), overhead ${(totalMs - api.ms).toFixed(1)} ms\n`);
    }

    // Duplicate alarm events, all at once, within one cooldown: exactly one may shift.
    const before = simulator.counters().UpdateTrafficDistribution?.succeeded ?? 0;
    const toRegion = (await ports.distribution.read()).telephony.find((s) => s.percentage === 0)!.region;
    const outcomes = await Promise.all(
      Array.from({ length: duplicates }, (_, i) => runFailover(ports, { pair, cooldownSeconds: 300 }, { eventId: `duplicate-${i}`, toRegion, reason: "duplicate alarm" })),
    );
    const duplicateShifts = (simulator.counters().UpdateTrafficDistribution?.succeeded ?? 0) - before;
    const throttled = Object.values(simulator.counters()).reduce((sum, c) => sum + c.throttled, 0);

    // A dark primary: every us-east-1 call answers 500; the handler in us-west-2 needs none of them.
    const darkMs: number[] = [];
    for (let i = 0; i < darkCycles; i++) {
      await simulator.restoreRegion("us-east-1");
      // (Each move takes the lock without waiting for the last one's cooldown: this times the path; the cooldown is specified elsewhere.)
      await runFailover(ports, { pair, cooldownSeconds: 0 }, { eventId: `bench-dark-reset-${i}`, toRegion: "us-east-1", reason: "recovered", respectCooldown: false });
      await new Promise((r) => setTimeout(r, 2_500));
      await simulator.darkenRegion("us-east-1");
      const started = performance.now();
      const outcome = await runFailover(ports, { pair, cooldownSeconds: 0 }, { eventId: `bench-dark-${i}`, toRegion: "us-west-2", reason: "us-east-1 does not answer its probes", respectCooldown: false });
      if (outcome.action !== "shifted") throw new Error(`dark cycle ${i}: expected a shift, got ${outcome.action}: ${outcome.detail}`);
      darkMs.push(performance.now() - started);
      process.stderr.write(`dark-Region shift ${i + 1}/${darkCycles}: ${darkMs.at(-1)!.toFixed(1)} ms\n`);
    }
    await simulator.restoreRegion("us-east-1");
    darkMs.sort((a, b) => a - b);

    const totals = shifts.map((s) => s.totalMs).sort((a, b) => a - b);
    const overheads = shifts.map((s) => s.overheadMs).sort((a, b) => a - b);
    const handlerSeconds = percentile(totals, 95) / 1000;
    const stacks: Record<string, { automatedRtoSeconds: number; targetSeconds: number; meetsTarget: boolean }> = {};
    const darkStacks: Record<string, { detectionSeconds: number; automatedRtoSeconds: number; targetSeconds: number; meetsTarget: boolean; meetsGoal: boolean }> = {};
    const darkHandlerSeconds = percentile(darkMs, 95) / 1000;
    for (const stack of ["primary", "secondary"]) {
      const { config } = checkConfigMap(readStackFileConfig(stack, `${__dirname}/..`));
      const path = assessReadiness(readinessInputsFromStack(config!, { failoverHandlerBudgetSeconds: handlerSeconds })).paths.find((p) => p.path.startsWith("automated failover ("))!;
      stacks[stack] = { automatedRtoSeconds: round(path.seconds!), targetSeconds: path.targetSeconds, meetsTarget: path.meetsTarget };
      const dark = assessReadiness(readinessInputsFromStack(config!, { failoverHandlerBudgetSeconds: darkHandlerSeconds })).paths.find((p) => p.path.startsWith("automated failover, dark Region"))!;
      const detection = dark.terms.filter((t) => t.label !== "failover handler").reduce((sum, t) => sum + t.seconds, 0);
      darkStacks[stack] = { detectionSeconds: detection, automatedRtoSeconds: round(dark.seconds!), targetSeconds: dark.targetSeconds, meetsTarget: dark.meetsTarget, meetsGoal: dark.seconds! <= DARK_REGION_GOAL_SECONDS };
    }
    const result = {
      benchmark: "failover",
      latencyMsPerCall: latencyMs,
      quota: "2 requests/s, burst 5 per API",
      cycles,
      eventToDistributionMs: { p50: round(percentile(totals, 50)), p95: round(percentile(totals, 95)), max: round(totals.at(-1)!) },
      apiCallsPerShift: shifts[0].apiCalls,
      apiLatencySumMs: { p50: round(percentile(shifts.map((s) => s.apiMs).sort((a, b) => a - b), 50)) },
      orchestrationOverheadMs: { p50: round(percentile(overheads, 50)), p95: round(percentile(overheads, 95)), max: round(overheads.at(-1)!) },
      overheadGoalMs: 250,
      overheadWithinGoal: overheads.at(-1)! <= 250,
      duplicates: { events: duplicates, shifts: duplicateShifts, outcomes: Object.fromEntries(["shifted", "locked", "already-in-place", "refused"].map((a) => [a, outcomes.filter((o) => o.action === a).length])) },
      throttlesSeenBySimulator: throttled,
      stacks,
      darkRegion: {
        cycles: darkCycles,
        handlerMs: { p50: round(percentile(darkMs, 50)), p95: round(percentile(darkMs, 95)), max: round(darkMs.at(-1)!) },
        goalSeconds: DARK_REGION_GOAL_SECONDS,
        stacks: darkStacks,
      },
    };
    centre.close();
    connect.destroy();
    dynamo.destroy();
    console.log(JSON.stringify(result));
  } finally {
    await simulator.close();
    await new Promise<void>((ok) => lockServer.close(() => ok()));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
