/**
 * The simulator's Search operations through the real SDK: every one of the eleven answers with the
 * model's item shape (checked by the traffic audit), carries what Describe carries where the model's
 * Search item has the member (FlowContentSha256, LastModifiedTime, ...), pages at the model's
 * MaxResults maximum, and applies criteria and filters.
 */
import { expect } from "chai";
import * as sdk from "@aws-sdk/client-connect";
import type { ConnectClient } from "@aws-sdk/client-connect";
import type { Simulator } from "../../../tools/simulator";
import { CONNECT_MODEL } from "../../../tools/simulator/model/connect-model";
import { auditModelTraffic } from "../../support/model-audit";
import { clientFor, rejectionOf, startTestSimulator } from "./support";

const SEARCH_OPS = [
  "SearchContactFlows", "SearchContactFlowModules", "SearchQueues", "SearchRoutingProfiles", "SearchHoursOfOperations", "SearchQuickConnects",
  "SearchPrompts", "SearchSecurityProfiles", "SearchUsers", "SearchAgentStatuses", "SearchUserHierarchyGroups",
] as const;

async function call(client: ConnectClient, op: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const Ctor = (sdk as unknown as Record<string, new (i: unknown) => Parameters<ConnectClient["send"]>[0]>)[`${op}Command`]!;
  return (await client.send(new Ctor(input))) as unknown as Record<string, unknown>;
}

/** The model's MaxResults maximum of an operation. */
function maxResultsOf(op: string): number {
  const input = CONNECT_MODEL.shapes[CONNECT_MODEL.operations[op]!.input!]!;
  if (input.type !== "structure") throw new Error(op);
  const shape = CONNECT_MODEL.shapes[input.members.MaxResults!]!;
  return (shape as { max: number }).max;
}

