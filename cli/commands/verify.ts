import type { Command } from "commander";
import { parseMapping } from "../operations/restore/mapping-file";
import { verifyBackup, type VerifyFailure } from "../operations/verify/verify-backup";
import { parseLocation, readJsonFile } from "../arguments";
import type { CliCommand } from "../command-module";
import { addS3Options, emit, type S3Flags } from "../connect-options";
import { storeFromFlags } from "../connect-options";
import { UsageError } from "../errors";
import { EXIT } from "../exit-codes";
import { progressFactory } from "../progress";

interface VerifyFlags extends S3Flags {
  mapping?: string;
  json?: boolean;
  progress?: boolean;
}

export function formatFailure(f: VerifyFailure): string {
  return `${f.file}${f.kind ? ` [${f.kind}${f.name ? ` "${f.name}"` : ""}]` : ""}${f.reference ? ` -> ${f.reference}` : ""}: ${f.problem}`;
}

export const command: CliCommand = {
  name: "verify",
  register(program: Command, ctx) {
    const cmd = program
      .command("verify")
      .summary("check a backup: hashes, manifest, JSON shapes, references")
      .description(
        "Verify a backup: the manifest's shape and digest, every object's SHA-256 and size, objects not in the manifest, " +
          "each kind's JSON shape, and referential integrity (every id/ARN inside flow content and resource links points " +
          "to an exported resource, an associated Lambda/Lex, or one declared in --mapping). Exit 1 names each failure.",
      )
      .argument("<location>", "backup directory or s3://bucket/prefix")
      .option("--mapping <file>", "restore mapping file; its Lambda/Lex entries count as declared externals")
      .option("--region <region>", "Region of the S3 bucket")
      .option("--profile <name>", "shared-config profile for S3 credentials")
      .option("--json", "print one JSON object on stdout")
      .option("--no-progress", "no progress output on stderr");
    addS3Options(cmd);
    cmd.action(async (locationArg: string, flags: VerifyFlags) => {
      const location = parseLocation("<location>", locationArg);
      let externals = {};
      if (flags.mapping) {
        try {
          const m = parseMapping(readJsonFile("--mapping", flags.mapping, ctx.io.cwd), flags.mapping);
          externals = { lambda: Object.keys(m.lambda), lex: Object.keys(m.lex) };
        } catch (err) {
          if (err instanceof UsageError) throw err;
          throw new UsageError(`--mapping ${(err as Error).message}`);
        }
      }
      const store = storeFromFlags(location, flags, ctx.io.cwd);
      const bar = progressFactory(ctx.io, flags.progress !== false).start("verify");
      const report = await verifyBackup(store, { externals, onProgress: (d, t) => bar.update(d, t) });
      bar.stop(report.ok ? "ok" : `${report.failures.length} failures`);
      const result = { ok: report.ok, location: report.location, objects: report.objects, failures: report.failures, warnings: report.warnings, source: report.manifest?.source, counts: report.manifest?.counts };
      emit(ctx.io, flags, result, () =>
        report.ok
          ? `OK: ${report.location}: ${report.objects} objects verified${report.warnings.length ? `, ${report.warnings.length} warnings:\n${report.warnings.map((w) => `  warning: ${formatFailure(w)}`).join("\n")}` : ""}\n`
          : `FAILED: ${report.location}: ${report.failures.length} problems\n${report.failures.map((f) => `  ${formatFailure(f)}`).join("\n")}\n`,
      );
      ctx.setExit(report.ok ? EXIT.OK : EXIT.FAILURE);
    });
  },
};
