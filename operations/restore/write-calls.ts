import type { Kind } from "../model/kinds";
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
 * The Description member for updates whose API refuses an empty one (UpdateQueueName,
 * UpdateRoutingProfileName: length 1-250; UpdateContactFlowModuleMetadata: pattern `.*\S.*`):
 * omitted when the backup has none, since such a description cannot be cleared through the API.
 */
const nonEmptyDescription = (v: J) => (typeof v.Description === "string" && v.Description !== "" ? { Description: v.Description } : {});

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
export function createCall(kind: Kind, desired: J, instanceId: string): WriteCall {
  const I = { InstanceId: instanceId };
  const d = desired;
  switch (kind) {
    case "hours":
      return { api: "CreateHoursOfOperation", input: { ...I, Name: d.Name, Description: d.Description, TimeZone: d.TimeZone, Config: d.Config, ...withTags(d) } };
    case "queues":
      return {
        api: "CreateQueue",
        input: {
          ...I, Name: d.Name, Description: d.Description, HoursOfOperationId: d.HoursOfOperationId, MaxContacts: d.MaxContacts,
          OutboundCallerConfig: d.OutboundCallerConfig,
          ...((d.QuickConnectIds as string[] | undefined)?.length ? { QuickConnectIds: d.QuickConnectIds } : {}),
          ...withTags(d),
        },
      };
    case "flows":
      return { api: "CreateContactFlow", input: { ...I, Name: d.Name, Type: d.Type, Description: d.Description, Content: d.Content, ...withTags(d) } };
    case "flowModules":
      return { api: "CreateContactFlowModule", input: { ...I, Name: d.Name, Description: d.Description, Content: d.Content, ...withTags(d) } };
    case "routingProfiles":
      return {
        api: "CreateRoutingProfile",
        input: {
          ...I, Name: d.Name, Description: d.Description ?? (d.Name as string), DefaultOutboundQueueId: d.DefaultOutboundQueueId,
          MediaConcurrencies: d.MediaConcurrencies,
          ...((d.QueueConfigs as J[]).length ? { QueueConfigs: queueRefs((d.QueueConfigs as J[]).slice(0, 10)) } : {}),
          ...withTags(d),
        },
      };
    case "quickConnects":
      return { api: "CreateQuickConnect", input: { ...I, Name: d.Name, Description: d.Description, QuickConnectConfig: d.QuickConnectConfig, ...withTags(d) } };
    case "agentStatuses":
      return { api: "CreateAgentStatus", input: { ...I, Name: d.Name, Description: d.Description, State: d.State, DisplayOrder: d.DisplayOrder, ...withTags(d) } };
    case "lambdaFunctions":
      return { api: "AssociateLambdaFunction", input: { ...I, FunctionArn: d.FunctionArn } };
    case "lexBots":
      return { api: "AssociateBot", input: { ...I, ...(d.LexV2Bot ? { LexV2Bot: d.LexV2Bot } : { LexBot: d.LexBot }) } };
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
    case "lambdaFunctions": return String(desired.FunctionArn);
    case "lexBots": return String((desired.LexV2Bot as J | undefined)?.AliasArn ?? `v1:${(desired.LexBot as J).LexRegion}:${(desired.LexBot as J).Name}`);
    default: throw new Error(`restore does not create ${kind}`);
  }
}

/** The target ARN in a create response, when the API returns one. */
export function createdArn(kind: Kind, out: J): string | undefined {
  const v = out.HoursOfOperationArn ?? out.QueueArn ?? out.ContactFlowArn ?? out.Arn ?? out.RoutingProfileArn ?? out.QuickConnectARN ?? out.AgentStatusARN;
  return typeof v === "string" ? v : undefined;
}

/** Fields that differ between `current` and `desired` (top-level projection fields). */
export function changedFields(current: J, desired: J): string[] {
  const keys = new Set([...Object.keys(current), ...Object.keys(desired)]);
  return [...keys].filter((k) => !same(current[k], desired[k])).sort();
}

/**
 * The writes that turn `current` into `desired` (both projections in target terms). Empty when
 * they are equal: a second restore makes zero writes.
 */
export function updateCalls(kind: Kind, targetId: string, targetArn: string | undefined, current: J, desired: J, instanceId: string): WriteCall[] {
  const changed = new Set(changedFields(current, desired));
  if (changed.size === 0) return [];
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
      if (["Name", "Description", "TimeZone", "Config"].some((f) => changed.has(f)))
        calls.push({ api: "UpdateHoursOfOperation", input: { ...I, HoursOfOperationId: targetId, Name: d.Name, Description: d.Description ?? "", TimeZone: d.TimeZone, Config: d.Config } });
      break;
    case "queues": {
      const Q = { ...I, QueueId: targetId };
      if (changed.has("Name") || changed.has("Description")) calls.push({ api: "UpdateQueueName", input: { ...Q, Name: d.Name, ...nonEmptyDescription(d) } });
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
      if (changed.has("Content")) calls.push({ api: "UpdateContactFlowContent", input: { ...I, ContactFlowId: targetId, Content: d.Content } });
      if (changed.has("Name") || changed.has("Description") || changed.has("State"))
        calls.push({ api: "UpdateContactFlowMetadata", input: { ...I, ContactFlowId: targetId, Name: d.Name, Description: d.Description ?? "", ContactFlowState: d.State } });
      break;
    case "flowModules":
      if (changed.has("Content")) calls.push({ api: "UpdateContactFlowModuleContent", input: { ...I, ContactFlowModuleId: targetId, Content: d.Content } });
      if (changed.has("Name") || changed.has("Description") || changed.has("State"))
        calls.push({ api: "UpdateContactFlowModuleMetadata", input: { ...I, ContactFlowModuleId: targetId, Name: d.Name, ...nonEmptyDescription(d), State: d.State } });
      break;
    case "routingProfiles": {
      const R = { ...I, RoutingProfileId: targetId };
      if (changed.has("Name") || changed.has("Description")) calls.push({ api: "UpdateRoutingProfileName", input: { ...R, Name: d.Name, ...nonEmptyDescription(d) } });
      if (changed.has("DefaultOutboundQueueId")) calls.push({ api: "UpdateRoutingProfileDefaultOutboundQueue", input: { ...R, DefaultOutboundQueueId: d.DefaultOutboundQueueId } });
      if (changed.has("MediaConcurrencies")) calls.push({ api: "UpdateRoutingProfileConcurrency", input: { ...R, MediaConcurrencies: d.MediaConcurrencies } });
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
      if (changed.has("Name") || changed.has("Description")) calls.push({ api: "UpdateQuickConnectName", input: { ...Q, Name: d.Name, Description: d.Description ?? "" } });
      if (changed.has("QuickConnectConfig")) calls.push({ api: "UpdateQuickConnectConfig", input: { ...Q, QuickConnectConfig: d.QuickConnectConfig } });
      break;
    }
    case "agentStatuses":
      if (["Name", "Description", "State", "DisplayOrder"].some((f) => changed.has(f)))
        calls.push({ api: "UpdateAgentStatus", input: { ...I, AgentStatusId: targetId, Name: d.Name, Description: d.Description ?? "", State: d.State, DisplayOrder: d.DisplayOrder } });
      break;
    case "phoneNumbers":
      if (changed.has("ContactFlowId") && d.ContactFlowId)
        calls.push({ api: "AssociatePhoneNumberContactFlow", input: { ...I, PhoneNumberId: targetId, ContactFlowId: d.ContactFlowId } });
      break;
    default:
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
    default: return undefined;
  }
}
