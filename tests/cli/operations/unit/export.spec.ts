/**
 * The export's pure parts, table-tested: logical ids, text templating, cycle breaking; and whole
 * exports of a synthetic backup holding every kind and of the real flow exports in
 * ../shared/reference/connect-flows, checked against AWS's CloudFormation schemas and the Terraform
 * AWS provider's documented arguments (one spec per resource type).
 */
import { expect } from "chai";
import { ARN_SEGMENT, type Kind } from "../../../../cli/operations/model/kinds";
import type { ResourceRecord, Snapshot } from "../../../../cli/operations/model/snapshot";
import { findReferences } from "../../../../cli/operations/references/content-references";
import { LogicalIds, pascalName, snakeName } from "../../../../cli/operations/export/logical-ids";
import { breakCycles } from "../../../../cli/operations/export/reference-cycles";
import { templateText } from "../../../../cli/operations/export/content-template";
import { renderExport } from "../../../../cli/operations/export/render-files";
import { FormatError } from "../../../../cli/operations/export/format-support";
import { UnresolvedReferenceError } from "../../../../cli/operations/export/reference-resolver";
import { EMPTY_MAPPING } from "../../../../cli/operations/restore/mapping-file";
import { checkTemplate, haveSchemas } from "../../../support/iac/cfn-schemas";
import { checkTfBlock, TF_CONNECT_RESOURCES } from "../../../support/iac/terraform-aws-connect";
import { readReferenceFlows, referenceFlowsPresent } from "../../../components/connect/flows/reference-flows";

type J = Record<string, unknown>;
const SRC = { accountId: "111111111111", region: "us-east-1", instanceId: "11111111-1111-4111-8111-111111111111", instanceArn: "arn:aws:connect:us-east-1:111111111111:instance/11111111-1111-4111-8111-111111111111" };
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const arnOf = (kind: Kind, id: string) => `${SRC.instanceArn}/${ARN_SEGMENT[kind]}/${id}`;
const rec = (kind: Kind, n: number, name: string, data: J): ResourceRecord => ({ kind, id: uuid(n), name, arn: arnOf(kind, uuid(n)), data });
const flow = (actions: J[]) => JSON.stringify({ Version: "2019-10-30", StartAction: "a", Metadata: {}, Actions: actions });

