import { createWriteStream } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { checkReplicatedPair } from "../data/s3/replication-preflight";
import { verifyReplica, type VerifyReplicaReport } from "../data/s3/verify-replica";
import type { CliContext } from "../command-module";
import { emit } from "../connect-options";
import { addSideOptions, instantFlag, s3ClientFor, s3LocationFlag, sideFlags, wholeFlag } from "../data-options";
import { EXIT } from "../exit-codes";
import { progressFactory } from "../progress";

interface VerifyFlags extends Record<string, unknown> {
  source?: string;
  replica?: string;
  forcePathStyle?: boolean;
  window?: string;
  checksums?: boolean;
  concurrency?: string;
  maxListed?: string;
  report?: string;
  asOf?: string;
  json?: boolean;
  progress?: boolean;
}

function human(r: VerifyReplicaReport): string {
  const lines = [
    `${r.ok ? "OK" : "FAILED"}: ${r.source} -> ${r.replica}`,
    `  objects: ${r.objects.source} source, ${r.objects.replica} replica, ${r.objects.compared} compared (${r.objects.checksumCompared} by S3 checksum, ${r.objects.sha256Compared} by SHA-256), ${r.objects.inFlight} in flight`,
    `  problems: ${r.problems.missing} missing, ${r.problems.corrupt} corrupt, ${r.problems.late} late, ${r.problems["replication-failed"]} replication failed, ${r.problems.extra} extra in the replica`,
    `  RPO achieved: ${r.rpo.achievedSeconds === null ? "nothing replicated" : `${r.rpo.achievedSeconds} s`} (newest source ${r.rpo.newestSource ?? "-"}, newest replicated ${r.rpo.newestReplicated ?? "-"}); largest lag ${r.maxLagSeconds} s; window ${r.windowSeconds} s`,
    ...r.listed.map((p) => `  ${p.kind}: ${p.key}: ${p.detail}`),
    ...(r.truncated ? [`  ... more problems than listed (raise --max-listed or use --report <file>)`] : []),
  ];
  return `${lines.join("\n")}\n`;
}

/** `connect-dr data verify`. */
export function registerVerify(data: Command, ctx: CliContext): void {
  const cmd = data
    .command("verify")
    .summary("check a replica against its source: every object present, intact, on time; the RPO achieved")
    .description(
      "Compare a source prefix (recordings, contact-trace-records/, agent-events/) with its replica in the backup vault: " +
        "every source object present in the replica with the same size and checksum (S3's additional checksums where both " +
        "have them, else SHA-256 of both objects, streamed), S3's replication status, replication within --window, and the " +
        "RPO achieved (the newest source object already replicated vs the newest source object). Names every missing, corrupt " +
        "and late object. Lists shards of the key space in parallel, page by page: memory stays flat with millions of objects. " +
        "Reads only. Exit 0 intact, 1 problems found, 2 usage error, 4 the buckets are not a replicated pair.",
    )
    .requiredOption("--source <s3url>", "s3://bucket/prefix written by Connect or Firehose")
    .requiredOption("--replica <s3url>", "s3://bucket/prefix of its replica in the vault");
  addSideOptions(cmd, "source", "source bucket");
  addSideOptions(cmd, "replica", "replica bucket");
  cmd
    .option("--force-path-style", "path-style S3 addressing (needed by most S3 stand-ins)")
    .option("--window <seconds>", "seconds an object may take to replicate (S3 RTC: 900)", "900")
    .option("--no-checksums", "compare presence, size and timing only (listing only: no HeadObject/GetObject per object)")
    .option("--concurrency <n>", "shards of the key space listed at once", "8")
    .option("--max-listed <n>", "problems named in the output (all are counted)", "1000")
    .option("--report <file>", "write every problem as one JSON line to this file")
    .option("--as-of <time>", "judge in-flight vs missing as of this ISO-8601 time (default: now)")
    .option("--json", "print one JSON object on stdout")
    .option("--no-progress", "no progress output on stderr")
    .action(async (flags: VerifyFlags) => {
      const source = s3LocationFlag("--source", flags.source);
      const replica = s3LocationFlag("--replica", flags.replica);
      const windowSeconds = wholeFlag("--window", flags.window, 900, 0);
      const concurrency = wholeFlag("--concurrency", flags.concurrency, 8);
      const maxListed = wholeFlag("--max-listed", flags.maxListed, 1000, 0);
      const now = instantFlag("--as-of", flags.asOf) ?? Date.now();
      const sourceClient = s3ClientFor("source", sideFlags(flags, "source"), flags.forcePathStyle === true);
      const replicaClient = s3ClientFor("replica", sideFlags(flags, "replica"), flags.forcePathStyle === true);
      await checkReplicatedPair(sourceClient, source, replicaClient, replica);
      const out = flags.report ? createWriteStream(resolve(ctx.io.cwd, flags.report)) : undefined;
      const bar = progressFactory(ctx.io, flags.progress !== false).start("data verify");
      try {
        const report = await verifyReplica({
          source,
          replica,
          sourceClient,
          replicaClient,
          windowSeconds,
          checksums: flags.checksums !== false,
          now,
          concurrency,
          maxListed,
          ...(out ? { onProblem: (p) => out.write(`${JSON.stringify(p)}\n`) } : {}),
          onProgress: (done, total, objects) => bar.update(done, total, `${objects} objects`),
        });
        bar.stop(report.ok ? `${report.objects.source} objects intact` : `${report.listed.length} problems`);
        emit(ctx.io, flags, report, () => human(report));
        ctx.setExit(report.ok ? EXIT.OK : EXIT.FAILURE);
      } finally {
        if (out) await new Promise((done) => out.end(done));
      }
    });
}
