import { expect } from "chai";
import { schedule, stronglyConnected } from "../../../../cli/operations/restore/dependency-graph";
import { buildPlan } from "../../../../cli/operations/restore/plan";
import { EMPTY_MAPPING, parseMapping } from "../../../../cli/operations/restore/mapping-file";
import { canonicalJson, project } from "../../../../cli/operations/restore/projection";
import { desiredFor, stubContent } from "../../../../cli/operations/restore/desired";
import { createCall, createdState, followUpCalls, unwritableDifferences, updateCalls, deleteCall } from "../../../../cli/operations/restore/write-calls";
import { replayJournal } from "../../../../cli/operations/restore/journal";
import type { ResourceRecord, Snapshot } from "../../../../cli/operations/model/snapshot";
import type { Kind } from "../../../../cli/operations/model/kinds";

describe("dependency graph", () => {
  it("finds strongly connected components, including self-loops as singletons", () => {
    const comps = stronglyConnected(["a", "b", "c", "d"], [
      { from: "a", to: "b", patchable: true },
      { from: "b", to: "a", patchable: true },
      { from: "c", to: "a", patchable: false },
      { from: "d", to: "d", patchable: true },
    ]);
    expect(comps.map((c) => c.join(","))).to.have.members(["a,b", "c", "d"]);
  });

  it("defers patchable edges inside cycles and waits for everything else", () => {
    const s = schedule(["flowA", "flowB", "queue", "hours"], [
      { from: "flowA", to: "flowB", patchable: true },
      { from: "flowB", to: "flowA", patchable: true },
      { from: "flowA", to: "queue", patchable: false },
      { from: "queue", to: "hours", patchable: false },
    ]);
    expect(s.deferred.get("flowA")).to.deep.equal(["flowB"]);
    expect(s.deferred.get("flowB")).to.deep.equal(["flowA"]);
    expect(s.waitFor.get("flowA")).to.deep.equal(["queue"]);
    expect(s.waitFor.get("queue")).to.deep.equal(["hours"]);
    expect(s.unbreakable).to.deep.equal([]);
  });

  it("reports a cycle that only non-patchable edges make", () => {
    const s = schedule(["rp", "q"], [
      { from: "rp", to: "q", patchable: false },
      { from: "q", to: "rp", patchable: false },
    ]);
    expect(s.unbreakable).to.deep.equal([["q", "rp"]]);
  });

  it("handles a 5,000-node chain without recursion limits", () => {
    const nodes = Array.from({ length: 5000 }, (_, i) => `n${i}`);
    const edges = nodes.slice(1).map((n, i) => ({ from: n, to: nodes[i]!, patchable: false }));
    expect(stronglyConnected(nodes, edges)).to.have.length(5000);
  });
});

const SRC = { accountId: "111111111111", region: "us-east-1", instanceId: "aaaaaaaa-0000-0000-0000-000000000000", instanceArn: "arn:aws:connect:us-east-1:111111111111:instance/aaaaaaaa-0000-0000-0000-000000000000" };
const DST = { accountId: "222222222222", region: "us-west-2", instanceId: "bbbbbbbb-0000-0000-0000-000000000000", instanceArn: "arn:aws:connect:us-west-2:222222222222:instance/bbbbbbbb-0000-0000-0000-000000000000" };
const sid = (n: number) => `aaaaaaaa-0000-0000-0000-${String(n).padStart(12, "0")}`;
const tid = (n: number) => `bbbbbbbb-0000-0000-0000-${String(n).padStart(12, "0")}`;
const srcArn = (seg: string, id: string) => `${SRC.instanceArn}/${seg}/${id}`;
const flowContent = (refs: string[]) => JSON.stringify({ Version: "2019-10-30", StartAction: "a", Actions: refs.map((r, i) => ({ Identifier: `a${i}`, Type: "X", Parameters: { Ref: r }, Transitions: {} })) });

function rec(kind: Kind, id: string, name: string, data: Record<string, unknown>): ResourceRecord {
  return { kind, id, name, data: { Name: name, ...data } };
}
function snap(source: typeof SRC, records: ResourceRecord[], kinds: Kind[]): Snapshot {
  const resources: Snapshot["resources"] = {};
  for (const k of kinds) resources[k] = records.filter((r) => r.kind === k);
  return { source, kinds, resources };
}
const KINDS_USED: Kind[] = ["hours", "queues", "flows", "flowModules", "routingProfiles", "quickConnects", "prompts", "lambdaFunctions"];
const HOURS = { TimeZone: "UTC", Config: [{ Day: "MONDAY", StartTime: { Hours: 9, Minutes: 0 }, EndTime: { Hours: 17, Minutes: 0 } }] };

