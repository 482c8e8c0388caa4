import type { Command } from "commander";
import type { CliCommand } from "../command-module";
import { addPairOptions } from "../resiliency-options";
import { shiftTraffic, type ShiftFlags } from "../traffic-shift";

export const command: CliCommand = {
  name: "failover",
  register(program: Command, ctx) {
    const cmd = addPairOptions(
      program
        .command("failover")
        .summary("move new contacts and agents to a Region (ACGR traffic distribution)")
        .description(
          "Move telephony and agents (and sign-in, on the default group) to --to, through UpdateTrafficDistribution on the " +
            "group's ARN. Shows the current and planned distribution and asks for confirmation unless --yes; --dry-run changes " +
            "nothing. Takes the DR lock (--lock-table) like the automated failover, overriding its cooldown. Affects new contacts only.",
        ),
    )
      .requiredOption("--to <region>", "Region to move traffic to (one of the instance's ACGR pair)")
      .option("--percent <n>", "share of telephony and agents for --to, 0-100 in steps of 10", "100")
      .option("--cooldown-seconds <s>", "cooldown this move starts, during which automated failovers change nothing", "300")
      .option("--dry-run", "show the plan; change nothing")
      .option("--yes", "do not ask for confirmation (required when not on a terminal: without it nothing changes and the exit code is 2)");
    cmd.action(async (flags: ShiftFlags & { to: string }) => shiftTraffic(ctx, "failover", flags, flags.to));
  },
};
