import type { Command } from "commander";
import { resolve } from "node:path";
import { EXPORT_FORMATS, FormatError, type ExportFormat } from "../operations/export/format-support";
import { renderExport } from "../operations/export/render-files";
import { UnresolvedReferenceError } from "../operations/export/reference-resolver";
import { OutputExistsError, writeAtomically } from "../operations/export/write-output";
import { EXPORT_KINDS } from "../operations/export/build-model";
import { verifyBackup } from "../operations/verify/verify-backup";
import { parseKindList, parseLocation, readMappingFlag } from "../arguments";
import type { CliCommand } from "../command-module";
import { addS3Options, emit, storeFromFlags, type S3Flags } from "../connect-options";
import { OperationalError, UsageError } from "../errors";
import { EXIT } from "../exit-codes";
import { progressFactory } from "../progress";
import { formatFailure } from "./verify";

interface ExportFlags extends S3Flags {
  from?: string;
  format?: string;
  out?: string;
  mapping?: string;
  skip?: string;
  force?: boolean;
  json?: boolean;
  progress?: boolean;
}

export const command: CliCommand = {
  name: "export",
  register(program: Command, ctx) {
    const cmd = program
      .command("export")
      .summary("turn a verified backup into a CloudFormation template or a Terraform configuration")
      .description(
        "Export a backup as infrastructure as code that recreates its configuration in any instance: CloudFormation " +
          "(template.json and template.yaml) or Terraform (main.tf.json). References between resources, including every ARN " +
          "inside flow content, are template references; the instance, Lambda functions, Lex bots and phone numbers are " +
          "parameters (defaults from --mapping); $.AwsRegion is kept. The backup is verified first. Files are written to a " +
          "temporary folder and renamed into --out. Exit 0 written, 1 backup fails verify or a reference cannot be resolved, " +
          "2 usage error or a kind the format cannot express (the message names it and what to do).",
      )
      .requiredOption("--from <backup>", "backup directory or s3://bucket/prefix")
      .requiredOption("--format <format>", `output format: ${EXPORT_FORMATS.join(" | ")}`)
      .option("--out <dir>", "output folder (default: ./connect-dr-export-<format>)")
      .option("--mapping <file>", "restore mapping file: Lambda and Lex parameter defaults, account and phone-number mappings")
      .option("--skip <kinds>", `kinds not to create; references to them become parameters/data sources by name (of: ${EXPORT_KINDS.join(",")})`)
      .option("--force", "replace --out when it already holds files")
      .option("--region <region>", "Region of the S3 bucket")
      .option("--profile <name>", "shared-config profile for S3 credentials")
      .option("--json", "print one JSON object on stdout")
      .option("--no-progress", "no progress output on stderr");
    addS3Options(cmd);
    cmd.addHelpText(
      "after",
      "\nExamples:\n  connect-dr export --from s3://dr-backups/connect/prod --format cloudformation --out ./cfn --mapping dr-mapping.json\n" +
        "  connect-dr export --from ./backup --format terraform --skip agentStatuses,prompts --out ./tf\n" +
        "\nDeploy: see docs/operations.md (aws cloudformation deploy / terraform apply).",
    );
    cmd.action(async (flags: ExportFlags) => {
      const format = flags.format as ExportFormat;
      if (!EXPORT_FORMATS.includes(format)) throw UsageError.invalid("--format", flags.format, `expected one of ${EXPORT_FORMATS.join(", ")}`);
      const location = parseLocation("--from", flags.from);
      const skip = parseKindList("--skip", flags.skip) ?? [];
      const bad = skip.filter((k) => !EXPORT_KINDS.includes(k));
      if (bad.length) throw UsageError.invalid("--skip", flags.skip, `${bad.join(", ")} is never exported; allowed: ${EXPORT_KINDS.join(", ")}`);
      const mapping = readMappingFlag(flags.mapping, ctx.io.cwd);
      const out = flags.out ?? `connect-dr-export-${format}`;

      const bar = progressFactory(ctx.io, flags.progress !== false).start("export: verify backup");
      const report = await verifyBackup(storeFromFlags(location, flags), { externals: { lambda: Object.keys(mapping?.lambda ?? {}), lex: Object.keys(mapping?.lex ?? {}) }, onProgress: (d, t) => bar.update(d, t) });
      bar.stop(report.ok ? "ok" : `${report.failures.length} failures`);
      if (!report.snapshot) {
        throw new OperationalError(`${report.location} failed verification, nothing exported:\n${report.failures.slice(0, 20).map((f) => `  ${formatFailure(f)}`).join("\n")}${report.failures.length > 20 ? `\n  ... ${report.failures.length - 20} more` : ""}`);
      }
      let rendered;
      try {
        rendered = renderExport(report.snapshot, format, { ...(mapping ? { mapping } : {}), skip });
      } catch (err) {
        if (err instanceof FormatError) throw new UsageError(err.message);
        if (err instanceof UnresolvedReferenceError) throw new OperationalError(`${err.message}; nothing exported (export the missing kind, or --skip the kind that holds the reference)`);
        throw err;
      }
      let dir: string;
      try {
        dir = await writeAtomically(resolve(ctx.io.cwd, out), rendered.files, flags.force === true);
      } catch (err) {
        if (err instanceof OutputExistsError) throw new UsageError(`--out ${err.message}`);
        throw err;
      }
      const m = rendered.model;
      const counts: Record<string, number> = {};
      for (const r of m.resources) counts[r.type] = (counts[r.type] ?? 0) + 1;
      const result = {
        format, out: dir, files: rendered.files.map((f) => f.name), source: report.manifest?.source, resources: m.resources.length, byType: counts,
        parameters: m.parameters.map((p) => ({ name: p.name, ...(p.default !== undefined ? { default: p.default } : {}), description: p.description })),
        deferredWrites: m.deferred.map((d) => ({ id: d.logicalId, action: d.action, target: d.target })), notes: m.notes,
      };
      emit(ctx.io, flags, result, () =>
        [
          `Exported ${m.resources.length} resources to ${dir} (${result.files.join(", ")})`,
          `  parameters: ${m.parameters.map((p) => `${p.name}${p.default !== undefined ? "" : " (required)"}`).join(", ")}`,
          ...(m.deferred.length ? [`  ${m.deferred.length} writes after creation break reference cycles: ${m.deferred.map((d) => d.target).join(", ")}`] : []),
          ...m.notes.map((n) => `  note: ${n}`),
          "",
        ].join("\n"),
      );
      ctx.setExit(EXIT.OK);
    });
  },
};
