import type { Command } from "commander";
import { checkConfigMap, formatProblem, readStackFileConfig } from "../program/config";
import type { AgentSelection } from "./resiliency/group-agents";
import { collectRepeated } from "./arguments";
import { UsageError } from "./errors";
import type { CliIo } from "./io";

/** Flags naming the agents a traffic distribution group should carry. */
export interface AgentFlags {
  agent?: string[];
  agentRoutingProfile?: string[];
  stack?: string;
  projectDir?: string;
}

export function addAgentOptions(cmd: Command): Command {
  return cmd
    .option("--agent <username>", "a user to associate with the group (repeatable)", collectRepeated)
    .option("--agent-routing-profile <name>", "every user of this routing profile (repeatable)", collectRepeated)
    .option("--stack <name>", "take the agents from this stack file's connect-dr:trafficDistribution.agents (e.g. secondary)")
    .option("--project-dir <dir>", "folder of Pulumi.yaml and the stack files (with --stack)", ".");
}

/** The selection from `--stack` or `--agent`/`--agent-routing-profile`; undefined when none is given. */
export function agentSelectionFromFlags(flags: AgentFlags, io: CliIo): AgentSelection | undefined {
  const usernames = flags.agent ?? [];
  const routingProfiles = flags.agentRoutingProfile ?? [];
  if (flags.stack === undefined) return usernames.length || routingProfiles.length ? { usernames, routingProfiles } : undefined;
  if (usernames.length || routingProfiles.length) throw new UsageError("--stack: found with --agent or --agent-routing-profile; allowed: one or the other");
  let map: Record<string, string>;
  try {
    map = readStackFileConfig(flags.stack, flags.projectDir ?? io.cwd);
  } catch (error) {
    throw new UsageError(`--stack ${JSON.stringify(flags.stack)}: ${(error as Error).message}`);
  }
  const { config, problems } = checkConfigMap(map);
  if (!config) throw new UsageError(`stack ${flags.stack}: the configuration is invalid:\n${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}`);
  const agents = config.trafficDistribution?.agents;
  if (!agents) throw new UsageError(`--stack ${JSON.stringify(flags.stack)}: its configuration has no connect-dr:trafficDistribution (the secondary stack's does)`);
  return { usernames: agents.usernames, routingProfiles: agents.routingProfiles };
}
