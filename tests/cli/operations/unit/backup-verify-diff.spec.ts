import { expect } from "chai";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildManifest, objectPath, objectsDigest, sha256 } from "../../../../cli/operations/backup/manifest";
import { writeBackup, readManifest } from "../../../../cli/operations/backup/backup-io";
import { DirStore } from "../../../../cli/operations/store/dir-store";
import { parseStoreLocation } from "../../../../cli/operations/store/open-store";
import { verifyBackup } from "../../../../cli/operations/verify/verify-backup";
import { checkReferences } from "../../../../cli/operations/verify/reference-check";
import { structuralDiff } from "../../../../cli/operations/diff/structural-diff";
import { compareSnapshots } from "../../../../cli/operations/diff/compare-snapshots";
import { parseKinds } from "../../../../cli/operations/model/kinds";
import { validateRecord } from "../../../../cli/operations/model/schemas";
import { stripSecrets } from "../../../../cli/operations/backup/read-instance";
import type { Snapshot } from "../../../../cli/operations/model/snapshot";

const SRC = { accountId: "111111111111", region: "us-east-1", instanceId: "aaaaaaaa-0000-0000-0000-000000000000", instanceArn: "arn:aws:connect:us-east-1:111111111111:instance/aaaaaaaa-0000-0000-0000-000000000000" };
const DST = { accountId: "222222222222", region: "us-west-2", instanceId: "bbbbbbbb-0000-0000-0000-000000000000", instanceArn: "arn:aws:connect:us-west-2:222222222222:instance/bbbbbbbb-0000-0000-0000-000000000000" };
const H = "aaaaaaaa-0000-0000-0000-000000000001";
const Q = "aaaaaaaa-0000-0000-0000-000000000002";
const F = "aaaaaaaa-0000-0000-0000-000000000003";
const HOURS = { TimeZone: "UTC", Config: [{ Day: "MONDAY", StartTime: { Hours: 9, Minutes: 0 }, EndTime: { Hours: 17, Minutes: 0 } }] };

function sample(source = SRC, ids = { H, Q, F }): Snapshot {
  const content = JSON.stringify({ Version: "2019-10-30", StartAction: "a", Actions: [{ Identifier: "a", Type: "UpdateContactTargetQueue", Parameters: { QueueId: `${source.instanceArn}/queue/${ids.Q}` }, Transitions: {} }] });
  return {
    source,
    kinds: ["hours", "queues", "flows"],
    resources: {
      hours: [{ kind: "hours", id: ids.H, name: "Office", data: { Name: "Office", HoursOfOperationId: ids.H, ...HOURS } }],
      queues: [{ kind: "queues", id: ids.Q, name: "Sales", data: { Name: "Sales", QueueId: ids.Q, HoursOfOperationId: ids.H, Status: "ENABLED" } }],
      flows: [{ kind: "flows", id: ids.F, name: "Main", data: { Name: "Main", Id: ids.F, Type: "CONTACT_FLOW", Content: content } }],
    },
  };
}

describe("manifest (pure)", () => {
  it("object paths are stable and safe for ARNs", () => {
    expect(objectPath("queues", Q)).to.equal(`queues/${Q}.json`);
    const p = objectPath("lambdaFunctions", "arn:aws:lambda:us-east-1:1:function:fn");
    expect(p).to.match(/^lambdaFunctions\/arn_aws_lambda_us-east-1_1_function_fn-[0-9a-f]{12}\.json$/);
  });
  it("digest is order-independent and changes with any byte", () => {
    const a = { path: "a", kind: "hours" as const, id: "1", name: "x", sha256: sha256("1"), size: 1 };
    const b = { path: "b", kind: "hours" as const, id: "2", name: "y", sha256: sha256("2"), size: 1 };
    expect(objectsDigest([a, b])).to.equal(objectsDigest([b, a]));
    expect(objectsDigest([a, { ...b, size: 2 }])).to.not.equal(objectsDigest([a, b]));
    const m = buildManifest({ tool: { name: "t", version: "1" }, createdAt: "now", source: SRC, kinds: ["hours", "queues"], objects: [b, a] });
    expect(m.counts).to.deep.equal({ hours: 2, queues: 0 });
    expect(m.objects.map((o) => o.path)).to.deep.equal(["a", "b"]);
  });
});

