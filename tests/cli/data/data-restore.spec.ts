import { expect } from "chai";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { DeleteObjectCommand, GetObjectCommand } from "@aws-sdk/client-s3";
import { main } from "../../../cli/index";
import type { CliIo } from "../../../cli/io";
import { copyRanges } from "../../../cli/data/s3/restore-window";
import { snapshot, startS3Pair, VAULT_BUCKET, WORK_BUCKET, type S3Pair } from "./s3-pair";

async function run(args: string[], cwd: string) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: process.env, cwd };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const HOUR = 3600 * 1000;
const BASE = Date.UTC(2026, 0, 15, 0, 0, 0);
const KEY = "arn:aws:kms:us-west-2:444455556666:key/0a1b2c3d-0000-4000-8000-000000000001";
const MiB = 1024 * 1024;
const PREFIX = "contact-trace-records/year=2026/month=01/day=15";

describe("connect-dr data restore (s3rver vault -> working bucket)", () => {
  let pair: S3Pair;
  const saved: Record<string, string | undefined> = {};
  const big = Buffer.alloc(7 * MiB, 7);
  big.write("start of a large recording");
  const window = ["--since", new Date(BASE + 10 * HOUR).toISOString(), "--until", new Date(BASE + 16 * HOUR).toISOString()];
  const restore = (...extra: string[]) =>
    run(
      ["data", "restore", "--from", `s3://${VAULT_BUCKET}/`, "--to", `s3://${WORK_BUCKET}/restored/`, ...window, "--from-endpoint-url", pair.west.endpoint, "--to-endpoint-url", pair.west.endpoint,
        "--from-region", "us-west-2", "--to-region", "us-west-2", "--force-path-style", "--no-progress", "--kms-key-id", KEY, "--multipart-threshold", String(6 * MiB), "--part-size", String(5 * MiB), "--json", ...extra],
      pair.tmp,
    );
  const writesToWork = () => pair.west.features.writes.filter((w) => w.target.startsWith(`${WORK_BUCKET}/`));

  before(async function () {
    // The first run loads every command module (discovery); done here so the tests time the command.
    this.timeout(60_000);
    await run(["data", "restore", "--help"], process.cwd());
    for (const k of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE"]) saved[k] = process.env[k];
    process.env.AWS_ACCESS_KEY_ID = "S3RVER";
    process.env.AWS_SECRET_ACCESS_KEY = "S3RVER";
    delete process.env.AWS_PROFILE;
    pair = await startS3Pair();
    // Hours 8..17 of a day: hours 10..15 are in the window.
    for (let h = 8; h < 18; h++) await pair.put("west", VAULT_BUCKET, `${PREFIX}/hour=${h}/ctr-${h}.gz`, `records of hour ${h}`, new Date(BASE + h * HOUR + 60_000));
    await pair.put("west", VAULT_BUCKET, `${PREFIX}/hour=12/large.bin`, big, new Date(BASE + 12 * HOUR + 120_000));
  });
  after(async () => {
    await pair.close();
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  });

  it("--dry-run lists the window's objects and writes nothing", async () => {
    const vault = snapshot(join(pair.west.directory, VAULT_BUCKET));
    const r = await restore("--dry-run");
    expect(r.code, r.stderr).to.equal(0);
    const report = JSON.parse(r.stdout);
    expect(report.outcomes).to.deep.equal({ copied: 0, "multipart-copied": 0, "already-restored": 0, "would-copy": 7, failed: 0 });
    expect(report.listed.map((x: { key: string }) => x.key)).to.deep.equal([10, 11, 12, 13, 14, 15].flatMap((h) => [`${PREFIX}/hour=${h}/ctr-${h}.gz`, ...(h === 12 ? [`${PREFIX}/hour=12/large.bin`] : [])]).sort());
    expect(writesToWork()).to.deep.equal([]);
    expect(snapshot(join(pair.west.directory, VAULT_BUCKET))).to.deep.equal(vault);
  });

  it("copies server-side with the target's KMS key, the large object in parts, and verifies every copy", async () => {
    const vault = snapshot(join(pair.west.directory, VAULT_BUCKET));
    const r = await restore();
    expect(r.code, r.stdout).to.equal(0);
    const report = JSON.parse(r.stdout);
    expect(report.outcomes).to.deep.equal({ copied: 6, "multipart-copied": 1, "already-restored": 0, "would-copy": 0, failed: 0 });
    expect(report.bytes).to.equal(7 * MiB + 6 * "records of hour 10".length);
    const writes = writesToWork();
    // Six CopyObject, and for the large object: CreateMultipartUpload, two UploadPartCopy (5 + 2 MiB), CompleteMultipartUpload.
    const has = (w: { query: string }, q: string) => w.query.split("&").includes(q);
    expect(writes.filter((w) => w.copySource && !has(w, "uploadId")).map((w) => w.kmsKeyId)).to.deep.equal(Array(6).fill(KEY));
    expect(writes.filter((w) => has(w, "uploads")).map((w) => w.kmsKeyId)).to.deep.equal([KEY]);
    expect(writes.filter((w) => has(w, "partNumber")).map((w) => w.copySource)).to.deep.equal(Array(2).fill(`${VAULT_BUCKET}/${PREFIX}/hour=12/large.bin`));
    expect(writes.filter((w) => has(w, "uploadId") && w.method === "POST")).to.have.length(1);
    const copy = await pair.westClient.send(new GetObjectCommand({ Bucket: WORK_BUCKET, Key: `restored/${PREFIX}/hour=12/large.bin` }));
    expect(sha(Buffer.from(await copy.Body!.transformToByteArray()))).to.equal(sha(big));
    expect(snapshot(join(pair.west.directory, VAULT_BUCKET))).to.deep.equal(vault);
  });

  it("is idempotent: a second run copies nothing", async () => {
    const before = writesToWork().length;
    const r = await restore();
    expect(r.code, r.stderr).to.equal(0);
    expect(JSON.parse(r.stdout).outcomes).to.deep.include({ copied: 0, "multipart-copied": 0, "already-restored": 7 });
    expect(writesToWork()).to.have.length(before);
  });

  it("resumes: only what is missing from the target is copied again", async () => {
    for (const h of [11, 14]) await pair.westClient.send(new DeleteObjectCommand({ Bucket: WORK_BUCKET, Key: `restored/${PREFIX}/hour=${h}/ctr-${h}.gz` }));
    const r = await restore();
    expect(JSON.parse(r.stdout).outcomes).to.deep.include({ copied: 2, "already-restored": 5, failed: 0 });
  });

  it("refuses a window with no objects with exit 4, naming the window and what to do", async () => {
    const r = await run(["data", "restore", "--from", `s3://${VAULT_BUCKET}/`, "--to", `s3://${WORK_BUCKET}/x/`, "--since", "2025-01-01T00:00:00Z", "--until", "2025-01-02T00:00:00Z", "--from-endpoint-url", pair.west.endpoint, "--to-endpoint-url", pair.west.endpoint, "--from-region", "us-west-2", "--to-region", "us-west-2", "--force-path-style", "--no-progress"], pair.tmp);
    expect(r.code).to.equal(4);
    expect(r.stderr).to.contain(`error: no object under s3://${VAULT_BUCKET}/ was last modified in the window 2025-01-01T00:00:00.000Z .. 2025-01-02T00:00:00.000Z: nothing to restore.`);
  });

  it("refuses to write where it reads (exit 4) and a window that ends before it starts (exit 2)", async () => {
    const overlap = await run(["data", "restore", "--from", `s3://${VAULT_BUCKET}/`, "--to", `s3://${VAULT_BUCKET}/restored/`, "--from-endpoint-url", pair.west.endpoint, "--to-endpoint-url", pair.west.endpoint, "--from-region", "us-west-2", "--to-region", "us-west-2", "--force-path-style", "--no-progress"], pair.tmp);
    expect(overlap.code).to.equal(4);
    expect(overlap.stderr).to.contain("a restore never writes where it reads");
    const reversed = await run(["data", "restore", "--from", `s3://${VAULT_BUCKET}/`, "--to", `s3://${WORK_BUCKET}/`, "--since", "2026-01-02T00:00:00Z", "--until", "2026-01-01T00:00:00Z"], pair.tmp);
    expect(reversed.code).to.equal(2);
    expect(reversed.stderr).to.contain(`error: --until "2026-01-01T00:00:00Z": expected a time after --since 2026-01-02T00:00:00Z`);
  });

  it("splits a multipart copy into ranges of the part size (pure)", () => {
    expect(copyRanges(12, 5)).to.deep.equal([{ first: 0, last: 4 }, { first: 5, last: 9 }, { first: 10, last: 11 }]);
    expect(copyRanges(10, 5)).to.deep.equal([{ first: 0, last: 4 }, { first: 5, last: 9 }]);
  });
});

function sha(b: Buffer): string {
  return createHash("sha256").update(b).digest("hex");
}
