/**
 * The two read paths and incremental backups, end to end against the simulator with the real SDK:
 * a Search backup and a Describe backup hold the same records byte for byte; an incremental chain
 * reads per resource only what changed and references the rest; backups from both paths and from the
 * chain restore to the same instance with an empty diff; a broken link fails verify, naming it.
 */
import { expect } from "chai";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startWorld, E2E_BACKUP_KINDS, E2E_DIFF_KINDS, E2E_MAPPING, type World } from "./fixture";
import { runBackup } from "../../../../cli/operations/backup/run-backup";
import { readInstance } from "../../../../cli/operations/backup/read-instance";
import { SEARCH_READ } from "../../../../cli/operations/backup/read-paths";
import { DirStore } from "../../../../cli/operations/store/dir-store";
import { verifyBackup } from "../../../../cli/operations/verify/verify-backup";
import { restoreFromBackup } from "../../../../cli/operations/restore/restore-from-backup";
import { compareSnapshots } from "../../../../cli/operations/diff/compare-snapshots";
import { send } from "../../../../cli/operations/connect/send";
import type { Manifest } from "../../../../cli/operations/backup/manifest";
import { CONNECT_MODEL } from "../../../../tools/simulator/model/connect-model";
import { auditModelTraffic } from "../../../support/model-audit";

