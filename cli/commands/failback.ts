import type { Command } from "commander";
import type { CliCommand } from "../command-module";
import { addPairOptions } from "../resiliency-options";
import { shiftTraffic, type ShiftFlags } from "../traffic-shift";

export const command: CliCommand = {
  name: "failback",
  register(program: Command, ctx) {
    const cmd = addPairOptions(
      program
        .command("failback")
        .summary("move new contacts and agents back to the source Region")
        .description(
          "Move telephony and agents back to the instance's source Region (failback is manual by design). Same checks, " +
            "confirmation, lock and --dry-run as failover.",
        ),
    )
      .option("--cooldown-seconds <s>", "cooldown this move starts, during which automated failovers change nothing", "300")
      .option("--dry-run", "show the plan; change nothing")
      .option("--yes", "do not ask for confirmation (required when not on a terminal: without it nothing changes and the exit code is 2)");
    cmd.action(async (flags: ShiftFlags) => shiftTraffic(ctx, "failback", flags, undefined));
  },
};
