/**
 * `npm run bench:gate`: how the credential-free gate scales. For each size, generates a compliant
 * program of about that many resources (a CMK per queue, spread over the two DR Regions), then times
 * (1) the bare mock synthesis (same worker process the gate uses) and (2) the full gate (synthesis +
 * the real policy pack over gRPC, resource and stack analysis). Also times the two committed stacks.
 * Prints one JSON object as the LAST line.
 *
 *   npm run bench:gate -- [--sizes 100,1000,5000] [--skip-committed]
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { runGate } from "../gate/run-gate";
import { synthesizeStacks } from "../gate/synthesize-stacks";
import { readStackFileConfig } from "../../program/config/stack-file";

const REPOSITORY = path.resolve(__dirname, "../..");
const WORK = path.join(REPOSITORY, ".connect-dr", "bench-gate");

function parseSizes(argv: string[]): number[] {
  const i = argv.indexOf("--sizes");
  const raw = i >= 0 ? argv[i + 1] : "100,1000,5000";
  const sizes = (raw ?? "").split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 10)) {
    console.error(`bench:gate: invalid '--sizes' = ${JSON.stringify(raw)}; comma-separated integers of at least 10 are allowed`);
    process.exit(2);
  }
  return sizes;
}

/** Writes a project whose program declares `size` resources (4 per queue pair + 2 providers). */
function writeProject(size: number): string {
  const dir = path.join(WORK, String(size));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: connect-dr\nruntime: nodejs\n");
  fs.writeFileSync(
    path.join(dir, "Pulumi.bench.yaml"),
    `config:\n  connect-dr:primaryRegion: us-east-1\n  connect-dr:secondaryRegion: us-west-2\n  connect-dr:complianceFrameworks: [pci]\n  connect-dr:queues: ${Math.max(1, Math.floor((size - 2) / 2))}\n`,
  );
  fs.writeFileSync(
    path.join(dir, "index.ts"),
    `import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
const config = new pulumi.Config("connect-dr");
const regions = [config.require("primaryRegion"), config.require("secondaryRegion")];
const providers = regions.map((region) => new aws.Provider("workload-" + region, { region, assumeRoles: [{ roleArn: "arn:aws:iam::111122223333:role/ConnectDrDeployer" }] }));
const count = config.requireNumber("queues");
for (let i = 0; i < count; i++) {
  const provider = providers[i % 2];
  const key = new aws.kms.Key("queue-key-" + i, { enableKeyRotation: true, deletionWindowInDays: 30 }, { provider });
  new aws.sqs.Queue("queue-" + i, { kmsMasterKeyId: key.arn, messageRetentionSeconds: 345600 }, { provider });
}
export const queues = count;
`,
  );
  return dir;
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const began = process.hrtime.bigint();
  const value = await fn();
  return [value, Number(process.hrtime.bigint() - began) / 1e6];
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const sizes = parseSizes(argv);
  const results: Array<{ size: number; resources: number; bareMs: number; gateMs: number; ratio: number; violations: number }> = [];
  for (const size of sizes) {
    const dir = writeProject(size);
    const config = readStackFileConfig("bench", dir);
    const [bare, bareMs] = await time(() => synthesizeStacks({ project: "connect-dr", program: path.join(dir, "index.ts"), projectDir: dir, jobs: [{ stack: "bench", config }] }));
    const [report, gateMs] = await time(() => runGate({ projectDir: dir, stacks: ["bench"] }));
    const row = { size, resources: bare[0].resources.length, bareMs: Math.round(bareMs), gateMs: Math.round(gateMs), ratio: Number((gateMs / bareMs).toFixed(2)), violations: report.summary.violations };
    results.push(row);
    console.log(`size ${size}: ${row.resources} resources, bare mock ${row.bareMs} ms, gate ${row.gateMs} ms, ratio ${row.ratio}`);
  }
  let committed: { stacks: string[]; gateMs: number; passed: boolean } | undefined;
  if (!argv.includes("--skip-committed")) {
    const [report, gateMs] = await time(() => runGate({ projectDir: REPOSITORY, stacks: ["primary", "secondary"] }));
    committed = { stacks: ["primary", "secondary"], gateMs: Math.round(gateMs), passed: report.summary.passed };
    console.log(`committed stacks: gate ${committed.gateMs} ms, ${report.summary.passed ? "passed" : "failed"}`);
  }
  // Linearity: marginal ms per added resource between consecutive sizes (roughly constant = linear;
  // the fixed costs, worker and pack start-up, drop out of the differences).
  const marginal = results.slice(1).map((r, i) => {
    const prev = results[i];
    const added = r.resources - prev.resources;
    return { from: prev.size, to: r.size, bareMsPerResource: Number(((r.bareMs - prev.bareMs) / added).toFixed(2)), gateMsPerResource: Number(((r.gateMs - prev.gateMs) / added).toFixed(2)) };
  });
  console.log(
    JSON.stringify({
      benchmark: "gate",
      cpus: require("node:os").cpus().length,
      loadAverage: require("node:os").loadavg().map((n: number) => Number(n.toFixed(2))),
      sizes: results,
      committed,
      marginal,
    }),
  );
}

main().catch((error) => {
  console.error(`bench:gate: ${(error as Error).message}`);
  process.exit(1);
});
