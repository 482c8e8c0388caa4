import type { Command } from "commander";
import type { CliCommand } from "../command-module";
import { registerCheckTable } from "./data-check-table";
import { registerRestore } from "./data-restore";
import { registerVerify } from "./data-verify";

/** `connect-dr data <verify|restore|check-table|restore-test>`: data recovery and restore tests. */
export const command: CliCommand = {
  name: "data",
  register(program: Command, ctx) {
    const data = program
      .command("data")
      .summary("data recovery: verify replicas, restore from the vault, restore tests")
      .description("Recover contact data: verify S3 replicas (recordings, CTRs, agent events), restore a time window from the vault, and test DynamoDB restores.");
    registerVerify(data, ctx);
    registerRestore(data, ctx);
    registerCheckTable(data, ctx);
  },
};