describe("record shapes and secrets", () => {
  it("names the field that breaks a kind's shape", () => {
    expect(validateRecord("hours", { kind: "hours", id: "1", name: "n", data: { Name: "n", Config: [] } })).to.deep.equal(["data.TimeZone: Invalid input: expected string, received undefined"]);
    expect(validateRecord("flows", { kind: "flows", id: "1", name: "n", data: { Name: "n", Id: "1", Type: "CONTACT_FLOW", Content: "{oops" } })).to.deep.equal(["data.Content: Content must be a JSON document"]);
    expect(validateRecord("queues", { kind: "hours", id: "1", name: "n", data: {} })).to.deep.equal(['kind: expected "queues", found "hours"']);
  });
  it("never keeps passwords", () => {
    expect(stripSecrets({ Username: "u", Password: "p", IdentityInfo: { Password: "x", Email: "e" } })).to.deep.equal({ Username: "u", IdentityInfo: { Email: "e" } });
  });
});

describe("backup write + verify (directory store)", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "connect-dr-verify-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("a fresh backup verifies; one changed byte fails naming the file", async () => {
    const store = new DirStore(dir);
    await writeBackup(store, sample());
    expect((await verifyBackup(store)).failures).to.deep.equal([]);
    const file = join(dir, `queues/${Q}.json`);
    const bytes = readFileSync(file);
    bytes[bytes.indexOf("Sales")] = "s".charCodeAt(0);
    writeFileSync(file, bytes);
    const r = await verifyBackup(store);
    expect(r.ok).to.equal(false);
    expect(r.failures).to.have.length(1);
    expect(r.failures[0]!.file).to.equal(`queues/${Q}.json`);
    expect(r.failures[0]!.problem).to.match(/^SHA-256 [0-9a-f]{64} does not match the manifest's [0-9a-f]{64}$/);
  });

  it("missing manifest, missing object, extra object and edited manifest are each named", async () => {
    const store = new DirStore(dir);
    // An empty (or absent) folder is no backup at all; files without a manifest are an interrupted one.
    expect((await verifyBackup(store)).failures).to.deep.equal([{ file: "manifest.json", problem: `no backup: ${store.location} is an empty folder` }]);
    expect((await verifyBackup(new DirStore(join(dir, "absent")))).failures).to.deep.equal([{ file: "manifest.json", problem: `no backup: ${join(store.location, "absent")} does not exist` }]);
    writeFileSync(join(dir, "partial.json"), "{}");
    expect((await verifyBackup(store)).failures).to.deep.equal([{ file: "manifest.json", problem: "manifest.json is missing (an incomplete or interrupted backup?)" }]);
    rmSync(join(dir, "partial.json"));
    await writeBackup(store, sample());
    rmSync(join(dir, `hours/${H}.json`));
    writeFileSync(join(dir, "queues/extra.json"), "{}");
    const m = await readManifest(store);
    m.counts.flows = 7;
    writeFileSync(join(dir, "manifest.json"), JSON.stringify(m));
    const r = await verifyBackup(store);
    expect(r.failures.map((f) => `${f.file}: ${f.problem}`)).to.deep.equal([
      `hours/${H}.json: object is missing`,
      "manifest.json: counts.flows is 7 but 1 objects are listed",
      "queues/extra.json: object is not listed in manifest.json",
    ]);
  });

  it("referential integrity names the resource and the reference", () => {
    const base = sample();
    const s: Snapshot = { ...base, kinds: [...base.kinds, "lambdaFunctions"], resources: { ...base.resources, lambdaFunctions: [] } };
    (s.resources.queues![0]!.data as Record<string, unknown>).HoursOfOperationId = "aaaaaaaa-0000-0000-0000-00000000dead";
    (s.resources.flows![0]!.data as Record<string, unknown>).Content = JSON.stringify({ a: "arn:aws:lambda:us-east-1:111111111111:function:missing", b: `${SRC.instanceArn}/prompt/aaaaaaaa-0000-0000-0000-00000000beef` });
    const r = checkReferences(s, { lambda: [] });
    expect(r.problems.map((p) => `${p.kind} ${p.name} -> ${p.reference}: ${p.problem}`)).to.deep.equal([
      "queues Sales -> aaaaaaaa-0000-0000-0000-00000000dead: HoursOfOperationId points to a hours resource that is not in the backup",
      "flows Main -> arn:aws:lambda:us-east-1:111111111111:function:missing: Lambda function is neither associated with the instance nor declared in the mapping file",
    ]);
    expect(r.warnings.map((w) => w.problem)).to.deep.equal(['points to a prompts resource that is not in the backup (kind "prompts" was not exported)']);
    expect(checkReferences(s, { lambda: ["missing"] }).problems).to.have.length(1);
  });
});

