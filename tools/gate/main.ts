/**
 * `npm start`: the credential-free policy gate. Runs each stack's program under mocks with its
 * committed config, sends every resource to the real policy pack over the Analyzer gRPC protocol,
 * reports, and exits 1 on a mandatory violation (2 on a usage or input error).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Command, InvalidArgumentError, Option } from "commander";
import { formatHuman } from "./format-human";
import { formatMarkdown } from "./format-markdown";
import { formatMermaid } from "./format-mermaid";
import { toSarif } from "./format-sarif";
import type { GateReport } from "./gate-report";
import { previewDigest, type PreviewDigest, type StackSynthesis } from "./preview-json";
import { npmBannerNotice } from "./npm-banner";
import { PolicyPackConfigError } from "./policy-pack-process";
import { GateInputError, listStacks, runGate, writePackConfigs } from "./run-gate";
import { SynthesisError } from "./synthesize-stacks";

export const FORMATS = ["human", "json", "sarif", "markdown", "mermaid", "preview-json"] as const;
export type GateFormat = (typeof FORMATS)[number];

/** Renders a report in one of {@link FORMATS} but `preview-json`, which renders the syntheses themselves. */
export function render(report: GateReport, format: Exclude<GateFormat, "preview-json">): string {
  switch (format) {
    case "json":
      return JSON.stringify(report, null, 2);
    case "sarif":
      return JSON.stringify(toSarif(report), null, 2);
    case "markdown":
      return formatMarkdown(report);
    case "mermaid":
      return formatMermaid(report);
    default:
      return formatHuman(report);
  }
}

const REPOSITORY = path.resolve(__dirname, "../..");

function program(): Command {
  return new Command("connect-dr-gate")
    .description(
      "Credential-free policy gate: runs each stack's program under mocks with its committed config and checks every " +
        "resource with the real policy pack over the Analyzer gRPC protocol. It checks what the program declares, offline; " +
        "it is no substitute for a credentialed `pulumi preview --policy-pack policies`.",
    )
    .addOption(new Option("--stack <name...>", "stacks to gate (repeatable) [default: every Pulumi.<stack>.yaml in the project]"))
    .addOption(new Option("--format <format>", "output format; preview-json: per stack, what `pulumi preview --json` would print").choices(FORMATS).default("human"))
    .option("--output <file>", "write the report to this file instead of stdout (under npm, stdout starts with npm's banner unless `npm start --silent`)")
    .option("--project-dir <dir>", "folder holding Pulumi.yaml and the stack files", REPOSITORY)
    .option("--program <file>", "program entry module [default: <project-dir>/index.ts]")
    .option("--pack-dir <dir>", "policy pack folder", path.join(REPOSITORY, "policies"))
    .option("--write-pack-config <dir>", "write <dir>/<stack>.json, the --policy-pack-config for a credentialed `pulumi preview`, and gate nothing")
    .addHelpText("after", "\nExit status: 0 passed, 1 a mandatory violation, 2 a usage or input error.")
    .exitOverride();
}

/** Runs the CLI; returns the exit status (never throws for a user mistake). */
export async function main(
  argv: readonly string[],
  write: (text: string) => void = (t) => process.stdout.write(t),
  warn: (text: string) => void = (t) => process.stderr.write(t),
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  const cli = program().configureOutput({ writeOut: write, writeErr: warn });
  try {
    cli.parse([...argv], { from: "user" });
  } catch (error) {
    const code = (error as { exitCode?: number; code?: string }).code;
    return code === "commander.helpDisplayed" || code === "commander.version" ? 0 : 2;
  }
  const opts = cli.opts<{ stack?: string[]; format: GateFormat; output?: string; projectDir: string; program?: string; packDir: string; writePackConfig?: string }>();
  try {
    const projectDir = path.resolve(opts.projectDir);
    if (!fs.existsSync(projectDir)) throw new GateInputError(`--project-dir ${projectDir} does not exist`);
    const stacks = opts.stack ?? listStacks(projectDir);
    if (stacks.length === 0) throw new GateInputError(`no Pulumi.<stack>.yaml in ${projectDir}; pass --stack NAME`);
    if (opts.writePackConfig) {
      for (const file of writePackConfigs(projectDir, stacks, path.resolve(opts.writePackConfig))) warn(`wrote ${file}\n`);
      return 0;
    }
    const previews: Record<string, PreviewDigest> = {};
    const report = await runGate({
      projectDir,
      stacks,
      program: opts.program,
      packDir: path.resolve(opts.packDir),
      ...(opts.format === "preview-json" ? { onSynthesized: (synthesis: StackSynthesis) => (previews[synthesis.stack] = previewDigest(synthesis)) } : {}),
    });
    // One `pulumi preview --json` document per stack, keyed by stack name (indented as the CLI does).
    const text = (opts.format === "preview-json" ? JSON.stringify(Object.fromEntries(stacks.map((s) => [s, previews[s]])), null, 4) : render(report, opts.format)) + "\n";
    if (opts.output) fs.writeFileSync(opts.output, text);
    else write(text);
    const notice = npmBannerNotice(env, opts.format, opts.output);
    if (notice) warn(notice);
    if (opts.output || opts.format !== "human") warn(`connect-dr gate: ${report.summary.passed ? "PASSED" : "FAILED"} (${report.summary.mandatory} mandatory, ${report.summary.advisory} advisory violations)\n`);
    return report.summary.passed ? 0 : 1;
  } catch (error) {
    if (error instanceof GateInputError || error instanceof SynthesisError || error instanceof PolicyPackConfigError || error instanceof InvalidArgumentError) {
      warn(`connect-dr gate: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`connect-dr gate: internal error: ${(error as Error).stack ?? error}\n`);
      process.exit(3);
    },
  );
}
