/**
 * Every write the restore plans is one AWS's Connect model accepts (botocore's model, through the
 * simulator's committed constraints table): creates, updates that clear a field the backup lacks,
 * and deletes, for each kind. The end-to-end specs audit the calls a run happens to make; this
 * table reaches the update shapes a run seldom does.
 */
import { expect } from "chai";
import { createCall, deleteCall, updateCalls, type WriteCall } from "../../../../cli/operations/restore/write-calls";
import type { Kind } from "../../../../cli/operations/model/kinds";
import { checkRequest } from "../../../../tools/simulator/model/verdicts";

const INSTANCE = "11111111-2222-3333-4444-555555555555";
const id = (n: number) => `aaaaaaaa-bbbb-cccc-dddd-${String(n).padStart(12, "0")}`;
const ARN = (seg: string, n: number) => `arn:aws:connect:us-west-2:222222222222:instance/${INSTANCE}/${seg}/${id(n)}`;
const FLOW = JSON.stringify({ Version: "2019-10-30", StartAction: "end", Actions: [{ Identifier: "end", Type: "DisconnectParticipant", Parameters: {}, Transitions: {} }] });
const DAY = { Day: "MONDAY", StartTime: { Hours: 9, Minutes: 0 }, EndTime: { Hours: 17, Minutes: 0 } };

/** Per kind: a projection as backed up (no description: the field to clear) and the target's differing one. */
const CASES: [Kind, Record<string, unknown>, Record<string, unknown>][] = [
  ["hours", { Name: "Office", TimeZone: "UTC", Config: [DAY] }, { Name: "Office", Description: "old", TimeZone: "Europe/London", Config: [], Tags: { a: "b" } }],
  [
    "queues",
    { Name: "Sales", HoursOfOperationId: id(1), Status: "ENABLED", QuickConnectIds: [id(2)], Tags: { team: "cc" } },
    { Name: "Sales", Description: "old", HoursOfOperationId: id(3), MaxContacts: 5, OutboundCallerConfig: { OutboundCallerIdName: "x" }, Status: "DISABLED", QuickConnectIds: [id(4)] },
  ],
  ["flows", { Name: "Main", Type: "CONTACT_FLOW", State: "ACTIVE", Status: "PUBLISHED", Content: FLOW }, { Name: "Main", Description: "old", Type: "CONTACT_FLOW", State: "ARCHIVED", Status: "PUBLISHED", Content: "{}" }],
  ["flows", { Name: "Draft", Type: "CONTACT_FLOW", State: "ARCHIVED", Status: "SAVED", Content: FLOW }, { Name: "Draft", Type: "CONTACT_FLOW", State: "ACTIVE", Status: "SAVED", Content: "{}" }],
  ["flowModules", { Name: "Greeting", State: "ACTIVE", Content: FLOW }, { Name: "Greeting", Description: "old", State: "ARCHIVED", Content: "{}" }],
  [
    "routingProfiles",
    { Name: "Agents", DefaultOutboundQueueId: id(1), MediaConcurrencies: [{ Channel: "VOICE", Concurrency: 1 }], QueueConfigs: [{ QueueId: id(1), Channel: "VOICE", Priority: 1, Delay: 0 }], AgentAvailabilityTimer: "TIME_SINCE_LAST_INBOUND" },
    { Name: "Agents", Description: "old", DefaultOutboundQueueId: id(2), MediaConcurrencies: [{ Channel: "CHAT", Concurrency: 2 }], QueueConfigs: [{ QueueId: id(2), Channel: "CHAT", Priority: 2, Delay: 5 }] },
  ],
  ["quickConnects", { Name: "ToSupport", QuickConnectConfig: { QuickConnectType: "PHONE_NUMBER", PhoneConfig: { PhoneNumber: "+15555550100" } } }, { Name: "ToSupport", Description: "old", QuickConnectConfig: { QuickConnectType: "QUEUE", QueueConfig: { QueueId: id(1), ContactFlowId: id(2) } } }],
  ["agentStatuses", { Name: "Lunch", State: "ENABLED", DisplayOrder: 3 }, { Name: "Lunch", Description: "old", State: "DISABLED" }],
  ["agentStatuses", { Name: "Break", State: "ENABLED" }, { Name: "Break", State: "DISABLED", DisplayOrder: 4 }],
  ["prompts", { Name: "Hold", AudioSha256: "a".repeat(64), S3Uri: "s3://dr-prompts/connect-dr/prompts/a.audio", Tags: { a: "b" } }, { Name: "Hold", Description: "old", AudioSha256: "b".repeat(64) }],
  [
    "securityProfiles",
    { SecurityProfileName: "Supervisors", Permissions: ["BasicAgentAccess"], Applications: [{ Namespace: "crm.example.com", ApplicationPermissions: ["ACCESS"] }], AllowedAccessControlHierarchyGroupId: id(5), Tags: {} },
    { SecurityProfileName: "Supervisors", Description: "old", Permissions: ["BasicAgentAccess", "Users.View"], AllowedAccessControlTags: { a: "b" } },
  ],
  ["hierarchyStructure", { LevelOne: { Name: "Region" }, LevelTwo: { Name: "Team" } }, { LevelOne: { Name: "Region" } }],
  ["hierarchyGroups", { Name: "Team A", ParentGroupId: id(1), Tags: { team: "cc" } }, { Name: "Team B", ParentGroupId: id(1) }],
  [
    "users",
    { Username: "alice", IdentityInfo: { FirstName: "Alice", LastName: "Agent", Email: "alice@example.com" }, PhoneConfig: { PhoneType: "SOFT_PHONE", AutoAccept: false, AfterContactWorkTimeLimit: 30 }, SecurityProfileIds: [id(1)], RoutingProfileId: id(2), HierarchyGroupId: id(3), Tags: {} },
    { Username: "alice", IdentityInfo: { FirstName: "A" }, PhoneConfig: { PhoneType: "DESK_PHONE", DeskPhoneNumber: "+15555550100" }, SecurityProfileIds: [id(4)], RoutingProfileId: id(5), HierarchyGroupId: id(6) },
  ],
  ["instanceAttributes", { AttributeType: "CONTACTFLOW_LOGS", Value: "true" }, { AttributeType: "CONTACTFLOW_LOGS", Value: "false" }],
  [
    "storageConfigs",
    { ResourceType: "CALL_RECORDINGS", StorageType: "S3", S3Config: { BucketName: "dr-recordings", BucketPrefix: "connect" } },
    { ResourceType: "CALL_RECORDINGS", StorageType: "S3", S3Config: { BucketName: "old", BucketPrefix: "connect" } },
  ],
];

function problems(calls: readonly (WriteCall | undefined)[]): string[] {
  return calls.flatMap((c) => (c ? checkRequest(c.api, c.input).map((p) => `${c.api} ${p.path}: ${p.constraint} (${JSON.stringify(p.value)})`) : []));
}

describe("restore write calls against AWS's Connect model", () => {
  for (const [kind, backedUp, target] of CASES) {
    it(`${kind} ${String(backedUp.Name)}: create, update (clearing what the backup lacks) and delete are model-valid`, () => {
      const targetId = kind === "storageConfigs" ? `CALL_RECORDINGS:${id(9)}` : id(9);
      const updates = updateCalls(kind, targetId, ARN(kind, 9), target, backedUp, INSTANCE);
      expect(updates.length, "the update plans at least one call").to.be.greaterThan(0);
      expect(problems([createCall(kind, backedUp, INSTANCE), ...updates, deleteCall(kind, targetId, INSTANCE)])).to.deep.equal([]);
    });
  }
});