describe("structural diff (pure)", () => {
  const table: { name: string; a: unknown; b: unknown; paths: string[] }[] = [
    { name: "equal", a: { x: [1, { y: 2 }] }, b: { x: [1, { y: 2 }] }, paths: [] },
    { name: "changed leaf", a: { x: 1 }, b: { x: 2 }, paths: ["$.x"] },
    { name: "added/removed keys", a: { x: 1 }, b: { y: 1 }, paths: ["$.x", "$.y"] },
    { name: "array length", a: [1], b: [1, 2], paths: ["$[1]"] },
    { name: "JSON inside strings compares structurally", a: { c: '{"a":1,"b":2}' }, b: { c: '{"b":2,"a":3}' }, paths: ["$.c.a"] },
  ];
  for (const t of table) it(t.name, () => expect(structuralDiff(t.a, t.b).map((d) => d.path)).to.deep.equal(t.paths));

  it("two instances compare by name after remapping ids, Region, account and instance", () => {
    const left = sample();
    const right = sample(DST, { H: "bbbbbbbb-0000-0000-0000-000000000011", Q: "bbbbbbbb-0000-0000-0000-000000000012", F: "bbbbbbbb-0000-0000-0000-000000000013" });
    expect(compareSnapshots(left, right, ["hours", "queues", "flows"]).equal).to.equal(true);
    (right.resources.queues![0]!.data as Record<string, unknown>).Status = "DISABLED";
    right.resources.hours!.push({ kind: "hours", id: "x", name: "Extra", data: { Name: "Extra", ...HOURS } });
    const d = compareSnapshots(left, right, ["hours", "queues", "flows", "users"]);
    expect(d.equal).to.equal(false);
    expect(d.notCompared).to.deep.equal(["users"]);
    expect(d.kinds.map((k) => [k.kind, k.onlyLeft, k.onlyRight, k.changed.map((c) => `${c.name}:${c.differences.map((x) => x.path).join(",")}`)])).to.deep.equal([
      ["hours", [], ["Extra"], []],
      ["queues", [], [], ["Sales:$.Status"]],
    ]);
  });
});

describe("argument parsing (pure)", () => {
  it("kinds and store locations", () => {
    expect(parseKinds("hours, queues,hours")).to.deep.equal(["hours", "queues"]);
    expect(() => parseKinds("hours,queus")).to.throw('unknown kind "queus"; allowed: instance,');
    expect(parseStoreLocation("s3://my-bucket/a/b/")).to.deep.equal({ type: "s3", bucket: "my-bucket", prefix: "a/b" });
    expect(parseStoreLocation("./x")).to.deep.equal({ type: "dir", path: "./x" });
    expect(() => parseStoreLocation("s3://B")).to.throw('"s3://B" is not a valid S3 location');
    expect(() => parseStoreLocation("gs://b/x")).to.throw("unsupported scheme");
  });
});
