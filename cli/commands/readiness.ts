import type { Command } from "commander";
import { checkConfigMap, formatProblem, readStackFileConfig } from "../../program/config";
import { assessReadiness, type ReadinessReport } from "../resiliency/readiness";
import { readinessText } from "../resiliency/readiness-text";
import { readinessInputsFromStack } from "../resiliency/stack-readiness";
import { collectRepeated, parsePositive } from "../arguments";
import type { CliCommand } from "../command-module";
import { emit } from "../connect-options";
import { UsageError } from "../errors";
import { EXIT } from "../exit-codes";

interface ReadinessFlags {
  stack: string[];
  projectDir?: string;
  handlerBudgetSeconds?: string;
  decisionSeconds?: string;
  backupIntervalSeconds?: string;
  json?: boolean;
}

export const command: CliCommand = {
  name: "readiness",
  register(program: Command, ctx) {
    program
      .command("readiness")
      .summary("RPO and RTO per path, computed from a stack's configuration, against its targets")
      .description(
        "Compute the RPO of each data path (S3 RTC recordings, DynamoDB global table, configuration backups) and the RTO of " +
          "each failover path (Route 53 detection, alarm evaluation, EventBridge, the failover handler, DNS TTL; and for a " +
          "dark Region, the peer probe's failed probes before its liveness alarm) from the " +
          "committed stack file, compare them with rpoSeconds/rtoSeconds, and name the gaps. Offline: reads only the stack file. " +
          "Exit 1 when a target is missed.",
      )
      .option("--stack <name>", "stack to assess (repeatable)", collectRepeated, [] as string[])
      .option("--project-dir <dir>", "folder of Pulumi.yaml and the stack files", ".")
      .option("--handler-budget-seconds <s>", "time the failover handler needs to move traffic", "30")
      .option("--decision-seconds <s>", "time an operator needs to decide on a manual failover", "300")
      .option("--backup-interval-seconds <s>", "how often connect-dr backup runs", "900")
      .option("--json", "print one JSON object on stdout")
      .action((flags: ReadinessFlags) => {
        const stacks = flags.stack.length ? flags.stack : ["primary", "secondary"];
        const assumptions = {
          failoverHandlerBudgetSeconds: parsePositive("--handler-budget-seconds", flags.handlerBudgetSeconds),
          manualDecisionSeconds: parsePositive("--decision-seconds", flags.decisionSeconds),
          configurationBackupIntervalSeconds: parsePositive("--backup-interval-seconds", flags.backupIntervalSeconds),
        };
        const reports: Record<string, ReadinessReport> = {};
        for (const stack of stacks) {
          let map: Record<string, string>;
          try {
            map = readStackFileConfig(stack, flags.projectDir ?? ctx.io.cwd);
          } catch (error) {
            throw new UsageError(`--stack ${JSON.stringify(stack)}: ${(error as Error).message}`);
          }
          const { config, problems } = checkConfigMap(map);
          if (!config) throw new UsageError(`stack ${stack}: the configuration is invalid:\n${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}`);
          reports[stack] = assessReadiness(readinessInputsFromStack(config, assumptions));
        }
        const ready = Object.values(reports).every((r) => r.ready);
        emit(ctx.io, flags, { ready, stacks: reports }, () => Object.entries(reports).map(([s, r]) => `${readinessText(s, r).join("\n")}\n`).join("\n"));
        ctx.setExit(ready ? EXIT.OK : EXIT.FAILURE);
      });
  },
};
