#!/usr/bin/env node
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Command, CommanderError } from "commander";
import type { CliCommand, CliContext } from "./command-module";
import { describeError, UsageError } from "./errors";
import { EXIT, type ExitCode } from "./exit-codes";
import { processIo, type CliIo } from "./io";
import { TOOL } from "./operations/backup/backup-io";

/** Every `cli/commands/*` module that exports `command`, sorted by name. */
export function discoverCommands(dir = join(__dirname, "commands")): CliCommand[] {
  const files = readdirSync(dir).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith(".d.ts") && !f.endsWith(".spec.ts"));
  const out: CliCommand[] = [];
  for (const f of files.sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(dir, f)) as { command?: CliCommand };
    if (mod.command) out.push(mod.command);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export function buildProgram(io: CliIo, ctx: CliContext, commands: readonly CliCommand[] = discoverCommands()): Command {
  const program = new Command("connect-dr")
    .description("Amazon Connect disaster-recovery operations: backup, verify, restore and diff instance configuration.")
    .version(TOOL.version)
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();
  program.addHelpText(
    "after",
    "\nExit codes: 0 success, 1 operational failure, 2 usage error, 3 differences found (diff), 4 data not in a state to work on (data).\nSee docs/operations.md.",
  );
  for (const c of commands) c.register(program, ctx);
  for (const sub of program.commands) sub.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  return program;
}

/** Runs the CLI and returns the exit code (never calls process.exit). */
export async function main(argv: readonly string[], io: CliIo = processIo(), commands?: readonly CliCommand[]): Promise<ExitCode> {
  let exit: ExitCode = EXIT.OK;
  const ctx: CliContext = { io, setExit: (c) => (exit = c) };
  const program = buildProgram(io, ctx, commands);
  const debug = argv.includes("--debug") || io.env.CONNECT_DR_DEBUG === "1";
  try {
    await program.parseAsync(argv.filter((a) => a !== "--debug"), { from: "user" });
    return exit;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") return EXIT.OK;
      return EXIT.USAGE; // commander already printed the message
    }
    if (err instanceof UsageError) {
      io.stderr.write(`error: ${err.message}\n`);
      return EXIT.USAGE;
    }
    io.stderr.write(`error: ${describeError(err)}\n`);
    if (debug && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
    const code = (err as { exitCode?: ExitCode }).exitCode;
    return code === EXIT.DIFFERENT || code === EXIT.PRECONDITION ? code : EXIT.FAILURE;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`error: ${describeError(err)}\n`);
      process.exitCode = EXIT.FAILURE;
    },
  );
}