function backup(): Snapshot {
  return snap(SRC, [
    rec("hours", sid(1), "Office", HOURS),
    rec("queues", sid(2), "Sales", { HoursOfOperationId: sid(1), OutboundCallerConfig: { OutboundFlowId: sid(5) }, QuickConnects: [{ Id: sid(6) }] }),
    rec("flows", sid(3), "Main", { Type: "CONTACT_FLOW", Content: flowContent([srcArn("queue", sid(2)), srcArn("contact-flow", sid(4)), "arn:aws:lambda:$.AwsRegion:111111111111:function:fn"]) }),
    rec("flows", sid(4), "Sub", { Type: "CONTACT_FLOW", Content: flowContent([srcArn("contact-flow", sid(3))]) }),
    rec("flows", sid(5), "Whisper", { Type: "OUTBOUND_WHISPER", Content: flowContent([]) }),
    rec("quickConnects", sid(6), "ToSales", { QuickConnectConfig: { QuickConnectType: "QUEUE", QueueConfig: { QueueId: sid(2), ContactFlowId: sid(5) } } }),
    rec("routingProfiles", sid(7), "Agents", { DefaultOutboundQueueId: sid(2), MediaConcurrencies: [{ Channel: "VOICE", Concurrency: 1 }], QueueConfigs: [{ QueueId: sid(2), Channel: "VOICE", Priority: 1, Delay: 0 }] }),
    rec("prompts", sid(8), "Beep", { Audio: { path: "prompts/beep.audio", sha256: "a".repeat(64), size: 1 } }),
    { kind: "lambdaFunctions", id: "arn:aws:lambda:us-east-1:111111111111:function:fn", name: "fn", data: { FunctionArn: "arn:aws:lambda:us-east-1:111111111111:function:fn" } },
  ], KINDS_USED);
}

/** Prompt audio goes to this bucket. */
const MAPPING = { ...EMPTY_MAPPING, prompts: { bucket: "dr-prompts", prefix: "p/" } };

