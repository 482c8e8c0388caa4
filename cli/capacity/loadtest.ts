/**
 * Load test of the failover path at peak rates: per step, a burst of duplicate alarm events runs
 * `runFailover` (ConnectDistribution on a traffic distribution group through the rate-aware Connect
 * client, DynamoDbFailoverStore for the lock and audit trail) while contact events are written to
 * the contact table at the step's rate. Each step checks that exactly one shift happened (none
 * lost, none duplicated), that the group reads back in the target Region and not split, that every
 * contact event was stored exactly once, and that no throttling reached the caller; it measures
 * latency percentiles. Rates step up until a step fails or its p99 exceeds the bound.
 */
import { ConditionalCheckFailedException, PutItemCommand, QueryCommand, ScanCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { ConnectClient } from "@aws-sdk/client-connect";
import type { CallCounters } from "../operations/connect/connect-client";
import { ConnectDistribution, runFailover, type FailoverOutcome, type FailoverPorts, DynamoDbFailoverStore, activeRegion, isSplit } from "../../components/runtime";
import { percentiles, type Percentiles } from "./stats";

export interface LoadTestTarget {
  /** Connect client in the Region that survives (rate-aware: token bucket + adaptive retry). */
  readonly connect: ConnectClient;
  readonly counters: CallCounters;
  readonly groupArn: string;
  readonly pair: readonly [string, string];
  readonly dynamo: DynamoDBClient;
  /** Table with string keys `pk` and `sk` for lock, audit and contact records. */
  readonly table: string;
}

export interface LoadTestPlan {
  /** Contact events per second, one step each, ascending. */
  readonly rates: readonly number[];
  readonly stepSeconds: number;
  /** Duplicate alarm events per step, fired together. */
  readonly alarmBurst: number;
  /** A step fails when the contact events' p99 latency exceeds this. */
  readonly latencyBoundMs: number;
  /** Lock cooldown; steps wait for it to expire before their burst. @default 1 */
  readonly cooldownSeconds?: number;
  /** Keep stepping after a failed step. @default false */
  readonly allSteps?: boolean;
}

export interface StepResult {
  readonly rate: number;
  readonly toRegion: string;
  readonly contactEvents: { readonly sent: number; readonly stored: number; readonly lost: number; readonly duplicates: number; readonly errors: number; readonly achievedRate: number };
  readonly contactLatencyMs: Percentiles;
  readonly alarmEvents: { readonly sent: number; readonly shifted: number; readonly locked: number; readonly alreadyInPlace: number; readonly errors: number };
  readonly alarmLatencyMs: Percentiles;
  /** Shifts recorded in the audit trail for this step's events. */
  readonly auditedShifts: number;
  readonly distributionInTarget: boolean;
  readonly split: boolean;
  readonly throttlesSurfaced: number;
  readonly throttlesRetried: number;
  readonly passed: boolean;
  readonly problems: readonly string[];
}

export interface LoadTestResult {
  readonly steps: readonly StepResult[];
  /** Highest contact event rate whose step passed (0 when none did). */
  readonly maxSustainableEventRate: number;
  readonly lostShifts: number;
  readonly duplicatedShifts: number;
  readonly throttlesSurfaced: number;
  readonly alarmLatencyMs: Percentiles;
  readonly contactLatencyMs: Percentiles;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

/** Judges one step from its counts (pure). */
export function judgeStep(s: Omit<StepResult, "passed" | "problems">, plan: Pick<LoadTestPlan, "latencyBoundMs">): { passed: boolean; problems: string[] } {
  const problems: string[] = [];
  if (s.alarmEvents.shifted === 0) problems.push("lost shift: no alarm event shifted the traffic");
  if (s.alarmEvents.shifted > 1) problems.push(`duplicated shift: ${s.alarmEvents.shifted} alarm events shifted the traffic`);
  if (s.auditedShifts !== s.alarmEvents.shifted) problems.push(`audit trail has ${s.auditedShifts} shifts, outcomes say ${s.alarmEvents.shifted}`);
  if (!s.distributionInTarget) problems.push(`traffic is not in ${s.toRegion} after the step`);
  if (s.split) problems.push("telephony and agents are split between Regions");
  if (s.alarmEvents.errors > 0) problems.push(`${s.alarmEvents.errors} alarm events failed`);
  if (s.throttlesSurfaced > 0) problems.push(`${s.throttlesSurfaced} throttling errors reached the caller`);
  if (s.contactEvents.lost > 0) problems.push(`${s.contactEvents.lost} contact events lost`);
  if (s.contactEvents.duplicates > 0) problems.push(`${s.contactEvents.duplicates} contact events stored twice`);
  if (s.contactEvents.errors > 0) problems.push(`${s.contactEvents.errors} contact event writes failed`);
  if (s.contactEvents.achievedRate < 0.9 * s.rate) problems.push(`achieved ${s.contactEvents.achievedRate.toFixed(1)} events/s of ${s.rate}`);
  if (s.contactLatencyMs.p99 > plan.latencyBoundMs) problems.push(`contact event p99 ${s.contactLatencyMs.p99.toFixed(1)} ms > ${plan.latencyBoundMs} ms`);
  return { passed: problems.length === 0, problems };
}

/** The highest passing rate before the first failure. */
export function maxSustainable(steps: readonly Pick<StepResult, "rate" | "passed">[]): number {
  let best = 0;
  for (const s of steps) {
    if (!s.passed) break;
    best = Math.max(best, s.rate);
  }
  return best;
}

async function countContacts(dynamo: DynamoDBClient, table: string, prefix: string): Promise<{ items: number; distinct: number }> {
  let items = 0;
  const ids = new Set<string>();
  let start: Record<string, import("@aws-sdk/client-dynamodb").AttributeValue> | undefined;
  do {
    const out = await dynamo.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: "begins_with(pk, :p)",
        ExpressionAttributeValues: { ":p": { S: prefix } },
        ProjectionExpression: "pk",
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const it of out.Items ?? []) {
      items++;
      ids.add(it["pk"]!.S!);
    }
    start = out.LastEvaluatedKey;
  } while (start);
  return { items, distinct: ids.size };
}

async function auditedShifts(dynamo: DynamoDBClient, table: string, groupArn: string, eventPrefix: string): Promise<number> {
  let n = 0;
  let start: Record<string, import("@aws-sdk/client-dynamodb").AttributeValue> | undefined;
  do {
    const out = await dynamo.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": { S: `audit#${groupArn}` } },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    n += (out.Items ?? []).filter((i) => i["action"]?.S === "shifted" && (i["eventId"]?.S ?? "").startsWith(eventPrefix)).length;
    start = out.LastEvaluatedKey;
  } while (start);
  return n;
}

export async function runLoadTest(
  target: LoadTestTarget,
  plan: LoadTestPlan,
  onProgress?: (done: number, total: number, detail: string) => void,
): Promise<LoadTestResult> {
  const cooldown = plan.cooldownSeconds ?? 1;
  const store = new DynamoDbFailoverStore(target.dynamo, target.table, target.groupArn);
  const distribution = new ConnectDistribution(target.connect, target.groupArn);
  const ports: FailoverPorts = {
    distribution,
    lock: store,
    audit: store,
    regionHealth: async () => ({ healthy: true, reason: "load test" }),
    notify: async () => undefined,
  };
  const steps: StepResult[] = [];
  const allAlarm: number[] = [];
  const allContact: number[] = [];
  let lastShiftAt = 0;
  let current = activeRegion(await distribution.read());
  const totalEvents = plan.rates.reduce((a, r) => a + Math.round(r * plan.stepSeconds) + plan.alarmBurst, 0);
  let done = 0;
  for (const [k, rate] of plan.rates.entries()) {
    const toRegion = current === target.pair[0] ? target.pair[1] : target.pair[0];
    // The lock is held until the end of the cooldown second; wait it out so this step can shift.
    await sleep(lastShiftAt + (cooldown + 1) * 1000 - Date.now());
    const before = { surfaced: target.counters.throttlesSurfaced, retried: target.counters.throttlesRetried };
    const eventPrefix = `lt${Date.now()}-s${k}-`;
    const contactPrefix = `contact#${eventPrefix}`;
    const alarmLatency: number[] = [];
    const outcomes: (FailoverOutcome | Error)[] = [];
    const alarms = Array.from({ length: plan.alarmBurst }, async (_, i) => {
      const t0 = performance.now();
      try {
        outcomes.push(await runFailover(ports, { pair: target.pair, cooldownSeconds: cooldown }, { eventId: `${eventPrefix}alarm${i}`, toRegion, reason: "load test alarm" }));
      } catch (err) {
        outcomes.push(err as Error);
      } finally {
        alarmLatency.push(performance.now() - t0);
        onProgress?.(++done, totalEvents, `${rate}/s -> ${toRegion}`);
      }
    });
    const n = Math.round(rate * plan.stepSeconds);
    const contactLatency: number[] = [];
    let duplicates = 0;
    let errors = 0;
    const t0 = performance.now();
    const contacts: Promise<void>[] = [];
    for (let i = 0; i < n; i++) {
      // Open loop: event i is due at i / rate seconds, whatever happened to the earlier ones.
      const due = t0 + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      contacts.push(
        (async () => {
          const s = performance.now();
          try {
            await target.dynamo.send(
              new PutItemCommand({
                TableName: target.table,
                Item: { pk: { S: `${contactPrefix}${i}` }, sk: { S: "state" }, event: { S: "INITIATED" }, region: { S: toRegion }, at: { N: String(Date.now()) } },
                ConditionExpression: "attribute_not_exists(pk)",
              }),
            );
          } catch (err) {
            if (err instanceof ConditionalCheckFailedException) duplicates++;
            else errors++;
          } finally {
            contactLatency.push(performance.now() - s);
            onProgress?.(++done, totalEvents, `${rate}/s -> ${toRegion}`);
          }
        })(),
      );
    }
    const sentSeconds = (performance.now() - t0) / 1000;
    await Promise.all([...alarms, ...contacts]);
    const stored = await countContacts(target.dynamo, target.table, contactPrefix);
    const after = await distribution.read();
    const ok = outcomes.filter((o): o is FailoverOutcome => !(o instanceof Error));
    const shifted = ok.filter((o) => o.action === "shifted").length;
    if (shifted > 0) lastShiftAt = Date.now();
    const partial = {
      rate,
      toRegion,
      contactEvents: {
        sent: n,
        stored: stored.distinct,
        lost: n - stored.distinct,
        duplicates: duplicates + (stored.items - stored.distinct),
        errors,
        achievedRate: n <= 1 ? rate : (n - 1) / Math.max(sentSeconds, 1e-3),
      },
      contactLatencyMs: percentiles(contactLatency),
      alarmEvents: {
        sent: plan.alarmBurst,
        shifted,
        locked: ok.filter((o) => o.action === "locked").length,
        alreadyInPlace: ok.filter((o) => o.action === "already-in-place").length,
        errors: outcomes.length - ok.length,
      },
      alarmLatencyMs: percentiles(alarmLatency),
      auditedShifts: await auditedShifts(target.dynamo, target.table, target.groupArn, eventPrefix),
      distributionInTarget: activeRegion(after) === toRegion,
      split: isSplit(after),
      throttlesSurfaced: target.counters.throttlesSurfaced - before.surfaced,
      throttlesRetried: target.counters.throttlesRetried - before.retried,
    };
    const verdict = judgeStep(partial, plan);
    steps.push({ ...partial, ...verdict });
    allAlarm.push(...alarmLatency);
    allContact.push(...contactLatency);
    current = activeRegion(after);
    if (!verdict.passed && !plan.allSteps) break;
  }
  return {
    steps,
    maxSustainableEventRate: maxSustainable(steps),
    lostShifts: steps.filter((s) => s.alarmEvents.shifted === 0).length,
    duplicatedShifts: steps.reduce((a, s) => a + Math.max(0, s.alarmEvents.shifted - 1), 0),
    throttlesSurfaced: steps.reduce((a, s) => a + s.throttlesSurfaced, 0),
    alarmLatencyMs: percentiles(allAlarm),
    contactLatencyMs: percentiles(allContact),
  };
}