/** A backup holding every kind the export knows, cross-referencing. */
function fullSnapshot(): Snapshot {
  const hours = rec("hours", 1, "Office", { Name: "Office", TimeZone: "Europe/London", Config: [{ Day: "MONDAY", StartTime: { Hours: 8, Minutes: 0 }, EndTime: { Hours: 17, Minutes: 30 } }], Tags: { team: "cc", "aws:x": "y" } });
  const basic = rec("hours", 2, "Basic Hours", { Name: "Basic Hours", TimeZone: "UTC", Config: [] });
  const sales = rec("queues", 3, "Sales", { Name: "Sales", QueueId: uuid(3), HoursOfOperationId: uuid(1), Status: "ENABLED", MaxContacts: 10, OutboundCallerConfig: { OutboundCallerIdName: "Acme", OutboundCallerIdNumberId: uuid(30), OutboundFlowId: uuid(6) }, QuickConnects: [{ Id: uuid(9) }] });
  const support = rec("queues", 4, "Support", { Name: "Support", QueueId: uuid(4), HoursOfOperationId: uuid(2), QuickConnects: [{ Id: uuid(8) }] });
  const main = rec("flows", 5, "Main", {
    Name: "Main", Id: uuid(5), Type: "CONTACT_FLOW", State: "ACTIVE",
    Content: flow([
      { Identifier: "a", Type: "UpdateContactTargetQueue", Parameters: { QueueId: arnOf("queues", uuid(3)) } },
      { Identifier: "b", Type: "InvokeLambdaFunction", Parameters: { LambdaFunctionARN: "arn:aws:lambda:$.AwsRegion:111111111111:function:lookup" } },
      { Identifier: "c", Type: "ConnectParticipantWithLexBot", Parameters: { LexV2Bot: { AliasArn: "arn:aws:lex:us-east-1:111111111111:bot-alias/BOT1/ALIAS1" } } },
      { Identifier: "d", Type: "TransferToFlow", Parameters: { ContactFlowId: arnOf("flows", uuid(6)) } },
      { Identifier: "e", Type: "InvokeFlowModule", Parameters: { FlowModuleId: uuid(7) } },
      { Identifier: "f", Type: "UpdateFlowAttributes", Parameters: { FlowAttributes: { tpl: { Value: "${NOT_A_CFN_VARIABLE} %{x}" } } } },
    ]),
    Tags: { team: "cc" },
  });
  const whisper = rec("flows", 6, "Whisper", { Name: "Whisper", Id: uuid(6), Type: "OUTBOUND_WHISPER", Content: flow([{ Identifier: "a", Type: "TransferToFlow", Parameters: { ContactFlowId: arnOf("flows", uuid(5)) } }]) });
  const mod = rec("flowModules", 7, "Greeting", { Name: "Greeting", Id: uuid(7), Content: flow([{ Identifier: "a", Type: "MessageParticipant", Parameters: { PromptId: arnOf("prompts", uuid(20)) } }]) });
  const qcSupport = rec("quickConnects", 8, "To Support", { Name: "To Support", QuickConnectId: uuid(8), QuickConnectConfig: { QuickConnectType: "QUEUE", QueueConfig: { QueueId: uuid(4), ContactFlowId: uuid(6) } } });
  const qcSales = rec("quickConnects", 9, "To Sales", { Name: "To Sales", QuickConnectId: uuid(9), QuickConnectConfig: { QuickConnectType: "QUEUE", QueueConfig: { QueueId: uuid(3), ContactFlowId: uuid(6) } } });
  const qcUser = rec("quickConnects", 10, "To Ana", { Name: "To Ana", QuickConnectId: uuid(10), QuickConnectConfig: { QuickConnectType: "USER", UserConfig: { UserId: uuid(14), ContactFlowId: uuid(6) } } });
  const qcPhone = rec("quickConnects", 11, "Escalations", { Name: "Escalations", QuickConnectId: uuid(11), QuickConnectConfig: { QuickConnectType: "PHONE_NUMBER", PhoneConfig: { PhoneNumber: "+15555550100" } } });
  const rp = rec("routingProfiles", 12, "Agents", { Name: "Agents", RoutingProfileId: uuid(12), DefaultOutboundQueueId: uuid(3), MediaConcurrencies: [{ Channel: "VOICE", Concurrency: 1 }], QueueConfigs: [{ QueueId: uuid(3), Channel: "VOICE", Priority: 1, Delay: 0 }] });
  const sp = rec("securityProfiles", 13, "Supervisors", { SecurityProfileName: "Supervisors", Id: uuid(13), Description: "sup", Permissions: ["Users.View", "BasicAgentAccess"] });
  const admin = rec("securityProfiles", 21, "Admin", { SecurityProfileName: "Admin", Id: uuid(21), Permissions: ["Users.Edit"] });
  const user = rec("users", 14, "ana", { Username: "ana", Id: uuid(14), RoutingProfileId: uuid(12), SecurityProfileIds: [uuid(13), uuid(21)], HierarchyGroupId: uuid(16), IdentityInfo: { FirstName: "Ana", LastName: "Silva", Email: "ana@example.com" }, PhoneConfig: { PhoneType: "SOFT_PHONE", AutoAccept: false, AfterContactWorkTimeLimit: 30 } });
  const structure = rec("hierarchyStructure", 15, "structure", { LevelOne: { Id: "l1", Name: "Region" }, LevelTwo: { Id: "l2", Name: "Team" } });
  const emea = rec("hierarchyGroups", 17, "EMEA", { Name: "EMEA", Id: uuid(17), LevelId: "1", HierarchyPath: { LevelOne: { Id: uuid(17), Name: "EMEA" } } });
  const team = rec("hierarchyGroups", 16, "Team A", { Name: "Team A", Id: uuid(16), LevelId: "2", HierarchyPath: { LevelOne: { Id: uuid(17), Name: "EMEA" }, LevelTwo: { Id: uuid(16), Name: "Team A" } } });
  const lunch = rec("agentStatuses", 18, "Lunch", { Name: "Lunch", AgentStatusId: uuid(18), State: "ENABLED", Type: "CUSTOM", DisplayOrder: 3 });
  const available = rec("agentStatuses", 19, "Available", { Name: "Available", AgentStatusId: uuid(19), State: "ENABLED", Type: "ROUTABLE" });
  const prompt = rec("prompts", 20, "Welcome", { Name: "Welcome", PromptId: uuid(20) });
  const lambda: ResourceRecord = { kind: "lambdaFunctions", id: "arn:aws:lambda:us-east-1:111111111111:function:lookup", name: "lookup", arn: "arn:aws:lambda:us-east-1:111111111111:function:lookup", data: { FunctionArn: "arn:aws:lambda:us-east-1:111111111111:function:lookup" } };
  const lexV1: ResourceRecord = { kind: "lexBots", id: "v1:us-east-1:OrderFlowers", name: "v1:OrderFlowers", data: { LexBot: { Name: "OrderFlowers", LexRegion: "us-east-1" } } };
  const lexV2: ResourceRecord = { kind: "lexBots", id: "arn:aws:lex:us-east-1:111111111111:bot-alias/BOT1/ALIAS1", name: "v2:bot-alias/BOT1/ALIAS1", data: { LexV2Bot: { AliasArn: "arn:aws:lex:us-east-1:111111111111:bot-alias/BOT1/ALIAS1" } } };
  const phone: ResourceRecord = { kind: "phoneNumbers", id: uuid(30), name: "+15555550123", arn: `arn:aws:connect:us-east-1:111111111111:phone-number/${uuid(30)}`, data: { PhoneNumber: "+15555550123", PhoneNumberId: uuid(30), ContactFlowId: uuid(5) } };
  const resources: Partial<Record<Kind, ResourceRecord[]>> = {
    hours: [hours, basic], queues: [sales, support], flows: [main, whisper], flowModules: [mod], quickConnects: [qcSupport, qcSales, qcUser, qcPhone], routingProfiles: [rp],
    securityProfiles: [sp, admin], users: [user], hierarchyStructure: [structure], hierarchyGroups: [emea, team], agentStatuses: [lunch, available], prompts: [prompt],
    lambdaFunctions: [lambda], lexBots: [lexV1, lexV2], phoneNumbers: [phone],
  };
  return { source: SRC, kinds: Object.keys(resources) as Kind[], resources };
}