describe("restore plan (pure)", () => {
  it("into an empty target: creates all, stubs only the flow cycle, breaks the queue/quick-connect cycle", () => {
    const plan = buildPlan(backup(), snap(DST, [], KINDS_USED), { mapping: MAPPING });
    const by = Object.fromEntries(plan.nodes.map((n) => [n.key, n]));
    expect(plan.nodes.map((n) => `${n.op} ${n.key}`)).to.deep.equal([
      "create lambdaFunctions/fn",
      "create hours/Office",
      "create prompts/Beep",
      "create queues/Sales",
      "create flows/Main",
      "create flows/Sub",
      "create flows/Whisper",
      "create routingProfiles/Agents",
      "create quickConnects/ToSales",
    ]);
    expect(by["flows/Main"]!.deferred).to.deep.equal(["flows/Sub"]);
    expect(by["flows/Main"]!.waitFor).to.deep.equal(["queues/Sales"]);
    expect(by["flows/Sub"]!.deferred).to.deep.equal(["flows/Main"]);
    expect(by["flows/Whisper"]!.deferred).to.deep.equal([]);
    expect(by["queues/Sales"]!.waitFor).to.have.members(["hours/Office", "flows/Whisper"]);
    expect(by["queues/Sales"]!.deferred).to.deep.equal(["quickConnects/ToSales"]);
    expect(by["quickConnects/ToSales"]!.waitFor).to.have.members(["queues/Sales", "flows/Whisper"]);
    expect(plan.problems).to.deep.equal([]);
  });

  it("against an identical target: every node unchanged, zero writes", () => {
    const b = backup();
    const map = new Map<string, string>();
    let n = 0;
    for (const k of KINDS_USED) for (const r of b.resources[k]!) if (!r.id.startsWith("arn:")) map.set(r.id, tid(++n));
    const swap = (text: string) => text.split(SRC.instanceArn).join(DST.instanceArn).replace(/aaaaaaaa-0000-0000-0000-\d{12}/g, (m) => map.get(m) ?? m).split("111111111111").join("222222222222").split("us-east-1").join("us-west-2");
    const target = snap(DST, KINDS_USED.flatMap((k) => b.resources[k]!.map((r) => JSON.parse(swap(JSON.stringify(r))) as ResourceRecord)), KINDS_USED);
    const plan = buildPlan(b, target, { mapping: MAPPING });
    expect(plan.nodes.filter((x) => x.op !== "unchanged").map((x) => `${x.op} ${x.key} ${x.detail.join(",")}`)).to.deep.equal([]);
    expect(plan.estimatedWrites).to.equal(0);
  });

  it("blocks a flow whose prompt is in neither the backup nor the target, and what needs it; says what unblocks them", () => {
    const b = backup();
    (b.resources.flows![2] as { data: Record<string, unknown> }).data.Content = flowContent([srcArn("prompt", sid(99))]);
    const plan = buildPlan(b, snap(DST, [], KINDS_USED), { mapping: MAPPING });
    const whisper = plan.nodes.find((x) => x.key === "flows/Whisper")!;
    expect(whisper.op).to.equal("blocked");
    expect(whisper.detail[0]).to.match(/unresolved reference .*prompt/);
    expect(whisper.unblockedBy![0]).to.match(/^create the resource .*prompt.* in the target/);
    const sales = plan.nodes.find((x) => x.key === "queues/Sales")!;
    expect([sales.op, sales.detail, sales.unblockedBy]).to.deep.equal(["blocked", ["depends on blocked flows/Whisper"], ["unblock flows/Whisper first"]]);
  });

  it("an agent quick connect whose user is missing blocks only that quick connect, not its queue", () => {
    const b = backup();
    b.resources.quickConnects!.push(rec("quickConnects", sid(20), "ToAgent", { QuickConnectConfig: { QuickConnectType: "USER", UserConfig: { UserId: sid(98), ContactFlowId: sid(5) } } }));
    (b.resources.queues![0]!.data.QuickConnects as { Id: string }[]).push({ Id: sid(20) });
    const plan = buildPlan(b, snap(DST, [], KINDS_USED), { mapping: MAPPING });
    const agent = plan.nodes.find((x) => x.key === "quickConnects/ToAgent")!;
    expect(agent.op).to.equal("blocked");
    expect(agent.unblockedBy).to.deep.equal([`create the users resource ${sid(98)} in the target (it is in neither the backup nor the target), or take a backup that holds it; then re-run`]);
    const sales = plan.nodes.find((x) => x.key === "queues/Sales")!;
    expect([sales.op, sales.omitted]).to.deep.equal(["create", ["quickConnects/ToAgent"]]);
    expect(plan.nodes.filter((x) => x.op === "blocked").map((x) => x.key)).to.deep.equal(["quickConnects/ToAgent"]);
  });

  it("a new prompt without a prompts bucket in the mapping file is blocked, naming the fix", () => {
    const plan = buildPlan(backup(), snap(DST, [], KINDS_USED), { mapping: EMPTY_MAPPING });
    const beep = plan.nodes.find((x) => x.key === "prompts/Beep")!;
    expect(beep.op).to.equal("blocked");
    expect(beep.unblockedBy).to.deep.equal(['name an S3 bucket in the target account and Region under "prompts": {"bucket": "..."} in the mapping file']);
  });

  it("--prune lists target resources of restored kinds missing from the backup", () => {
    const plan = buildPlan(backup(), snap(DST, [rec("hours", tid(99), "Old", HOURS)], KINDS_USED), { mapping: MAPPING, prune: true });
    expect(plan.prune).to.deep.equal([{ kind: "hours", name: "Old", targetId: tid(99), api: "DeleteHoursOfOperation" }]);
    expect(buildPlan(backup(), snap(DST, [rec("hours", tid(99), "Old", HOURS)], KINDS_USED), { mapping: MAPPING }).prune).to.deep.equal([]);
  });
});

