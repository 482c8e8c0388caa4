/**
 * `npm run simulator -- --demo`: the simulator with a ready contact centre, so the first commands a
 * newcomer runs find something: a source instance in us-east-1 replicated to us-west-2 (Amazon
 * Connect Global Resiliency), its traffic distribution group holding a phone number and two agents,
 * hours, queues in a routing profile, flows (one for synthetic checks) and users.
 */
import { replicatedCentre } from "./scenarios";
import type { Simulator } from "./server";

/** What the demo seeded, as the commands name it. */
export interface DemoCentre {
  readonly endpoint: string;
  readonly instanceId: string;
  /** The source instance (us-east-1). */
  readonly instanceArn: string;
  /** The replica (us-west-2): the same id in the other Region. */
  readonly replicaArn: string;
  readonly groupArn: string;
  readonly phoneNumber: string;
  readonly agents: readonly string[];
  /** A published flow for `--synthetic-flow`. */
  readonly syntheticFlow: string;
}

/** One command to try, as printed and as documented in README.md and docs/operations.md. */
export interface DemoCommand {
  /** What it shows. */
  readonly what: string;
  /** The command line, with `npx connect-dr` and shell quoting. */
  readonly line: string;
  /** Its exit code against a fresh demo, run in this order. */
  readonly exit: number;
}

/** Seeds the demo contact centre into a running simulator. */
export async function seedDemo(simulator: Simulator): Promise<DemoCentre> {
  const centre = await replicatedCentre(simulator);
  centre.close();
  return {
    endpoint: simulator.endpoint,
    instanceId: centre.instanceId,
    instanceArn: centre.instanceArn,
    replicaArn: centre.instanceArn.replace(":us-east-1:", ":us-west-2:"),
    groupArn: centre.groupArn,
    phoneNumber: centre.phoneNumber,
    agents: Object.keys(centre.userIds),
    syntheticFlow: "Synthetic check",
  };
}

/**
 * The commands to try, in order, with the placeholders the docs use: `<endpoint>`, `<instance-arn>`
 * (the source) and `<replica-arn>`. {@link fillDemoPlaceholders} puts the demo's values in.
 */
export const DEMO_COMMANDS: readonly DemoCommand[] = [
  { what: "back up the source instance's configuration to a folder", line: "npx connect-dr backup --instance-id <instance-arn> --endpoint-url <endpoint> --to demo-backup", exit: 0 },
  { what: "verify the backup (hashes, shapes, references)", line: "npx connect-dr verify demo-backup", exit: 0 },
  { what: "plan a restore into the replica (writes nothing)", line: "npx connect-dr restore --from demo-backup --instance-id <replica-arn> --endpoint-url <endpoint> --dry-run", exit: 0 },
  {
    what: "validate both Regions (Lambda and metrics checks are skipped: the simulator serves Amazon Connect only)",
    line: 'npx connect-dr validate --instance-arn <instance-arn> --endpoint-url <endpoint> --synthetic-flow "Synthetic check" --agent agent.one --agent agent.two',
    exit: 0,
  },
  { what: "plan a failover to us-west-2 (writes nothing)", line: "npx connect-dr failover --instance-arn <instance-arn> --endpoint-url <endpoint> --to us-west-2 --dry-run", exit: 0 },
  { what: "fail over: telephony and agents to us-west-2", line: "npx connect-dr failover --instance-arn <instance-arn> --endpoint-url <endpoint> --to us-west-2 --yes", exit: 0 },
  { what: "check that us-west-2 now holds all traffic", line: "npx connect-dr validate --instance-arn <instance-arn> --endpoint-url <endpoint> --expect-active us-west-2", exit: 0 },
  { what: "fail back to us-east-1", line: "npx connect-dr failback --instance-arn <instance-arn> --endpoint-url <endpoint> --yes", exit: 0 },
  { what: "DR readiness of the committed stacks (offline)", line: "npx connect-dr readiness", exit: 0 },
];

/** Puts the demo's endpoint and ARNs into a documented command line. */
export function fillDemoPlaceholders(line: string, centre: Pick<DemoCentre, "endpoint" | "instanceArn" | "replicaArn">): string {
  return line.replaceAll("<endpoint>", centre.endpoint).replaceAll("<instance-arn>", centre.instanceArn).replaceAll("<replica-arn>", centre.replicaArn);
}

/** What `--demo` prints: the ids and the exact commands to try. */
export function demoBanner(centre: DemoCentre): string {
  return [
    `Demo contact centre ready at ${centre.endpoint}`,
    `  source instance   ${centre.instanceArn}`,
    `  replica instance  ${centre.replicaArn}`,
    `  traffic distribution group ${centre.groupArn}`,
    `  phone number ${centre.phoneNumber} (in the group, its flow associated in both Regions)`,
    `  agents ${centre.agents.join(", ")} (in the group); flows "Main inbound", "${centre.syntheticFlow}"; queues Sales, Support; hours "Business hours"`,
    "",
    "Try, from another terminal in this repository (any credentials: the simulator does not check them):",
    "  export AWS_ACCESS_KEY_ID=demo AWS_SECRET_ACCESS_KEY=demo",
    ...DEMO_COMMANDS.flatMap((c) => [`  # ${c.what}`, `  ${fillDemoPlaceholders(c.line, centre)}`]),
    "",
    "Ctrl-C stops the simulator (the state lives in memory).",
    "",
  ].join("\n");
}