const cfn = (s: Snapshot, skip: Kind[] = []) => JSON.parse(renderExport(s, "cloudformation", { skip }).files[0]!.text) as J;
const tf = (s: Snapshot, skip: Kind[] = []) => JSON.parse(renderExport(s, "terraform", { skip }).files[0]!.text) as J;
const TF_SKIP: Kind[] = ["agentStatuses", "prompts"];
/** Terraform associates Lex V1 bots only: the same backup without its V2 alias. */
function withoutLexV2(s: Snapshot): Snapshot {
  return { ...s, resources: { ...s.resources, lexBots: (s.resources.lexBots ?? []).filter((b) => !b.data.LexV2Bot) } };
}

describe("export: logical ids", () => {
  for (const [name, want] of [["Sales EMEA", "SalesEMEA"], ["sales-emea (2)", "SalesEmea2"], ["Café à la carte", "CafeALaCarte"], ["", ""], ["+1 555", "1555"]] as const) {
    it(`"${name}" -> "${want}"`, () => expect(pascalName(name)).to.equal(want));
  }
  it("dedupes collisions in call order and never reuses an id", () => {
    const ids = new LogicalIds();
    expect([ids.claim("Queue", "Sales"), ids.claim("Queue", "sales"), ids.claim("Queue", "SALES!"), ids.claim("Queue", "")]).to.deep.equal(["QueueSales", "QueueSales2", "QueueSALES", "QueueUnnamed"]);
  });
  it("Terraform names are snake case", () => expect(snakeName("FlowModuleGreetingV2")).to.equal("flow_module_greeting_v2"));
});

