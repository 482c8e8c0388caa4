import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { drillPlan, renderDrillMarkdown, runDrill } from "../resiliency/drill";
import { parsePositive } from "../arguments";
import type { CliCommand } from "../command-module";
import { emit } from "../connect-options";
import { UsageError } from "../errors";
import { EXIT } from "../exit-codes";
import { addPairOptions, addValidationCheckOptions, failoverPortsFromFlags, groupArnFromFlags, pairClients, pairFromFlags, validationPortsFromFlags, validationProbesFromFlags, type PairFlags } from "../resiliency-options";

interface DrillFlags extends PairFlags {
  to?: string;
  failback?: boolean;
  steadyStateTimeoutSeconds?: string;
  pollSeconds?: string;
  syntheticFlow?: string;
  reportDir?: string;
  dryRun?: boolean;
  yes?: boolean;
}

export const command: CliCommand = {
  name: "drill",
  register(program: Command, ctx) {
    const cmd = addValidationCheckOptions(
      addPairOptions(
        program
          .command("drill")
          .summary("DR drill: pre-checks, failover, steady state, failback, validation; measures the RTO")
          .description(
            "Run a failover drill: validate both Regions, move telephony and agents to --to, wait until the distribution is in " +
              "force and validation passes (the measured RTO), fail back, and validate again. Writes a Markdown and a JSON report " +
              "with the timeline to --report-dir. --dry-run prints the plan and touches nothing. Exit 1 when the drill fails.",
          ),
      ),
    )
      .option("--to <region>", "Region to fail over to (default: the replica Region)")
      .option("--no-failback", "leave traffic in --to at the end")
      .option("--steady-state-timeout-seconds <s>", "longest wait for steady state after each shift", "600")
      .option("--poll-seconds <s>", "seconds between steady-state probes", "10")
      .option("--synthetic-flow <name>", "start a synthetic chat into this flow during each validation")
      .option("--report-dir <dir>", "where to write drill-<time>.md and .json", ".")
      .option("--dry-run", "print the plan; change nothing")
      .option("--yes", "run it (required, also on a terminal: a drill moves live traffic twice; without it nothing changes and the exit code is 2)");
    cmd.action(async (flags: DrillFlags) => {
      const { instanceArn, instanceId, pair, healthAlarms } = pairFromFlags(flags);
      const to = flags.to ?? pair[1];
      if (!pair.includes(to)) throw new UsageError(`--to: found ${JSON.stringify(to)}; allowed: ${pair.join(" or ")}`);
      const steadyStateTimeoutSeconds = parsePositive("--steady-state-timeout-seconds", flags.steadyStateTimeoutSeconds)!;
      const pollSeconds = parsePositive("--poll-seconds", flags.pollSeconds)!;
      const probes = validationProbesFromFlags(flags, pair);
      const connect = await pairClients(flags, ctx.io, pair);
      const groupArn = await groupArnFromFlags(flags, connect(to), instanceArn);
      const options = {
        target: { instanceId, regions: pair, groupArn, ...(flags.syntheticFlow ? { syntheticFlowName: flags.syntheticFlow } : {}), ...probes },
        toRegion: to,
        steadyStateTimeoutSeconds,
        pollSeconds,
        failBack: flags.failback !== false,
      };
      const ports = await failoverPortsFromFlags(flags, ctx.io, { pair, healthAlarms, groupArn, callRegion: to }, connect);
      if (flags.dryRun) {
        const plan = drillPlan(options, await ports.distribution.read());
        emit(ctx.io, flags, { dryRun: true, plan }, () => `${plan.map((s, i) => `${i + 1}. ${s}`).join("\n")}\ndry run: nothing changed\n`);
        ctx.setExit(EXIT.OK);
        return;
      }
      if (!flags.yes) throw new UsageError("a drill moves live traffic twice: pass --yes to run it (or --dry-run to see the plan)");
      const validation = validationPortsFromFlags(flags, connect);
      const report = await runDrill(options, {
        ...ports,
        validation,
        ...(flags.json ? {} : { notify: async (subject: string) => void ctx.io.stderr.write(`${subject}\n`) }),
      });
      const dir = resolve(ctx.io.cwd, flags.reportDir ?? ".");
      mkdirSync(dir, { recursive: true });
      const base = join(dir, `drill-${report.startedAt.replace(/[:.]/g, "-")}`);
      writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
      writeFileSync(`${base}.md`, `${renderDrillMarkdown(report)}\n`);
      emit(ctx.io, flags, { ...report, reportFiles: [`${base}.md`, `${base}.json`] }, () =>
        `${report.passed ? "PASSED" : "FAILED"}: measured RTO ${report.measuredRtoSeconds === undefined ? "not reached" : `${report.measuredRtoSeconds.toFixed(3)} s`}${report.abortedBecause ? ` (${report.abortedBecause})` : ""}\nreport: ${base}.md\n`,
      );
      ctx.setExit(report.passed ? EXIT.OK : EXIT.FAILURE);
    });
  },
};
