import { expect } from "chai";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startWorld, E2E_BACKUP_KINDS, E2E_DIFF_KINDS, E2E_MAPPING, DST_ACCOUNT, DST_KEY, DST_REGION, SRC_KEY, SRC_REGION, type World } from "./fixture";
import { onModelVerdict } from "../../../../tools/simulator/model/verdicts";
import { isWriteApi } from "../../../../cli/operations/connect/connect-client";
import { startThrottleProxy } from "./throttle-proxy";
import { openSession } from "../../../../cli/operations/connect/session";
import { uniformQuotas } from "../../../../cli/operations/rate/quotas";
import { runBackup } from "../../../../cli/operations/backup/run-backup";
import { readInstance } from "../../../../cli/operations/backup/read-instance";
import { DirStore } from "../../../../cli/operations/store/dir-store";
import { restoreFromBackup } from "../../../../cli/operations/restore/restore-from-backup";
import { readJournal } from "../../../../cli/operations/restore/journal";
import { compareSnapshots } from "../../../../cli/operations/diff/compare-snapshots";
import { recordsOf, type Snapshot } from "../../../../cli/operations/model/snapshot";
import { writeFileSync } from "node:fs";
import { auditModelTraffic } from "../../../support/model-audit";

const ROOT = join(__dirname, "../../../..");

async function diffSourceTarget(world: World) {
  const [s, t] = await Promise.all([world.session("source"), world.session("target")]);
  const [left, right] = await Promise.all([readInstance(s.client, world.sourceId, { kinds: E2E_DIFF_KINDS }), readInstance(t.client, world.targetId, { kinds: E2E_DIFF_KINDS })]);
  return { diff: compareSnapshots(left, right, E2E_DIFF_KINDS, E2E_MAPPING), right };
}

function duplicateNames(s: Snapshot): string[] {
  const dups: string[] = [];
  for (const kind of s.kinds) {
    const seen = new Set<string>();
    for (const r of recordsOf(s, kind)) {
      if (seen.has(r.name)) dups.push(`${kind}/${r.name}`);
      seen.add(r.name);
    }
  }
  return dups;
}

