import type * as pulumi from "@pulumi/pulumi";
import { connectClient, type ConnectConnection } from "./connection";
import { parseInstanceArn, replicaInstanceArn, replicationProblems } from "./preconditions";

/** Plain inputs of the replica resource, as the dynamic provider receives them. */
export interface InstanceReplicaInputs {
  readonly sourceInstanceArn: string;
  readonly replicaRegion: string;
  /** Alias of the replica; the service requires one distinct from the source's. */
  readonly replicaAlias: string;
  /** Seconds to wait for the replica to become ACTIVE. */
  readonly timeoutSeconds: number;
  /** Seconds between status polls. */
  readonly pollSeconds: number;
  readonly connection: ConnectConnection;
}

export interface InstanceReplicaOutputs extends InstanceReplicaInputs {
  readonly replicaArn: string;
  readonly instanceId: string;
  readonly status: string;
}

/** Inputs that can only change by replacing the replica. */
const REPLACE_ON = ["sourceInstanceArn", "replicaRegion", "replicaAlias"] as const;

async function waitForStatus(client: import("@aws-sdk/client-connect").ConnectClient, instanceArn: string, inputs: InstanceReplicaInputs): Promise<string> {
  const { DescribeInstanceCommand } = require("@aws-sdk/client-connect") as typeof import("@aws-sdk/client-connect");
  const deadline = Date.now() + inputs.timeoutSeconds * 1000;
  for (;;) {
    const status = (await client.send(new DescribeInstanceCommand({ InstanceId: instanceArn }))).Instance?.InstanceStatus ?? "UNKNOWN";
    if (status === "ACTIVE") return status;
    if (status === "CREATION_FAILED") throw new Error(`replica ${instanceArn} failed to create (CREATION_FAILED)`);
    if (Date.now() >= deadline) throw new Error(`replica ${instanceArn} is still ${status} after ${inputs.timeoutSeconds} s; raise timeoutSeconds or check the ACGR console`);
    await new Promise((r) => setTimeout(r, inputs.pollSeconds * 1000));
  }
}

/**
 * Dynamic provider for an ACGR replica instance (ReplicateInstance). Neither @pulumi/aws nor
 * CloudFormation models it. The replica keeps the source's instance id, in the same account.
 */
export const instanceReplicaProvider = {
  async check(_olds: InstanceReplicaInputs, news: InstanceReplicaInputs): Promise<pulumi.dynamic.CheckResult<InstanceReplicaInputs>> {
    const failures: pulumi.dynamic.CheckFailure[] = [];
    try {
      parseInstanceArn(news.sourceInstanceArn);
    } catch (error) {
      failures.push({ property: "sourceInstanceArn", reason: (error as Error).message });
    }
    if (!/^[a-z0-9]([a-z0-9-]{0,60}[a-z0-9])?$/i.test(news.replicaAlias ?? "")) {
      failures.push({ property: "replicaAlias", reason: `found ${JSON.stringify(news.replicaAlias)}; 1-62 letters, digits and hyphens, not starting or ending with a hyphen` });
    }
    return { inputs: news, failures };
  },

  async diff(_id: string, olds: InstanceReplicaOutputs, news: InstanceReplicaInputs): Promise<pulumi.dynamic.DiffResult> {
    const replaces = REPLACE_ON.filter((k) => olds[k] !== news[k]);
    const changes = replaces.length > 0 || olds.timeoutSeconds !== news.timeoutSeconds || olds.pollSeconds !== news.pollSeconds;
    return { changes, replaces: [...replaces], deleteBeforeReplace: true };
  },

  async create(inputs: InstanceReplicaInputs): Promise<pulumi.dynamic.CreateResult<InstanceReplicaOutputs>> {
    const { DescribeInstanceCommand, ReplicateInstanceCommand } = require("@aws-sdk/client-connect") as typeof import("@aws-sdk/client-connect");
    const source = parseInstanceArn(inputs.sourceInstanceArn);
    const sourceClient = await connectClient(inputs.connection, source.region);
    try {
      const described = (await sourceClient.send(new DescribeInstanceCommand({ InstanceId: source.instanceId }))).Instance;
      const problems = replicationProblems(
        { instanceId: source.instanceId, region: source.region, alias: described?.InstanceAlias, identityManagementType: described?.IdentityManagementType, status: described?.InstanceStatus },
        inputs.replicaRegion,
      );
      if (problems.length) throw new Error(`cannot replicate ${inputs.sourceInstanceArn}:\n- ${problems.join("\n- ")}`);
      await sourceClient.send(
        new ReplicateInstanceCommand({ InstanceId: inputs.sourceInstanceArn, ReplicaRegion: inputs.replicaRegion, ReplicaAlias: inputs.replicaAlias, ClientToken: `connect-dr-${source.instanceId}-${inputs.replicaRegion}` }),
      );
    } finally {
      sourceClient.destroy();
    }
    const replicaArn = replicaInstanceArn(inputs.sourceInstanceArn, inputs.replicaRegion);
    const replicaClient = await connectClient(inputs.connection, inputs.replicaRegion);
    try {
      const status = await waitForStatus(replicaClient, replicaArn, inputs);
      return { id: replicaArn, outs: { ...inputs, replicaArn, instanceId: source.instanceId, status } };
    } finally {
      replicaClient.destroy();
    }
  },

  async read(id: string, props: InstanceReplicaOutputs): Promise<pulumi.dynamic.ReadResult<InstanceReplicaOutputs>> {
    const { DescribeInstanceCommand } = require("@aws-sdk/client-connect") as typeof import("@aws-sdk/client-connect");
    const client = await connectClient(props.connection, props.replicaRegion);
    try {
      const instance = (await client.send(new DescribeInstanceCommand({ InstanceId: id }))).Instance;
      return { id, props: { ...props, status: instance?.InstanceStatus ?? "UNKNOWN" } };
    } catch (error) {
      // Gone: an empty result tells the engine the replica no longer exists.
      if ((error as Error).name === "ResourceNotFoundException") return {};
      throw error;
    } finally {
      client.destroy();
    }
  },

  async update(_id: string, olds: InstanceReplicaOutputs, news: InstanceReplicaInputs): Promise<pulumi.dynamic.UpdateResult<InstanceReplicaOutputs>> {
    // Only the wait settings can change in place; they take effect on the next create.
    return { outs: { ...olds, timeoutSeconds: news.timeoutSeconds, pollSeconds: news.pollSeconds } };
  },

  async delete(id: string, props: InstanceReplicaOutputs): Promise<void> {
    const { DeleteInstanceCommand } = require("@aws-sdk/client-connect") as typeof import("@aws-sdk/client-connect");
    const client = await connectClient(props.connection, props.replicaRegion);
    try {
      await client.send(new DeleteInstanceCommand({ InstanceId: id }));
    } catch (error) {
      if ((error as Error).name !== "ResourceNotFoundException") throw error;
    } finally {
      client.destroy();
    }
  },
};
