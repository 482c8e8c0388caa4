/**
 * The Search operations (SearchContactFlows, SearchQueues, SearchUsers, ...): criteria, filters,
 * MaxResults/NextToken pagination and ApproximateTotalCount.
 *
 * Each result item is the resource's Describe object cut down to the members of the Search item
 * shape in AWS's model (e.g. SearchUsers' `IdentityInfo` is `UserIdentityInfoLite`: first and last
 * name only; SearchSecurityProfiles carries no `LastModifiedTime`). Deriving the item from the
 * Describe handler keeps the two views of one resource consistent by construction, and cutting by
 * the model keeps the answer to what the SDK would deserialize.
 *
 * Criteria: `OrConditions` (any), `AndConditions` (all), `StringCondition` (`FieldName` from the
 * kind's searchable fields, `ComparisonType` EXACT, STARTS_WITH or CONTAINS) and the kind's typed
 * conditions (`TypeCondition`, `StateCondition`, `StatusCondition`, `QueueTypeCondition`,
 * `HierarchyGroupCondition`); several members in one criteria object must all hold. Filters: tag
 * filters (`TagCondition`, `AndConditions`, `OrConditions` of and-lists) and the attribute filters
 * that combine tags with a flow type or a hierarchy group.
 */
import { CONNECT_MODEL } from "../model/connect-model";
import { invalidParameter } from "../errors";
import { paginate } from "../pagination";
import type { InstanceRecord, ResourceBase } from "../state/model";
import { agentStatusHandlers } from "./agent-statuses";
import type { HandlerTable, RequestContext } from "./context";
import { flowHandlers } from "./flows";
import { hierarchyHandlers } from "./hierarchy";
import { hoursHandlers } from "./hours";
import { requireInstance } from "./lookup";
import { promptHandlers } from "./prompts";
import { queueHandlers } from "./queues";
import { quickConnectHandlers } from "./quick-connects";
import { routingProfileHandlers } from "./routing-profiles";
import { securityProfileHandlers } from "./security-profiles";
import { userHandlers } from "./users";

type Json = Record<string, unknown>;
type Rec = ResourceBase & Record<string, unknown>;

/** How one Search operation finds and renders its kind. */
interface SearchSpec {
  readonly collection: (instance: InstanceRecord) => ReadonlyMap<string, ResourceBase>;
  /** The Describe operation whose object the item is cut from. */
  readonly describe: { readonly table: HandlerTable; readonly op: string; readonly idParam: string; readonly key: string };
  /** The response member holding the items. */
  readonly listKey: string;
  /** `StringCondition.FieldName` (lower case) -> the record's value(s). */
  readonly fields: Readonly<Record<string, (r: Rec) => string | readonly string[] | undefined>>;
  /** Typed criteria members -> predicate. */
  readonly conditions?: Readonly<Record<string, (r: Rec, value: unknown, instance: InstanceRecord) => boolean>>;
  /** Attribute-filter member (besides tags) -> predicate, e.g. `ContactFlowTypeCondition`. */
  readonly attributeConditions?: Readonly<Record<string, (r: Rec, value: unknown, instance: InstanceRecord) => boolean>>;
}

const common = {
  name: (r: Rec) => r.name,
  description: (r: Rec) => r.description,
  resourceid: (r: Rec) => r.id,
};

/** Whether `groupId` is `target` or (WITH_CHILD_GROUPS) below it. */
function inHierarchy(instance: InstanceRecord, groupId: string | undefined, condition: unknown): boolean {
  const c = (condition ?? {}) as { Value?: string; HierarchyGroupMatchType?: string };
  if (c.Value === undefined) return true;
  const target = c.Value.slice(c.Value.lastIndexOf("/") + 1);
  for (let id = groupId; id; id = c.HierarchyGroupMatchType === "WITH_CHILD_GROUPS" ? instance.config.hierarchyGroups.get(id)?.parentGroupId : undefined) {
    if (id === target) return true;
  }
  return false;
}

const flowTypeCondition = (r: Rec, v: unknown) => (v as { ContactFlowType?: string }).ContactFlowType === undefined || r.type === (v as { ContactFlowType?: string }).ContactFlowType;
const userHierarchy = (r: Rec, v: unknown, i: InstanceRecord) => inHierarchy(i, r.hierarchyGroupId as string | undefined, v);

