import * as pulumi from "@pulumi/pulumi";
import { GLOBAL_RESILIENCY_REGIONS } from "../../resiliency/acgr/region-pairs";
import { ArgumentError } from "../../argument-error";
import { ArnRewrite, FlowContentError, makeRegionNeutral, parseFlowDocument } from "../flows";
import { isTimeZone } from "./time-zone";
import { ConnectRegionArgs, ConnectContactFlowSpec, ConnectHoursOfOperationSpec, ConnectLexV2BotAliasSpec, ConnectQueueSpec, ConnectRoutingProfileSpec } from "./args";

const COMPONENT = "ConnectRegion";


/** Retention values CloudWatch Logs accepts (0, never expire, is left out on purpose). */
export const LOG_RETENTION_DAYS: readonly number[] = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

export const CONTACT_FLOW_TYPES: readonly string[] = [
  "CONTACT_FLOW", "CUSTOMER_QUEUE", "CUSTOMER_HOLD", "CUSTOMER_WHISPER", "AGENT_HOLD", "AGENT_WHISPER", "OUTBOUND_WHISPER", "AGENT_TRANSFER", "QUEUE_TRANSFER",
];

const DAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];
const CHANNEL_CONCURRENCY: Readonly<Record<string, readonly [number, number]>> = { VOICE: [1, 1], CHAT: [1, 10], TASK: [1, 10], EMAIL: [1, 10] };
const INSTANCE_ALIAS = /^(?!d-)([\da-zA-Z]+)([-]*[\da-zA-Z])*$/;
const LAMBDA_FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const LEX_ID = /^[0-9A-Z]{10}$/;
const SNS_TOPIC_ARN = /^arn:aws:sns:([a-z0-9-]+):(\d{12}):[A-Za-z0-9_-]{1,256}(\.fifo)?$/;

/** A flow ready to create: Region-neutral Flow-language JSON, and what was rewritten to get there. */
export interface PreparedFlow {
  readonly name: string;
  readonly type: string;
  readonly description?: string;
  readonly content: string;
  readonly rewrites: readonly ArnRewrite[];
}

/** The args with every default applied and every flow made Region-neutral. */
export interface ResolvedConnectRegionArgs {
  readonly region: string;
  readonly accountId: string;
  readonly instanceAlias: string;
  readonly instanceId?: pulumi.Input<string>;
  readonly manageRoutingConfiguration: boolean;
  readonly identityManagementType: string;
  readonly inboundCallsEnabled: boolean;
  readonly outboundCallsEnabled: boolean;
  readonly contactLensEnabled: boolean;
  readonly multiPartyConferenceEnabled: boolean;
  readonly protectInstance: boolean;
  readonly recordingsBucketName: pulumi.Input<string>;
  readonly recordingsBucketPrefix: string;
  readonly recordingsKmsKeyArn?: pulumi.Input<string>;
  readonly streamRetentionPeriodHours: number;
  readonly logRetentionInDays: number;
  readonly hoursOfOperation: readonly ConnectHoursOfOperationSpec[];
  readonly queues: readonly ConnectQueueSpec[];
  readonly routingProfiles: readonly ConnectRoutingProfileSpec[];
  readonly flows: readonly PreparedFlow[];
  readonly lambdaFunctionNames: readonly string[];
  readonly lambdaFunctionAlias?: string;
  readonly lexV2BotAliases: readonly ConnectLexV2BotAliasSpec[];
  readonly concurrentCallsPercentageThreshold: number;
  readonly throttledCallsThreshold: number;
  readonly contactFlowErrorsThreshold: number;
  readonly contactFlowFatalErrorsThreshold: number;
  readonly callRecordingUploadErrorsThreshold: number;
  readonly alarmActions: readonly pulumi.Input<string>[];
  readonly tags: Readonly<Record<string, string>>;
}

function fail(argument: string, value: unknown, allowed: string): never {
  throw new ArgumentError(COMPONENT, argument, value, allowed);
}

/**
 * Lower-case slug of a name, used as the stable per-item suffix of child logical names
 * (`Sales Queue` -> `sales-queue`).
 */
export function nameSlug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

/** Checks names are non-empty and distinct after slugging (so child names cannot collide). */
function checkNames(argument: string, items: readonly { name: string }[]): void {
  const seen = new Map<string, string>();
  for (const [i, item] of items.entries()) {
    if (typeof item.name !== "string" || nameSlug(item.name) === "" || item.name.length > 127) {
      fail(`${argument}[${i}].name`, item.name, "1-127 characters with at least one letter or digit");
    }
    const slug = nameSlug(item.name);
    const other = seen.get(slug);
    if (other !== undefined) fail(`${argument}[${i}].name`, item.name, `names must differ in more than case and punctuation; it collides with '${other}'`);
    seen.set(slug, item.name);
  }
}

