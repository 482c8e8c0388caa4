import type { Command } from "commander";
import { planShift } from "../../resiliency/traffic-distribution";
import { validateService, validationPassed } from "../../resiliency/validation";
import type { CliCommand } from "../command-module";
import { emit } from "../connect-options";
import { UsageError } from "../errors";
import { EXIT } from "../exit-codes";
import { addPairOptions, addValidationCheckOptions, groupArnFromFlags, pairClients, pairFromFlags, validationPortsFromFlags, validationProbesFromFlags, type PairFlags } from "../resiliency-options";
import { formatChecks } from "../validation-table";

interface ValidateFlags extends PairFlags {
  expectActive?: string;
  syntheticFlow?: string;
}

export const command: CliCommand = {
  name: "validate",
  register(program: Command, ctx) {
    const cmd = addValidationCheckOptions(
      addPairOptions(
        program
          .command("validate")
          .summary("check the contact centre in both Regions after a failover or restore")
          .description(
            "Service validation per Region: instance ACTIVE, flows published, queues with hours and in a routing profile, phone " +
              "numbers in the traffic distribution group with flows; across the pair: the same Lambda and Lex associations and " +
              "users in both Regions, the Lambda functions themselves; the distribution (with --expect-active); Connect metrics " +
              "without anomalies; and optionally the CRM functions answering their health check in each Region, the SIP endpoints' " +
              "Route 53 health checks, and a synthetic chat through a test flow. Exit 1 when a check fails.",
          ),
      ),
    )
      .option("--expect-active <region>", "the Region that should hold all telephony and agents")
      .option("--synthetic-flow <name>", "start a synthetic chat (StartChatContact) into this flow in each Region");
    cmd.action(async (flags: ValidateFlags) => {
      const { instanceArn, instanceId, pair } = pairFromFlags(flags);
      if (flags.expectActive !== undefined && !pair.includes(flags.expectActive)) {
        throw new UsageError(`--expect-active: found ${JSON.stringify(flags.expectActive)}; allowed: ${pair.join(" or ")}`);
      }
      const probes = validationProbesFromFlags(flags, pair);
      const connect = await pairClients(flags, ctx.io, pair);
      // Either Region can name the group; after a failover the source may be the one that is down.
      const groupArn = await groupArnFromFlags(flags, connect(pair[1]), instanceArn).catch(() => groupArnFromFlags(flags, connect(pair[0]), instanceArn));
      const expectedDistribution = flags.expectActive ? planShift({ telephony: [], agents: [], signIn: [] }, { toRegion: flags.expectActive }, pair) : undefined;
      const checks = await validateService(
        { instanceId, regions: pair, ...(groupArn ? { groupArn } : {}), ...(expectedDistribution ? { expectedDistribution } : {}), ...(flags.syntheticFlow ? { syntheticFlowName: flags.syntheticFlow } : {}), ...probes },
        { ...validationPortsFromFlags(flags, connect), ...(flags.json || flags.progress === false ? {} : { onCheck: (c) => ctx.io.stderr.write(`checked: ${c.region} ${c.name}\n`) }) },
      );
      const passed = validationPassed(checks);
      emit(ctx.io, flags, { passed, instanceArn, groupArn, checks }, () => `${formatChecks(checks)}${passed ? "PASSED" : "FAILED"}: ${(["fail", "pass", "warn", "skip"] as const).map((status) => `${checks.filter((c) => c.status === status).length} ${{ fail: "failed", pass: "passed", warn: "warnings", skip: "skipped" }[status]}`).join(", ")}\n`);
      ctx.setExit(passed ? EXIT.OK : EXIT.FAILURE);
    });
  },
};