/** The Search operations this simulator serves, by operation name. */
export const SEARCH_SPECS: Readonly<Record<string, SearchSpec>> = {
  SearchContactFlows: {
    collection: (i) => i.config.flows,
    describe: { table: flowHandlers, op: "DescribeContactFlow", idParam: "ContactFlowId", key: "ContactFlow" },
    listKey: "ContactFlows",
    fields: { ...common, type: (r) => r.type as string, state: (r) => r.state as string, status: (r) => r.status as string },
    conditions: { TypeCondition: (r, v) => r.type === v, StateCondition: (r, v) => r.state === v, StatusCondition: (r, v) => r.status === v },
    attributeConditions: { ContactFlowTypeCondition: flowTypeCondition },
  },
  SearchContactFlowModules: {
    collection: (i) => i.config.flowModules,
    describe: { table: flowHandlers, op: "DescribeContactFlowModule", idParam: "ContactFlowModuleId", key: "ContactFlowModule" },
    listKey: "ContactFlowModules",
    fields: common,
    conditions: { StateCondition: (r, v) => r.state === v, StatusCondition: (r, v) => r.status === v },
  },
  SearchQueues: {
    collection: (i) => i.config.queues,
    describe: { table: queueHandlers, op: "DescribeQueue", idParam: "QueueId", key: "Queue" },
    listKey: "Queues",
    fields: { ...common, hoursofoperationid: (r) => r.hoursOfOperationId as string },
    conditions: { QueueTypeCondition: (r, v) => r.queueType === v },
  },
  SearchRoutingProfiles: {
    collection: (i) => i.config.routingProfiles,
    describe: { table: routingProfileHandlers, op: "DescribeRoutingProfile", idParam: "RoutingProfileId", key: "RoutingProfile" },
    listKey: "RoutingProfiles",
    fields: { ...common, associatedqueueids: (r) => (r.queueConfigs as { queueId: string }[]).map((c) => c.queueId) },
  },
  SearchHoursOfOperations: {
    collection: (i) => i.config.hours,
    describe: { table: hoursHandlers, op: "DescribeHoursOfOperation", idParam: "HoursOfOperationId", key: "HoursOfOperation" },
    listKey: "HoursOfOperations",
    fields: { ...common, timezone: (r) => r.timeZone as string },
  },
  SearchQuickConnects: {
    collection: (i) => i.config.quickConnects,
    describe: { table: quickConnectHandlers, op: "DescribeQuickConnect", idParam: "QuickConnectId", key: "QuickConnect" },
    listKey: "QuickConnects",
    fields: { ...common, quickconnecttype: (r) => (r.config as { QuickConnectType?: string }).QuickConnectType },
  },
  SearchPrompts: {
    collection: (i) => i.config.prompts,
    describe: { table: promptHandlers, op: "DescribePrompt", idParam: "PromptId", key: "Prompt" },
    listKey: "Prompts",
    fields: common,
  },
  SearchSecurityProfiles: {
    collection: (i) => i.config.securityProfiles,
    describe: { table: securityProfileHandlers, op: "DescribeSecurityProfile", idParam: "SecurityProfileId", key: "SecurityProfile" },
    listKey: "SecurityProfiles",
    fields: { ...common, securityprofilename: (r) => r.name },
  },
  SearchUsers: {
    collection: (i) => i.config.users,
    describe: { table: userHandlers, op: "DescribeUser", idParam: "UserId", key: "User" },
    listKey: "Users",
    fields: {
      resourceid: (r) => r.id,
      username: (r) => r.name,
      firstname: (r) => (r.identityInfo as { FirstName?: string } | undefined)?.FirstName,
      lastname: (r) => (r.identityInfo as { LastName?: string } | undefined)?.LastName,
      routingprofileid: (r) => r.routingProfileId as string,
      securityprofileid: (r) => r.securityProfileIds as string[],
      hierarchygroupid: (r) => r.hierarchyGroupId as string | undefined,
    },
    conditions: { HierarchyGroupCondition: userHierarchy },
    attributeConditions: { HierarchyGroupCondition: userHierarchy },
  },
  SearchAgentStatuses: {
    collection: (i) => i.config.agentStatuses,
    describe: { table: agentStatusHandlers, op: "DescribeAgentStatus", idParam: "AgentStatusId", key: "AgentStatus" },
    listKey: "AgentStatuses",
    fields: { ...common, type: (r) => r.type as string, state: (r) => r.state as string },
  },
  SearchUserHierarchyGroups: {
    collection: (i) => i.config.hierarchyGroups,
    describe: { table: hierarchyHandlers, op: "DescribeUserHierarchyGroup", idParam: "HierarchyGroupId", key: "HierarchyGroup" },
    listKey: "UserHierarchyGroups",
    fields: { ...common, parentid: (r) => r.parentGroupId as string | undefined, levelid: (r) => r.levelId as string },
  },
};

