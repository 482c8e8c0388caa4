import type { Command } from "commander";
import { planShift } from "../../components/runtime";
import { validateService, validationPassed } from "../resiliency/validation";
import { addAgentOptions, agentSelectionFromFlags, type AgentFlags } from "../agent-selection";
import type { CliCommand } from "../command-module";
import { emit } from "../connect-options";
import { UsageError } from "../errors";
import { EXIT } from "../exit-codes";
import { addPairOptions, addValidationCheckOptions, groupArnFromFlags, pairClients, pairFromFlags, validationPortsFromFlags, validationProbesFromFlags, type PairFlags } from "../resiliency-options";
import { formatChecks } from "../validation-table";

interface ValidateFlags extends PairFlags, AgentFlags {
  expectActive?: string;
  syntheticFlow?: string;
  skipRegion?: string;
}

export const command: CliCommand = {
  name: "validate",
  register(program: Command, ctx) {
    const cmd = addAgentOptions(addValidationCheckOptions(
      addPairOptions(
        program
          .command("validate")
          .summary("check the contact centre in both Regions after a failover or restore")
          .description(
            "Service validation per Region: instance ACTIVE, flows published, queues with hours and in a routing profile, phone " +
              "numbers in the traffic distribution group with a flow in that Region; across the pair: the same Lambda and Lex associations and " +
              "users in both Regions, the Lambda functions themselves; the distribution (with --expect-active); Connect metrics " +
              "without anomalies; and optionally the CRM functions answering their health check in each Region, the SIP endpoints' " +
              "Route 53 health checks, a synthetic chat through a test flow, and the configured agents associated with the group " +
              "(--agent, --agent-routing-profile or --stack). With --skip-region (a Region that is down), checks the other Region " +
              "alone. Exit 1 when a check fails.",
          ),
      ),
    ))
      .option("--expect-active <region>", "the Region that should hold all telephony and agents")
      .option("--synthetic-flow <name>", "start a synthetic chat (StartChatContact) into this flow in each Region")
      .option("--skip-region <region>", "a Region that is down (after a failover away from it): skip its checks and the comparisons");
    cmd.action(async (flags: ValidateFlags) => {
      const { instanceArn, instanceId, pair } = pairFromFlags(flags);
      if (flags.expectActive !== undefined && !pair.includes(flags.expectActive)) {
        throw new UsageError(`--expect-active: found ${JSON.stringify(flags.expectActive)}; allowed: ${pair.join(" or ")}`);
      }
      if (flags.skipRegion !== undefined && !pair.includes(flags.skipRegion)) {
        throw new UsageError(`--skip-region: found ${JSON.stringify(flags.skipRegion)}; allowed: ${pair.join(" or ")}`);
      }
      const agents = agentSelectionFromFlags(flags, ctx.io);
      const probes = validationProbesFromFlags(flags, pair);
      const connect = await pairClients(flags, ctx.io, pair);
      // Either Region can name the group; after a failover the source may be the one that is down.
      const up = pair.filter((r) => r !== flags.skipRegion);
      const groupArn = await groupArnFromFlags(flags, connect(up[up.length - 1]!), instanceArn).catch(() => groupArnFromFlags(flags, connect(up[0]!), instanceArn));
      const expectedDistribution = flags.expectActive ? planShift({ telephony: [], agents: [], signIn: [] }, { toRegion: flags.expectActive }, pair) : undefined;
      const checks = await validateService(
        {
          instanceId,
          regions: pair,
          ...(groupArn ? { groupArn } : {}),
          ...(expectedDistribution ? { expectedDistribution } : {}),
          ...(flags.syntheticFlow ? { syntheticFlowName: flags.syntheticFlow } : {}),
          ...(agents ? { agents } : {}),
          ...(flags.skipRegion ? { unavailableRegions: [flags.skipRegion] } : {}),
          ...probes,
        },
        { ...validationPortsFromFlags(flags, connect), ...(flags.json || flags.progress === false ? {} : { onCheck: (c) => ctx.io.stderr.write(`checked: ${c.region} ${c.name}\n`) }) },
      );
      const passed = validationPassed(checks);
      emit(ctx.io, flags, { passed, instanceArn, groupArn, checks }, () => `${formatChecks(checks)}${passed ? "PASSED" : "FAILED"}: ${(["fail", "pass", "warn", "skip"] as const).map((status) => `${checks.filter((c) => c.status === status).length} ${{ fail: "failed", pass: "passed", warn: "warnings", skip: "skipped" }[status]}`).join(", ")}\n`);
      ctx.setExit(passed ? EXIT.OK : EXIT.FAILURE);
    });
  },
};
