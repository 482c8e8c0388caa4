import type * as pulumi from "@pulumi/pulumi";
import { connectClient, type ConnectConnection } from "./connection";
import { findNumber } from "./phone-numbers";
import { parseInstanceArn } from "./preconditions";
import {
  assertValidDistribution,
  fromGetTrafficDistributionOutput,
  toUpdateTrafficDistributionInput,
  type TrafficDistribution,
} from "../traffic-distribution";

/** Plain inputs of a traffic distribution group, as the dynamic provider receives them. */
export interface TrafficDistributionGroupInputs {
  /** The source instance's ARN (groups are created in the source Region). */
  readonly instanceArn: string;
  /** The replica's Region: the other Region of the distribution. */
  readonly replicaRegion: string;
  /** Adopt the default group that ReplicateInstance created, instead of creating one. */
  readonly useDefaultGroup: boolean;
  /** Name of a created group (ignored for the default group). */
  readonly name: string;
  readonly description: string;
  /** The declared distribution; applied on create and whenever the declaration changes. */
  readonly distribution: TrafficDistribution;
  /** Phone numbers (ids, ARNs or E.164, claimed in the source Region) moved into the group. */
  readonly phoneNumberIds: readonly string[];
  readonly timeoutSeconds: number;
  readonly pollSeconds: number;
  readonly connection: ConnectConnection;
}

export interface TrafficDistributionGroupOutputs extends TrafficDistributionGroupInputs {
  readonly arn: string;
  readonly groupId: string;
  readonly status: string;
  /** The distribution in force when last read (the failover handler changes it at run time). */
  readonly liveDistribution: TrafficDistribution;
}

type Connect = import("@aws-sdk/client-connect").ConnectClient;
const sdk = () => require("@aws-sdk/client-connect") as typeof import("@aws-sdk/client-connect");

async function waitActive(client: Connect, arn: string, inputs: TrafficDistributionGroupInputs): Promise<string> {
  const deadline = Date.now() + inputs.timeoutSeconds * 1000;
  for (;;) {
    const status = (await client.send(new (sdk().DescribeTrafficDistributionGroupCommand)({ TrafficDistributionGroupId: arn }))).TrafficDistributionGroup?.Status ?? "UNKNOWN";
    if (status === "ACTIVE") return status;
    if (status.endsWith("FAILED")) throw new Error(`traffic distribution group ${arn} is ${status}`);
    if (Date.now() >= deadline) throw new Error(`traffic distribution group ${arn} is still ${status} after ${inputs.timeoutSeconds} s`);
    await new Promise((r) => setTimeout(r, inputs.pollSeconds * 1000));
  }
}

async function findDefaultGroup(client: Connect, instanceArn: string): Promise<{ arn: string; id: string }> {
  let NextToken: string | undefined;
  do {
    const page = await client.send(new (sdk().ListTrafficDistributionGroupsCommand)({ InstanceId: instanceArn, NextToken }));
    const found = page.TrafficDistributionGroupSummaryList?.find((g) => g.IsDefault);
    if (found) return { arn: found.Arn!, id: found.Id! };
    NextToken = page.NextToken;
  } while (NextToken);
  throw new Error(`instance ${instanceArn} has no default traffic distribution group; is it replicated (ReplicateInstance)?`);
}

async function applyDistribution(client: Connect, arn: string, distribution: TrafficDistribution): Promise<TrafficDistribution> {
  await client.send(new (sdk().UpdateTrafficDistributionCommand)(toUpdateTrafficDistributionInput(arn, distribution)));
  return fromGetTrafficDistributionOutput(await client.send(new (sdk().GetTrafficDistributionCommand)({ Id: arn })));
}

async function moveNumbers(client: Connect, targetArn: string, phoneNumberIds: readonly string[], fromArn: string): Promise<void> {
  // One at a time: UpdatePhoneNumber is asynchronous per number and shares the 2 rps quota.
  for (const id of phoneNumberIds) {
    // An E.164 number is looked up where it is (UpdatePhoneNumber takes an id or ARN); one already at
    // the target (a retry after a crash) is left alone.
    const number = id.startsWith("+") ? await findNumber(client, fromArn, id) : { phoneNumberId: id };
    if (!number) {
      if (await findNumber(client, targetArn, id)) continue;
      throw new Error(`phone number ${id} is not claimed to ${fromArn}; claim it in the source Region first`);
    }
    await client.send(new (sdk().UpdatePhoneNumberCommand)({ PhoneNumberId: number.phoneNumberId, TargetArn: targetArn }));
  }
}

function pairOf(inputs: TrafficDistributionGroupInputs): [string, string] {
  return [parseInstanceArn(inputs.instanceArn).region, inputs.replicaRegion];
}

/**
 * Dynamic provider for an ACGR traffic distribution group: creates one (or adopts the default group
 * ReplicateInstance made), applies the DECLARED distribution when the declaration changes, and moves
 * phone numbers into it. It compares declarations, never the live distribution, so a `pulumi up`
 * after an automated failover does not undo it.
 */