/** Keeps only what `shapeName` of the model declares, recursively (Dates and scalars as they are). */
export function cutToShape(value: unknown, shapeName: string): unknown {
  const shape = CONNECT_MODEL.shapes[shapeName];
  if (!shape || value === undefined || value === null) return value;
  if (shape.type === "structure" && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date)) {
    const out: Json = {};
    for (const [k, v] of Object.entries(value as Json)) {
      const member = shape.members[k];
      if (member !== undefined && v !== undefined) out[k] = cutToShape(v, member);
    }
    return out;
  }
  if (shape.type === "list" && Array.isArray(value)) return value.map((v) => cutToShape(v, shape.member));
  if (shape.type === "map" && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, cutToShape(v, shape.value)]));
  }
  return value;
}

/** The model's item shape of a Search operation's list member. */
function itemShapeOf(operation: string, listKey: string): string {
  const output = CONNECT_MODEL.shapes[CONNECT_MODEL.operations[operation]!.output!];
  if (output?.type !== "structure") throw new Error(`${operation}: no output structure in the model`);
  const list = CONNECT_MODEL.shapes[output.members[listKey]!];
  if (list?.type !== "list") throw new Error(`${operation}.${listKey}: not a list in the model`);
  return list.member;
}

interface StringCondition {
  readonly FieldName?: string;
  readonly Value?: string;
  readonly ComparisonType?: string;
}

function matchString(spec: SearchSpec, operation: string, r: Rec, c: StringCondition): boolean {
  const field = (c.FieldName ?? "").toLowerCase();
  const get = spec.fields[field];
  if (!get) throw invalidParameter(`${operation}: StringCondition.FieldName "${c.FieldName ?? ""}" is not searchable; allowed: ${Object.keys(spec.fields).join(", ")}`);
  const raw = get(r);
  const values = raw === undefined ? [] : typeof raw === "string" ? [raw] : raw;
  const want = c.Value ?? "";
  const type = c.ComparisonType ?? "EXACT";
  return values.some((v) => (type === "EXACT" ? v === want : type === "STARTS_WITH" ? v.toLowerCase().startsWith(want.toLowerCase()) : v.toLowerCase().includes(want.toLowerCase())));
}

/** Whether a record satisfies a criteria object (every member set must hold). */
function matchCriteria(spec: SearchSpec, operation: string, r: Rec, instance: InstanceRecord, criteria: Json | undefined): boolean {
  if (!criteria) return true;
  for (const [member, value] of Object.entries(criteria)) {
    if (value === undefined) continue;
    if (member === "OrConditions") {
      const list = value as Json[];
      if (list.length > 0 && !list.some((c) => matchCriteria(spec, operation, r, instance, c))) return false;
    } else if (member === "AndConditions") {
      if (!(value as Json[]).every((c) => matchCriteria(spec, operation, r, instance, c))) return false;
    } else if (member === "StringCondition") {
      if (!matchString(spec, operation, r, value as StringCondition)) return false;
    } else {
      const predicate = spec.conditions?.[member];
      if (!predicate) throw invalidParameter(`${operation}: SearchCriteria.${member} is not supported`);
      if (!predicate(r, value, instance)) return false;
    }
  }
  return true;
}

interface TagCondition {
  readonly TagKey?: string;
  readonly TagValue?: string;
}

function matchTag(r: Rec, c: TagCondition): boolean {
  if (c.TagKey === undefined) return true;
  const v = r.tags[c.TagKey];
  return v !== undefined && (c.TagValue === undefined || v === c.TagValue);
}