function checkInteger(argument: string, value: number, min: number, max: number, unit = ""): void {
  if (!Number.isInteger(value) || value < min || value > max) fail(argument, value, `an integer from ${min} to ${max}${unit}`);
}

function checkHours(hours: readonly ConnectHoursOfOperationSpec[]): void {
  checkNames("hoursOfOperation", hours);
  for (const h of hours) {
    const at = `hoursOfOperation[${h.name}]`;
    if (typeof h.timeZone !== "string" || !isTimeZone(h.timeZone)) fail(`${at}.timeZone`, h.timeZone, "an IANA time zone such as 'America/New_York'");
    if (!Array.isArray(h.config) || h.config.length === 0) fail(`${at}.config`, h.config, "at least one day's hours");
    h.config.forEach((day, i) => {
      if (!DAYS.includes(day.day)) fail(`${at}.config[${i}].day`, day.day, `one of ${DAYS.join(", ")}`);
      for (const edge of ["startTime", "endTime"] as const) {
        checkInteger(`${at}.config[${i}].${edge}.hours`, day[edge]?.hours, 0, 23);
        checkInteger(`${at}.config[${i}].${edge}.minutes`, day[edge]?.minutes, 0, 59);
      }
    });
  }
}

function checkQueues(queues: readonly ConnectQueueSpec[], hours: readonly ConnectHoursOfOperationSpec[]): void {
  checkNames("queues", queues);
  const hoursNames = hours.map((h) => h.name);
  for (const q of queues) {
    if (!hoursNames.includes(q.hoursOfOperationName)) {
      fail(`queues[${q.name}].hoursOfOperationName`, q.hoursOfOperationName, `the name of an entry in hoursOfOperation (${hoursNames.length ? hoursNames.join(", ") : "none declared"})`);
    }
    if (q.maxContacts !== undefined) checkInteger(`queues[${q.name}].maxContacts`, q.maxContacts, 0, 2147483647);
  }
}

function checkRoutingProfiles(profiles: readonly ConnectRoutingProfileSpec[], queues: readonly ConnectQueueSpec[]): void {
  checkNames("routingProfiles", profiles);
  const queueNames = queues.map((q) => q.name);
  const knownQueue = `the name of an entry in queues (${queueNames.length ? queueNames.join(", ") : "none declared"})`;
  const channels = Object.keys(CHANNEL_CONCURRENCY);
  for (const p of profiles) {
    const at = `routingProfiles[${p.name}]`;
    if (typeof p.description !== "string" || p.description.length === 0 || p.description.length > 250) fail(`${at}.description`, p.description, "1 to 250 characters (Connect requires a description)");
    if (!queueNames.includes(p.defaultOutboundQueueName)) fail(`${at}.defaultOutboundQueueName`, p.defaultOutboundQueueName, knownQueue);
    if (!Array.isArray(p.mediaConcurrencies) || p.mediaConcurrencies.length === 0) fail(`${at}.mediaConcurrencies`, p.mediaConcurrencies, "at least one channel");
    const declared = new Set<string>();
    p.mediaConcurrencies.forEach((m, i) => {
      const range = CHANNEL_CONCURRENCY[m.channel];
      if (!range) fail(`${at}.mediaConcurrencies[${i}].channel`, m.channel, `one of ${channels.join(", ")}`);
      if (declared.has(m.channel)) fail(`${at}.mediaConcurrencies[${i}].channel`, m.channel, "each channel once");
      declared.add(m.channel);
      checkInteger(`${at}.mediaConcurrencies[${i}].concurrency`, m.concurrency, range[0], range[1], ` for ${m.channel}`);
    });
    p.queueConfigs.forEach((c, i) => {
      if (!queueNames.includes(c.queueName)) fail(`${at}.queueConfigs[${i}].queueName`, c.queueName, knownQueue);
      if (!declared.has(c.channel)) fail(`${at}.queueConfigs[${i}].channel`, c.channel, `a channel declared in mediaConcurrencies (${[...declared].join(", ")})`);
      checkInteger(`${at}.queueConfigs[${i}].priority`, c.priority, 1, 99);
      checkInteger(`${at}.queueConfigs[${i}].delay`, c.delay, 0, 9999, " seconds");
    });
  }
}