describe("simulator: Search operations", function () {
  this.timeout(20_000);
  auditModelTraffic();
  let sim: Simulator;
  let client: ConnectClient;
  let instanceId: string;
  let flowIds: string[];
  /** Totals as the List operations count them (a new instance comes with default flows and queues). */
  let totals: { flows: number; queues: number; standardQueues: number; queueTransfer: number };

  before(async () => {
    sim = await startTestSimulator();
    client = clientFor(sim);
    const seeded = sim.seed({
      region: "us-east-1",
      instance: { alias: "search" },
      hours: [{ name: "Weekdays" }],
      queues: Array.from({ length: 510 }, (_, i) => ({ name: `Queue ${String(i).padStart(3, "0")}` })),
      flows: Array.from({ length: 230 }, (_, i) => ({ name: `Flow ${String(i).padStart(3, "0")}`, ...(i % 10 === 0 ? { type: "QUEUE_TRANSFER" } : {}) })),
      flowModules: [{ name: "Module A" }],
      prompts: [{ name: "Greeting" }],
      hierarchy: { levels: ["Site", "Team"], groups: [{ name: "Leeds", level: 1 }, { name: "Leeds Sales", level: 2, parentName: "Leeds" }] },
      users: [{ username: "ana", hierarchyGroupName: "Leeds Sales" }, { username: "bo" }],
      agentStatuses: [{ name: "Lunch" }],
    });
    instanceId = seeded.instanceId;
    flowIds = Object.values(seeded.ids.flows);
    await call(client, "TagResource", { resourceArn: `${seeded.instanceArn}/contact-flow/${flowIds[3]!}`, tags: { team: "sales" } });
    const queueId = seeded.ids.queues["Queue 000"]!;
    await call(client, "CreateQuickConnect", { InstanceId: instanceId, Name: "To sales", QuickConnectConfig: { QuickConnectType: "QUEUE", QueueConfig: { QueueId: queueId, ContactFlowId: flowIds[0] } } });
    const count = async (op: string, key: string, input: Record<string, unknown> = {}) => ((await call(client, op, { InstanceId: instanceId, MaxResults: 1000, ...input }))[key] as unknown[]).length;
    totals = {
      flows: await count("ListContactFlows", "ContactFlowSummaryList"),
      queueTransfer: await count("ListContactFlows", "ContactFlowSummaryList", { ContactFlowTypes: ["QUEUE_TRANSFER"] }),
      queues: await count("ListQueues", "QueueSummaryList"),
      standardQueues: await count("ListQueues", "QueueSummaryList", { QueueTypes: ["STANDARD"] }),
    };
  });
  after(() => sim.close());

  it("serves all eleven, each item cut to the model's Search item shape", async () => {
    for (const op of SEARCH_OPS) {
      const out = await call(client, op, { InstanceId: instanceId });
      const listKey = Object.keys(out).find((k) => Array.isArray(out[k]))!;
      expect(out[listKey] as unknown[], op).to.not.be.empty;
      expect(out.ApproximateTotalCount, op).to.be.a("number");
    }
  });

  it("SearchContactFlows carries the flow as DescribeContactFlow does: content, FlowContentSha256, LastModifiedTime", async () => {
    const out = await call(client, "SearchContactFlows", { InstanceId: instanceId, MaxResults: 100 });
    const flows = out.ContactFlows as sdk.ContactFlow[];
    expect(flows).to.have.length(100);
    const described = (await call(client, "DescribeContactFlow", { InstanceId: instanceId, ContactFlowId: flows[0]!.Id })).ContactFlow;
    expect(flows[0]).to.deep.equal(described);
    expect(flows[0]!.FlowContentSha256).to.match(/^[0-9a-f]{64}$/);
    expect(flows[0]!.LastModifiedTime).to.be.instanceOf(Date);
  });

  it("pages with NextToken at the model's MaxResults maximum (a larger value is the model's to refuse: model-conformance.spec)", async () => {
    for (const [op, total, key] of [["SearchContactFlows", totals.flows, "ContactFlows"], ["SearchQueues", totals.queues, "Queues"]] as const) {
      const max = maxResultsOf(op);
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const out = await call(client, op, { InstanceId: instanceId, MaxResults: max, ...(token ? { NextToken: token } : {}) });
        seen.push(...(out[key] as { Id?: string; QueueId?: string }[]).map((x) => x.Id ?? x.QueueId!));
        token = out.NextToken as string | undefined;
        pages++;
      } while (token);
      expect(total, op).to.be.greaterThan(max);
      expect(new Set(seen).size, op).to.equal(total);
      expect(pages, op).to.equal(Math.ceil(total / max));
    }
  });

  it("rejects a NextToken from another search", async () => {
    const first = await call(client, "SearchContactFlows", { InstanceId: instanceId, MaxResults: 10 });
    const err = await rejectionOf(call(client, "SearchContactFlows", { InstanceId: instanceId, MaxResults: 10, NextToken: first.NextToken, SearchCriteria: { TypeCondition: "QUEUE_TRANSFER" } }));
    expect(err.name).to.equal("InvalidParameterException");
  });

  it("applies criteria: string conditions, typed conditions, And/Or", async () => {
    const byType = await call(client, "SearchContactFlows", { InstanceId: instanceId, SearchCriteria: { TypeCondition: "QUEUE_TRANSFER" } });
    expect(byType.ApproximateTotalCount).to.equal(totals.queueTransfer);
    const starts = await call(client, "SearchContactFlows", { InstanceId: instanceId, SearchCriteria: { StringCondition: { FieldName: "name", Value: "flow 00", ComparisonType: "STARTS_WITH" } } });
    expect((starts.ContactFlows as sdk.ContactFlow[]).map((f) => f.Name)).to.have.length(10);
    const or = await call(client, "SearchContactFlows", {
      InstanceId: instanceId,
      SearchCriteria: { OrConditions: [{ StringCondition: { FieldName: "name", Value: "Flow 001", ComparisonType: "EXACT" } }, { StringCondition: { FieldName: "name", Value: "Flow 002", ComparisonType: "EXACT" } }] },
    });
    expect(or.ApproximateTotalCount).to.equal(2);
    const and = await call(client, "SearchContactFlows", {
      InstanceId: instanceId,
      SearchCriteria: { AndConditions: [{ StringCondition: { FieldName: "name", Value: "Flow 01", ComparisonType: "STARTS_WITH" } }, { TypeCondition: "QUEUE_TRANSFER" }] },
    });
    expect((and.ContactFlows as sdk.ContactFlow[]).map((f) => f.Name)).to.deep.equal(["Flow 010"]);
    const standard = await call(client, "SearchQueues", { InstanceId: instanceId, MaxResults: 500, SearchCriteria: { QueueTypeCondition: "STANDARD" } });
    expect(standard.ApproximateTotalCount).to.equal(totals.standardQueues);
    const err = await rejectionOf(call(client, "SearchContactFlows", { InstanceId: instanceId, SearchCriteria: { StringCondition: { FieldName: "colour", Value: "x", ComparisonType: "EXACT" } } }));
    expect(err.name).to.equal("InvalidParameterException");
    expect(err.message).to.contain("colour");
  });

  it("applies tag and attribute filters, and hierarchy conditions to users", async () => {
    const tagged = await call(client, "SearchContactFlows", { InstanceId: instanceId, SearchFilter: { TagFilter: { TagCondition: { TagKey: "team", TagValue: "sales" } } } });
    expect((tagged.ContactFlows as sdk.ContactFlow[]).map((f) => f.Id)).to.deep.equal([flowIds[3]]);
    const attr = await call(client, "SearchContactFlows", { InstanceId: instanceId, SearchFilter: { FlowAttributeFilter: { ContactFlowTypeCondition: { ContactFlowType: "QUEUE_TRANSFER" } } } });
    expect(attr.ApproximateTotalCount).to.equal(totals.queueTransfer);
    const groups = (await call(client, "SearchUserHierarchyGroups", { InstanceId: instanceId, SearchCriteria: { StringCondition: { FieldName: "name", Value: "Leeds", ComparisonType: "EXACT" } } })).UserHierarchyGroups as sdk.HierarchyGroup[];
    expect(groups).to.have.length(1);
    const within = await call(client, "SearchUsers", { InstanceId: instanceId, SearchCriteria: { HierarchyGroupCondition: { Value: groups[0]!.Id, HierarchyGroupMatchType: "WITH_CHILD_GROUPS" } } });
    expect((within.Users as sdk.UserSearchSummary[]).map((u) => u.Username)).to.deep.equal(["ana"]);
    const exact = await call(client, "SearchUsers", { InstanceId: instanceId, SearchCriteria: { HierarchyGroupCondition: { Value: groups[0]!.Id, HierarchyGroupMatchType: "EXACT" } } });
    expect(exact.Users).to.deep.equal([]);
  });

  it("gives only the model's members: SearchUsers without LastModifiedTime, SearchSecurityProfiles without permissions", async () => {
    const users = (await call(client, "SearchUsers", { InstanceId: instanceId })).Users as Record<string, unknown>[];
    expect(users[0]).to.not.have.property("LastModifiedTime");
    const profiles = (await call(client, "SearchSecurityProfiles", { InstanceId: instanceId })).SecurityProfiles as Record<string, unknown>[];
    expect(profiles[0]).to.include.keys("Id", "Arn", "SecurityProfileName");
    expect(profiles[0]).to.not.have.property("LastModifiedTime");
  });
});
