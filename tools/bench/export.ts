/**
 * Benchmark: `connect-dr export` of the full bench instance (tools/bench/bench-instance.ts: 300 flows, 100
 * queues, 50 routing profiles, 20 hours, 50 quick connects) from a verified backup: wall time per
 * format, resources, deferred writes, bytes, and whether a second export is byte-identical.
 * CloudFormation refuses this size (over 500 resources per template); the result says so.
 *
 * Prints progress lines, then ONE JSON object as the last line. Run: npm run bench:export
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator } from "../simulator";
import { openSession } from "../../cli/operations/connect/session";
import { uniformQuotas } from "../../cli/operations/rate/quotas";
import { runBackup } from "../../cli/operations/backup/run-backup";
import { DirStore } from "../../cli/operations/store/dir-store";
import { verifyBackup } from "../../cli/operations/verify/verify-backup";
import { renderExport } from "../../cli/operations/export/render-files";
import type { ExportFormat } from "../../cli/operations/export/format-support";
import type { Kind } from "../../cli/operations/model/kinds";
import { BENCH_SIZE, buildBenchInstance } from "./bench-instance";

const KEY = "AKIABENCHEXPORT00001";
const ACCOUNT = "111111111111";
const KINDS: Kind[] = ["instance", "lambdaFunctions", "hours", "prompts", "queues", "flows", "flowModules", "routingProfiles", "quickConnects", "agentStatuses"];
const log = (s: string) => process.stderr.write(`${s}\n`);

async function main(): Promise<void> {
  const sim = await startSimulator({ accounts: { [KEY]: ACCOUNT }, quotas: { default: { ratePerSecond: 100_000, burst: 100_000 } } });
  const dir = mkdtempSync(join(tmpdir(), "connect-dr-bench-export-"));
  try {
    const { src } = await buildBenchInstance({ seed: (s) => sim.seed(s), endpoint: sim.endpoint, accessKeyId: KEY, account: ACCOUNT });
    const session = await openSession({ region: "us-east-1", endpoint: sim.endpoint, credentials: { accessKeyId: KEY, secretAccessKey: "x" }, quotas: uniformQuotas(100_000, 100_000) });
    await runBackup({ client: session.client, instanceId: src.instanceId, store: new DirStore(dir), kinds: KINDS });
    const report = await verifyBackup(new DirStore(dir));
    if (!report.snapshot) throw new Error(`bench backup failed verify: ${JSON.stringify(report.failures.slice(0, 3))}`);
    log(`backup of ${report.objects} objects verified`);
    const result: Record<string, unknown> = { size: BENCH_SIZE };
    for (const [format, skip] of [["cloudformation", []], ["terraform", ["prompts"]]] as [ExportFormat, Kind[]][]) {
      const t0 = process.hrtime.bigint();
      try {
        const out = renderExport(report.snapshot, format, { skip });
        const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
        const again = renderExport(report.snapshot, format, { skip });
        result[format] = {
          seconds, resources: out.model.resources.length, deferredWrites: out.model.deferred.length, parameters: out.model.parameters.length,
          bytes: Object.fromEntries(out.files.map((f) => [f.name, Buffer.byteLength(f.text)])), identical: JSON.stringify(again.files) === JSON.stringify(out.files),
        };
      } catch (err) {
        result[format] = { refused: (err as Error).message };
      }
      log(`${format}: ${JSON.stringify(result[format]).slice(0, 200)}`);
    }
    console.log(JSON.stringify(result));
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exitCode = 1;
});
