import type { Command } from "commander";
import { restoreWindow, type RestoreWindowReport } from "../data/s3/restore-window";
import type { CliContext } from "../command-module";
import { emit } from "../connect-options";
import { addSideOptions, instantFlag, s3ClientFor, s3LocationFlag, sideFlags, wholeFlag } from "../data-options";
import { UsageError } from "../errors";
import { EXIT } from "../exit-codes";
import { progressFactory } from "../progress";

interface RestoreFlags extends Record<string, unknown> {
  from?: string;
  to?: string;
  prefix?: string;
  since?: string;
  until?: string;
  kmsKeyId?: string;
  dryRun?: boolean;
  multipartThreshold?: string;
  partSize?: string;
  concurrency?: string;
  forcePathStyle?: boolean;
  json?: boolean;
  progress?: boolean;
}

function human(r: RestoreWindowReport): string {
  const o = r.outcomes;
  const lines = [
    `${r.dryRun ? "DRY RUN" : r.ok ? "OK" : "FAILED"}: ${r.from} -> ${r.to}, window ${r.window.since ?? "(beginning)"} .. ${r.window.until ?? "(now)"}`,
    `  ${r.objects} objects, ${r.bytes} bytes: ${r.dryRun ? `${o["would-copy"]} would be copied` : `${o.copied} copied, ${o["multipart-copied"]} copied in parts`}, ${o["already-restored"]} already restored, ${o.failed} failed`,
    ...r.listed.map((x) => `  ${x.outcome}: ${x.key} (${x.size} bytes)${x.detail ? `: ${x.detail}` : ""}`),
  ];
  return `${lines.join("\n")}\n`;
}

/** `connect-dr data restore`. */
export function registerRestore(data: Command, ctx: CliContext): void {
  const cmd = data
    .command("restore")
    .summary("copy a time window from the vault back to a working bucket (server-side, checksummed, idempotent)")
    .description(
      "Copy the objects of --from whose LastModified (in the vault: when they were replicated) is in [--since, --until) " +
        "to --to, server-side: CopyObject, or a multipart copy (UploadPartCopy) above 5 GiB. Copies are encrypted with " +
        "--kms-key-id (SSE-KMS, the target bucket's key) and each is checked against the original (S3's SHA-256 where " +
        "both carry it, else both streamed). An object already in the target with the same size and content is skipped: " +
        "a second run copies nothing, and an interrupted run resumes where it stopped. --from is only read. " +
        "Exit 0 restored, 1 some copies failed, 2 usage error, 4 nothing in the window or --to overlaps --from.",
    )
    .requiredOption("--from <s3url>", "s3://vault-bucket/prefix to restore from")
    .requiredOption("--to <s3url>", "s3://working-bucket/prefix to restore into")
    .option("--prefix <prefix>", "only keys under this sub-prefix of --from (kept under --to), e.g. contact-trace-records/year=2026/month=01/")
    .option("--since <time>", "ISO-8601: objects last modified at or after this")
    .option("--until <time>", "ISO-8601: objects last modified before this");
  addSideOptions(cmd, "from", "vault bucket");
  addSideOptions(cmd, "to", "working bucket");
  cmd
    .option("--kms-key-id <key>", "KMS key ARN of the target bucket for SSE-KMS (default: the target's default encryption)")
    .option("--dry-run", "list what would be copied; copy nothing")
    .option("--multipart-threshold <bytes>", "copy in parts above this size (default 5 GiB, CopyObject's limit)")
    .option("--part-size <bytes>", "part size of a multipart copy (default 512 MiB; 5 MiB to 5 GiB)")
    .option("--concurrency <n>", "shards of the key space copied at once", "8")
    .option("--force-path-style", "path-style S3 addressing (needed by most S3 stand-ins)")
    .option("--json", "print one JSON object on stdout")
    .option("--no-progress", "no progress output on stderr")
    .action(async (flags: RestoreFlags) => {
      const fromBase = s3LocationFlag("--from", flags.from);
      const toBase = s3LocationFlag("--to", flags.to);
      const sub = flags.prefix ?? "";
      if (sub.startsWith("/")) throw UsageError.invalid("--prefix", sub, "a key prefix relative to --from, without a leading /");
      const from = { ...fromBase, prefix: fromBase.prefix + sub };
      const to = { ...toBase, prefix: toBase.prefix + sub };
      const since = instantFlag("--since", flags.since);
      const until = instantFlag("--until", flags.until);
      if (since !== undefined && until !== undefined && since >= until) throw UsageError.invalid("--until", flags.until, `expected a time after --since ${flags.since}`);
      const threshold = flags.multipartThreshold === undefined ? undefined : wholeFlag("--multipart-threshold", flags.multipartThreshold, 0);
      const partSize = flags.partSize === undefined ? undefined : wholeFlag("--part-size", flags.partSize, 0, 5 * 1024 ** 2);
      if (partSize !== undefined && partSize > 5 * 1024 ** 3) throw UsageError.invalid("--part-size", flags.partSize, "expected at most 5 GiB (5368709120)");
      const bar = progressFactory(ctx.io, flags.progress !== false).start(flags.dryRun ? "data restore (dry run)" : "data restore");
      const report = await restoreWindow({
        from,
        to,
        fromClient: s3ClientFor("from", sideFlags(flags, "from"), flags.forcePathStyle === true),
        toClient: s3ClientFor("to", sideFlags(flags, "to"), flags.forcePathStyle === true),
        ...(since !== undefined ? { since } : {}),
        ...(until !== undefined ? { until } : {}),
        ...(flags.kmsKeyId ? { kmsKeyId: flags.kmsKeyId } : {}),
        dryRun: flags.dryRun === true,
        ...(threshold !== undefined ? { multipartThresholdBytes: threshold } : {}),
        ...(partSize !== undefined ? { partSizeBytes: partSize } : {}),
        concurrency: wholeFlag("--concurrency", flags.concurrency, 8),
        onProgress: (done, total) => bar.update(done, total),
      });
      bar.stop(report.ok ? `${report.objects} objects` : `${report.outcomes.failed} failed`);
      emit(ctx.io, flags, report, () => human(report));
      ctx.setExit(report.ok ? EXIT.OK : EXIT.FAILURE);
    });
}