describe("backup read paths (Search / Describe) and incremental chains (simulator, real SDK)", function () {
  auditModelTraffic();
  this.timeout(30_000);
  let world: World;
  let root: string;
  const dir = (name: string) => join(root, name);
  const manifests: Record<string, Manifest> = {};

  before(async () => {
    world = await startWorld();
    root = mkdtempSync(join(tmpdir(), "connect-dr-paths-"));
    // Users, so the describe-always kind is exercised.
    world.sim.seed({ account: "111111111111", region: "us-east-1", instance: { id: world.sourceId }, users: [{ username: "ana" }, { username: "bo" }] });
  });
  after(async () => {
    await world?.sim.close();
    if (!process.env.KEEP) rmSync(root, { recursive: true, force: true });
  });

  it("the read-path table's page sizes are the Search APIs' MaxResults maxima in AWS's model", () => {
    for (const spec of Object.values(SEARCH_READ)) {
      const input = CONNECT_MODEL.shapes[CONNECT_MODEL.operations[spec.searchApi]!.input!] as { members: Record<string, string> };
      expect(spec.maxResults, spec.searchApi).to.equal((CONNECT_MODEL.shapes[input.members.MaxResults!] as { max: number }).max);
    }
  });

  it("a Search backup and a Describe backup hold the same records, byte for byte, with far fewer calls", async () => {
    const s1 = await world.session("source");
    const search = await runBackup({ client: s1.client, instanceId: world.sourceId, store: new DirStore(dir("search")), kinds: E2E_BACKUP_KINDS, readPath: "search" });
    const s2 = await world.session("source");
    const describe = await runBackup({ client: s2.client, instanceId: world.sourceId, store: new DirStore(dir("describe")), kinds: E2E_BACKUP_KINDS, readPath: "describe" });
    manifests.search = search.manifest;
    expect(search.manifest.readPath).to.equal("search");
    expect(describe.manifest.readPath).to.equal("describe");
    const byPath = (m: Manifest) => new Map(m.objects.map((o) => [o.path, o]));
    const a = byPath(search.manifest);
    const b = byPath(describe.manifest);
    expect([...a.keys()]).to.deep.equal([...b.keys()]);
    for (const [path, o] of a) {
      expect(o.sha256, path).to.equal(b.get(path)!.sha256);
      expect(readFileSync(join(dir("search"), path), "utf8"), path).to.equal(readFileSync(join(dir("describe"), path), "utf8"));
    }
    // Which path each object took.
    const readOf = (kind: string) => new Set(search.manifest.objects.filter((o) => o.kind === kind).map((o) => o.read));
    expect(readOf("flows")).to.deep.equal(new Set(["search"]));
    expect(readOf("queues")).to.deep.equal(new Set(["search"]));
    expect(readOf("users")).to.deep.equal(new Set(["describe"])); // UserSearchSummary lacks Email and LastModifiedTime
    expect(readOf("instanceAttributes")).to.deep.equal(new Set(["list"]));
    expect(new Set(describe.manifest.objects.filter((o) => o.kind === "flows").map((o) => o.read))).to.deep.equal(new Set(["describe"]));
    const calls = (m: Map<string, number>, prefix: string) => [...m].filter(([api]) => api.startsWith(prefix)).reduce((n, [, c]) => n + c, 0);
    expect(s1.counters.callsByApi.get("DescribeContactFlow") ?? 0).to.equal(0);
    expect(calls(s1.counters.callsByApi, "Describe")).to.be.lessThan(calls(s2.counters.callsByApi, "Describe") / 2);
    expect(world.writes()).to.equal(0);
  });

  it("an incremental backup reads per resource only what changed, references the rest, and verifies as one backup", async () => {
    const s = await world.session("source");
    const I = { InstanceId: world.sourceId };
    const flows = (await send(s.client, "ListContactFlows", { ...I, MaxResults: 1000 })).ContactFlowSummaryList as { Id: string; Name: string }[];
    const sub = flows.find((f) => f.Name === "Sub")!;
    const queues = (await send(s.client, "ListQueues", { ...I, QueueTypes: ["STANDARD"], MaxResults: 1000 })).QueueSummaryList as { Id: string; Name: string }[];
    const support = queues.find((q) => q.Name === "Support")!;
    // 1 flow's content and 1 queue change.
    await send(s.client, "UpdateContactFlowContent", { ...I, ContactFlowId: sub.Id, Content: JSON.stringify({ Version: "2019-10-30", StartAction: "end", Actions: [{ Identifier: "end", Type: "DisconnectParticipant", Parameters: {}, Transitions: {} }] }) });
    await send(s.client, "UpdateQueueMaxContacts", { ...I, QueueId: support.Id, MaxContacts: 40 });

    const t = await world.session("source");
    const inc = await runBackup({ client: t.client, instanceId: world.sourceId, store: new DirStore(dir("inc1")), kinds: E2E_BACKUP_KINDS, since: new DirStore(dir("search")) });
    manifests.inc1 = inc.manifest;
    expect(inc.manifest.since?.location).to.equal(new DirStore(dir("search")).location);
    const written = inc.manifest.objects.filter((o) => !o.from).map((o) => `${o.kind}/${o.name}`).sort();
    expect(written).to.deep.equal(["flows/Sub", "queues/Support"]);
    // Per-resource calls only for the changed queue; users and security profiles not described again.
    expect(t.counters.callsByApi.get("ListQueueQuickConnects")).to.equal(1);
    expect(t.counters.callsByApi.get("DescribeUser") ?? 0).to.equal(0);
    expect(t.counters.callsByApi.get("DescribeSecurityProfile") ?? 0).to.equal(0);
    expect(inc.readPaths.unchanged).to.be.greaterThan(0);
    const report = await verifyBackup(new DirStore(dir("inc1")));
    expect(report.failures).to.deep.equal([]);

    // A second link: references point at the backup that holds the bytes.
    await send(s.client, "UpdateQueueMaxContacts", { ...I, QueueId: support.Id, MaxContacts: 41 });
    const inc2 = await runBackup({ client: (await world.session("source")).client, instanceId: world.sourceId, store: new DirStore(dir("inc2")), kinds: E2E_BACKUP_KINDS, since: new DirStore(dir("inc1")) });
    manifests.inc2 = inc2.manifest;
    expect(inc2.manifest.objects.filter((o) => !o.from).map((o) => `${o.kind}/${o.name}`)).to.deep.equal(["queues/Support"]);
    expect(inc2.manifest.objects.find((o) => o.name === "Sub" && o.kind === "flows")!.from).to.equal(new DirStore(dir("inc1")).location);
    expect(new Set(inc2.manifest.chain!.map((l) => l.location))).to.deep.equal(new Set([new DirStore(dir("search")).location, new DirStore(dir("inc1")).location]));
    expect((await verifyBackup(new DirStore(dir("inc2")))).failures).to.deep.equal([]);
  });

  it("backups from both paths and from the chain restore to the same instance with an empty diff", async () => {
    const t = await world.session("target");
    const diffAgainst = async (backup: string) => {
      const o = await restoreFromBackup({ client: t.client, store: new DirStore(dir(backup)), targetInstanceId: world.targetId, mapping: E2E_MAPPING, promptS3: world.s3 });
      if (o.status !== "applied") throw new Error(`${backup}: ${o.status}`);
      expect(o.result.results.filter((r) => r.error), backup).to.deep.equal([]);
      const left = (await verifyBackup(new DirStore(dir(backup)))).snapshot!;
      const right = await readInstance(t.client, world.targetId, { kinds: E2E_DIFF_KINDS });
      const d = compareSnapshots(left, right, E2E_DIFF_KINDS, E2E_MAPPING);
      expect(d.kinds, `${backup}: ${JSON.stringify(d.kinds, null, 1)}`).to.deep.equal([]);
      return o.result.writes;
    };
    expect(await diffAgainst("describe")).to.be.greaterThan(0);
    expect(await diffAgainst("search")).to.equal(0); // same content as the Describe backup: nothing to write
    expect(await diffAgainst("inc2")).to.equal(2); // the changed flow and queue
    const s = await world.session("source");
    const live = compareSnapshots(await readInstance(s.client, world.sourceId, { kinds: E2E_DIFF_KINDS }), await readInstance(t.client, world.targetId, { kinds: E2E_DIFF_KINDS }), E2E_DIFF_KINDS, E2E_MAPPING);
    expect(live.equal).to.equal(true);
  });

  it("a broken link fails verify, naming it; a later backup cannot be made on it", async () => {
    cpSync(dir("search"), dir("copy"), { recursive: true });
    const s = await world.session("source");
    await send(s.client, "UpdateQueueMaxContacts", { InstanceId: world.sourceId, QueueId: manifests.inc2!.objects.find((o) => o.kind === "queues" && o.name === "Support")!.id, MaxContacts: 42 });
    await runBackup({ client: s.client, instanceId: world.sourceId, store: new DirStore(dir("inc-on-copy")), kinds: E2E_BACKUP_KINDS, since: new DirStore(dir("copy")) });
    rmSync(join(dir("copy"), "manifest.json"));
    const report = await verifyBackup(new DirStore(dir("inc-on-copy")));
    expect(report.ok).to.equal(false);
    const link = new DirStore(dir("copy")).location;
    expect(report.failures[0]!.file).to.equal(`${link}/manifest.json`);
    expect(report.failures[0]!.problem).to.contain(`chain link ${link}`);
    let err: Error | undefined;
    try {
      await runBackup({ client: s.client, instanceId: world.sourceId, store: new DirStore(dir("inc-on-broken")), kinds: E2E_BACKUP_KINDS, since: new DirStore(dir("inc-on-copy")) });
    } catch (e) {
      err = e as Error;
    }
    expect(err?.message).to.contain("does not verify");
    expect(err?.message).to.contain(link);
  });
});
