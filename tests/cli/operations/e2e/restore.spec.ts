import { expect } from "chai";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { startWorld, E2E_BACKUP_KINDS, E2E_DIFF_KINDS, E2E_MAPPING, HOLD_AUDIO, LEX_TARGET_ALIAS, SRC_CASES, type World } from "./fixture";
import { runBackup } from "../../../../cli/operations/backup/run-backup";
import { readInstance } from "../../../../cli/operations/backup/read-instance";
import { DirStore } from "../../../../cli/operations/store/dir-store";
import { verifyBackup } from "../../../../cli/operations/verify/verify-backup";
import { restoreFromBackup, type RestoreOutcome } from "../../../../cli/operations/restore/restore-from-backup";
import { compareSnapshots } from "../../../../cli/operations/diff/compare-snapshots";
import { recordsOf } from "../../../../cli/operations/model/snapshot";
import { send } from "../../../../cli/operations/connect/send";
import { auditModelTraffic } from "../../../support/model-audit";

function applied(o: RestoreOutcome) {
  if (o.status !== "applied") throw new Error(`expected applied, got ${o.status}: ${JSON.stringify(o).slice(0, 500)}`);
  return o;
}

describe("backup -> verify -> restore -> diff (simulator, real SDK)", function () {
  // Every request the code under test sends must be one AWS's Connect model accepts (and every answer model-shaped).
  auditModelTraffic();
  this.timeout(30_000);
  let world: World;
  let dir: string;

  before(async () => {
    world = await startWorld();
    dir = mkdtempSync(join(tmpdir(), "connect-dr-e2e-"));
  });
  after(async () => {
    await world?.sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("backs up every kind and verifies", async () => {
    const s = await world.session("source");
    const { manifest } = await runBackup({ client: s.client, instanceId: world.sourceId, store: new DirStore(dir), kinds: E2E_BACKUP_KINDS });
    expect(manifest.source).to.deep.include({ accountId: "111111111111", region: "us-east-1", instanceId: world.sourceId });
    expect(manifest.counts.hours).to.equal(4); // Basic Hours + Office, Weekend, Holidays
    expect(manifest.counts.quickConnects).to.equal(3);
    expect(manifest.blobs.length).to.equal(manifest.counts.prompts);
    expect(manifest.counts.flowModules).to.equal(1);
    expect(manifest.counts.lambdaFunctions).to.equal(1);
    expect(manifest.counts.agentStatuses).to.equal(4); // Available, Offline + Lunch, Training
    expect(manifest.objects.every((o) => /^[0-9a-f]{64}$/.test(o.sha256) && o.size > 0)).to.equal(true);
    const report = await verifyBackup(new DirStore(dir));
    expect(report.failures).to.deep.equal([]);
    expect(world.writes()).to.equal(0);
  });

  it("--dry-run plans and makes zero writes", async () => {
    const s = await world.session("target");
    world.resetCounters();
    const o = await restoreFromBackup({ client: s.client, store: new DirStore(dir), targetInstanceId: world.targetId, mapping: E2E_MAPPING, dryRun: true });
    expect(o.status).to.equal("planned");
    if (o.status !== "planned") return;
    expect(o.plan.problems).to.deep.equal([]);
    const creates = o.plan.nodes.filter((n) => n.op === "create").map((n) => n.key);
    expect(creates).to.include.members(["storageConfigs/CALL_RECORDINGS:S3", `integrations/CASES_DOMAIN:${SRC_CASES}`, "securityProfiles/Supervisors", "hierarchyGroups/East", "hierarchyGroups/Team A", "users/alice", "prompts/Hold music", "quickConnects/ToAlice"]);
    expect(o.plan.nodes.filter((n) => n.op === "update").map((n) => n.key)).to.deep.equal(["instanceAttributes/CONTACTFLOW_LOGS", "hierarchyStructure/structure"]);
    expect(creates).to.include.members(["hours/Office", "queues/Sales", "flows/Main", "flows/Sub", "flowModules/Greeting", "routingProfiles/Agents", "quickConnects/ToSupport", "lambdaFunctions/lookup", "agentStatuses/Lunch", "agentStatuses/Training"]);
    // Available and Offline exist in every instance: matched by name, never created.
    expect(creates.filter((k) => k.startsWith("agentStatuses/"))).to.deep.equal(["agentStatuses/Lunch", "agentStatuses/Training"]);
    expect(o.plan.nodes.find((n) => n.key === "flows/Main")!.deferred).to.deep.equal(["flows/Sub"]);
    expect(o.plan.nodes.filter((n) => n.op === "blocked")).to.deep.equal([]);
    expect(world.writes()).to.equal(0);
  });

  it("restores into another Region and account; diff is empty; $.AwsRegion survives", async () => {
    const t = await world.session("target");
    world.resetCounters();
    const journalPath = join(dir, "..", `journal-${Date.now()}.jsonl`);
    const o = applied(await restoreFromBackup({ client: t.client, store: new DirStore(dir), targetInstanceId: world.targetId, mapping: E2E_MAPPING, journalPath, promptS3: world.s3 }));
    expect(o.result.results.filter((r) => r.error)).to.deep.equal([]);
    expect(o.result.writes).to.equal(world.writes());
    expect(t.counters.throttlesSurfaced).to.equal(0);

    const s = await world.session("source");
    const [left, right] = await Promise.all([readInstance(s.client, world.sourceId, { kinds: E2E_DIFF_KINDS }), readInstance(t.client, world.targetId, { kinds: E2E_DIFF_KINDS })]);
    const d = compareSnapshots(left, right, E2E_DIFF_KINDS, E2E_MAPPING);
    expect(d.kinds, JSON.stringify(d.kinds, null, 1)).to.deep.equal([]);
    expect(d.equal).to.equal(true);

    // Status and state as backed up: the draft stays SAVED, the archived flow ARCHIVED, the queue DISABLED, the timer kept.
    const flow = (name: string) => recordsOf(right, "flows").find((f) => f.name === name)!.data;
    expect([flow("Draft").Status, flow("Draft").State, flow("Retired").State, flow("Main").Status]).to.deep.equal(["SAVED", "ACTIVE", "ARCHIVED", "PUBLISHED"]);
    expect(recordsOf(right, "queues").find((q) => q.name === "Closed")!.data.Status).to.equal("DISABLED");
    expect(recordsOf(right, "queues").find((q) => q.name === "Closed")!.data).to.not.have.property("Description");
    expect(recordsOf(right, "routingProfiles").find((p) => p.name === "Agents")!.data.AgentAvailabilityTimer).to.equal("TIME_SINCE_LAST_INBOUND");
    expect(recordsOf(right, "flows").find((f) => f.name === "Retired")!.data.Tags).to.deep.equal({});
    const main = recordsOf(right, "flows").find((f) => f.name === "Main")!;
    const content = String(main.data.Content);
    expect(content).to.include("arn:aws:lambda:$.AwsRegion:222222222222:function:lookup");
    expect(content).to.include(`arn:aws:connect:us-west-2:222222222222:instance/${world.targetId}/contact-flow/`);
    expect(content).to.not.include(world.sourceId);
    if (world.realFlow) {
      const genai = String(recordsOf(right, "flows").find((f) => f.name === "GenAI Lex (aws-samples)")!.data.Content);
      expect(genai).to.include(LEX_TARGET_ALIAS);
    }
    // The people side, read back: alice in Team A with both profiles; the prompt's audio byte for byte.
    const alice = recordsOf(right, "users").find((u) => u.name === "alice")!.data;
    const groupName = new Map(recordsOf(right, "hierarchyGroups").map((g) => [g.id, g.name]));
    const profileName = new Map(recordsOf(right, "securityProfiles").map((p) => [p.id, p.name]));
    expect([groupName.get(String(alice.HierarchyGroupId)), (alice.SecurityProfileIds as string[]).map((id) => profileName.get(id)).sort()]).to.deep.equal(["Team A", ["Agent", "Supervisors"]]);
    const hold = recordsOf(right, "prompts").find((p) => p.name === "Hold music")!;
    expect((hold.data.Audio as { sha256: string }).sha256).to.equal(createHash("sha256").update(HOLD_AUDIO).digest("hex"));
    const journal = readFileSync(journalPath, "utf8");
    // The generated first password is never journalled.
    expect(journal).to.not.match(/Password/i);
    expect(journal).to.match(/"event":"complete"/);
    rmSync(journalPath);
  });

  it("a second restore makes zero writes", async () => {
    const t = await world.session("target");
    world.resetCounters();
    const o = applied(await restoreFromBackup({ client: t.client, store: new DirStore(dir), targetInstanceId: world.targetId, mapping: E2E_MAPPING, promptS3: world.s3 }));
    expect(o.plan.nodes.filter((n) => n.op !== "unchanged").map((n) => `${n.op} ${n.key} ${n.detail.join(",")}`)).to.deep.equal([]);
    expect(o.result.writes).to.equal(0);
    expect(world.writes()).to.equal(0);
  });

  it("a restore onto a drifted target sends only updates the model accepts (no empty descriptions)", async () => {
    // Drift resources whose backup has no description: the module's state, the queue's description.
    const t = await world.session("target");
    const I = { InstanceId: world.targetId };
    const target = await readInstance(t.client, world.targetId, { kinds: ["queues", "flowModules"] });
    const module = recordsOf(target, "flowModules").find((m) => m.name === "Greeting")!;
    const queue = recordsOf(target, "queues").find((q) => q.name === "Support")!;
    await send(t.client, "UpdateContactFlowModuleMetadata", { ...I, ContactFlowModuleId: module.id, State: "ARCHIVED" });
    await send(t.client, "UpdateQueueName", { ...I, QueueId: queue.id, Description: "drifted" });
    world.resetCounters();
    const queueNames = () => world.sim.counters().UpdateQueueName?.requests ?? 0;
    const queueNamesBefore = queueNames();
    const o = applied(await restoreFromBackup({ client: t.client, store: new DirStore(dir), targetInstanceId: world.targetId, mapping: E2E_MAPPING, promptS3: world.s3 }));
    // The queue's description cannot be cleared (UpdateQueueName's Description is 1-250 characters in
    // the model): no write is made for it, and the plan says so.
    expect(o.plan.nodes.filter((n) => n.op === "update").map((n) => n.key).sort()).to.deep.equal(["flowModules/Greeting"]);
    expect(o.plan.nodes.find((n) => n.key === "queues/Support")!.notes).to.deep.equal(["Description: the backup has none and the API cannot clear one"]);
    expect(queueNames()).to.equal(queueNamesBefore);
    expect(o.result.results.filter((r) => r.error)).to.deep.equal([]);
    const s = await world.session("source");
    const [left, right] = await Promise.all([readInstance(s.client, world.sourceId, { kinds: E2E_DIFF_KINDS }), readInstance(t.client, world.targetId, { kinds: E2E_DIFF_KINDS })]);
    // The module is ACTIVE again; the queue's description is the one difference that remains.
    const d = compareSnapshots(left, right, E2E_DIFF_KINDS, E2E_MAPPING);
    expect(d.kinds.map((k) => k.kind)).to.deep.equal(["queues"]);
    expect(JSON.stringify(d.kinds)).to.contain("drifted");
  });

  it("diff names one seeded difference of every kind exactly, and nothing once restore has run again", async () => {
    const t = await world.session("target");
    const I = { InstanceId: world.targetId };
    const target = await readInstance(t.client, world.targetId, { kinds: E2E_DIFF_KINDS, promptAudio: false });
    const idOf = (kind: Parameters<typeof recordsOf>[1], name: string) => recordsOf(target, kind).find((r) => r.name === name)!.id;
    const arnOf = (kind: Parameters<typeof recordsOf>[1], name: string) => recordsOf(target, kind).find((r) => r.name === name)!.arn!;
    await send(t.client, "UpdateInstanceAttribute", { ...I, AttributeType: "CONTACTFLOW_LOGS", Value: "false" });
    await send(t.client, "DisassociateLambdaFunction", { ...I, FunctionArn: idOf("lambdaFunctions", "lookup") });
    await send(t.client, "TagResource", { resourceArn: arnOf("hours", "Office"), tags: { drift: "1" } });
    await send(t.client, "TagResource", { resourceArn: arnOf("prompts", "Hold music"), tags: { drift: "1" } });
    await send(t.client, "UpdateQueueStatus", { ...I, QueueId: idOf("queues", "Sales"), Status: "DISABLED" });
    await send(t.client, "UpdateContactFlowMetadata", { ...I, ContactFlowId: idOf("flows", "Retired"), ContactFlowState: "ACTIVE" });
    await send(t.client, "TagResource", { resourceArn: arnOf("flowModules", "Greeting"), tags: { drift: "1" } });
    await send(t.client, "UpdateRoutingProfileAgentAvailabilityTimer", { ...I, RoutingProfileId: idOf("routingProfiles", "Agents"), AgentAvailabilityTimer: "TIME_SINCE_LAST_ACTIVITY" });
    await send(t.client, "UpdateQuickConnectName", { ...I, QuickConnectId: idOf("quickConnects", "Escalations"), Description: "changed" });
    await send(t.client, "UpdateAgentStatus", { ...I, AgentStatusId: idOf("agentStatuses", "Lunch"), DisplayOrder: 7 });
    await send(t.client, "UpdateSecurityProfile", { ...I, SecurityProfileId: idOf("securityProfiles", "Supervisors"), Permissions: ["BasicAgentAccess", "Queues.View"] });
    await send(t.client, "UpdateUserHierarchyStructure", { ...I, HierarchyStructure: { LevelOne: { Name: "Region" }, LevelTwo: { Name: "Squad" } } });
    await send(t.client, "TagResource", { resourceArn: arnOf("hierarchyGroups", "East"), tags: { drift: "1" } });
    await send(t.client, "UpdateUserPhoneConfig", { ...I, UserId: idOf("users", "alice"), PhoneConfig: { PhoneType: "SOFT_PHONE", AutoAccept: false, AfterContactWorkTimeLimit: 60 } });

    const s = await world.session("source");
    const read = () => Promise.all([readInstance(s.client, world.sourceId, { kinds: E2E_DIFF_KINDS }), readInstance(t.client, world.targetId, { kinds: E2E_DIFF_KINDS })]);
    const flat = (d: ReturnType<typeof compareSnapshots>) =>
      d.kinds.flatMap((k) => [...k.onlyLeft.map((n) => `${k.kind}: only in the backed-up side ${n}`), ...k.changed.flatMap((c) => c.differences.map((x) => `${k.kind}/${c.name} ${x.path}`))]);
    const [left, right] = await read();
    const lambdaKey = flat(compareSnapshots(left, right, E2E_DIFF_KINDS, E2E_MAPPING)).find((l) => l.startsWith("lambdaFunctions"));
    expect(flat(compareSnapshots(left, right, E2E_DIFF_KINDS, E2E_MAPPING))).to.deep.equal([
      "instanceAttributes/CONTACTFLOW_LOGS $.Value",
      lambdaKey,
      "hours/Office $.Tags.drift",
      "prompts/Hold music $.Tags.drift",
      "queues/Sales $.Status",
      "queues/Support $.Description", // from the drift spec above: a description the API cannot clear
      "flows/Retired $.State",
      "flowModules/Greeting $.Tags.drift",
      "routingProfiles/Agents $.AgentAvailabilityTimer",
      "quickConnects/Escalations $.Description",
      "agentStatuses/Lunch $.DisplayOrder",
      "securityProfiles/Supervisors $.Permissions[2]",
      "hierarchyStructure/structure $.LevelTwo.Name",
      "hierarchyGroups/East $.Tags.drift",
      "users/alice $.PhoneConfig.AfterContactWorkTimeLimit",
    ]);
    expect(lambdaKey).to.match(/^lambdaFunctions: only in the backed-up side arn:aws:lambda:<region>:<account>:function:lookup$/);

    const o = applied(await restoreFromBackup({ client: t.client, store: new DirStore(dir), targetInstanceId: world.targetId, mapping: E2E_MAPPING, promptS3: world.s3 }));
    expect(o.result.results.filter((r) => r.error)).to.deep.equal([]);
    const [l2, r2] = await read();
    expect(flat(compareSnapshots(l2, r2, E2E_DIFF_KINDS, E2E_MAPPING))).to.deep.equal(["queues/Support $.Description"]);
  });

  it("verify fails naming the file when one byte of the backup changes; restore refuses it", async () => {
    const report = await verifyBackup(new DirStore(dir));
    const victim = report.manifest!.objects.find((o) => o.kind === "flows" && o.name === "Main")!;
    const file = join(dir, victim.path);
    const original = readFileSync(file);
    const bytes = Buffer.from(original);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    writeFileSync(file, bytes);
    try {
      const bad = await verifyBackup(new DirStore(dir));
      expect(bad.ok).to.equal(false);
      expect(bad.failures.map((f) => f.file)).to.deep.equal([victim.path]);
      expect(bad.failures[0]!.problem).to.match(/SHA-256/);
      const t = await world.session("target");
      world.resetCounters();
      const o = await restoreFromBackup({ client: t.client, store: new DirStore(dir), targetInstanceId: world.targetId });
      expect(o.status).to.equal("invalid-backup");
      expect(world.writes()).to.equal(0);
    } finally {
      writeFileSync(file, original);
    }
  });
});