function prepareFlow(flow: ConnectContactFlowSpec): PreparedFlow {
  const at = `flows[${flow.name}]`;
  if (typeof flow.content !== "string") fail(`${at}.content`, typeof flow.content, "the flow's JSON as a string");
  try {
    const neutral = makeRegionNeutral(flow.content, flow.name);
    const document = parseFlowDocument(neutral.content, flow.name);
    const exported = envelopeType(document.root);
    const type = flow.type ?? exported ?? "CONTACT_FLOW";
    if (!CONTACT_FLOW_TYPES.includes(type)) fail(`${at}.type`, type, `one of ${CONTACT_FLOW_TYPES.join(", ")}`);
    if (exported !== undefined && exported !== type) fail(`${at}.type`, type, `the Type the export declares (${exported}), or unset`);
    if (document.format === "legacy") {
      fail(`${at}.content`, "legacy export (modules/version 1)", "Flow-language JSON (Version 2019-10-30); re-export the flow from the flow designer");
    }
    const pinned = neutral.pinned[0];
    if (pinned) fail(`${at}.content`, `${pinned.path} = ${pinned.value}`, `a flow that runs in either Region: ${pinned.reason}`);
    // CreateContactFlow takes the bare flow, not an export envelope.
    const content = document.envelope === "none" ? neutral.content : JSON.stringify(document.flow);
    return { name: flow.name, type, ...(flow.description !== undefined ? { description: flow.description } : {}), content, rewrites: neutral.rewrites };
  } catch (err) {
    if (err instanceof FlowContentError) fail(`${at}.content`, err.path, `Amazon Connect flow JSON: ${err.problem}`);
    throw err;
  }
}

/** The flow type an export envelope declares (`Type` or `ContactFlow.Type`), if any. */
function envelopeType(root: Record<string, unknown>): string | undefined {
  const holder = (typeof root.ContactFlow === "object" && root.ContactFlow !== null ? root.ContactFlow : root) as Record<string, unknown>;
  return "Content" in holder && typeof holder.Type === "string" ? holder.Type : undefined;
}

function checkThreshold(argument: string, value: number, min: number, max: number, what: string): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) fail(argument, value, what);
}

/**
 * Validates ConnectRegion's args before any child exists, applies defaults and prepares flows.
 * @throws ArgumentError naming the argument, the value and what is allowed.
 */
