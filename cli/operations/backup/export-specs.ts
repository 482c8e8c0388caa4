import type { Kind } from "../model/kinds";
import type { Json } from "../connect/send";

/** A child list read per resource and stored under `field` in the record's data. */
export interface ChildListSpec {
  readonly api: string;
  /** Input field carrying the parent's id. */
  readonly idParam: string;
  readonly listKey: string;
  readonly field: string;
  readonly maxResults?: number;
}

/** How one kind is listed and described. */
export interface ListDescribeSpec {
  readonly style: "list-describe";
  readonly listApi: string;
  readonly listInput?: Json;
  readonly listKey: string;
  readonly maxResults?: number;
  /** Summary field holding the id. @default "Id" */
  readonly summaryId?: string;
  /** Summary field holding the name. @default "Name" */
  readonly summaryName?: string;
  readonly describeApi: string;
  readonly describeIdParam: string;
  readonly describeKey: string;
  /** Field of the described object holding the name. @default "Name" */
  readonly nameField?: string;
  readonly arnField: string;
  readonly children?: readonly ChildListSpec[];
}

export const LIST_DESCRIBE: Partial<Record<Kind, ListDescribeSpec>> = {
  hours: {
    style: "list-describe", listApi: "ListHoursOfOperations", listKey: "HoursOfOperationSummaryList", maxResults: 1000,
    describeApi: "DescribeHoursOfOperation", describeIdParam: "HoursOfOperationId", describeKey: "HoursOfOperation",
    arnField: "HoursOfOperationArn",
  },
  queues: {
    style: "list-describe", listApi: "ListQueues", listInput: { QueueTypes: ["STANDARD"] }, listKey: "QueueSummaryList", maxResults: 1000,
    describeApi: "DescribeQueue", describeIdParam: "QueueId", describeKey: "Queue", arnField: "QueueArn",
    children: [{ api: "ListQueueQuickConnects", idParam: "QueueId", listKey: "QuickConnectSummaryList", field: "QuickConnects", maxResults: 100 }],
  },
  routingProfiles: {
    style: "list-describe", listApi: "ListRoutingProfiles", listKey: "RoutingProfileSummaryList", maxResults: 1000,
    describeApi: "DescribeRoutingProfile", describeIdParam: "RoutingProfileId", describeKey: "RoutingProfile", arnField: "RoutingProfileArn",
    children: [{ api: "ListRoutingProfileQueues", idParam: "RoutingProfileId", listKey: "RoutingProfileQueueConfigSummaryList", field: "QueueConfigs", maxResults: 100 }],
  },
  flows: {
    style: "list-describe", listApi: "ListContactFlows", listKey: "ContactFlowSummaryList", maxResults: 1000,
    describeApi: "DescribeContactFlow", describeIdParam: "ContactFlowId", describeKey: "ContactFlow", arnField: "Arn",
  },
  flowModules: {
    style: "list-describe", listApi: "ListContactFlowModules", listKey: "ContactFlowModulesSummaryList", maxResults: 1000,
    describeApi: "DescribeContactFlowModule", describeIdParam: "ContactFlowModuleId", describeKey: "ContactFlowModule", arnField: "Arn",
  },
  prompts: {
    style: "list-describe", listApi: "ListPrompts", listKey: "PromptSummaryList", maxResults: 1000,
    describeApi: "DescribePrompt", describeIdParam: "PromptId", describeKey: "Prompt", arnField: "PromptARN",
  },
  quickConnects: {
    style: "list-describe", listApi: "ListQuickConnects", listKey: "QuickConnectSummaryList", maxResults: 1000,
    describeApi: "DescribeQuickConnect", describeIdParam: "QuickConnectId", describeKey: "QuickConnect", arnField: "QuickConnectARN",
  },
  securityProfiles: {
    style: "list-describe", listApi: "ListSecurityProfiles", listKey: "SecurityProfileSummaryList", maxResults: 1000,
    describeApi: "DescribeSecurityProfile", describeIdParam: "SecurityProfileId", describeKey: "SecurityProfile",
    nameField: "SecurityProfileName", arnField: "Arn",
    children: [
      { api: "ListSecurityProfilePermissions", idParam: "SecurityProfileId", listKey: "Permissions", field: "Permissions", maxResults: 1000 },
      { api: "ListSecurityProfileApplications", idParam: "SecurityProfileId", listKey: "Applications", field: "Applications", maxResults: 1000 },
    ],
  },
  hierarchyGroups: {
    style: "list-describe", listApi: "ListUserHierarchyGroups", listKey: "UserHierarchyGroupSummaryList", maxResults: 1000,
    describeApi: "DescribeUserHierarchyGroup", describeIdParam: "HierarchyGroupId", describeKey: "HierarchyGroup", arnField: "Arn",
  },
  agentStatuses: {
    style: "list-describe", listApi: "ListAgentStatuses", listKey: "AgentStatusSummaryList", maxResults: 1000,
    describeApi: "DescribeAgentStatus", describeIdParam: "AgentStatusId", describeKey: "AgentStatus", arnField: "AgentStatusARN",
  },
  users: {
    style: "list-describe", listApi: "ListUsers", listKey: "UserSummaryList", maxResults: 1000,
    summaryName: "Username",
    describeApi: "DescribeUser", describeIdParam: "UserId", describeKey: "User", nameField: "Username", arnField: "Arn",
  },
};

/** Fields never written to a backup, whatever an API returns. */
export const SECRET_FIELDS = new Set(["Password", "SecretAccessKey", "SessionToken"]);

/** The storage resource types ListInstanceStorageConfigs is asked about. */
export const STORAGE_RESOURCE_TYPES = [
  "CHAT_TRANSCRIPTS",
  "CALL_RECORDINGS",
  "SCHEDULED_REPORTS",
  "MEDIA_STREAMS",
  "CONTACT_TRACE_RECORDS",
  "AGENT_EVENTS",
  "REAL_TIME_CONTACT_ANALYSIS_SEGMENTS",
  "ATTACHMENTS",
  "CONTACT_EVALUATIONS",
  "SCREEN_RECORDINGS",
] as const;
