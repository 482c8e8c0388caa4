/**
 * The bench instance: a synthetic contact centre of cross-referencing flows (with transfer cycles),
 * queues, routing profiles, hours and quick connects, built in the Connect API simulator through the
 * SDK as an administrator would. tools/bench/backup.ts builds it at full size; specs build it smaller.
 */
import { randomUUID } from "node:crypto";
import type { SeedResult, SeedSpec } from "../simulator";
import { openSession, type ConnectSession } from "../../cli/operations/connect/session";
import { send } from "../../cli/operations/connect/send";
import { uniformQuotas } from "../../cli/operations/rate/quotas";

export const BENCH_SIZE = { hours: 20, queues: 100, flows: 300, routingProfiles: 50, quickConnects: 50 };
export type BenchSize = typeof BENCH_SIZE;

export function flowContent(actions: { type: string; params: Record<string, unknown> }[]): string {
  const all = [...actions, { type: "DisconnectParticipant", params: {} }];
  return JSON.stringify({
    Version: "2019-10-30",
    StartAction: "a0",
    Metadata: { entryPointPosition: { x: 40, y: 40 } },
    Actions: all.map((a, i) => ({ Identifier: `a${i}`, Type: a.type, Parameters: a.params, Transitions: i + 1 < all.length ? { NextAction: `a${i + 1}` } : {} })),
  });
}

/** The bench source instance as built: its seed result, the admin session that built it, and the ids the benches change. */
export interface BenchInstance {
  readonly src: SeedResult;
  readonly admin: ConnectSession;
  readonly flowIds: readonly string[];
  readonly queues: readonly { readonly id: string; readonly name: string }[];
  readonly hours: readonly { readonly id: string; readonly name: string }[];
}

/**
 * Builds the bench source instance (us-east-1, the given account) through the API, quotas off: the
 * seeded hours, queues and `extra` (people, prompts), then flows with mutual references, quick
 * connects and routing profiles.
 */
export async function buildBenchInstance(options: {
  seed(spec: SeedSpec): SeedResult | Promise<SeedResult>;
  endpoint: string;
  accessKeyId: string;
  account: string;
  /** @default "bench-east" */
  alias?: string;
  size?: BenchSize;
  /** More of the seed: users, security profiles, hierarchy, prompts. @default a "Greeting" prompt */
  extra?: Partial<SeedSpec>;
}): Promise<BenchInstance> {
  const SIZE = options.size ?? BENCH_SIZE;
  const hours = Array.from({ length: SIZE.hours }, (_, i) => ({ id: randomUUID(), name: `Hours ${String(i).padStart(2, "0")}` }));
  const queues = Array.from({ length: SIZE.queues }, (_, i) => ({ id: randomUUID(), name: `Queue ${String(i).padStart(3, "0")}`, hoursOfOperationName: hours[i % SIZE.hours]!.name }));
  const src = await options.seed({
    account: options.account, region: "us-east-1", instance: { alias: options.alias ?? "bench-east" }, hours, queues, prompts: [{ name: "Greeting" }],
    lambdaFunctions: [`arn:aws:lambda:us-east-1:${options.account}:function:crm-lookup`], ...options.extra,
  });
  const arn = (seg: string, id: string) => `${src.instanceArn}/${seg}/${id}`;
  const admin = await openSession({ region: "us-east-1", endpoint: options.endpoint, credentials: { accessKeyId: options.accessKeyId, secretAccessKey: "x" }, quotas: uniformQuotas(10_000, 10_000) });
  const I = { InstanceId: src.instanceId };
  const flowIds: string[] = [];
  const xferFlows: string[] = [];
  for (let i = 0; i < SIZE.flows; i++) {
    const q1 = queues[i % SIZE.queues]!;
    const q2 = queues[(i * 7 + 3) % SIZE.queues]!;
    const actions: { type: string; params: Record<string, unknown> }[] = [
      { type: "CheckHoursOfOperation", params: { Hours: arn("operating-hours", hours[i % SIZE.hours]!.id) } },
      { type: "MessageParticipant", params: { PromptId: arn("prompt", src.ids.prompts.Greeting!) } },
      { type: "InvokeLambdaFunction", params: { LambdaFunctionARN: `arn:aws:lambda:$.AwsRegion:${options.account}:function:crm-lookup`, InvocationTimeLimitSeconds: "3" } },
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
    const out = await send(admin.client, "CreateQuickConnect", { ...I, Name: `QC ${String(i).padStart(2, "0")}`, QuickConnectConfig: { QuickConnectType: "QUEUE", QueueConfig: { QueueId: queues[i % SIZE.queues]!.id, ContactFlowId: xferFlows[i % xferFlows.length]! } } });
    qcIds.push(out.QuickConnectId as string);
  }
  for (let i = 0; i < SIZE.queues; i += 2) await send(admin.client, "AssociateQueueQuickConnects", { ...I, QueueId: queues[i]!.id, QuickConnectIds: [qcIds[(i / 2) % qcIds.length]!] });
  for (let i = 0; i < SIZE.routingProfiles; i++) {
    await send(admin.client, "CreateRoutingProfile", {
      ...I, Name: `Profile ${String(i).padStart(2, "0")}`, Description: "bench", DefaultOutboundQueueId: queues[i % SIZE.queues]!.id,
      MediaConcurrencies: [{ Channel: "VOICE", Concurrency: 1 }, { Channel: "CHAT", Concurrency: 2 }],
      QueueConfigs: [0, 1, 2].map((k) => ({ QueueReference: { QueueId: queues[(i + k * 13) % SIZE.queues]!.id, Channel: "VOICE" }, Priority: k + 1, Delay: k * 10 })),
    });
  }
  return { src, admin, flowIds, queues, hours };
}
