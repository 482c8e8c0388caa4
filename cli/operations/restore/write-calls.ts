import type { Kind } from "../model/kinds";
import { clientTokenFor } from "./client-token";
import { directoryCreateCall, directoryCreatedId, directoryDeleteCall, directoryUnwritable, directoryUpdateCalls, type CreateEnvironment } from "./directory-calls";
import { settingsCreateCall, settingsCreatedId, settingsDeleteCall, settingsUnwritable, settingsUpdateCalls } from "./instance-settings-calls";
import { canonicalJson } from "./projection";

type J = Record<string, unknown>;

/** One Connect API write. */
export interface WriteCall {
  readonly api: string;
  readonly input: J;
}

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
const tagsOf = (v: J) => (v.Tags as Record<string, string> | undefined) ?? {};
const withTags = (v: J) => (Object.keys(tagsOf(v)).length ? { Tags: tagsOf(v) } : {});
/**
 * The Description member of a create or update: present only when the backup has a non-empty one.
 * Absent stays absent, and `""` is never sent: most Description members are 1-250 characters in
 * AWS's model (QueueDescription, HoursOfOperationDescription, RoutingProfileDescription,
 * QuickConnectDescription, AgentStatusDescription, PromptDescription) and the module's has the
 * pattern `.*\S.*`. A description the backup lacks therefore cannot be cleared through the API; see
 * `unwritableDifferences`.
 */
export const description = (v: J): { Description?: string } => (typeof v.Description === "string" && v.Description !== "" ? { Description: v.Description } : {});

/** See client-token.ts. */
export const clientToken = clientTokenFor;

/**
 * The projection a create leaves behind, for fields the create API cannot set: every flow and
 * module is created ACTIVE and every queue ENABLED, so an ARCHIVED flow or a DISABLED queue needs
 * the update that follows the create.
 */
export function createdState(kind: Kind, desired: J): J {
  switch (kind) {
    case "flows":
    case "flowModules":
      return { ...desired, State: "ACTIVE" };
    case "queues":
      return { ...desired, Status: "ENABLED" };
    default:
      return desired;
  }
}

