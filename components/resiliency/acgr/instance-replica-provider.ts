import type * as pulumi from "@pulumi/pulumi";
import { ConnectSession, type ConnectConnection } from "./connection";
import { instanceAliasProblem } from "./instance-alias";
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

const sdk = () => require("@aws-sdk/client-connect") as typeof import("@aws-sdk/client-connect");

/**
 * The replica as DescribeInstance in its Region reports it, by the instance id it shares with the
 * source (DescribeInstance models `InstanceId`, not the ARN), or undefined when there is none.
 */
async function describeReplica(replica: ConnectSession, instanceId: string): Promise<{ status: string; alias?: string } | undefined> {
  try {
    const instance = (await replica.call((c) => c.send(new (sdk().DescribeInstanceCommand)({ InstanceId: instanceId })))).Instance;
    return { status: instance?.InstanceStatus ?? "UNKNOWN", ...(instance?.InstanceAlias !== undefined ? { alias: instance.InstanceAlias } : {}) };
  } catch (error) {
    if ((error as Error).name === "ResourceNotFoundException") return undefined;
    throw error;
  }
}

/** Polls the replica until ACTIVE; a replica not visible yet in its Region counts as still creating. */
async function waitForStatus(replica: ConnectSession, instanceId: string, inputs: InstanceReplicaInputs): Promise<string> {
  const deadline = Date.now() + inputs.timeoutSeconds * 1000;
  for (;;) {
    const status = (await describeReplica(replica, instanceId))?.status ?? "NOT_VISIBLE_YET";
    if (status === "ACTIVE") return status;
    if (status === "CREATION_FAILED") throw new Error(`replica of ${instanceId} in ${inputs.replicaRegion} failed to create (CREATION_FAILED)`);
    if (Date.now() >= deadline) throw new Error(`replica of ${instanceId} in ${inputs.replicaRegion} is still ${status} after ${inputs.timeoutSeconds} s; raise timeoutSeconds or check the ACGR console`);
    await new Promise((r) => setTimeout(r, inputs.pollSeconds * 1000));
  }
}

/**
 * Starts the replication, or adopts the replica a previous run started: after a crash between
 * ReplicateInstance and the engine saving the state, the retry's ReplicateInstance fails with
 * InvalidRequestException ("the instance was already replicated", the admin guide's "Why a
 * ReplicateInstance call fails"). The replica it then finds in the replica Region, with the declared
 * alias, is this resource's; one with another alias is an error naming both.
 */
async function replicateOrAdopt(source: ConnectSession, replica: ConnectSession, instanceId: string, inputs: InstanceReplicaInputs): Promise<void> {
  try {
    await source.call((c) =>
      c.send(
        new (sdk().ReplicateInstanceCommand)({ InstanceId: inputs.sourceInstanceArn, ReplicaRegion: inputs.replicaRegion, ReplicaAlias: inputs.replicaAlias, ClientToken: `connect-dr-${instanceId}-${inputs.replicaRegion}` }),
      ),
    );
  } catch (error) {
    if ((error as Error).name !== "InvalidRequestException") throw error;
    const existing = await describeReplica(replica, instanceId);
    if (!existing) throw error;
    if (existing.alias !== inputs.replicaAlias) {
      throw new Error(
        `${inputs.sourceInstanceArn} is already replicated to ${inputs.replicaRegion} with the alias ${JSON.stringify(existing.alias)}, not the declared replicaAlias ${JSON.stringify(inputs.replicaAlias)}: ` +
          `declare that alias to adopt the replica, or delete it (DeleteInstance of ${instanceId} in ${inputs.replicaRegion}) first`,
      );
    }
  }
}

/**
 * Dynamic provider for an ACGR replica instance (ReplicateInstance). Neither @pulumi/aws nor
 * CloudFormation models it. The replica keeps the source's instance id, in the same account; it is
 * read and deleted by that id with a client in the replica's Region.
 */