export const trafficDistributionGroupProvider = {
  async check(_olds: TrafficDistributionGroupInputs, news: TrafficDistributionGroupInputs): Promise<pulumi.dynamic.CheckResult<TrafficDistributionGroupInputs>> {
    const failures: pulumi.dynamic.CheckFailure[] = [];
    try {
      assertValidDistribution(news.distribution, pairOf(news));
      if (!news.useDefaultGroup && (news.distribution.agents || news.distribution.signIn)) {
        failures.push({ property: "distribution", reason: "agents and signIn exist only on the default group; set useDefaultGroup or declare telephony only" });
      }
    } catch (error) {
      failures.push({ property: "distribution", reason: (error as Error).message });
    }
    if (!news.useDefaultGroup && !/^[a-zA-Z0-9_-]{1,128}$/.test(news.name)) {
      failures.push({ property: "name", reason: `found ${JSON.stringify(news.name)}; 1-128 letters, digits, hyphens and underscores` });
    }
    return { inputs: news, failures };
  },

  async diff(_id: string, olds: TrafficDistributionGroupOutputs, news: TrafficDistributionGroupInputs): Promise<pulumi.dynamic.DiffResult> {
    const replaces = (["instanceArn", "replicaRegion", "useDefaultGroup", "name"] as const).filter((k) => olds[k] !== news[k]);
    const updates =
      JSON.stringify(olds.distribution) !== JSON.stringify(news.distribution) ||
      JSON.stringify(olds.phoneNumberIds) !== JSON.stringify(news.phoneNumberIds) ||
      olds.description !== news.description;
    return { changes: replaces.length > 0 || updates, replaces: [...replaces], deleteBeforeReplace: true };
  },

  async create(inputs: TrafficDistributionGroupInputs): Promise<pulumi.dynamic.CreateResult<TrafficDistributionGroupOutputs>> {
    const { region } = parseInstanceArn(inputs.instanceArn);
    const client = await connectClient(inputs.connection, region);
    try {
      let group: { arn: string; id: string };
      if (inputs.useDefaultGroup) {
        group = await findDefaultGroup(client, inputs.instanceArn);
      } else {
        const created = await client.send(
          new (sdk().CreateTrafficDistributionGroupCommand)({ Name: inputs.name, Description: inputs.description, InstanceId: inputs.instanceArn, ClientToken: `connect-dr-${inputs.name}` }),
        );
        group = { arn: created.Arn!, id: created.Id! };
      }
      const status = await waitActive(client, group.arn, inputs);
      const liveDistribution = await applyDistribution(client, group.arn, inputs.distribution);
      await moveNumbers(client, group.arn, inputs.phoneNumberIds, inputs.instanceArn);
      return { id: group.arn, outs: { ...inputs, arn: group.arn, groupId: group.id, status, liveDistribution } };
    } finally {
      client.destroy();
    }
  },

  async read(id: string, props: TrafficDistributionGroupOutputs): Promise<pulumi.dynamic.ReadResult<TrafficDistributionGroupOutputs>> {
    const client = await connectClient(props.connection, parseInstanceArn(props.instanceArn).region);
    try {
      const group = (await client.send(new (sdk().DescribeTrafficDistributionGroupCommand)({ TrafficDistributionGroupId: id }))).TrafficDistributionGroup;
      const liveDistribution = fromGetTrafficDistributionOutput(await client.send(new (sdk().GetTrafficDistributionCommand)({ Id: id })));
      // The declaration stays as declared: refreshing must not turn a failover into drift to undo.
      return { id, props: { ...props, status: group?.Status ?? "UNKNOWN", liveDistribution } };
    } catch (error) {
      if ((error as Error).name === "ResourceNotFoundException") return {};
      throw error;
    } finally {
      client.destroy();
    }
  },

  async update(id: string, olds: TrafficDistributionGroupOutputs, news: TrafficDistributionGroupInputs): Promise<pulumi.dynamic.UpdateResult<TrafficDistributionGroupOutputs>> {
    const client = await connectClient(news.connection, parseInstanceArn(news.instanceArn).region);
    try {
      let liveDistribution = olds.liveDistribution;
      if (JSON.stringify(olds.distribution) !== JSON.stringify(news.distribution)) {
        liveDistribution = await applyDistribution(client, id, news.distribution);
      }
      const added = news.phoneNumberIds.filter((n) => !olds.phoneNumberIds.includes(n));
      await moveNumbers(client, id, added, news.instanceArn);
      // Numbers no longer declared go back to the instance, where they keep working.
      await moveNumbers(client, news.instanceArn, olds.phoneNumberIds.filter((n) => !news.phoneNumberIds.includes(n)), id);
      return { outs: { ...olds, ...news, liveDistribution } };
    } finally {
      client.destroy();
    }
  },

  async delete(id: string, props: TrafficDistributionGroupOutputs): Promise<void> {
    const client = await connectClient(props.connection, parseInstanceArn(props.instanceArn).region);
    try {
      await moveNumbers(client, props.instanceArn, props.phoneNumberIds, id);
      // The default group lives and dies with the replica; only groups we created are deleted.
      if (!props.useDefaultGroup) {
        await client.send(new (sdk().DeleteTrafficDistributionGroupCommand)({ TrafficDistributionGroupId: id }));
      }
    } catch (error) {
      if ((error as Error).name !== "ResourceNotFoundException") throw error;
    } finally {
      client.destroy();
    }
  },
};
