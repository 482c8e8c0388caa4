/**
 * End-to-end fixture: the Connect API simulator with a source instance (us-east-1, account
 * 111111111111) full of cross-referencing configuration and an empty target (us-west-2, account
 * 222222222222). Everything goes through the unmodified SDK client over HTTP.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { S3Client } from "@aws-sdk/client-s3";
import { startSimulator, type Simulator } from "../../../../tools/simulator";
import { openSession, type ConnectSession } from "../../../../cli/operations/connect/session";
import { isWriteApi } from "../../../../cli/operations/connect/connect-client";
import { send } from "../../../../cli/operations/connect/send";
import { uniformQuotas } from "../../../../cli/operations/rate/quotas";
import type { Kind } from "../../../../cli/operations/model/kinds";
import type { MappingFile } from "../../../../cli/operations/restore/mapping-file";

/** s3rver ships no types: the part of its API the world uses. */
interface S3rverServer {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require("s3rver") as new (options: Record<string, unknown>) => S3rverServer;

export const SRC_ACCOUNT = "111111111111";
export const DST_ACCOUNT = "222222222222";
export const SRC_REGION = "us-east-1";
export const DST_REGION = "us-west-2";
export const SRC_KEY = "AKIASOURCE0000000001";
export const DST_KEY = "AKIATARGET0000000002";

/** Kinds the e2e tests back up: every kind. */
export const E2E_BACKUP_KINDS: Kind[] = [
  "phoneNumbers", "instance", "instanceAttributes", "storageConfigs", "integrations", "lambdaFunctions", "lexBots", "hours", "prompts", "queues",
  "flows", "flowModules", "routingProfiles", "quickConnects", "securityProfiles", "hierarchyStructure", "hierarchyGroups", "agentStatuses", "users",
];
/** Kinds compared after a restore: every kind restore writes that the simulator serves. */
export const E2E_DIFF_KINDS: Kind[] = [
  "instanceAttributes", "storageConfigs", "integrations", "lambdaFunctions", "lexBots", "hours", "prompts", "queues", "flows", "flowModules", "routingProfiles", "quickConnects", "agentStatuses",
  "securityProfiles", "hierarchyStructure", "hierarchyGroups", "users",
];
/** The bucket (on the world's s3rver) restore uploads prompt audio to. */
export const PROMPT_BUCKET = "dr-prompts";
/** Audio of the source's custom prompt (a backup fetches it through GetPromptFile). */
export const HOLD_AUDIO = Buffer.concat([Buffer.from("RIFF"), Buffer.alloc(64, 7)]);

const REF_DIR = join(__dirname, "../../../../../shared/reference/connect-flows");
const LEX_FLOW = join(REF_DIR, "lex-genai-lexv2-queue.json");
const LEX_FLOW_INSTANCE = "arn:aws:connect:us-west-2:123456789:instance/50436053-3b70-417a-904e-ab5e769aae1e";
const LEX_FLOW_QUEUE = "67777cdc-a968-4008-82af-c66ef76820a8";
const LEX_ALIAS = "arn:aws:lex:us-west-2:123456789:bot-alias/YY9557EM03/LQ1YCOYG6U";
/** The DR Region's own bot alias: Lex bot ids differ per Region, so the mapping file names it. */
export const LEX_TARGET_ALIAS = "arn:aws:lex:us-west-2:222222222222:bot-alias/DRBOT00001/DRALIAS001";
/** The restore mapping the e2e tests use. */
/** The source's Cases domain and the DR Region's (integration targets come from the mapping file). */
export const SRC_CASES = "arn:aws:cases:us-east-1:111111111111:domain/11111111-aaaa-bbbb-cccc-000000000001";
export const DST_CASES = "arn:aws:cases:us-west-2:222222222222:domain/22222222-aaaa-bbbb-cccc-000000000002";
export const E2E_MAPPING: MappingFile = {
  lambda: {}, lex: { [LEX_ALIAS]: LEX_TARGET_ALIAS }, accounts: {}, phoneNumbers: {},
  storage: { "prod-recordings-east": "prod-recordings-west" },
  integrations: { [SRC_CASES]: DST_CASES },
  prompts: { bucket: PROMPT_BUCKET, prefix: "connect-dr/prompts/" },
};

export interface World {
  readonly sim: Simulator;
  /** S3 client of the world's s3rver (prompt audio), for restore's uploads. */
  readonly s3: S3Client;
  readonly s3Endpoint: string;
  readonly sourceId: string;
  readonly targetId: string;
  /** True when the real flow export was imported into the source. */
  readonly realFlow: boolean;
  session(side: "source" | "target", rps?: number): Promise<ConnectSession>;
  /** Write requests the simulator received since the last `resetCounters`. */
  writes(): number;
  resetCounters(): void;
}

export const HOURS_CONFIG = [
  { Day: "MONDAY", StartTime: { Hours: 8, Minutes: 0 }, EndTime: { Hours: 18, Minutes: 30 } },
  { Day: "TUESDAY", StartTime: { Hours: 8, Minutes: 0 }, EndTime: { Hours: 18, Minutes: 30 } },
];

function flow(actions: { id: string; type: string; params?: Record<string, unknown> }[]): string {
  return JSON.stringify({
    Version: "2019-10-30",
    StartAction: actions[0]!.id,
    Metadata: { entryPointPosition: { x: 0, y: 0 } },
    Actions: actions.map((a, i) => ({
      Identifier: a.id,
      Type: a.type,
      Parameters: a.params ?? {},
      Transitions: i + 1 < actions.length ? { NextAction: actions[i + 1]!.id } : {},
    })),
  });
}

export async function startWorld(options: { simRps?: number; simBurst?: number } = {}): Promise<World> {
  const rps = options.simRps ?? 500;
  const s3dir = mkdtempSync(join(tmpdir(), "connect-dr-s3-"));
  const s3rver = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: s3dir, configureBuckets: [{ name: PROMPT_BUCKET, configs: [] }] });
  const s3Endpoint = `http://127.0.0.1:${(await s3rver.run()).port}`;
  const s3 = new S3Client({ endpoint: s3Endpoint, region: DST_REGION, forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
  const sim = await startSimulator({
    accounts: { [SRC_KEY]: SRC_ACCOUNT, [DST_KEY]: DST_ACCOUNT },
    quotas: { default: { ratePerSecond: rps, burst: options.simBurst ?? rps } },
    promptS3: { endpoint: s3Endpoint },
  });
  // Closing the world's simulator closes its S3 stand-in too.
  const closeSim = sim.close.bind(sim);
  sim.close = async () => {
    await closeSim();
    s3.destroy();
    await s3rver.close();
    rmSync(s3dir, { recursive: true, force: true });
  };
  const realFlow = existsSync(LEX_FLOW);
  const src = sim.seed({
    account: SRC_ACCOUNT,
    region: SRC_REGION,
    instance: { alias: "prod-east" },
    hours: [{ name: "Office", timeZone: "America/New_York" }, { name: "Weekend", timeZone: "UTC" }],
    queues: [
      { name: "Sales", hoursOfOperationName: "Office" },
      { name: "Support", hoursOfOperationName: "Weekend" },
      ...(realFlow ? [{ id: LEX_FLOW_QUEUE, name: "GenAI", hoursOfOperationName: "Office" }] : []),
    ],
    prompts: [{ name: "Welcome" }, { name: "Hold music", audio: HOLD_AUDIO }],
    lambdaFunctions: [`arn:aws:lambda:${SRC_REGION}:${SRC_ACCOUNT}:function:lookup`],
    ...(realFlow ? { lexV2BotAliasArns: [LEX_ALIAS] } : {}),
  });
  // The target's users are CONNECT_MANAGED (restore gives each a random first password); the source's are SAML.
  const dst = sim.seed({ account: DST_ACCOUNT, region: DST_REGION, instance: { alias: "prod-west", identityManagementType: "CONNECT_MANAGED" }, prompts: [{ name: "Welcome" }] });

  const session = (side: "source" | "target", clientRps = rps) =>
    openSession({
      region: side === "source" ? SRC_REGION : DST_REGION,
      endpoint: sim.endpoint,
      credentials: { accessKeyId: side === "source" ? SRC_KEY : DST_KEY, secretAccessKey: "secret" },
      quotas: uniformQuotas(clientRps, Math.max(1, Math.min(clientRps, options.simBurst ?? clientRps))),
    });

  // Build the rest of the source through the API, as an administrator would.
  const s = await session("source");
  const I = { InstanceId: src.instanceId };
  const arn = (seg: string, id: string) => `${src.instanceArn}/${seg}/${id}`;
  const q = src.ids.queues;
  const h = src.ids.hours;
  const create = async (name: string, Type: string, Content: string) => (await send(s.client, "CreateContactFlow", { ...I, Name: name, Type, Content, Description: `${name} flow`, Tags: { team: "cc" } })).ContactFlowId as string;
  const minimal = flow([{ id: "end", type: "DisconnectParticipant" }]);
  const outWhisper = await create("OutWhisper", "OUTBOUND_WHISPER", flow([{ id: "end", type: "EndFlowExecution" }]));
  const xfer = await create("XferToQueue", "QUEUE_TRANSFER", flow([{ id: "q", type: "UpdateContactTargetQueue", params: { QueueId: arn("queue", q.Support!) } }, { id: "t", type: "TransferContactToQueue" }]));
  const main = await create("Main", "CONTACT_FLOW", minimal);
  const sub = await create("Sub", "CONTACT_FLOW", minimal);
  const mod = (await send(s.client, "CreateContactFlowModule", { ...I, Name: "Greeting", Content: flow([{ id: "q", type: "UpdateContactTargetQueue", params: { QueueId: arn("queue", q.Sales!) } }, { id: "end", type: "EndFlowModuleExecution" }]) })).Id as string;
  // Mutual references: Main -> Sub -> Main, both through ARNs in Parameters (and Metadata).
  await send(s.client, "UpdateContactFlowContent", {
    ...I, ContactFlowId: main,
    Content: flow([
      { id: "hours", type: "CheckHoursOfOperation", params: { Hours: arn("operating-hours", h.Office!) } },
      { id: "prompt", type: "MessageParticipant", params: { PromptId: arn("prompt", src.ids.prompts.Welcome!) } },
      { id: "lambda", type: "InvokeLambdaFunction", params: { LambdaFunctionARN: `arn:aws:lambda:$.AwsRegion:${SRC_ACCOUNT}:function:lookup`, InvocationTimeLimitSeconds: "3" } },
      { id: "queue", type: "UpdateContactTargetQueue", params: { QueueId: arn("queue", q.Sales!) } },
      { id: "module", type: "InvokeFlowModule", params: { FlowModuleId: mod } },
      { id: "sub", type: "TransferToFlow", params: { ContactFlowId: arn("contact-flow", sub) } },
    ]),
  });
  await send(s.client, "UpdateContactFlowContent", { ...I, ContactFlowId: sub, Content: flow([{ id: "back", type: "TransferToFlow", params: { ContactFlowId: arn("contact-flow", main) } }]) });
  // Status and state a restore must keep: an unpublished draft, an archived flow, a disabled queue.
  await send(s.client, "CreateContactFlow", { ...I, Name: "Draft", Type: "CONTACT_FLOW", Status: "SAVED", Content: flow([{ id: "q", type: "UpdateContactTargetQueue", params: { QueueId: arn("queue", q.Support!) } }, { id: "end", type: "DisconnectParticipant" }]) });
  const retired = (await send(s.client, "CreateContactFlow", { ...I, Name: "Retired", Type: "CONTACT_FLOW", Content: minimal })).ContactFlowId as string;
  await send(s.client, "UpdateContactFlowMetadata", { ...I, ContactFlowId: retired, ContactFlowState: "ARCHIVED" });
  const closed = (await send(s.client, "CreateQueue", { ...I, Name: "Closed", HoursOfOperationId: h.Weekend!, Tags: { team: "cc" } })).QueueId as string;
  await send(s.client, "UpdateQueueStatus", { ...I, QueueId: closed, Status: "DISABLED" });
  if (realFlow) {
    const content = readFileSync(LEX_FLOW, "utf8").split(LEX_FLOW_INSTANCE).join(src.instanceArn);
    await send(s.client, "CreateContactFlow", { ...I, Name: "GenAI Lex (aws-samples)", Type: "CONTACT_FLOW", Content: content });
  }
  await send(s.client, "UpdateQueueOutboundCallerConfig", { ...I, QueueId: q.Sales!, OutboundCallerConfig: { OutboundCallerIdName: "Acme", OutboundFlowId: outWhisper } });
  await send(s.client, "UpdateQueueMaxContacts", { ...I, QueueId: q.Support!, MaxContacts: 25 });
  const qc = (await send(s.client, "CreateQuickConnect", { ...I, Name: "ToSupport", QuickConnectConfig: { QuickConnectType: "QUEUE", QueueConfig: { QueueId: q.Support!, ContactFlowId: xfer } } })).QuickConnectId as string;
  // Custom agent statuses exist only in the source: restore creates them (Available/Offline match by name).
  await send(s.client, "CreateAgentStatus", { ...I, Name: "Lunch", Description: "Away for lunch", State: "ENABLED", DisplayOrder: 3, Tags: { team: "cc" } });
  await send(s.client, "CreateAgentStatus", { ...I, Name: "Training", State: "DISABLED" });
  await send(s.client, "CreateQuickConnect", { ...I, Name: "Escalations", Description: "external", QuickConnectConfig: { QuickConnectType: "PHONE_NUMBER", PhoneConfig: { PhoneNumber: "+15555550100" } } });
  await send(s.client, "AssociateQueueQuickConnects", { ...I, QueueId: q.Sales!, QuickConnectIds: [qc] });
  await send(s.client, "CreateRoutingProfile", {
    ...I, Name: "Agents", Description: "front line", DefaultOutboundQueueId: q.Sales!, AgentAvailabilityTimer: "TIME_SINCE_LAST_INBOUND",
    MediaConcurrencies: [{ Channel: "VOICE", Concurrency: 1 }, { Channel: "CHAT", Concurrency: 3 }],
    QueueConfigs: [
      { QueueReference: { QueueId: q.Sales!, Channel: "VOICE" }, Priority: 1, Delay: 0 },
      { QueueReference: { QueueId: q.Support!, Channel: "CHAT" }, Priority: 2, Delay: 30 },
    ],
  });
  await send(s.client, "CreateHoursOfOperation", { ...I, Name: "Holidays", TimeZone: "Europe/London", Config: HOURS_CONFIG, Tags: { purpose: "dr-test" } });

  // The people side: a security profile, a two-level hierarchy, an agent, and an agent quick connect.
  await send(s.client, "UpdateInstanceAttribute", { ...I, AttributeType: "CONTACTFLOW_LOGS", Value: "true" });
  await send(s.client, "AssociateInstanceStorageConfig", { ...I, ResourceType: "CALL_RECORDINGS", StorageConfig: { StorageType: "S3", S3Config: { BucketName: "prod-recordings-east", BucketPrefix: "connect/recordings" } } });
  await send(s.client, "CreateIntegrationAssociation", { ...I, IntegrationType: "CASES_DOMAIN", IntegrationArn: SRC_CASES });
  const supervisors = (await send(s.client, "CreateSecurityProfile", { ...I, SecurityProfileName: "Supervisors", Description: "floor leads", Permissions: ["BasicAgentAccess", "Users.View", "Queues.View"], Applications: [{ Namespace: "crm.example.com", ApplicationPermissions: ["ACCESS"] }], Tags: { team: "cc" } })).SecurityProfileId as string;
  await send(s.client, "UpdateUserHierarchyStructure", { ...I, HierarchyStructure: { LevelOne: { Name: "Region" }, LevelTwo: { Name: "Team" } } });
  const east = (await send(s.client, "CreateUserHierarchyGroup", { ...I, Name: "East" })).HierarchyGroupId as string;
  const teamA = (await send(s.client, "CreateUserHierarchyGroup", { ...I, Name: "Team A", ParentGroupId: east, Tags: { team: "cc" } })).HierarchyGroupId as string;
  const profiles = (await send(s.client, "ListRoutingProfiles", I)).RoutingProfileSummaryList as { Name: string; Id: string }[];
  const stock = (await send(s.client, "ListSecurityProfiles", I)).SecurityProfileSummaryList as { Name: string; Id: string }[];
  const alice = (await send(s.client, "CreateUser", {
    ...I, Username: "alice", IdentityInfo: { FirstName: "Alice", LastName: "Agent", Email: "alice@example.com" },
    PhoneConfig: { PhoneType: "SOFT_PHONE", AutoAccept: false, AfterContactWorkTimeLimit: 30 },
    SecurityProfileIds: [stock.find((p) => p.Name === "Agent")!.Id, supervisors], RoutingProfileId: profiles.find((p) => p.Name === "Agents")!.Id, HierarchyGroupId: teamA,
    Tags: { team: "cc" },
  })).UserId as string;
  const agentXfer = await create("AgentXfer", "AGENT_TRANSFER", flow([{ id: "end", type: "EndFlowExecution" }]));
  await send(s.client, "CreateQuickConnect", { ...I, Name: "ToAlice", QuickConnectConfig: { QuickConnectType: "USER", UserConfig: { UserId: alice, ContactFlowId: agentXfer } } });

  const writes = () =>
    Object.entries(sim.counters())
      .filter(([op]) => isWriteApi(op))
      .reduce((n, [, c]) => n + c.requests, 0);
  let base = writes();
  return {
    sim,
    s3,
    s3Endpoint,
    sourceId: src.instanceId,
    targetId: dst.instanceId,
    realFlow,
    session,
    writes: () => writes() - base,
    resetCounters: () => void (base = writes()),
  };
}