describe("export: text templating and cycles", () => {
  it("replaces ARNs and bare ids with tokens, keeps the rest byte for byte", () => {
    const text = `{"a":"arn:aws:connect:us-east-1:1:instance/i/queue/${uuid(3)}","b":"${uuid(7)}","c":"$.AwsRegion"}`;
    const out = templateText(text, (m, form) => (form === "arn" ? { $res: "Q", attr: "arn" } : m === uuid(7) ? { $res: "M", attr: "id" } : undefined));
    expect(out).to.deep.equal({ $join: ['{"a":"', { $res: "Q", attr: "arn" }, '","b":"', { $res: "M", attr: "id" }, '","c":"$.AwsRegion"}'] });
  });
  it("defers only the deferrable edges that close cycles, in order", () => {
    const { deferred } = breakCycles(["A", "B", "C"], [
      { from: "A", to: "B", deferrable: true }, { from: "B", to: "A", deferrable: true }, { from: "C", to: "A", deferrable: false }, { from: "A", to: "A", deferrable: true },
    ]);
    expect(deferred.map((e) => `${e.from}->${e.to}`)).to.deep.equal(["B->A", "A->A"]);
  });
  it("names the resources when fixed references form a cycle", () => {
    expect(() => breakCycles(["A", "B"], [{ from: "A", to: "B", deferrable: false }, { from: "B", to: "A", deferrable: false }])).to.throw(/B and A reference each other/);
  });
});