export function resolveConnectRegionArgs(args: ConnectRegionArgs): ResolvedConnectRegionArgs {
  if (!GLOBAL_RESILIENCY_REGIONS.includes(args.region)) {
    fail("region", args.region, `one of ${GLOBAL_RESILIENCY_REGIONS.join(", ")} (the Regions Amazon Connect Global Resiliency supports)`);
  }
  if (typeof args.accountId !== "string" || !/^\d{12}$/.test(args.accountId)) fail("accountId", args.accountId, "a 12-digit AWS account id");
  if (typeof args.instanceAlias !== "string" || args.instanceAlias.length > 45 || !INSTANCE_ALIAS.test(args.instanceAlias)) {
    fail("instanceAlias", args.instanceAlias, "1-45 letters, digits and hyphens, starting and ending with a letter or digit, not starting with 'd-'");
  }
  if (typeof args.instanceId === "string" && !/^[a-zA-Z0-9_-]{1,100}$/.test(args.instanceId)) {
    fail("instanceId", args.instanceId, "an Amazon Connect instance id (1-100 letters, digits, '-' or '_'; the id, not the ARN)");
  }
  const identityManagementType = args.identityManagementType ?? "SAML";
  if (identityManagementType !== "SAML") {
    fail("identityManagementType", identityManagementType, "'SAML' (Amazon Connect Global Resiliency requires SAML 2.0 identity management)");
  }
  const recordingsBucketPrefix = args.recordingsBucketPrefix ?? `connect/${args.instanceAlias}`;
  if (!/^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*$/.test(recordingsBucketPrefix) || recordingsBucketPrefix.length > 900) {
    fail("recordingsBucketPrefix", recordingsBucketPrefix, "S3 key segments of safe characters separated by single '/', with no leading or trailing '/'");
  }
  const streamRetentionPeriodHours = args.streamRetentionPeriodHours ?? 24;
  checkInteger("streamRetentionPeriodHours", streamRetentionPeriodHours, 24, 8760, " hours");
  const logRetentionInDays = args.logRetentionInDays ?? 365;
  if (!LOG_RETENTION_DAYS.includes(logRetentionInDays)) fail("logRetentionInDays", logRetentionInDays, `one of ${LOG_RETENTION_DAYS.join(", ")}`);

  const manageRoutingConfiguration = args.manageRoutingConfiguration ?? true;
  const hoursOfOperation = args.hoursOfOperation ?? [];
  const queues = args.queues ?? [];
  const routingProfiles = args.routingProfiles ?? [];
  const flowSpecs = args.flows ?? [];
  if (!manageRoutingConfiguration) {
    // Silently dropping them would leave the caller believing they exist in this Region.
    for (const [argument, list] of [["hoursOfOperation", hoursOfOperation], ["queues", queues], ["routingProfiles", routingProfiles], ["flows", flowSpecs]] as const) {
      if (list.length > 0) fail(argument, list.map((item) => item.name), "none when manageRoutingConfiguration is false (ACGR mirrors them from the source instance)");
    }
  }
  checkHours(hoursOfOperation);
  checkQueues(queues, hoursOfOperation);
  checkRoutingProfiles(routingProfiles, queues);
  checkNames("flows", flowSpecs);
  const flows = flowSpecs.map(prepareFlow);

  const lambdaFunctionNames = args.lambdaFunctionNames ?? [];
  lambdaFunctionNames.forEach((fn, i) => {
    if (typeof fn !== "string" || !LAMBDA_FUNCTION_NAME.test(fn)) fail(`lambdaFunctionNames[${i}]`, fn, "a function name (1-64 letters, digits, '-' or '_'; no ARN, version or alias)");
  });
  checkNames("lambdaFunctionNames", lambdaFunctionNames.map((name) => ({ name })));
  if (args.lambdaFunctionAlias !== undefined && !/^(?!^[0-9]+$)[a-zA-Z0-9_-]{1,128}$/.test(args.lambdaFunctionAlias)) {
    fail("lambdaFunctionAlias", args.lambdaFunctionAlias, "a Lambda alias name: letters, digits, - and _ (not only digits), at most 128 characters");
  }
  const lexV2BotAliases = args.lexV2BotAliases ?? [];
  lexV2BotAliases.forEach((bot, i) => {
    if (!LEX_ID.test(bot.botId)) fail(`lexV2BotAliases[${i}].botId`, bot.botId, "a Lex V2 bot id: 10 upper-case letters or digits");
    if (!LEX_ID.test(bot.botAliasId)) fail(`lexV2BotAliases[${i}].botAliasId`, bot.botAliasId, "a Lex V2 alias id: 10 upper-case letters or digits");
  });
  checkNames("lexV2BotAliases", lexV2BotAliases.map((b) => ({ name: `${b.botId}-${b.botAliasId}` })));

  const concurrentCallsPercentageThreshold = args.concurrentCallsPercentageThreshold ?? 0.8;
  checkThreshold("concurrentCallsPercentageThreshold", concurrentCallsPercentageThreshold, 0.01, 1, "a fraction from 0.01 to 1 (Connect emits ConcurrentCallsPercentage as 0.8 for 80%)");
  const counts = {
    throttledCallsThreshold: args.throttledCallsThreshold ?? 1,
    contactFlowErrorsThreshold: args.contactFlowErrorsThreshold ?? 5,
    contactFlowFatalErrorsThreshold: args.contactFlowFatalErrorsThreshold ?? 1,
    callRecordingUploadErrorsThreshold: args.callRecordingUploadErrorsThreshold ?? 1,
  };
  for (const [argument, value] of Object.entries(counts)) checkInteger(argument, value, 1, 1_000_000, " (count in 5 minutes)");

  const alarmActions = args.alarmActions ?? [];
  alarmActions.forEach((action, i) => {
    if (typeof action !== "string") return; // an Output from another resource: known only at deploy time
    const topic = SNS_TOPIC_ARN.exec(action);
    if (!topic) fail(`alarmActions[${i}]`, action, "an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>)");
    if (topic[1] !== args.region) fail(`alarmActions[${i}]`, action, `a topic in ${args.region}: CloudWatch alarms only notify topics in their own Region`);
  });

  return {
    region: args.region,
    accountId: args.accountId,
    instanceAlias: args.instanceAlias,
    ...(args.instanceId !== undefined ? { instanceId: args.instanceId } : {}),
    manageRoutingConfiguration,
    identityManagementType,
    inboundCallsEnabled: args.inboundCallsEnabled ?? true,
    outboundCallsEnabled: args.outboundCallsEnabled ?? true,
    contactLensEnabled: args.contactLensEnabled ?? true,
    multiPartyConferenceEnabled: args.multiPartyConferenceEnabled ?? false,
    protectInstance: args.protectInstance ?? true,
    recordingsBucketName: args.recordingsBucketName,
    recordingsBucketPrefix,
    ...(args.recordingsKmsKeyArn !== undefined ? { recordingsKmsKeyArn: args.recordingsKmsKeyArn } : {}),
    streamRetentionPeriodHours,
    logRetentionInDays,
    hoursOfOperation,
    queues,
    routingProfiles,
    flows,
    lambdaFunctionNames,
    ...(args.lambdaFunctionAlias !== undefined ? { lambdaFunctionAlias: args.lambdaFunctionAlias } : {}),
    lexV2BotAliases,
    concurrentCallsPercentageThreshold,
    ...counts,
    alarmActions,
    tags: args.tags ?? {},
  };
}