describe("desired state and write calls (pure)", () => {
  const ctx = { source: SRC, target: DST, ids: new Map([[sid(1), tid(1)], [sid(2), tid(2)], [sid(5), tid(5)], [sid(6), tid(6)]]) };

  it("projects away read-only fields so new API fields never reach a create", () => {
    const p = project("hours", { Name: "H", TimeZone: "UTC", Config: [], HoursOfOperationArn: "arn", LastModifiedTime: 1, SomeNewField: "x", Tags: { a: "b", "aws:tag": "c" } });
    expect(p).to.deep.equal({ Name: "H", TimeZone: "UTC", Config: [], Tags: { a: "b" } });
  });

  it("rewrites links, omits deferred ones, and stubs flow content", () => {
    const q = backup().resources.queues![0]!;
    const d = desiredFor(q, ctx, { omit: new Set([sid(6)]) });
    expect(d.value).to.deep.equal({ Name: "Sales", HoursOfOperationId: tid(1), OutboundCallerConfig: { OutboundFlowId: tid(5) }, Status: "ENABLED", QuickConnectIds: [], Tags: {} });
    expect(d.unresolved).to.deep.equal([]);
    const f = desiredFor(backup().resources.flows![0]!, ctx, { stub: true });
    expect(JSON.parse(f.value.Content as string).Actions[0].Type).to.equal("DisconnectParticipant");
    expect(JSON.parse(stubContent("flowModules")).Actions[0].Type).to.equal("EndFlowModuleExecution");
    expect(JSON.parse(stubContent("flows", "AGENT_WHISPER")).Actions[0].Type).to.equal("EndFlowExecution");
  });

  it("create calls carry only writable fields; routing profiles beyond 10 queues follow up", () => {
    const qc = Array.from({ length: 23 }, (_, i) => ({ QueueId: `q${i}`, Channel: "VOICE", Priority: 1, Delay: 0 }));
    const desired = { Name: "RP", DefaultOutboundQueueId: "q0", MediaConcurrencies: [{ Channel: "VOICE", Concurrency: 1 }], QueueConfigs: qc, Tags: {} };
    const c = createCall("routingProfiles", desired, "I");
    expect(c.api).to.equal("CreateRoutingProfile");
    expect((c.input.QueueConfigs as unknown[]).length).to.equal(10);
    expect(followUpCalls("routingProfiles", "RP1", desired, "I").map((f) => (f.input.QueueConfigs as unknown[]).length)).to.deep.equal([10, 3]);
  });

  const updateTable: { name: string; kind: Kind; current: Record<string, unknown>; desired: Record<string, unknown>; apis: string[] }[] = [
    { name: "equal: nothing", kind: "queues", current: { Name: "Q", QuickConnectIds: ["a"] }, desired: { Name: "Q", QuickConnectIds: ["a"] }, apis: [] },
    { name: "queue hours and quick connects", kind: "queues", current: { Name: "Q", HoursOfOperationId: "h1", QuickConnectIds: ["a", "b"] }, desired: { Name: "Q", HoursOfOperationId: "h2", QuickConnectIds: ["b", "c"] }, apis: ["UpdateQueueHoursOfOperation", "AssociateQueueQuickConnects", "DisassociateQueueQuickConnects"] },
    { name: "flow content only", kind: "flows", current: { Name: "F", Content: "{}" }, desired: { Name: "F", Content: '{"a":1}' }, apis: ["UpdateContactFlowContent"] },
    { name: "flow metadata", kind: "flows", current: { Name: "F", State: "ACTIVE" }, desired: { Name: "F", State: "ARCHIVED" }, apis: ["UpdateContactFlowMetadata"] },
    { name: "routing profile queues add/update/remove", kind: "routingProfiles", current: { Name: "R", QueueConfigs: [{ QueueId: "a", Channel: "VOICE", Priority: 1, Delay: 0 }, { QueueId: "b", Channel: "VOICE", Priority: 1, Delay: 0 }] }, desired: { Name: "R", QueueConfigs: [{ QueueId: "a", Channel: "VOICE", Priority: 2, Delay: 0 }, { QueueId: "c", Channel: "VOICE", Priority: 1, Delay: 0 }] }, apis: ["AssociateRoutingProfileQueues", "UpdateRoutingProfileQueues", "DisassociateRoutingProfileQueues"] },
    { name: "tags", kind: "hours", current: { Name: "H", Tags: { a: "1", b: "2" } }, desired: { Name: "H", Tags: { a: "9" } }, apis: ["TagResource", "UntagResource"] },
    { name: "a description the backup lacks: no write (the API cannot clear it)", kind: "queues", current: { Name: "Q", Description: "drift" }, desired: { Name: "Q" }, apis: [] },
    { name: "a flow's status alone: no write (no API changes it)", kind: "flows", current: { Name: "F", Status: "PUBLISHED" }, desired: { Name: "F", Status: "SAVED" }, apis: [] },
    { name: "routing-profile availability timer", kind: "routingProfiles", current: { Name: "R", AgentAvailabilityTimer: "TIME_SINCE_LAST_ACTIVITY" }, desired: { Name: "R", AgentAvailabilityTimer: "TIME_SINCE_LAST_INBOUND" }, apis: ["UpdateRoutingProfileAgentAvailabilityTimer"] },
    { name: "queue status", kind: "queues", current: { Name: "Q", Status: "ENABLED" }, desired: { Name: "Q", Status: "DISABLED" }, apis: ["UpdateQueueStatus"] },
    { name: "phone number association", kind: "phoneNumbers", current: { PhoneNumber: "+1" }, desired: { PhoneNumber: "+1", ContactFlowId: "f" }, apis: ["AssociatePhoneNumberContactFlow"] },
  ];
  for (const t of updateTable) {
    it(`update calls: ${t.name}`, () => expect(updateCalls(t.kind, "T", "arn:t", t.current, t.desired, "I").map((c) => c.api)).to.deep.equal(t.apis));
  }

  it("a draft's content goes through :$SAVED; a create leaves flows ACTIVE and queues ENABLED for the update to fix", () => {
    const saved = updateCalls("flows", "T", "arn:t", { Name: "F", Status: "SAVED", Content: "{}" }, { Name: "F", Status: "SAVED", Content: '{"a":1}' }, "I");
    expect(saved.map((c) => c.input.ContactFlowId)).to.deep.equal(["T:$SAVED"]);
    const published = updateCalls("flows", "T", "arn:t", { Name: "F", Status: "PUBLISHED", Content: "{}" }, { Name: "F", Status: "PUBLISHED", Content: '{"a":1}' }, "I");
    expect(published.map((c) => c.input.ContactFlowId)).to.deep.equal(["T"]);
    const flow = { Name: "F", Type: "CONTACT_FLOW", State: "ARCHIVED", Status: "SAVED", Content: "{}" };
    expect(createCall("flows", flow, "I").input).to.include({ Status: "SAVED" });
    expect(updateCalls("flows", "T", "arn:t", createdState("flows", flow), flow, "I").map((c) => [c.api, c.input.ContactFlowState])).to.deep.equal([["UpdateContactFlowMetadata", "ARCHIVED"]]);
    const queue = { Name: "Q", HoursOfOperationId: "h", Status: "DISABLED" };
    expect(updateCalls("queues", "T", "arn:t", createdState("queues", queue), queue, "I").map((c) => c.api)).to.deep.equal(["UpdateQueueStatus"]);
    expect(unwritableDifferences("flows", { Status: "PUBLISHED" }, { Status: "SAVED" })[0]).to.match(/^Status: PUBLISHED in the target, SAVED in the backup/);
  });

  it("never sends an empty Description: absent stays absent", () => {
    const bare = { Name: "N", TimeZone: "UTC", Config: [], QuickConnectConfig: { QuickConnectType: "PHONE_NUMBER", PhoneConfig: { PhoneNumber: "+15555550100" } }, State: "ENABLED", Content: "{}", Type: "CONTACT_FLOW" };
    for (const kind of ["hours", "queues", "flows", "flowModules", "quickConnects", "agentStatuses"] as Kind[]) {
      expect(createCall(kind, { ...bare, Description: "" }, "I").input, kind).to.not.have.property("Description");
      for (const c of updateCalls(kind, "T", "arn:t", { ...bare, Name: "Old", Description: "x" }, bare, "I")) expect(c.input, `${kind} ${c.api}`).to.not.have.property("Description");
    }
  });

  it("has no delete for kinds without a delete API", () => {
    expect(deleteCall("agentStatuses", "x", "I")).to.equal(undefined);
    expect(deleteCall("flows", "x", "I")!.api).to.equal("DeleteContactFlow");
  });

  it("canonical JSON ignores key order", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).to.equal(canonicalJson({ a: [{ c: 2, d: 1 }], b: 1 }));
  });
});

