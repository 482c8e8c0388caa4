import type { Command } from "commander";
import { applyAgentPlan, readAgentPlan, type AgentPlan } from "../resiliency/group-agents";
import { addAgentOptions, agentSelectionFromFlags, type AgentFlags } from "../agent-selection";
import type { CliCommand } from "../command-module";
import { emit } from "../connect-options";
import { UsageError } from "../errors";
import { EXIT } from "../exit-codes";
import { addPairOptions, groupArnFromFlags, pairClients, pairFromFlags, type PairFlags } from "../resiliency-options";

interface AgentsFlags extends PairFlags, AgentFlags {
  prune?: boolean;
  dryRun?: boolean;
}

const usernames = (users: AgentPlan["selected"]) => users.map((u) => u.username);

export const command: CliCommand = {
  name: "agents",
  register(program: Command, ctx) {
    const cmd = addAgentOptions(
      addPairOptions(
        program
          .command("agents")
          .summary("keep the agents associated with the traffic distribution group (run after user provisioning)")
          .description(
            "Reconcile the agents of the ACGR traffic distribution group: associate every configured user (--agent, every user " +
              "of --agent-routing-profile, or --stack's connect-dr:trafficDistribution.agents) that is not yet associated, " +
              "through AssociateTrafficDistributionGroupUser in the source Region (the only Region where it can be called); " +
              "with --prune, disassociate members that are no longer selected. Agents not associated cannot sign in to the " +
              "replica Region after a failover. --dry-run shows the plan. Exit 1 when a configured user or routing profile " +
              "does not exist (the others are still associated).",
          ),
      ),
    )
      .option("--prune", "also disassociate associated users that are no longer selected")
      .option("--dry-run", "show the plan; change nothing");
    cmd.action(async (flags: AgentsFlags) => {
      const { instanceArn, instanceId, pair } = pairFromFlags(flags);
      const selection = agentSelectionFromFlags(flags, ctx.io);
      if (!selection) throw new UsageError("no agents selected: pass --agent, --agent-routing-profile or --stack");
      const connect = await pairClients(flags, ctx.io, pair);
      const source = connect(pair[0]);
      const groupArn = await groupArnFromFlags(flags, source, instanceArn);
      const progress = flags.json || flags.progress === false ? undefined : (done: number, total: number) => ctx.io.stderr.write(`read user ${done}/${total}\n`);
      const plan = await readAgentPlan(source, instanceId, groupArn, selection, progress);
      const applied = flags.dryRun
        ? { associated: 0, disassociated: 0 }
        : await applyAgentPlan(source, instanceId, groupArn, plan, {
            prune: Boolean(flags.prune),
            ...(flags.json ? {} : { onChange: (action, user) => ctx.io.stderr.write(`${action}: ${user.username}\n`) }),
          });
      const unknown = plan.unknownUsernames.length + plan.unknownRoutingProfiles.length;
      const result = {
        groupArn,
        dryRun: Boolean(flags.dryRun),
        selected: usernames(plan.selected),
        toAssociate: usernames(plan.toAssociate),
        notSelected: usernames(plan.notSelected),
        unknownUsernames: plan.unknownUsernames,
        unknownRoutingProfiles: plan.unknownRoutingProfiles,
        ...applied,
      };
      emit(ctx.io, flags, result, () =>
        [
          `group: ${groupArn}`,
          `selected: ${plan.selected.length} agents`,
          `${flags.dryRun ? "would associate" : "associated"}: ${result.toAssociate.join(", ") || "none"}`,
          `${flags.prune ? (flags.dryRun ? "would disassociate" : "disassociated") : "associated but not selected (kept; --prune removes them)"}: ${result.notSelected.join(", ") || "none"}`,
          ...(plan.unknownUsernames.length ? [`no such user: ${plan.unknownUsernames.join(", ")}`] : []),
          ...(plan.unknownRoutingProfiles.length ? [`no such routing profile: ${plan.unknownRoutingProfiles.join(", ")}`] : []),
          "",
        ].join("\n"),
      );
      ctx.setExit(unknown ? EXIT.FAILURE : EXIT.OK);
    });
  },
};
