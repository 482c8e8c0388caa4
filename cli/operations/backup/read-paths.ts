import type { Kind } from "../model/kinds";

/**
 * How a backup reads the kinds that have a Search API.
 *
 * - `search` (default): the Search API, up to its model's MaxResults per call, gives whole objects;
 *   per-resource calls only for what Search does not carry (the table below).
 * - `describe`: one List page per 1000, then one Describe (and child lists) per resource.
 */
export const READ_PATHS = ["search", "describe"] as const;
export type ReadPath = (typeof READ_PATHS)[number];

/** Parses `--read-path`. Throws naming the value and the allowed ones. */
export function parseReadPath(value: string): ReadPath {
  if ((READ_PATHS as readonly string[]).includes(value)) return value as ReadPath;
  throw new Error(`--read-path "${value}" is not allowed; allowed: ${READ_PATHS.join(", ")}`);
}

/**
 * How one object's data was obtained, recorded per object in the manifest:
 * - `search`: the Search item as it came, plus any child lists (`children`);
 * - `search+describe`: Search listed it, but the item lacked a field Describe gives, so Describe read it;
 * - `describe`: List + Describe (the describe path);
 * - `list`: a kind read whole from List/Describe-instance calls (no Search API exists for it);
 * - `unchanged`: an incremental backup found its change fields equal to the earlier backup's and
 *   took the earlier record without per-resource calls.
 */
export type ObjectReadPath = "search" | "search+describe" | "describe" | "list" | "unchanged";

/** What a kind's Search API carries compared with its Describe API, and what still needs a call per resource. */
export interface SearchReadSpec {
  readonly searchApi: string;
  /** Further request members (the describe path's List filter, as Search criteria). */
  readonly searchInput?: Readonly<Record<string, unknown>>;
  /** Response member holding the items. */
  readonly listKey: string;
  /** The model's MaxResults maximum for `searchApi` (a spec holds this to the model). */
  readonly maxResults: number;
  /** Item member holding the id. */
  readonly idField: string;
  /**
   * Members Describe gives that every item of this kind has; an item lacking one is re-read with
   * Describe (the page check).
   */
  readonly required: readonly string[];
  /**
   * Why Search cannot stand in for Describe for this kind at all (its item shape in the model lacks
   * members Describe gives); each object is then read with Describe (listing through Search).
   */
  readonly describeAlways?: string;
  /** Child lists (from the describe path's spec) still read per resource, and when they can be skipped. */
  readonly children?: readonly {
    readonly field: string;
    /** The item says the list is empty (no call needed), e.g. NumberOfAssociatedQueues = 0. */
    readonly emptyWhen?: (item: Record<string, unknown>) => boolean;
  }[];
  /**
   * Fields compared with the earlier backup's record by an incremental backup; equal fields mean the
   * per-resource calls can be skipped. Absent: the kind has no per-resource calls to skip.
   */
  readonly changeFields?: readonly string[];
  /**
   * Where the change fields come from when the Search item lacks them: a List API whose summaries
   * carry them (read only by incremental backups; 1000 per call).
   */
  readonly changeListing?: { readonly api: string; readonly listKey: string; readonly maxResults: number };
}

/**
 * The per-kind table. Search and Describe items share one shape in AWS's model for every kind
 * here except security profiles (SecurityProfileSearchSummary lacks LastModifiedTime,
 * LastModifiedRegion and the access-control members) and users (UserSearchSummary has
 * `UserIdentityInfoLite`: no Email, SecondaryEmail or Mobile; no LastModifiedTime).
 */