describe("journal and mapping file", () => {
  it("replays events, ignoring a torn last line", () => {
    const text = [
      JSON.stringify({ event: "begin", at: "t", backup: "b", target: "t" }),
      JSON.stringify({ event: "created", key: "queues/Q", targetId: "q1" }),
      JSON.stringify({ event: "done", key: "queues/Q", writes: 1 }),
      '{"event":"created","key":"flows/F","tar',
    ].join("\n");
    const s = replayJournal(text);
    expect(s.runs).to.equal(1);
    expect(s.complete).to.equal(false);
    expect([...s.created]).to.deep.equal([["queues/Q", "q1"]]);
    expect([...s.done]).to.deep.equal(["queues/Q"]);
    expect(replayJournal(`${text}\n${JSON.stringify({ event: "complete", at: "t", writes: 3 })}`).complete).to.equal(true);
  });

  it("mapping file: defaults, and errors naming the key", () => {
    expect(parseMapping({}, "m.json")).to.deep.equal(EMPTY_MAPPING);
    expect(() => parseMapping({ lambda: { fn: "not-an-arn" } }, "m.json")).to.throw(/m\.json: lambda\.fn: .*arn:/);
    expect(() => parseMapping({ lamda: {} }, "m.json")).to.throw(/allowed keys: lambda, lex, accounts, phoneNumbers/);
  });
});