export const instanceReplicaProvider = {
  async check(_olds: InstanceReplicaInputs, news: InstanceReplicaInputs): Promise<pulumi.dynamic.CheckResult<InstanceReplicaInputs>> {
    const failures: pulumi.dynamic.CheckFailure[] = [];
    try {
      parseInstanceArn(news.sourceInstanceArn);
    } catch (error) {
      failures.push({ property: "sourceInstanceArn", reason: (error as Error).message });
    }
    const aliasProblem = instanceAliasProblem(news.replicaAlias);
    if (aliasProblem) failures.push({ property: "replicaAlias", reason: aliasProblem });
    return { inputs: news, failures };
  },

  async diff(_id: string, olds: InstanceReplicaOutputs, news: InstanceReplicaInputs): Promise<pulumi.dynamic.DiffResult> {
    const replaces = REPLACE_ON.filter((k) => olds[k] !== news[k]);
    const changes = replaces.length > 0 || olds.timeoutSeconds !== news.timeoutSeconds || olds.pollSeconds !== news.pollSeconds;
    return { changes, replaces: [...replaces], deleteBeforeReplace: true };
  },

  async create(inputs: InstanceReplicaInputs): Promise<pulumi.dynamic.CreateResult<InstanceReplicaOutputs>> {
    const source = parseInstanceArn(inputs.sourceInstanceArn);
    const sourceSession = new ConnectSession(inputs.connection, source.region);
    const replicaSession = new ConnectSession(inputs.connection, inputs.replicaRegion);
    try {
      const described = (await sourceSession.call((c) => c.send(new (sdk().DescribeInstanceCommand)({ InstanceId: source.instanceId })))).Instance;
      const problems = replicationProblems(
        { instanceId: source.instanceId, region: source.region, alias: described?.InstanceAlias, identityManagementType: described?.IdentityManagementType, status: described?.InstanceStatus },
        inputs.replicaRegion,
      );
      if (problems.length) throw new Error(`cannot replicate ${inputs.sourceInstanceArn}:\n- ${problems.join("\n- ")}`);
      await replicateOrAdopt(sourceSession, replicaSession, source.instanceId, inputs);
      const status = await waitForStatus(replicaSession, source.instanceId, inputs);
      const replicaArn = replicaInstanceArn(inputs.sourceInstanceArn, inputs.replicaRegion);
      return { id: replicaArn, outs: { ...inputs, replicaArn, instanceId: source.instanceId, status } };
    } finally {
      sourceSession.destroy();
      replicaSession.destroy();
    }
  },

  async read(id: string, props: InstanceReplicaOutputs): Promise<pulumi.dynamic.ReadResult<InstanceReplicaOutputs>> {
    const session = new ConnectSession(props.connection, props.replicaRegion);
    try {
      const replica = await describeReplica(session, props.instanceId);
      // Gone: an empty result tells the engine the replica no longer exists.
      return replica ? { id, props: { ...props, status: replica.status } } : {};
    } finally {
      session.destroy();
    }
  },

  async update(_id: string, olds: InstanceReplicaOutputs, news: InstanceReplicaInputs): Promise<pulumi.dynamic.UpdateResult<InstanceReplicaOutputs>> {
    // Only the wait settings can change in place; they take effect on the next create.
    return { outs: { ...olds, timeoutSeconds: news.timeoutSeconds, pollSeconds: news.pollSeconds } };
  },

  async delete(_id: string, props: InstanceReplicaOutputs): Promise<void> {
    const session = new ConnectSession(props.connection, props.replicaRegion);
    try {
      // DeleteInstance of the shared id in the replica's Region ends the replication (the source stays).
      await session.call((c) => c.send(new (sdk().DeleteInstanceCommand)({ InstanceId: props.instanceId })));
    } catch (error) {
      if ((error as Error).name !== "ResourceNotFoundException") throw error;
    } finally {
      session.destroy();
    }
  },
};