describe("export: a backup holding every kind", () => {
  it("is byte-identical across runs and input order", () => {
    const a = renderExport(fullSnapshot(), "cloudformation", { skip: ["phoneNumbers"] }).files;
    const s = fullSnapshot();
    for (const k of s.kinds) (s.resources[k] as ResourceRecord[]).reverse();
    expect(renderExport(s, "cloudformation", { skip: ["phoneNumbers"] }).files).to.deep.equal(a);
  });
  it("CloudFormation: validates against the AWS::Connect schemas, stock resources are parameters, cycles are deferred", function () {
    if (!haveSchemas()) {
      console.log("      (skipped: ../shared/reference/cloudformation/connect is absent)");
      return this.skip();
    }
    const t = cfn(fullSnapshot(), ["phoneNumbers"]);
    expect(checkTemplate(t)).to.deep.equal([]);
    const res = t.Resources as Record<string, J>;
    expect(Object.keys(t.Parameters as J)).to.include.members(["InstanceArn", "PromptS3Prefix", "ExistingHoursBasicHoursArn", "ExistingSecurityProfileAdminArn", "PhoneNumber15555550123Arn", "LambdaFunctionLookupArn", "LexBotBOT1ALIAS1Arn"]);
    expect(res).not.to.have.property("AgentStatusAvailable");
    expect(Object.values(res).filter((r) => r.Type === "Custom::ConnectDrDeferredWrite").map((r) => (r.Properties as J).Action)).to.have.members(["UpdateContactFlowContent", "AssociateQueueQuickConnects", "AssociateQueueQuickConnects"]);
    expect(JSON.stringify(res.UserAna)).not.to.match(/Password/);
    // Literal `${` in flow content survives Fn::Sub as `${!`.
    expect(JSON.stringify(res.FlowMain)).to.include("${!NOT_A_CFN_VARIABLE}");
  });
  it("CloudFormation keeps what the service gives: a group's parent by path or ParentGroupId, a profile's applications and hierarchy restriction, a user's per-channel settings, a routing profile's timer; a saved flow is noted", () => {
    const s = fullSnapshot();
    // As DescribeUserHierarchyGroup answers: LevelId is the level's id, not its depth; the backup adds ParentGroupId.
    const byPath = rec("hierarchyGroups", 40, "Team B", { Name: "Team B", Id: uuid(40), LevelId: "lvl-b7", HierarchyPath: { LevelOne: { Id: uuid(17), Name: "EMEA" }, LevelTwo: { Id: uuid(40), Name: "Team B" } } });
    const kept = rec("hierarchyGroups", 41, "Team C", { Name: "Team C", Id: uuid(41), LevelId: "lvl-c9", ParentGroupId: uuid(17) });
    s.resources.hierarchyGroups = [...s.resources.hierarchyGroups!, byPath, kept];
    s.resources.securityProfiles = s.resources.securityProfiles!.map((p) => p.name !== "Supervisors" ? p : { ...p, data: { ...p.data, Applications: [{ Namespace: "z.example.com", ApplicationPermissions: ["B", "A"] }, { Namespace: "a.example.com", ApplicationPermissions: ["ACCESS"], Type: "THIRD_PARTY_APPLICATION" }], HierarchyRestrictedResources: ["User"], AllowedAccessControlHierarchyGroupId: uuid(17) } });
    s.resources.routingProfiles = s.resources.routingProfiles!.map((p) => ({ ...p, data: { ...p.data, AgentAvailabilityTimer: "TIME_SINCE_LAST_INBOUND" } }));
    s.resources.users = s.resources.users!.map((u) => ({ ...u, data: { ...u.data, PhoneConfig: { ...(u.data.PhoneConfig as J), PersistentConnection: true }, AutoAcceptConfigs: [{ Channel: "VOICE", AutoAccept: true }, { Channel: "CHAT", AutoAccept: false, AgentFirstCallbackAutoAccept: false }], AfterContactWorkConfigs: [{ Channel: "VOICE", AfterContactWorkConfig: { AfterContactWorkTimeLimit: 30 }, Unknown: 1 }] } }));
    s.resources.flows = [...s.resources.flows!, rec("flows", 42, "Draft", { Name: "Draft", Id: uuid(42), Type: "CONTACT_FLOW", State: "ACTIVE", Status: "SAVED", Content: flow([]) })];
    const t = cfn(s, ["phoneNumbers"]);
    if (haveSchemas()) expect(checkTemplate(t)).to.deep.equal([]);
    const res = t.Resources as Record<string, { Properties: J }>;
    const east = { "Fn::GetAtt": ["HierarchyGroupEMEA", "UserHierarchyGroupArn"] };
    expect(res.HierarchyGroupTeamA!.Properties.ParentGroupArn).to.deep.equal(east);
    expect(res.HierarchyGroupTeamB!.Properties.ParentGroupArn).to.deep.equal(east);
    expect(res.HierarchyGroupTeamC!.Properties.ParentGroupArn).to.deep.equal(east);
    expect(res.HierarchyGroupEMEA!.Properties).not.to.have.property("ParentGroupArn");
    expect(res.SecurityProfileSupervisors!.Properties.Applications).to.deep.equal([{ Namespace: "a.example.com", ApplicationPermissions: ["ACCESS"], Type: "THIRD_PARTY_APPLICATION" }, { Namespace: "z.example.com", ApplicationPermissions: ["A", "B"] }]);
    expect(res.SecurityProfileSupervisors!.Properties.HierarchyRestrictedResources).to.deep.equal(["User"]);
    expect(res.SecurityProfileSupervisors!.Properties.AllowedAccessControlHierarchyGroupId).to.deep.equal({ "Fn::Select": [3, { "Fn::Split": ["/", east] }] });
    expect((res.UserAna!.Properties.PhoneConfig as J).PersistentConnection).to.equal(true);
    expect(res.UserAna!.Properties.AutoAcceptConfigs).to.deep.equal([{ Channel: "CHAT", AutoAccept: false, AgentFirstCallbackAutoAccept: false }, { Channel: "VOICE", AutoAccept: true }]);
    expect(res.UserAna!.Properties.AfterContactWorkConfigs).to.deep.equal([{ Channel: "VOICE", AfterContactWorkConfig: { AfterContactWorkTimeLimit: 30 } }]);
    expect(res.RoutingProfileAgents!.Properties.AgentAvailabilityTimer).to.equal("TIME_SINCE_LAST_INBOUND");
    expect(((t.Metadata as J)["connect-dr"] as { notes: string[] }).notes).to.include("flows: 1 saved (unpublished) flows are created published, AWS::Connect::ContactFlow has no Status (Draft)");
  });
  it("CloudFormation refuses phone-number flow associations, naming the kind and what to do", () => {
    expect(() => cfn(fullSnapshot())).to.throw(FormatError, /cloudformation cannot express phoneNumbers: .*--skip phoneNumbers/);
  });
  it("Terraform refuses agent statuses, prompts and Lex V2 associations, naming each and what to do", () => {
    for (const k of TF_SKIP) expect(() => tf(withoutLexV2(fullSnapshot()), TF_SKIP.filter((x) => x !== k))).to.throw(FormatError, new RegExp(`terraform cannot express ${k}: .*--skip ${k}`));
    expect(() => tf(fullSnapshot(), TF_SKIP)).to.throw(FormatError, /terraform cannot express lexBots: .*Lex V1.*--skip lexBots/);
  });
  it("CloudFormation refuses a template over its 500-resource quota, saying what to do", () => {
    const s = fullSnapshot();
    s.resources.hours = Array.from({ length: 501 }, (_, i) => rec("hours", 5000 + i, `H${i}`, { Name: `H${i}`, TimeZone: "UTC", Config: [] })).concat(s.resources.hours!);
    expect(() => cfn(s, ["phoneNumbers"])).to.throw(FormatError, /cloudformation cannot express this export: the template would hold \d+ resources; CloudFormation allows 500 .*--format terraform/);
  });
  it("a reference that cannot be resolved names the holder and the reference", () => {
    const s = fullSnapshot();
    s.resources.hours = s.resources.hours!.filter((h) => h.name !== "Office");
    expect(() => cfn(s, ["phoneNumbers"])).to.throw(UnresolvedReferenceError, /queues "Sales": cannot resolve 00000000-0000-4000-8000-000000000001/);
  });
});

