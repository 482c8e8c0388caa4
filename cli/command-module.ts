import type { Command } from "commander";
import type { CliIo } from "./io";
import type { ExitCode } from "./exit-codes";

/**
 * One `connect-dr` subcommand. Each file in `cli/commands/` exports `command: CliCommand`; the
 * program discovers them, so adding `failover`, `validate`, `drill` or `capacity` is one new file.
 */
export interface CliCommand {
  readonly name: string;
  /** Adds the subcommand to `program`. Its action must call `setExit` with the command's exit code. */
  register(program: Command, ctx: CliContext): void;
}

export interface CliContext {
  readonly io: CliIo;
  /** Records the exit code the action decided on. */
  setExit(code: ExitCode): void;
}
