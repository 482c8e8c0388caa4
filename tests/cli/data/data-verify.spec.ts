import { expect } from "chai";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../../cli/index";
import type { CliIo } from "../../../cli/io";
import { compareChecksums } from "../../../cli/data/s3/object-checksum";
import { SOURCE_BUCKET, snapshot, startS3Pair, VAULT_BUCKET, type S3Pair } from "./s3-pair";

async function run(args: string[], cwd: string) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: process.env, cwd };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const NOW = Date.now();
const at = (secondsAgo: number) => new Date(Math.floor(NOW / 1000 - secondsAgo) * 1000);
const CTR = "contact-trace-records/year=2026/month=01/day=01/hour=10";
const AGENT = "agent-events/year=2026/month=01/day=01/hour=10";

describe("connect-dr data verify (two s3rver Regions)", () => {
  let pair: S3Pair;
  const saved: Record<string, string | undefined> = {};
  const sides = () => ["--source-endpoint-url", pair.east.endpoint, "--source-region", "us-east-1", "--replica-endpoint-url", pair.west.endpoint, "--replica-region", "us-west-2", "--force-path-style", "--no-progress", "--as-of", new Date(Math.floor(NOW / 1000) * 1000).toISOString()];

  before(async function () {
    // The first run loads every command module (discovery); done here so the tests time the command.
    this.timeout(60_000);
    await run(["data", "verify", "--help"], process.cwd());
    for (const k of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE"]) saved[k] = process.env[k];
    process.env.AWS_ACCESS_KEY_ID = "S3RVER";
    process.env.AWS_SECRET_ACCESS_KEY = "S3RVER";
    delete process.env.AWS_PROFILE;
    pair = await startS3Pair();
    // Eight CTR objects and four agent-event objects written two hours ago, one a minute, replicated 30 s later.
    for (let i = 0; i < 8; i++) {
      const key = `${CTR}/ctr-${i}.gz`;
      const written = 7200 - i * 60;
      await pair.put("east", SOURCE_BUCKET, key, `ctr record ${i}`, at(written));
      if (i === 2) continue; // missing: never replicated
      if (i === 3) continue; // replication failed (S3 says so)
      await pair.put("west", VAULT_BUCKET, key, i === 4 ? `ctr recorX ${i}` : `ctr record ${i}`, at(i === 5 ? written - 1800 : written - 30));
    }
    pair.east.features.replicationStatus.set(`${SOURCE_BUCKET}/${CTR}/ctr-2.gz`, "PENDING");
    pair.east.features.replicationStatus.set(`${SOURCE_BUCKET}/${CTR}/ctr-3.gz`, "FAILED");
    for (let i = 0; i < 4; i++) {
      await pair.put("east", SOURCE_BUCKET, `${AGENT}/ev-${i}.gz`, `agent event ${i}`, at(3600));
      await pair.put("west", VAULT_BUCKET, `${AGENT}/ev-${i}.gz`, `agent event ${i}`, at(3590));
    }
    // Written a minute ago: in flight, not missing.
    await pair.put("east", SOURCE_BUCKET, `${CTR}/ctr-new.gz`, "ctr record new", at(60));
  });
  after(async () => {
    await pair.close();
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  });

  it("names the missing, corrupt, late and failed objects, counts the in-flight one and measures the RPO; writes nothing", async () => {
    const before = snapshot(pair.tmp);
    const r = await run(["data", "verify", "--source", `s3://${SOURCE_BUCKET}/`, "--replica", `s3://${VAULT_BUCKET}/`, ...sides(), "--json", "--report", "problems.jsonl"], pair.tmp);
    expect(r.code, r.stderr).to.equal(1);
    const report = JSON.parse(r.stdout);
    expect(report.listed).to.deep.equal([
      { kind: "missing", key: `${CTR}/ctr-2.gz`, detail: "not in the replica, written 7080 s ago (window 900 s; source replication status PENDING)" },
      { kind: "replication-failed", key: `${CTR}/ctr-3.gz`, detail: "S3 reports replication FAILED; not in the replica, written 7020 s ago" },
      { kind: "corrupt", key: `${CTR}/ctr-4.gz`, detail: `SHA-256 ${sha("ctr recorX 4")} in the replica, ${sha("ctr record 4")} in the source` },
      { kind: "late", key: `${CTR}/ctr-5.gz`, detail: "replicated 1800 s after it was written (window 900 s)" },
    ]);
    expect(report.problems).to.deep.equal({ missing: 1, corrupt: 1, late: 1, "replication-failed": 1, extra: 0 });
    expect(report.objects).to.deep.equal({ source: 13, replica: 10, compared: 10, checksumCompared: 0, sha256Compared: 10, inFlight: 1 });
    // Newest source object: a minute ago (in flight); newest replicated: the agent events, an hour ago.
    expect(report.rpo.achievedSeconds).to.equal(3600 - 60);
    expect(report.maxLagSeconds).to.equal(1800);
    expect(readFileSync(join(pair.tmp, "problems.jsonl"), "utf8").trim().split("\n")).to.have.length(4);
    expect(snapshot(pair.tmp).filter((f) => !f.includes("problems.jsonl"))).to.deep.equal(before);
  });

  it("reports an intact prefix as OK with the RPO it achieved (text output)", async () => {
    const r = await run(["data", "verify", "--source", `s3://${SOURCE_BUCKET}/agent-events/`, "--replica", `s3://${VAULT_BUCKET}/agent-events/`, ...sides()], pair.tmp);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.contain(`OK: s3://${SOURCE_BUCKET}/agent-events/ -> s3://${VAULT_BUCKET}/agent-events/`);
    expect(r.stdout).to.contain("objects: 4 source, 4 replica, 4 compared (0 by S3 checksum, 4 by SHA-256), 0 in flight");
    expect(r.stdout).to.contain("RPO achieved: 0 s");
  });

  it("with --no-checksums lists only: presence, size and timing (the same-size corruption goes unseen)", async () => {
    const r = await run(["data", "verify", "--source", `s3://${SOURCE_BUCKET}/contact-trace-records/`, "--replica", `s3://${VAULT_BUCKET}/contact-trace-records/`, ...sides(), "--no-checksums", "--json"], pair.tmp);
    expect(r.code).to.equal(1);
    const report = JSON.parse(r.stdout);
    expect(report.problems).to.deep.equal({ missing: 2, corrupt: 0, late: 1, "replication-failed": 0, extra: 0 });
  });

  const refusals: [string, (p: S3Pair) => void, RegExp][] = [
    ["a source without versioning", (p) => p.east.features.versioned.delete(SOURCE_BUCKET), /source bucket "cc-contact-records" has versioning never enabled: S3 replication requires versioning on both buckets/],
    ["a source without replication to the replica", (p) => p.east.features.replication.delete(SOURCE_BUCKET), /source bucket "cc-contact-records" has no enabled replication rule to "cc-contact-records-vault"/],
  ];
  for (const [what, breakIt, message] of refusals) {
    it(`refuses ${what} with exit 4, naming the bucket and what to do`, async () => {
      const versioned = new Set(pair.east.features.versioned);
      const replication = new Map(pair.east.features.replication);
      breakIt(pair);
      try {
        const r = await run(["data", "verify", "--source", `s3://${SOURCE_BUCKET}/`, "--replica", `s3://${VAULT_BUCKET}/`, ...sides()], pair.tmp);
        expect(r.code).to.equal(4);
        expect(r.stderr).to.match(message);
        expect(r.stderr).to.not.contain("    at ");
      } finally {
        versioned.forEach((b) => pair.east.features.versioned.add(b));
        replication.forEach((d, s) => pair.east.features.replication.set(s, d));
      }
    });
  }

  it("refuses a malformed location with exit 2 naming the flag", async () => {
    const r = await run(["data", "verify", "--source", "https://bucket/x", "--replica", `s3://${VAULT_BUCKET}/`, ...sides()], pair.tmp);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.contain(`error: --source "https://bucket/x": expected s3://<bucket>[/<prefix>]`);
  });
});

describe("S3 additional checksums (pure)", () => {
  const cases: [string, Parameters<typeof compareChecksums>, string][] = [
    ["same SHA-256", [{ checksums: { ChecksumSHA256: "a" } }, { checksums: { ChecksumSHA256: "a" } }], "match"],
    ["different CRC32C", [{ checksums: { ChecksumCRC32C: "a" } }, { checksums: { ChecksumCRC32C: "b" } }], "mismatch"],
    ["no common algorithm", [{ checksums: { ChecksumSHA256: "a" } }, { checksums: { ChecksumCRC32: "a" } }], "unknown"],
    ["composite vs full-object", [{ checksums: { ChecksumCRC32: "a" }, checksumType: "COMPOSITE" }, { checksums: { ChecksumCRC32: "a" }, checksumType: "FULL_OBJECT" }], "unknown"],
  ];
  for (const [what, args, kind] of cases) it(what, () => expect(compareChecksums(...args).kind).to.equal(kind));
});

function sha(s: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("node:crypto") as typeof import("node:crypto")).createHash("sha256").update(s).digest("hex");
}