/** Routing-profile queue configs in the write shape (`QueueReference`). */
function queueRefs(configs: unknown): J[] {
  return ((configs as J[] | undefined) ?? []).map((q) => ({ QueueReference: { QueueId: q.QueueId, Channel: q.Channel }, Priority: q.Priority, Delay: q.Delay }));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The API and input that create `desired` (a projection in target terms). */
export function createCall(kind: Kind, desired: J, instanceId: string, env: CreateEnvironment = {}): WriteCall {
  const other = directoryCreateCall(kind, desired, instanceId, env) ?? settingsCreateCall(kind, desired, instanceId);
  if (other) return other;
  const I = { InstanceId: instanceId };
  const d = desired;
  switch (kind) {
    case "hours":
      return { api: "CreateHoursOfOperation", input: { ...I, Name: d.Name, ...description(d), TimeZone: d.TimeZone, Config: d.Config, ...withTags(d) } };
    case "queues":
      return {
        api: "CreateQueue",
        input: {
          ...I, Name: d.Name, ...description(d), HoursOfOperationId: d.HoursOfOperationId, MaxContacts: d.MaxContacts,
          OutboundCallerConfig: d.OutboundCallerConfig,
          ...((d.QuickConnectIds as string[] | undefined)?.length ? { QuickConnectIds: d.QuickConnectIds } : {}),
          ...withTags(d),
        },
      };
    case "flows":
      return { api: "CreateContactFlow", input: { ...I, Name: d.Name, Type: d.Type, ...description(d), Content: d.Content, Status: d.Status ?? "PUBLISHED", ...withTags(d) } };
    case "flowModules":
      return { api: "CreateContactFlowModule", input: { ...I, Name: d.Name, ...description(d), Content: d.Content, ...(d.Settings ? { Settings: d.Settings } : {}), ...withTags(d), ClientToken: clientToken(instanceId, kind, d.Name) } };
    case "routingProfiles":
      return {
        api: "CreateRoutingProfile",
        input: {
          // Description is required (1-250) on create only; a backup without one gets the name.
          ...I, Name: d.Name, Description: (d.Description as string | undefined) ?? (d.Name as string), DefaultOutboundQueueId: d.DefaultOutboundQueueId,
          MediaConcurrencies: d.MediaConcurrencies,
          ...(d.AgentAvailabilityTimer ? { AgentAvailabilityTimer: d.AgentAvailabilityTimer } : {}),
          ...((d.QueueConfigs as J[]).length ? { QueueConfigs: queueRefs((d.QueueConfigs as J[]).slice(0, 10)) } : {}),
          ...withTags(d),
        },
      };
    case "quickConnects":
      return { api: "CreateQuickConnect", input: { ...I, Name: d.Name, ...description(d), QuickConnectConfig: d.QuickConnectConfig, ...withTags(d) } };
    case "prompts":
      // S3Uri: where the runner uploaded the backed-up audio (see prompt-upload.ts).
      return { api: "CreatePrompt", input: { ...I, Name: d.Name, ...description(d), S3Uri: d.S3Uri, ...withTags(d) } };
    case "agentStatuses":
      return { api: "CreateAgentStatus", input: { ...I, Name: d.Name, ...description(d), State: d.State, ...(d.DisplayOrder !== undefined ? { DisplayOrder: d.DisplayOrder } : {}), ...withTags(d) } };
    case "lambdaFunctions":
      return { api: "AssociateLambdaFunction", input: { ...I, FunctionArn: d.FunctionArn, ClientToken: clientToken(instanceId, kind, d.FunctionArn) } };
    case "lexBots":
      return { api: "AssociateBot", input: { ...I, ...(d.LexV2Bot ? { LexV2Bot: d.LexV2Bot } : { LexBot: d.LexBot }), ClientToken: clientToken(instanceId, kind, d.LexV2Bot ?? d.LexBot) } };
    default:
      throw new Error(`restore does not create ${kind}`);
  }
}

/** Calls needed right after a create (routing profiles take at most 10 queues in CreateRoutingProfile). */
export function followUpCalls(kind: Kind, targetId: string, desired: J, instanceId: string): WriteCall[] {
  if (kind !== "routingProfiles") return [];
  const rest = ((desired.QueueConfigs as J[] | undefined) ?? []).slice(10);
  return chunks(queueRefs(rest), 10).map((c) => ({ api: "AssociateRoutingProfileQueues", input: { InstanceId: instanceId, RoutingProfileId: targetId, QueueConfigs: c } }));
}

/** The target id in a create response. */
export function createdId(kind: Kind, out: J, desired: J): string {
  switch (kind) {
    case "hours": return String(out.HoursOfOperationId);
    case "queues": return String(out.QueueId);
    case "flows": return String(out.ContactFlowId);
    case "flowModules": return String(out.Id);
    case "routingProfiles": return String(out.RoutingProfileId);
    case "quickConnects": return String(out.QuickConnectId);
    case "agentStatuses": return String(out.AgentStatusId);
    case "prompts": return String(out.PromptId);
    case "lambdaFunctions": return String(desired.FunctionArn);
    case "lexBots": return String((desired.LexV2Bot as J | undefined)?.AliasArn ?? `v1:${(desired.LexBot as J).LexRegion}:${(desired.LexBot as J).Name}`);
    default: {
      const id = directoryCreatedId(kind, out) ?? settingsCreatedId(kind, out, desired);
      if (id === undefined) throw new Error(`restore does not create ${kind}`);
      return id;
    }
  }
}

/** The target ARN in a create response, when the API returns one. */
export function createdArn(kind: Kind, out: J): string | undefined {
  const v =
    out.HoursOfOperationArn ?? out.QueueArn ?? out.ContactFlowArn ?? out.Arn ?? out.RoutingProfileArn ?? out.QuickConnectARN ?? out.AgentStatusARN ??
    out.SecurityProfileArn ?? out.HierarchyGroupArn ?? out.UserArn ?? out.PromptARN ?? out.IntegrationAssociationArn;
  return typeof v === "string" ? v : undefined;
}

/** Fields that differ between `current` and `desired` (top-level projection fields). */
export function changedFields(current: J, desired: J): string[] {
  const keys = new Set([...Object.keys(current), ...Object.keys(desired)]);
  return [...keys].filter((k) => !same(current[k], desired[k])).sort();
}

/**
 * Differences no API call can remove, with the reason: a description the backup lacks (the API
 * cannot clear one), a published flow the backup has as a SAVED draft (a flow cannot be
 * unpublished) or the reverse (publishing a draft is an operator's decision), a value the backup
 * does not hold. The plan lists them; no write is made for them, so a second run stays at zero.
 */
export function unwritableDifferences(kind: Kind, current: J, desired: J): string[] {
  const changed = new Set(changedFields(current, desired));
  const out: string[] = [];
  if (changed.has("Description") && description(desired).Description === undefined) out.push("Description: the backup has none and the API cannot clear one");
  if (kind === "flows" && changed.has("Status")) out.push(`Status: ${String(current.Status)} in the target, ${String(desired.Status)} in the backup; no API changes a flow's status (recreate the flow to change it)`);
  if (kind === "routingProfiles" && changed.has("AgentAvailabilityTimer") && desired.AgentAvailabilityTimer === undefined) out.push("AgentAvailabilityTimer: the backup has none");
  if (kind === "prompts" && changed.has("AudioSha256") && desired.AudioSha256 === undefined) out.push("Audio: the backup holds none for this prompt (take a new backup)");
  if (kind === "flowModules" && changed.has("Settings") && desired.Settings === undefined) out.push("Settings: the backup has none and the API cannot clear them");
  out.push(...directoryUnwritable(kind, current, desired, changed), ...settingsUnwritable(kind, changed));
  return out;
}

/** `id` addressing a flow's SAVED content: updates of a draft must not publish it. */
export function flowContentId(targetId: string, status: unknown): string {
  return status === "SAVED" ? `${targetId}:$SAVED` : targetId;
}

/**
 * The writes that turn `current` into `desired` (both projections in target terms). Empty when
 * they are equal, or differ only in what no API can write (`unwritableDifferences`): a second
 * restore makes zero writes.
 */
export function updateCalls(kind: Kind, targetId: string, targetArn: string | undefined, current: J, desired: J, instanceId: string): WriteCall[] {
  const changed = new Set(changedFields(current, desired));
  changed.delete("S3Uri"); // where the audio was uploaded, not a field of the prompt
  if (changed.size === 0) return [];
  // A description difference is writable only when the backup has one.
  if (changed.has("Description") && description(desired).Description === undefined) changed.delete("Description");
  const any = (...fields: string[]) => fields.some((f) => changed.has(f));
  const I = { InstanceId: instanceId };
  const d = desired;
  const calls: WriteCall[] = [];
  const tagCalls = () => {
    if (!changed.has("Tags") || !targetArn) return;
    const want = tagsOf(d);
    const have = tagsOf(current);
    const add = Object.fromEntries(Object.entries(want).filter(([k, v]) => have[k] !== v));
    const remove = Object.keys(have).filter((k) => !(k in want));
    if (Object.keys(add).length) calls.push({ api: "TagResource", input: { resourceArn: targetArn, tags: add } });
    if (remove.length) calls.push({ api: "UntagResource", input: { resourceArn: targetArn, tagKeys: remove } });
  };
  switch (kind) {
    case "hours":
      if (any("Name", "Description", "TimeZone", "Config"))
        calls.push({ api: "UpdateHoursOfOperation", input: { ...I, HoursOfOperationId: targetId, Name: d.Name, ...description(d), TimeZone: d.TimeZone, Config: d.Config } });
      break;
    case "queues": {
      const Q = { ...I, QueueId: targetId };
      if (any("Name", "Description")) calls.push({ api: "UpdateQueueName", input: { ...Q, Name: d.Name, ...description(d) } });
      if (changed.has("HoursOfOperationId")) calls.push({ api: "UpdateQueueHoursOfOperation", input: { ...Q, HoursOfOperationId: d.HoursOfOperationId } });
      if (changed.has("MaxContacts")) calls.push({ api: "UpdateQueueMaxContacts", input: { ...Q, MaxContacts: d.MaxContacts ?? 0 } });
      if (changed.has("OutboundCallerConfig")) calls.push({ api: "UpdateQueueOutboundCallerConfig", input: { ...Q, OutboundCallerConfig: d.OutboundCallerConfig ?? {} } });
      if (changed.has("Status")) calls.push({ api: "UpdateQueueStatus", input: { ...Q, Status: d.Status } });
      if (changed.has("QuickConnectIds")) {
        const want = new Set((d.QuickConnectIds as string[] | undefined) ?? []);
        const have = new Set((current.QuickConnectIds as string[] | undefined) ?? []);
        const add = [...want].filter((x) => !have.has(x));
        const del = [...have].filter((x) => !want.has(x));
        for (const c of chunks(add, 50)) calls.push({ api: "AssociateQueueQuickConnects", input: { ...Q, QuickConnectIds: c } });
        for (const c of chunks(del, 50)) calls.push({ api: "DisassociateQueueQuickConnects", input: { ...Q, QuickConnectIds: c } });
      }
      break;
    }
    case "flows":
      // A draft's content is written through `:$SAVED`, so the update never publishes it.
      if (changed.has("Content")) calls.push({ api: "UpdateContactFlowContent", input: { ...I, ContactFlowId: flowContentId(targetId, d.Status), Content: d.Content } });
      if (any("Name", "Description", "State"))
        calls.push({ api: "UpdateContactFlowMetadata", input: { ...I, ContactFlowId: targetId, Name: d.Name, ...description(d), ContactFlowState: d.State } });
      break;
    case "flowModules":
      if (changed.has("Content") || (changed.has("Settings") && d.Settings))
        calls.push({ api: "UpdateContactFlowModuleContent", input: { ...I, ContactFlowModuleId: targetId, Content: d.Content, ...(d.Settings ? { Settings: d.Settings } : {}) } });
      if (any("Name", "Description", "State"))
        calls.push({ api: "UpdateContactFlowModuleMetadata", input: { ...I, ContactFlowModuleId: targetId, Name: d.Name, ...description(d), State: d.State } });
      break;
    case "routingProfiles": {
      const R = { ...I, RoutingProfileId: targetId };
      if (any("Name", "Description")) calls.push({ api: "UpdateRoutingProfileName", input: { ...R, Name: d.Name, ...description(d) } });
      if (changed.has("DefaultOutboundQueueId")) calls.push({ api: "UpdateRoutingProfileDefaultOutboundQueue", input: { ...R, DefaultOutboundQueueId: d.DefaultOutboundQueueId } });
      if (changed.has("MediaConcurrencies")) calls.push({ api: "UpdateRoutingProfileConcurrency", input: { ...R, MediaConcurrencies: d.MediaConcurrencies } });
      if (changed.has("AgentAvailabilityTimer") && d.AgentAvailabilityTimer)
        calls.push({ api: "UpdateRoutingProfileAgentAvailabilityTimer", input: { ...R, AgentAvailabilityTimer: d.AgentAvailabilityTimer } });
      if (changed.has("QueueConfigs")) {
        const key = (q: J) => `${q.QueueId}/${q.Channel}`;
        const want = new Map(((d.QueueConfigs as J[] | undefined) ?? []).map((q) => [key(q), q]));
        const have = new Map(((current.QueueConfigs as J[] | undefined) ?? []).map((q) => [key(q), q]));
        const add = [...want.values()].filter((q) => !have.has(key(q)));
        const upd = [...want.values()].filter((q) => have.has(key(q)) && !same(have.get(key(q)), q));
        const del = [...have.values()].filter((q) => !want.has(key(q)));
        for (const c of chunks(queueRefs(add), 10)) calls.push({ api: "AssociateRoutingProfileQueues", input: { ...R, QueueConfigs: c } });
        for (const c of chunks(queueRefs(upd), 10)) calls.push({ api: "UpdateRoutingProfileQueues", input: { ...R, QueueConfigs: c } });
        for (const c of chunks(del.map((q) => ({ QueueId: q.QueueId, Channel: q.Channel })), 10))
          calls.push({ api: "DisassociateRoutingProfileQueues", input: { ...R, QueueReferences: c } });
      }
      break;
    }
    case "quickConnects": {
      const Q = { ...I, QuickConnectId: targetId };
      if (any("Name", "Description")) calls.push({ api: "UpdateQuickConnectName", input: { ...Q, Name: d.Name, ...description(d) } });
      if (changed.has("QuickConnectConfig")) calls.push({ api: "UpdateQuickConnectConfig", input: { ...Q, QuickConnectConfig: d.QuickConnectConfig } });
      break;
    }
    case "prompts": {
      const audio = changed.has("AudioSha256") && typeof d.S3Uri === "string" ? { S3Uri: d.S3Uri } : {};
      if (any("Name", "Description") || audio.S3Uri) calls.push({ api: "UpdatePrompt", input: { ...I, PromptId: targetId, Name: d.Name, ...description(d), ...audio } });
      break;
    }
    case "agentStatuses":
      if (any("Name", "Description", "State", "DisplayOrder"))
        calls.push({
          api: "UpdateAgentStatus",
          input: { ...I, AgentStatusId: targetId, Name: d.Name, ...description(d), State: d.State, ...(d.DisplayOrder !== undefined ? { DisplayOrder: d.DisplayOrder } : changed.has("DisplayOrder") ? { ResetOrderNumber: true } : {}) },
        });
      break;
    case "phoneNumbers":
      if (changed.has("ContactFlowId") && d.ContactFlowId)
        calls.push({ api: "AssociatePhoneNumberContactFlow", input: { ...I, PhoneNumberId: targetId, ContactFlowId: d.ContactFlowId } });
      break;
    case "integrations":
      break;
    default:
      calls.push(...directoryUpdateCalls(kind, targetId, current, desired, changed, instanceId), ...settingsUpdateCalls(kind, targetId, desired, changed, instanceId));
      break;
  }
  tagCalls();
  return calls;
}

/** The API that deletes a resource of `kind` (for `--prune`), or undefined when there is none. */
export function deleteCall(kind: Kind, targetId: string, instanceId: string): WriteCall | undefined {
  const I = { InstanceId: instanceId };
  switch (kind) {
    case "hours": return { api: "DeleteHoursOfOperation", input: { ...I, HoursOfOperationId: targetId } };
    case "queues": return { api: "DeleteQueue", input: { ...I, QueueId: targetId } };
    case "flows": return { api: "DeleteContactFlow", input: { ...I, ContactFlowId: targetId } };
    case "flowModules": return { api: "DeleteContactFlowModule", input: { ...I, ContactFlowModuleId: targetId } };
    case "routingProfiles": return { api: "DeleteRoutingProfile", input: { ...I, RoutingProfileId: targetId } };
    case "quickConnects": return { api: "DeleteQuickConnect", input: { ...I, QuickConnectId: targetId } };
    case "lambdaFunctions": return { api: "DisassociateLambdaFunction", input: { ...I, FunctionArn: targetId } };
    case "prompts": return { api: "DeletePrompt", input: { ...I, PromptId: targetId } };
    default: return directoryDeleteCall(kind, targetId, instanceId) ?? settingsDeleteCall(kind, targetId, {}, instanceId);
  }
}