describe("reliability: throttling, 5xx, dropped connections, SIGKILL", function () {
  // Every request the code under test sends must be one AWS's Connect model accepts (and every answer model-shaped).
  auditModelTraffic();
  this.timeout(40_000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), "connect-dr-rel-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("with 20% throttles, 20% 5xx, 2% dropped connections and 5% lost responses, backup and restore complete and match; a second run writes nothing", async () => {
    const world = await startWorld();
    const proxy = await startThrottleProxy(world.sim.endpoint, 0.2);
    try {
      // Lost responses: the call is applied, the answer never arrives (the SDK retries it).
      world.sim.setFaults({ errorRate: 0.2, dropRate: 0.02, lostResponseRate: 0.05 });
      world.sim.counters();
      const via = (side: "source" | "target") =>
        openSession({
          region: side === "source" ? SRC_REGION : DST_REGION,
          endpoint: proxy.endpoint,
          credentials: { accessKeyId: side === "source" ? SRC_KEY : DST_KEY, secretAccessKey: "secret" },
          quotas: uniformQuotas(200, 20),
          // The SDK's adaptive algorithm with short delays, so 20% throttling finishes in seconds.
          retryTuning: { baseDelayMs: 5, throttleDelayMs: 20, minFillRate: 200, minCapacity: 20 },
        });
      const s = await via("source");
      const { manifest } = await runBackup({ client: s.client, instanceId: world.sourceId, store: new DirStore(join(dir, "faulty")), kinds: E2E_BACKUP_KINDS });
      expect(manifest.objects.length).to.be.greaterThan(40);
      const t = await via("target");
      const o = await restoreFromBackup({ client: t.client, store: new DirStore(join(dir, "faulty")), targetInstanceId: world.targetId, mapping: E2E_MAPPING, promptS3: world.s3 });
      expect(o.status).to.equal("applied");
      if (o.status === "applied") {
        expect(o.result.results.filter((r) => r.error)).to.deep.equal([]);
        expect(o.plan.nodes.filter((n) => n.op === "blocked")).to.deep.equal([]);
      }
      const c = world.sim.counters();
      const { requests, throttled } = proxy.stats();
      const errors = Object.values(c).reduce((n, x) => n + x.serverErrors + x.dropped, 0);
      console.log(`      ${requests} requests: ${throttled} throttled (${((100 * throttled) / requests).toFixed(0)}%), ${errors} 5xx/dropped by the simulator; retried by the SDK: ${s.counters.throttlesRetried + t.counters.throttlesRetried} throttles, ${s.counters.otherAttemptErrors + t.counters.otherAttemptErrors} other`);
      expect(throttled / requests).to.be.within(0.12, 0.28);
      expect(errors).to.be.greaterThan(0);
      expect(s.counters.throttlesSurfaced + t.counters.throttlesSurfaced).to.equal(0);
      world.sim.setFaults({});
      const { diff, right } = await diffSourceTarget(world);
      expect(diff.kinds).to.deep.equal([]);
      expect(duplicateNames(right)).to.deep.equal([]);
      world.resetCounters();
      const again = await restoreFromBackup({ client: t.client, store: new DirStore(join(dir, "faulty")), targetInstanceId: world.targetId, mapping: E2E_MAPPING, promptS3: world.s3 });
      expect(again.status === "applied" && again.result.writes).to.equal(0);
      expect(world.writes()).to.equal(0);
    } finally {
      await proxy.close();
      await world.sim.close();
    }
  });

  it("a restore killed with SIGKILL at a random point, then re-run, ends with diff empty and no duplicates", async () => {
    const world = await startWorld();
    try {
      const backupDir = join(dir, "kill");
      const s = await world.session("source");
      await runBackup({ client: s.client, instanceId: world.sourceId, store: new DirStore(backupDir), kinds: E2E_BACKUP_KINDS });
      // The child has no S3 for prompt audio (its prompt waits for the in-process re-run).
      const mappingFile = join(dir, "mapping.json");
      writeFileSync(mappingFile, JSON.stringify({ ...E2E_MAPPING, prompts: undefined }));
      const journal = join(dir, "kill-journal.jsonl");
      // The kill point is random in progress, never in time: the simulator counts the writes the
      // child sends and the child is killed as the Nth one is answered (no deadline to miss on a
      // loaded machine; mocha's timeout is the only clock).
      const killAfter = 1 + Math.floor(Math.random() * 30);
      let seen = 0;
      let child: ReturnType<typeof spawn> | undefined;
      const killed = new Promise<void>((resolve) => {
        const stop = onModelVerdict((v) => {
          if (v.account !== DST_ACCOUNT || !isWriteApi(v.operation)) return;
          if (++seen === killAfter) {
            child?.kill("SIGKILL");
            stop();
            resolve();
          }
        });
      });
      child = spawn(
        process.execPath,
        [join(ROOT, "cli/bin/connect-dr.js"), "restore", "--from", backupDir, "--instance-id", world.targetId, "--region", DST_REGION, "--endpoint-url", world.sim.endpoint, "--rate", "50", "--burst", "1", "--mapping", mappingFile, "--journal", journal],
        { env: { ...process.env, AWS_ACCESS_KEY_ID: DST_KEY, AWS_SECRET_ACCESS_KEY: "secret", AWS_REGION: DST_REGION }, stdio: ["ignore", "pipe", "pipe"] },
      );
      let stderr = "";
      child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child!.on("exit", (code, signal) => resolve({ code, signal })));
      const first = await Promise.race([killed.then(() => "killed" as const), exited.then(() => "exited" as const)]);
      expect(first, `the child finished before its ${killAfter}th write: ${stderr}`).to.equal("killed");
      const { signal } = await exited;
      expect(signal).to.equal("SIGKILL");
      const before = readJournal(journal);
      const killedAt = world.writes();
      console.log(`      killed at write ${killAfter} (${killedAt} reached the simulator): ${before.created.size} creates journalled`);
      expect(before.complete).to.equal(false);

      const t = await world.session("target");
      const o = await restoreFromBackup({ client: t.client, store: new DirStore(backupDir), targetInstanceId: world.targetId, mapping: E2E_MAPPING, journalPath: journal, promptS3: world.s3 });
      expect(o.status).to.equal("applied");
      if (o.status !== "applied") return;
      expect(o.resumed?.runs).to.equal(1);
      expect(o.result.results.filter((r) => r.error)).to.deep.equal([]);
      console.log(`      the re-run made ${world.writes() - killedAt} more writes`);
      expect(readJournal(journal).complete).to.equal(true);
      const { diff, right } = await diffSourceTarget(world);
      expect(diff.kinds).to.deep.equal([]);
      expect(duplicateNames(right)).to.deep.equal([]);
      expect(existsSync(journal)).to.equal(true);
      readFileSync(journal, "utf8");
    } finally {
      await world.sim.close();
    }
  });
});