/** ControlPlaneTagFilter: TagCondition, AndConditions (all), OrConditions (any and-list). */
function matchTagFilter(r: Rec, filter: Json | undefined): boolean {
  if (!filter) return true;
  if (filter.TagCondition && !matchTag(r, filter.TagCondition as TagCondition)) return false;
  if (filter.AndConditions && !(filter.AndConditions as TagCondition[]).every((c) => matchTag(r, c))) return false;
  const or = filter.OrConditions as TagCondition[][] | undefined;
  if (or && or.length > 0 && !or.some((and) => and.every((c) => matchTag(r, c)))) return false;
  return true;
}

/** An attribute and-condition: its tag conditions and the kind's typed conditions. */
function matchAttributeAnd(spec: SearchSpec, r: Rec, instance: InstanceRecord, and: Json): boolean {
  for (const [member, value] of Object.entries(and)) {
    if (value === undefined) continue;
    if (member === "TagConditions") {
      if (!(value as TagCondition[]).every((c) => matchTag(r, c))) return false;
    } else {
      const predicate = spec.attributeConditions?.[member];
      if (predicate && !predicate(r, value, instance)) return false;
    }
  }
  return true;
}

/** The attribute filters (FlowAttributeFilter, AttributeFilter, UserAttributeFilter). */
function matchAttributeFilter(spec: SearchSpec, r: Rec, instance: InstanceRecord, filter: Json | undefined): boolean {
  if (!filter) return true;
  const or = filter.OrConditions as Json[] | undefined;
  if (or && or.length > 0 && !or.some((and) => matchAttributeAnd(spec, r, instance, and))) return false;
  if (filter.AndCondition && !matchAttributeAnd(spec, r, instance, filter.AndCondition as Json)) return false;
  if (filter.TagCondition && !matchTag(r, filter.TagCondition as TagCondition)) return false;
  for (const [member, predicate] of Object.entries(spec.attributeConditions ?? {})) {
    if (filter[member] !== undefined && !predicate(r, filter[member], instance)) return false;
  }
  return true;
}

function matchFilter(spec: SearchSpec, r: Rec, instance: InstanceRecord, filter: Json | undefined): boolean {
  if (!filter) return true;
  if (!matchTagFilter(r, filter.TagFilter as Json | undefined)) return false;
  for (const key of ["FlowAttributeFilter", "AttributeFilter", "UserAttributeFilter"]) {
    if (!matchAttributeFilter(spec, r, instance, filter[key] as Json | undefined)) return false;
  }
  return true;
}

interface SearchInput {
  readonly InstanceId?: string;
  readonly MaxResults?: number;
  readonly NextToken?: string;
  readonly SearchCriteria?: Json;
  readonly SearchFilter?: Json;
}

function searchHandler(operation: string, spec: SearchSpec) {
  const itemShape = itemShapeOf(operation, spec.listKey);
  return async (ctx: RequestContext, input: SearchInput): Promise<Json> => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const matching = [...spec.collection(instance).values()]
      .map((r) => r as Rec)
      .filter((r) => matchCriteria(spec, operation, r, instance, input.SearchCriteria) && matchFilter(spec, r, instance, input.SearchFilter));
    const scope = `${instance.id}|${JSON.stringify(input.SearchCriteria ?? null)}|${JSON.stringify(input.SearchFilter ?? null)}`;
    const page = paginate(matching, input, operation, scope);
    const describe = spec.describe.table[spec.describe.op] as unknown as (c: RequestContext, i: Json) => Json | Promise<Json>;
    const items: unknown[] = [];
    for (const r of page.items) {
      const described = await describe(ctx, { InstanceId: instance.id, [spec.describe.idParam]: r.id });
      items.push(cutToShape(described[spec.describe.key], itemShape));
    }
    return { [spec.listKey]: items, ...(page.nextToken ? { NextToken: page.nextToken } : {}), ApproximateTotalCount: matching.length };
  };
}

/** Operation handlers of this family. */
export const searchHandlers: HandlerTable = Object.fromEntries(
  Object.entries(SEARCH_SPECS).map(([operation, spec]) => [operation, searchHandler(operation, spec) as HandlerTable[string]]),
);
