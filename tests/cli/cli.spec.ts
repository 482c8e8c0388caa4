import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { main, discoverCommands } from "../../cli/index";
import type { CliIo } from "../../cli/io";
import { lineProgress } from "../../cli/progress";
import { send } from "../../cli/operations/connect/send";
import { S3Store } from "../../cli/operations/store/s3-store";
import { startWorld, E2E_MAPPING, DST_KEY, PROMPT_BUCKET, SRC_KEY, type World } from "./operations/e2e/fixture";
import { auditModelTraffic } from "../support/model-audit";

const ROOT = join(__dirname, "../..");

/** s3rver ships no types: the part of its API these tests use. */
interface S3rverServer {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require("s3rver") as new (options: Record<string, unknown>) => S3rverServer;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], cwd = ROOT): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: process.env, cwd };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe("connect-dr CLI", function () {
  this.timeout(30_000);

  describe("help and usage errors (exit 2, no stack trace)", () => {
    it("discovers one command per file", () => {
      const names = discoverCommands().map((c) => c.name);
      expect(names).to.include.members(["backup", "diff", "restore", "verify"]);
      expect(names).to.deep.equal([...names].sort());
    });

    it("--help works for the program and every command", async () => {
      const top = await run(["--help"]);
      expect(top.code).to.equal(0);
      expect(top.stdout).to.include("Exit codes: 0 success, 1 operational failure, 2 usage error, 3 differences found (diff), 4 data not in a state to work on (data).");
      for (const cmd of ["backup", "verify", "restore", "diff"]) {
        const r = await run([cmd, "--help"]);
        expect(r.code, cmd).to.equal(0);
        expect(r.stdout).to.include(`Usage: connect-dr ${cmd}`);
        expect(r.stdout).to.include("--json");
      }
      for (const sub of ["verify", "restore", "check-table"]) {
        const r = await run(["data", sub, "--help"]);
        expect(r.code, sub).to.equal(0);
        expect(r.stdout).to.include(`Usage: connect-dr data ${sub}`);
        expect(r.stdout).to.include("--json");
      }
    });

    const table: { args: string[]; message: string }[] = [
      { args: ["backup", "--instance-id", "nope", "--to", "/tmp/x"], message: 'error: --instance-id "nope": expected an instance id (UUID such as 11111111-2222-3333-4444-555555555555) or an instance ARN' },
      { args: ["backup", "--instance-id", "11111111-2222-3333-4444-555555555555", "--to", "s3://B"], message: 'error: --to: "s3://B" is not a valid S3 location: bucket "B" must be 3-63 characters' },
      { args: ["backup", "--instance-id", "11111111-2222-3333-4444-555555555555", "--to", "/tmp/x", "--kinds", "hours,queus"], message: 'error: --kinds: unknown kind "queus"; allowed: instance,' },
      { args: ["backup", "--instance-id", "11111111-2222-3333-4444-555555555555", "--to", "/tmp/x", "--rate", "0"], message: 'error: --rate "0": expected a number greater than 0' },
      { args: ["backup", "--instance-id", "11111111-2222-3333-4444-555555555555", "--to", "/tmp/x", "--region", "Mars"], message: 'error: --region "Mars": expected an AWS Region code such as us-east-1' },
      { args: ["restore", "--instance-id", "11111111-2222-3333-4444-555555555555"], message: "error: required option '--from <location>' not specified" },
      { args: ["restore", "--from", "/tmp/x", "--instance-id", "11111111-2222-3333-4444-555555555555", "--mapping", "/nonexistent.json"], message: 'error: --mapping "/nonexistent.json": cannot read the file (ENOENT)' },
      { args: ["diff", "/tmp/a"], message: "error: missing required argument 'right'" },
      { args: ["verify", "gs://bucket/x"], message: 'error: <location>: "gs://bucket/x": unsupported scheme; use a directory path or s3://bucket/prefix' },
      { args: ["frobnicate"], message: "error: unknown command 'frobnicate'" },
      { args: ["verify", "/tmp/x", "--bogus"], message: "error: unknown option '--bogus'" },
    ];
    for (const t of table) {
      it(`${t.args.join(" ")} -> exit 2`, async () => {
        const r = await run(t.args);
        expect(r.code).to.equal(2);
        expect(r.stderr).to.include(t.message);
        expect(r.stderr).to.not.match(/^\s+at /m);
      });
    }

    it("the bin entry runs the TypeScript source through tsx (no dist/) and reports its version", () => {
      const r = spawnSync(process.execPath, [join(ROOT, "cli/bin/connect-dr.js"), "--version"], { encoding: "utf8" });
      expect(r.status).to.equal(0);
      expect(r.stdout.trim()).to.equal("0.1.0");
    });
  });

  describe("plain progress lines when stderr is not a TTY", () => {
    it("prints counts and an ETA at most once per interval, and the final time", () => {
      let out = "";
      let now = 0;
      const p = lineProgress({ stdout: { write: () => 0 }, stderr: { write: (s: string) => (out += s) }, env: {}, cwd: "." }, "backup: read", 2000, () => now);
      now = 1000;
      p.update(10, 100);
      now = 1500;
      p.update(20, 100);
      now = 3500;
      p.update(50, 100);
      now = 4000;
      p.update(100, 100);
      p.stop("100 objects");
      expect(out).to.equal("backup: read: 10/100 eta 9s\nbackup: read: 50/100 eta 4s\nbackup: read: 100/100\nbackup: read: 100 objects (4.0s)\n");
    });
  });

  describe("backup -> verify -> restore -> diff through the CLI, with the backup in S3 (s3rver)", () => {
    // Every request the code under test sends must be one AWS's Connect model accepts (and every answer model-shaped).
    auditModelTraffic();
    let world: World;
    let s3: S3rverServer;
    let s3Endpoint: string;
    let tmp: string;
    const saved: Record<string, string | undefined> = {};
    const location = "s3://dr-backups/connect/prod-east";

    before(async () => {
      tmp = mkdtempSync(join(tmpdir(), "connect-dr-cli-"));
      s3 = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: join(tmp, "s3"), configureBuckets: [{ name: "dr-backups", configs: [] }, { name: PROMPT_BUCKET, configs: [] }] });
      const addr = await s3.run();
      s3Endpoint = `http://127.0.0.1:${addr.port}`;
      world = await startWorld();
      // Restore uploads prompt audio with the --s3-* flags: the simulator reads it from this s3rver.
      world.sim.setPromptS3({ endpoint: s3Endpoint });
      // Profiles as an operator has them: the source and target Connect accounts and the backup vault.
      writeFileSync(join(tmp, "credentials"), `[source]\naws_access_key_id = ${SRC_KEY}\naws_secret_access_key = x\n[target]\naws_access_key_id = ${DST_KEY}\naws_secret_access_key = x\n[vault]\naws_access_key_id = S3RVER\naws_secret_access_key = S3RVER\n`);
      writeFileSync(join(tmp, "config"), "[profile source]\nregion = us-east-1\n[profile target]\nregion = us-west-2\n[profile vault]\nregion = us-east-1\n");
      writeFileSync(join(tmp, "mapping.json"), JSON.stringify(E2E_MAPPING));
      for (const k of ["AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE", "AWS_REGION"]) saved[k] = process.env[k];
      process.env.AWS_SHARED_CREDENTIALS_FILE = join(tmp, "credentials");
      process.env.AWS_CONFIG_FILE = join(tmp, "config");
      delete process.env.AWS_ACCESS_KEY_ID;
      delete process.env.AWS_SECRET_ACCESS_KEY;
      delete process.env.AWS_PROFILE;
      delete process.env.AWS_REGION;
    });
    after(async () => {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
      await world?.sim.close();
      await s3?.close();
      rmSync(tmp, { recursive: true, force: true });
    });

    const fast = ["--rate", "500", "--burst", "100", "--no-progress"];
    const s3Flags = () => ["--s3-endpoint-url", s3Endpoint, "--s3-force-path-style", "--s3-profile", "vault"];

    it("backup --json writes to S3 with SSE-KMS and reports counts", async () => {
      const r = await run(["backup", "--instance-id", world.sourceId, "--to", location, "--profile", "source", "--endpoint-url", world.sim.endpoint, "--kms-key-id", "alias/dr-backups", "--kinds", "hours,queues,flows,flowModules,routingProfiles,quickConnects,prompts,lambdaFunctions,lexBots,agentStatuses,securityProfiles,hierarchyStructure,hierarchyGroups,users", "--json", ...fast, ...s3Flags()]);
      expect(r.stderr).to.equal("");
      expect(r.code).to.equal(0);
      const out = JSON.parse(r.stdout);
      expect(out.location).to.equal(location);
      expect(out.source).to.deep.include({ accountId: "111111111111", region: "us-east-1" });
      expect(out.counts.hours).to.equal(4);
      expect(out.api.throttlesSurfaced).to.equal(0);
    });

    it("every object is written with SSE-KMS and the given key (checked on the wire requests)", async () => {
      const client = new S3Client({ endpoint: s3Endpoint, forcePathStyle: true, region: "us-east-1", credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
      const seen: Record<string, string | undefined>[] = [];
      client.middlewareStack.add(
        (next) => async (args) => {
          const h = (args.request as { headers: Record<string, string> }).headers;
          seen.push({ sse: h["x-amz-server-side-encryption"], key: h["x-amz-server-side-encryption-aws-kms-key-id"] });
          return next(args);
        },
        { step: "finalizeRequest", name: "captureSse" },
      );
      const store = new S3Store({ bucket: "dr-backups", prefix: "connect/sse-check", kmsKeyId: "alias/dr-backups", client });
      await store.write("a.json", Buffer.from("{}"));
      await store.write("b/c.json", Buffer.from("[]"));
      expect(seen).to.deep.equal([{ sse: "aws:kms", key: "alias/dr-backups" }, { sse: "aws:kms", key: "alias/dr-backups" }]);
      expect(await store.list()).to.deep.equal(["a.json", "b/c.json"]);
    });

    it("verify passes; after one object changes in S3 it fails with exit 1 naming the file", async () => {
      const ok = await run(["verify", location, "--json", "--no-progress", "--mapping", join(tmp, "mapping.json"), ...s3Flags()]);
      expect(ok.code, ok.stderr).to.equal(0);
      expect(JSON.parse(ok.stdout).failures).to.deep.equal([]);
      const objects = (JSON.parse(ok.stdout) as { counts: Record<string, number> }).counts;
      expect(objects.flows).to.be.greaterThan(5);

      // Tamper with a copy so the real backup stays intact for the restore below.
      const copy = "s3://dr-backups/connect/tampered";
      const client = new S3Client({ endpoint: s3Endpoint, forcePathStyle: true, region: "us-east-1", credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
      const src = new S3Store({ bucket: "dr-backups", prefix: "connect/prod-east", client });
      const dst = new S3Store({ bucket: "dr-backups", prefix: "connect/tampered", client });
      for (const p of await src.list()) await dst.write(p, await src.read(p));
      const victim = (await dst.list()).find((p) => p.startsWith("queues/"))!;
      const body = await dst.read(victim);
      body[10] = body[10] === 0x41 ? 0x42 : 0x41;
      await client.send(new PutObjectCommand({ Bucket: "dr-backups", Key: `connect/tampered/${victim}`, Body: body }));
      const bad = await run(["verify", copy, "--no-progress", ...s3Flags()]);
      expect(bad.code).to.equal(1);
      expect(bad.stdout).to.include(`FAILED: ${copy}: 1 problems`);
      expect(bad.stdout).to.include(`  ${victim} [queues "`);
      expect(bad.stdout).to.match(/SHA-256 [0-9a-f]{64} does not match/);
    });

    it("restore --dry-run prints the plan and writes nothing; restore applies; diff exits 0, then 3 after a change", async () => {
      const target = ["--instance-id", world.targetId, "--profile", "target", "--endpoint-url", world.sim.endpoint, "--mapping", join(tmp, "mapping.json"), "--journal", join(tmp, "journal.jsonl")];
      world.resetCounters();
      const dry = await run(["restore", "--from", location, ...target, "--dry-run", ...fast, ...s3Flags()]);
      expect(dry.code, dry.stderr).to.equal(0);
      expect(dry.stdout).to.match(/Plan: restore .* into .*\(222222222222, us-west-2\)/);
      expect(dry.stdout).to.include("create    flows/Main (stub first; second pass resolves 1 references)");
      expect(dry.stdout).to.include("Dry run: nothing was written.");
      expect(world.writes()).to.equal(0);

      const applied = await run(["restore", "--from", location, ...target, "--json", ...fast, ...s3Flags()]);
      expect(applied.code, applied.stderr + applied.stdout).to.equal(0);
      const out = JSON.parse(applied.stdout);
      expect(out.failed).to.equal(0);
      expect(out.created).to.be.greaterThan(10);
      expect(out.writes).to.equal(world.writes());

      const again = await run(["restore", "--from", location, ...target, "--json", ...fast, ...s3Flags()]);
      expect(JSON.parse(again.stdout).writes).to.equal(0);

      const kinds = ["--kinds", "hours,queues,flows,flowModules,routingProfiles,quickConnects,prompts,lambdaFunctions,lexBots,agentStatuses"];
      const instances = ["--left-profile", "source", "--right-profile", "target", "--endpoint-url", world.sim.endpoint, "--mapping", join(tmp, "mapping.json"), ...kinds, ...fast];
      const same = await run(["diff", world.sourceId, world.targetId, ...instances]);
      expect(same.code, same.stdout + same.stderr).to.equal(0);
      expect(same.stdout).to.equal("No differences.\n");
      const vsBackup = await run(["diff", location, world.targetId, ...instances, ...s3Flags()]);
      expect(vsBackup.code, vsBackup.stdout).to.equal(0);

      const t = await world.session("target");
      const q = (await send(t.client, "ListQueues", { InstanceId: world.targetId, QueueTypes: ["STANDARD"] })).QueueSummaryList as { Id: string; Name: string }[];
      await send(t.client, "UpdateQueueMaxContacts", { InstanceId: world.targetId, QueueId: q.find((x) => x.Name === "Sales")!.Id, MaxContacts: 7 });
      const changed = await run(["diff", world.sourceId, world.targetId, ...instances, "--json"]);
      expect(changed.code).to.equal(3);
      const d = JSON.parse(changed.stdout);
      expect(d.equal).to.equal(false);
      expect(d.kinds).to.deep.equal([{ kind: "queues", onlyLeft: [], onlyRight: [], changed: [{ name: "Sales", differences: [{ path: "$.MaxContacts", right: 7, change: "added" }] }] }]);
    });
  });
});
