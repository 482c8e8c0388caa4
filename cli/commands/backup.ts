import type { Command } from "commander";
import { runBackup } from "../operations/backup/run-backup";
import { parseReadPath, READ_PATHS } from "../operations/backup/read-paths";
import { parseInstance, parseKindList, parseLocation } from "../arguments";
import type { CliCommand } from "../command-module";
import { addCommonOptions, addS3Options, emit, progressFromFlags, sessionFromFlags, sessionStats, storeFromFlags, type CommonFlags, type S3Flags } from "../connect-options";
import { UsageError } from "../errors";
import { EXIT } from "../exit-codes";

interface BackupFlags extends CommonFlags, S3Flags {
  instanceId?: string;
  to?: string;
  kinds?: string;
  readPath?: string;
  since?: string;
}

export const command: CliCommand = {
  name: "backup",
  register(program: Command, ctx) {
    const cmd = program
      .command("backup")
      .summary("export an instance's configuration to a directory or S3")
      .description(
        "Export an Amazon Connect instance's configuration (hours, queues, routing profiles, flows and modules, prompts with their audio, " +
          "quick connects, security profiles, hierarchy, agent statuses, users without passwords, phone numbers and flow " +
          "associations, Lambda/Lex associations, instance attributes, storage configs, integrations) with manifest.json " +
          "(SHA-256 and size per object). Read-only against Connect; rate-aware (token bucket per API + adaptive retry).",
      )
      .requiredOption("--instance-id <id>", "source instance id or instance ARN")
      .requiredOption("--to <location>", "directory path or s3://bucket/prefix")
      .option("--kinds <list>", "comma-separated kinds to export (default: all)")
      .option("--read-path <path>", `how kinds with a Search API are read: ${READ_PATHS.join(" or ")} (search: 100-500 whole objects per call, Describe only where Search lacks a field)`, "search")
      .option("--since <location>", "incremental: an earlier backup of the same instance (directory or s3://); unchanged objects are referenced there, not read or written again");
    addS3Options(addCommonOptions(cmd));
    cmd.addHelpText("after", "\nExamples:\n  connect-dr backup --instance-id 1111...-5555 --region us-east-1 --to ./backups/2026-01-01\n  connect-dr backup --instance-id arn:aws:connect:us-east-1:111122223333:instance/1111...-5555 --to s3://dr-backups/connect/prod --kms-key-id alias/dr-backups\n  connect-dr backup --instance-id 1111...-5555 --to ./backups/2026-01-02 --since ./backups/2026-01-01");
    cmd.action(async (flags: BackupFlags) => {
      const { instanceId, region } = parseInstance("--instance-id", flags.instanceId);
      const location = parseLocation("--to", flags.to);
      const kinds = parseKindList("--kinds", flags.kinds);
      let readPath;
      try {
        readPath = parseReadPath(flags.readPath ?? "search");
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      const sinceLocation = flags.since !== undefined ? parseLocation("--since", flags.since) : undefined;
      if (sinceLocation !== undefined && sinceLocation === location) throw new UsageError(`--since must name an earlier backup, not the --to location (${location})`);
      const session = await sessionFromFlags(flags, ctx.io, region ? { region } : {});
      const store = storeFromFlags(location, { ...flags, region: flags.region ?? region ?? session.region }, ctx.io.cwd);
      // A backup is never written over another: stale objects would make it fail verification.
      if (!location.startsWith("s3://") && (await store.absence?.()) === undefined) {
        throw new UsageError(`--to ${JSON.stringify(flags.to)}: ${store.location} already holds files (an earlier backup?); backups are never written over: choose a new folder`);
      }
      const since = sinceLocation !== undefined ? storeFromFlags(sinceLocation, { ...flags, region: flags.region ?? region ?? session.region }, ctx.io.cwd) : undefined;
      const progress = progressFromFlags(flags, ctx.io);
      const started = Date.now();
      let phase: "verify-earlier" | "read" | "write" = since ? "verify-earlier" : "read";
      let bar = progress.start(`backup: ${phase}`);
      const { manifest, readPaths } = await runBackup({
        client: session.client,
        instanceId,
        store,
        readPath,
        ...(since ? { since } : {}),
        ...(kinds ? { kinds } : {}),
        onProgress: (p) => {
          if (p.phase !== phase) {
            bar.stop();
            phase = p.phase;
            bar = progress.start(`backup: ${phase}`);
          }
          bar.update(p.done, p.total);
        },
      });
      bar.stop(`${manifest.objects.length} objects`);
      const result = {
        ok: true,
        location: store.location,
        source: manifest.source,
        createdAt: manifest.createdAt,
        objects: manifest.objects.length,
        counts: manifest.counts,
        objectsSha256: manifest.objectsSha256,
        readPath,
        readPaths,
        ...(manifest.since ? { since: manifest.since, referenced: manifest.objects.filter((o) => o.from).length } : {}),
        seconds: (Date.now() - started) / 1000,
        api: sessionStats(session),
      };
      emit(ctx.io, flags, result, () =>
        [
          `Backed up instance ${manifest.source.instanceId} (${manifest.source.accountId}, ${manifest.source.region}) to ${store.location}`,
          ...Object.entries(manifest.counts).map(([k, n]) => `  ${k.padEnd(20)} ${n}`),
          `  read path ${readPath}: ${Object.entries(readPaths).map(([p, n]) => `${n} ${p}`).join(", ")}`,
          ...(manifest.since ? [`  incremental since ${manifest.since.location} (${manifest.since.createdAt}): ${result.referenced} objects referenced, ${manifest.objects.length - (result.referenced ?? 0)} written`] : []),
          `  ${manifest.objects.length} objects, manifest sha256 ${manifest.objectsSha256.slice(0, 16)}…, ${result.seconds.toFixed(1)}s, ${result.api.calls} API calls, ${result.api.throttlesRetried} throttles absorbed`,
          "",
        ].join("\n"),
      );
      ctx.setExit(EXIT.OK);
    });
  },
};