export const SEARCH_READ: Partial<Record<Kind, SearchReadSpec>> = {
  flows: {
    searchApi: "SearchContactFlows", listKey: "ContactFlows", maxResults: 100, idField: "Id",
    // Content is what a flow backup is for; FlowContentSha256 lets an incremental backup see a change.
    required: ["Id", "Name", "Type", "Content", "FlowContentSha256"],
  },
  flowModules: {
    searchApi: "SearchContactFlowModules", listKey: "ContactFlowModules", maxResults: 100, idField: "Id",
    required: ["Id", "Name", "Content"],
  },
  queues: {
    // STANDARD only, as ListQueues is asked: AGENT queues belong to users and are not restored.
    searchApi: "SearchQueues", searchInput: { SearchCriteria: { QueueTypeCondition: "STANDARD" } }, listKey: "Queues", maxResults: 500, idField: "QueueId",
    required: ["QueueId", "Name", "HoursOfOperationId"],
    // ListQueueQuickConnects: the Queue shape carries no quick connects.
    children: [{ field: "QuickConnects" }],
    changeFields: ["LastModifiedTime"],
  },
  routingProfiles: {
    searchApi: "SearchRoutingProfiles", listKey: "RoutingProfiles", maxResults: 500, idField: "RoutingProfileId",
    required: ["RoutingProfileId", "Name", "DefaultOutboundQueueId", "MediaConcurrencies"],
    // ListRoutingProfileQueues: AssociatedQueueIds lacks channel, priority and delay.
    children: [{ field: "QueueConfigs", emptyWhen: (item) => item.NumberOfAssociatedQueues === 0 }],
    changeFields: ["LastModifiedTime"],
  },
  hours: {
    searchApi: "SearchHoursOfOperations", listKey: "HoursOfOperations", maxResults: 100, idField: "HoursOfOperationId",
    required: ["HoursOfOperationId", "Name", "TimeZone", "Config"],
  },
  quickConnects: {
    searchApi: "SearchQuickConnects", listKey: "QuickConnects", maxResults: 100, idField: "QuickConnectId",
    required: ["QuickConnectId", "Name", "QuickConnectConfig"],
  },
  prompts: {
    searchApi: "SearchPrompts", listKey: "Prompts", maxResults: 100, idField: "PromptId",
    required: ["PromptId", "Name"],
  },
  securityProfiles: {
    searchApi: "SearchSecurityProfiles", listKey: "SecurityProfiles", maxResults: 100, idField: "Id",
    required: ["Id", "SecurityProfileName"],
    describeAlways: "SecurityProfileSearchSummary lacks LastModifiedTime, LastModifiedRegion and the access-control members DescribeSecurityProfile gives",
    // ListSecurityProfilePermissions: no Search shape carries permissions.
    children: [{ field: "Permissions" }],
    changeFields: ["LastModifiedTime"],
    changeListing: { api: "ListSecurityProfiles", listKey: "SecurityProfileSummaryList", maxResults: 1000 },
  },
  users: {
    searchApi: "SearchUsers", listKey: "Users", maxResults: 500, idField: "Id",
    required: ["Id", "Username", "RoutingProfileId", "SecurityProfileIds"],
    describeAlways: "UserSearchSummary's IdentityInfo is UserIdentityInfoLite (no Email, SecondaryEmail, Mobile) and it lacks LastModifiedTime",
    changeFields: ["LastModifiedTime"],
    changeListing: { api: "ListUsers", listKey: "UserSummaryList", maxResults: 1000 },
  },
  agentStatuses: {
    searchApi: "SearchAgentStatuses", listKey: "AgentStatuses", maxResults: 100, idField: "AgentStatusId",
    required: ["AgentStatusId", "Name", "Type", "State"],
  },
  hierarchyGroups: {
    searchApi: "SearchUserHierarchyGroups", listKey: "UserHierarchyGroups", maxResults: 100, idField: "Id",
    required: ["Id", "Name", "LevelId", "HierarchyPath"],
  },
};

/** The members of `item` named in `required` that are absent (the page check). */
export function missingFields(item: Record<string, unknown>, required: readonly string[]): string[] {
  return required.filter((f) => item[f] === undefined || item[f] === null);
}

/** A field value as the backup stores it (JSON: Dates become ISO strings). */
function asStored(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * Whether an object is unchanged since the earlier backup: every change field is present on both
 * sides and equal. A field missing on either side counts as changed (read again).
 */
export function unchangedSince(current: Record<string, unknown>, earlier: Record<string, unknown> | undefined, fields: readonly string[]): boolean {
  if (!earlier || fields.length === 0) return false;
  return fields.every((f) => current[f] !== undefined && earlier[f] !== undefined && asStored(current[f]) === asStored(earlier[f]));
}