/** Terraform: every resource of every type, against the provider's documented arguments. */
function tfProblems(config: J): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [type, byName] of Object.entries((config.resource ?? {}) as Record<string, Record<string, J>>)) {
    if (type === "terraform_data") continue;
    const doc = TF_CONNECT_RESOURCES[type];
    for (const [name, body] of Object.entries(byName)) {
      const list = out.get(type) ?? out.set(type, []).get(type)!;
      if (!doc) list.push(`${type}.${name}: not an aws_connect_* resource the table documents`);
      else list.push(...checkTfBlock(body, doc, `${type}.${name}`, true));
    }
  }
  return out;
}

describe("export: Terraform arguments as the AWS provider documents them", () => {
  const config = tf(withoutLexV2(fullSnapshot()), TF_SKIP);
  const problems = tfProblems(config);
  for (const [type, doc] of Object.entries(TF_CONNECT_RESOURCES)) {
    it(`${type} (${doc.doc})`, () => {
      expect(problems.has(type), `the export has no ${type}`).to.equal(true);
      expect(problems.get(type)).to.deep.equal([]);
    });
  }
  it("references are interpolations; stock and skipped resources are data sources; literal ${ is escaped", () => {
    const text = JSON.stringify(config);
    expect(text).to.include("${aws_connect_queue.queue_sales.queue_id}");
    expect((config.data as J).aws_connect_hours_of_operation).to.have.property("existing_hours_basic_hours_arn");
    expect(text).to.include("$${NOT_A_CFN_VARIABLE} %%{x}");
    expect(text).to.include("arn:aws:lambda:$.AwsRegion:${data.aws_caller_identity.current.account_id}:function:lookup");
  });
});

