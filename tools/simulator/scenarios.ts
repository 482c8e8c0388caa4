import {
  AssociateLambdaFunctionCommand,
  ConnectClient,
  DescribeInstanceCommand,
  ReplicateInstanceCommand,
  AssociatePhoneNumberContactFlowCommand,
  AssociateTrafficDistributionGroupUserCommand,
  AssociateRoutingProfileQueuesCommand,
  ClaimPhoneNumberCommand,
  ListRoutingProfilesCommand,
  ListTrafficDistributionGroupsCommand,
} from "@aws-sdk/client-connect";
import type { Simulator } from "./server";

/** Credentials the scenario's clients use; the simulator maps unknown keys to its default account. */
const credentials = { accessKeyId: "AKIDSCENARIO", secretAccessKey: "local" };

/**
 * Ready-made simulator states for tests, benchmarks and local trials of the resiliency commands.
 */

/** A replicated contact centre in the simulator, as a drill or a validation meets it. */
export interface ReplicatedCentre {
  readonly instanceId: string;
  readonly instanceArn: string;
  readonly groupArn: string;
  readonly phoneNumberId: string;
  readonly phoneNumberArn: string;
  /** The number in the group, E.164. */
  readonly phoneNumber: string;
  /** Username -> user id of the agents, both associated with the group. */
  readonly userIds: Readonly<Record<string, string>>;
  readonly clients: { readonly "us-east-1": ConnectClient; readonly "us-west-2": ConnectClient };
  close(): void;
}

/**
 * Seeds an ACTIVE SAML instance in us-east-1 with hours, two queues in its routing profile, users and
 * a Lambda function associated in BOTH Regions (ACGR does not mirror Lambda), then replicates it to
 * us-west-2: a phone number claimed to the default traffic distribution group, its flow associated in
 * both Regions (in us-west-2 by the number's ARN), and both agents associated with the group.
 */
export async function replicatedCentre(simulator: Simulator, client: Partial<ConstructorParameters<typeof ConnectClient>[0]> = {}): Promise<ReplicatedCentre> {
  const east = new ConnectClient({ region: "us-east-1", endpoint: simulator.endpoint, credentials, ...client });
  const west = new ConnectClient({ region: "us-west-2", endpoint: simulator.endpoint, credentials, ...client });
  const source = simulator.seed({
    region: "us-east-1",
    instance: { alias: "acme" },
    hours: [{ name: "Business hours" }],
    queues: [{ name: "Sales" }, { name: "Support" }],
    flows: [{ name: "Main inbound" }, { name: "Synthetic check" }],
    users: [{ username: "agent.one" }, { username: "agent.two" }],
  });
  await east.send(new ReplicateInstanceCommand({ InstanceId: source.instanceArn, ReplicaRegion: "us-west-2", ReplicaAlias: "acme-west" }));
  while ((await west.send(new DescribeInstanceCommand({ InstanceId: source.instanceId }))).Instance?.InstanceStatus !== "ACTIVE") {
    await new Promise((r) => setTimeout(r, 20));
  }
  const profile = (await east.send(new ListRoutingProfilesCommand({ InstanceId: source.instanceId }))).RoutingProfileSummaryList![0];
  await east.send(
    new AssociateRoutingProfileQueuesCommand({
      InstanceId: source.instanceId,
      RoutingProfileId: profile.Id,
      QueueConfigs: Object.values(source.ids.queues).map((QueueId) => ({ QueueReference: { QueueId, Channel: "VOICE" }, Priority: 1, Delay: 0 })),
    }),
  );
  for (const [client, region] of [[east, "us-east-1"], [west, "us-west-2"]] as const) {
    await client.send(new AssociateLambdaFunctionCommand({ InstanceId: source.instanceId, FunctionArn: `arn:aws:lambda:${region}:111122223333:function:customer-lookup` }));
  }
  const groupArn = (await east.send(new ListTrafficDistributionGroupsCommand({ InstanceId: source.instanceArn }))).TrafficDistributionGroupSummaryList!.find((g) => g.IsDefault)!.Arn!;
  const phoneNumber = "+12065550123";
  const claimed = await east.send(new ClaimPhoneNumberCommand({ TargetArn: groupArn, PhoneNumber: phoneNumber }));
  await east.send(new AssociatePhoneNumberContactFlowCommand({ InstanceId: source.instanceId, PhoneNumberId: claimed.PhoneNumberId, ContactFlowId: source.ids.flows["Main inbound"] }));
  await west.send(new AssociatePhoneNumberContactFlowCommand({ InstanceId: source.instanceId, PhoneNumberId: claimed.PhoneNumberArn, ContactFlowId: source.ids.flows["Main inbound"] }));
  for (const userId of Object.values(source.ids.users)) {
    await east.send(new AssociateTrafficDistributionGroupUserCommand({ TrafficDistributionGroupId: groupArn, InstanceId: source.instanceId, UserId: userId }));
  }
  return {
    instanceId: source.instanceId,
    instanceArn: source.instanceArn,
    groupArn,
    phoneNumberId: claimed.PhoneNumberId!,
    phoneNumberArn: claimed.PhoneNumberArn!,
    phoneNumber,
    userIds: source.ids.users,
    clients: { "us-east-1": east, "us-west-2": west },
    close() {
      east.destroy();
      west.destroy();
    },
  };
}
