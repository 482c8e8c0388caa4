/**
 * CLI entry: `npm run simulator -- --port 4566 [options]`. Prints the endpoint and serves until
 * SIGINT/SIGTERM. Faults and quotas can also be changed later through the admin endpoint.
 *
 * Options:
 *   --port N                 TCP port (default 4566; 0 = any free port)
 *   --host H                 interface (default 127.0.0.1)
 *   --account ID             default account for unmapped access keys (default 111122223333)
 *   --access-key KEY=ACCOUNT map an access key id to an account (repeatable)
 *   --rate R --burst B       default quota per API (default 2 and 5)
 *   --quota OP=R:B           per-operation quota (repeatable)
 *   --no-quotas              disable throttling
 *   --error-rate F           fraction of requests answered InternalServiceException 500
 *   --latency-ms MS          added latency
 *   --drop-rate F            fraction of connections dropped before processing
 *   --lost-response-rate F   fraction of requests processed whose response is then lost
 *   --replication-delay-ms MS  time a replica stays CREATION_IN_PROGRESS (default 0)
 *   --metrics-seed N         seed of the metrics generator (default 42)
 *   --demo                   start with a ready contact centre and print the commands to try
 *   --s3-endpoint URL        S3 endpoint CreatePrompt/UpdatePrompt read audio from (path-style, key S3RVER)
 */
import { parseArgs } from "node:util";
import { demoBanner, seedDemo } from "./demo";
import { startSimulator, type Simulator } from "./server";
import type { RateLimit } from "./quotas";

function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got ${JSON.stringify(value)}`);
  return n;
}

function pairs(name: string, values: string[] | undefined, separator: string): [string, string][] {
  return (values ?? []).map((entry) => {
    const at = entry.indexOf(separator);
    if (at <= 0) throw new Error(`--${name} must look like KEY${separator}VALUE, got ${JSON.stringify(entry)}`);
    return [entry.slice(0, at), entry.slice(at + 1)];
  });
}

/**
 * Starts the simulator from command-line arguments and prints where it listens (with `--demo`, the
 * demo's ids and commands too). Returns the running simulator; the caller stops it.
 */
export async function runSimulatorCli(argv: readonly string[], write: (text: string) => void): Promise<Simulator> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      demo: { type: "boolean", default: false },
      port: { type: "string", default: "4566" },
      host: { type: "string", default: "127.0.0.1" },
      account: { type: "string" },
      "access-key": { type: "string", multiple: true },
      rate: { type: "string" },
      burst: { type: "string" },
      quota: { type: "string", multiple: true },
      "no-quotas": { type: "boolean", default: false },
      "error-rate": { type: "string" },
      "latency-ms": { type: "string" },
      "drop-rate": { type: "string" },
      "lost-response-rate": { type: "string" },
      "replication-delay-ms": { type: "string" },
      "metrics-seed": { type: "string" },
      "s3-endpoint": { type: "string" },
    },
    strict: true,
  });
  const rate = numberOption("rate", values.rate) ?? 2;
  const burst = numberOption("burst", values.burst) ?? 5;
  const perOperation: Record<string, RateLimit> = {};
  for (const [operation, spec] of pairs("quota", values.quota, "=")) {
    const [r, b] = spec.split(":");
    perOperation[operation] = { ratePerSecond: numberOption("quota", r)!, burst: numberOption("quota", b ?? r)! };
  }
  const errorRate = numberOption("error-rate", values["error-rate"]);
  const latencyMs = numberOption("latency-ms", values["latency-ms"]);
  const dropRate = numberOption("drop-rate", values["drop-rate"]);
  const lostResponseRate = numberOption("lost-response-rate", values["lost-response-rate"]);
  const replicationDelayMs = numberOption("replication-delay-ms", values["replication-delay-ms"]);
  const metricsSeed = numberOption("metrics-seed", values["metrics-seed"]);
  const sim = await startSimulator({
    port: numberOption("port", values.port)!,
    host: values.host!,
    ...(values.account ? { defaultAccount: values.account } : {}),
    accounts: Object.fromEntries(pairs("access-key", values["access-key"], "=")),
    quotas: { default: { ratePerSecond: rate, burst }, perOperation, enabled: !values["no-quotas"] },
    faults: {
      ...(errorRate !== undefined ? { errorRate } : {}),
      ...(latencyMs !== undefined ? { latencyMs } : {}),
      ...(dropRate !== undefined ? { dropRate } : {}),
      ...(lostResponseRate !== undefined ? { lostResponseRate } : {}),
    },
    ...(replicationDelayMs !== undefined ? { replicationDelayMs } : {}),
    ...(metricsSeed !== undefined ? { metricsSeed } : {}),
    ...(values["s3-endpoint"] ? { promptS3: { endpoint: values["s3-endpoint"] } } : {}),
  });
  write(`${JSON.stringify({ endpoint: sim.endpoint, port: sim.port, admin: `${sim.endpoint}/__simulator/` })}\n`);
  if (values.demo) {
    try {
      write(demoBanner(await seedDemo(sim)));
    } catch (error) {
      await sim.close();
      throw error;
    }
  }
  return sim;
}

async function main(): Promise<void> {
  const sim = await runSimulatorCli(process.argv.slice(2), (text) => process.stdout.write(text));
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`simulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