describe("export: the real flow exports (../shared/reference/connect-flows)", () => {
  if (!referenceFlowsPresent()) {
    it("skipped: ../shared/reference/connect-flows is absent", function () {
      this.skip();
    });
    return;
  }
  for (const [file, raw] of readReferenceFlows()) {
    it(`${file}: CloudFormation validates and Terraform uses documented arguments`, function () {
      const s = snapshotOfFlow(file, raw);
      if (haveSchemas()) expect(checkTemplate(cfn(s))).to.deep.equal([]);
      else console.log("      (CloudFormation schema check skipped: ../shared/reference/cloudformation/connect is absent)");
      const problems = [...tfProblems(tf(withoutLexV2(s), TF_SKIP)).values()].flat();
      expect(problems).to.deep.equal([]);
    });
  }
});

/**
 * A backup of the instance a real flow export came from: the flow, plus a resource for every
 * instance-scoped ARN it names (so each becomes a template reference), and the Lambda functions
 * and Lex bots it calls as associations.
 */
function snapshotOfFlow(file: string, raw: string): Snapshot {
  const json = JSON.parse(raw) as J;
  const wrapper = (json.ContactFlow ?? json) as J;
  const content = typeof wrapper.Content === "string" ? wrapper.Content : raw;
  const refs = findReferences(content);
  const instances = refs.filter((r) => r.type === "connect").map((r) => (r as { instanceId: string }).instanceId);
  const instanceId = instances[0] ?? SRC.instanceId;
  const arn = refs.find((r) => r.type === "connect")?.arn;
  const [, , , region, account] = (arn ?? SRC.instanceArn).split(":");
  const source = { accountId: account!, region: region!, instanceId, instanceArn: `arn:aws:connect:${region}:${account}:instance/${instanceId}` };
  const kindOf = new Map(Object.entries(ARN_SEGMENT).map(([k, seg]) => [seg, k as Kind]));
  const resources: Partial<Record<Kind, ResourceRecord[]>> = { hours: [{ kind: "hours", id: uuid(999), name: "Hours", data: { Name: "Hours", TimeZone: "UTC", Config: [] } }] };
  const add = (r: ResourceRecord) => (resources[r.kind] ??= []).some((x) => x.id === r.id) || resources[r.kind]!.push(r);
  add({ kind: "flows", id: uuid(998), name: String(wrapper.Name ?? file), data: { Name: String(wrapper.Name ?? file), Id: uuid(998), Type: String(wrapper.Type ?? "CONTACT_FLOW"), Content: content } });
  for (const r of refs) {
    if (r.type === "connect" && r.instanceId === instanceId) {
      const kind = kindOf.get(r.segment);
      if (!kind) continue;
      const name = `${kind} ${r.id.slice(0, 8)}`;
      const data: J =
        kind === "queues" ? { Name: name, QueueId: r.id, HoursOfOperationId: uuid(999) }
        : kind === "flows" ? { Name: name, Id: r.id, Type: "CONTACT_FLOW", Content: flow([{ Identifier: "a", Type: "DisconnectParticipant", Parameters: {} }]) }
        : kind === "flowModules" ? { Name: name, Id: r.id, Content: flow([{ Identifier: "a", Type: "EndFlowModuleExecution", Parameters: {} }]) }
        : kind === "hours" ? { Name: name, TimeZone: "UTC", Config: [] }
        : { Name: name };
      add({ kind, id: r.id, name, arn: r.arn, data });
    } else if (r.type === "lambda" && !r.dynamicRegion) add({ kind: "lambdaFunctions", id: r.arn, name: r.functionName, arn: r.arn, data: { FunctionArn: r.arn } });
    else if (r.type === "lex" && !r.dynamicRegion && r.arn.includes(":bot-alias/")) add({ kind: "lexBots", id: r.arn, name: `v2:${r.arn}`, data: { LexV2Bot: { AliasArn: r.arn } } });
  }
  void EMPTY_MAPPING;
  return { source, kinds: Object.keys(resources) as Kind[], resources };
}
