import * as pulumi from "@pulumi/pulumi";
import { instanceReplicaProvider } from "./acgr/instance-replica-provider";
import { ArgumentError } from "../argument-error";
import { canReplicate, allowedReplicaRegions } from "./acgr/region-pairs";
import { ACGR_MODULE, acgrTypeAliases } from "./acgr/type-tokens";
import { INSTANCE_ALIAS_RULE, isInstanceAlias } from "./acgr/instance-alias";

/** Arguments of {@link InstanceReplica}. */
export interface InstanceReplicaArgs {
  /** ARN of the ACTIVE, SAML, aliased source instance. */
  readonly sourceInstanceArn: pulumi.Input<string>;
  /** Region of the source instance (checked against the ACGR pairs before anything runs). */
  readonly sourceRegion: string;
  /** Region of the replica: the other Region of an ACGR pair. */
  readonly replicaRegion: string;
  /**
   * Alias of the replica instance; unique, distinct from the source's: 1-45 letters and digits,
   * hyphens only between them, not starting with `d-` (checked here when it is a plain string).
   */
  readonly replicaAlias: pulumi.Input<string>;
  /** Role to assume in the workload account. @default the engine's ambient credentials */
  readonly roleArn?: pulumi.Input<string>;
  /** Connect endpoint override, for the API simulator. @default the public endpoint */
  readonly endpoint?: string;
  /** Seconds to wait for the replica to become ACTIVE. @default 3600 */
  readonly timeoutSeconds?: number;
  /** Seconds between status polls. @default 15 */
  readonly pollSeconds?: number;
}

/**
 * The Amazon Connect Global Resiliency replica of an instance (ReplicateInstance): same account, same
 * instance id, in the other Region of the pair. Waits until ACTIVE; deleted on destroy.
 */
export class InstanceReplica extends pulumi.dynamic.Resource {
  // `declare`, not class fields: under ES2022 a field would reset the output Pulumi set in super().
  /** ARN of the replica: the source's instance id in the replica Region. */
  declare public readonly replicaArn: pulumi.Output<string>;
  /** The instance id, the same in both Regions. */
  declare public readonly instanceId: pulumi.Output<string>;
  /** DescribeInstance's InstanceStatus of the replica when last read. */
  declare public readonly status: pulumi.Output<string>;

  constructor(name: string, args: InstanceReplicaArgs, opts?: pulumi.CustomResourceOptions) {
    if (!canReplicate(args.sourceRegion, args.replicaRegion)) {
      throw new ArgumentError("InstanceReplica", "replicaRegion", args.replicaRegion, `a replica Region for ${args.sourceRegion}: ${allowedReplicaRegions(args.sourceRegion)}`);
    }
    if (typeof args.replicaAlias === "string" && !isInstanceAlias(args.replicaAlias)) {
      throw new ArgumentError("InstanceReplica", "replicaAlias", args.replicaAlias, INSTANCE_ALIAS_RULE);
    }
    super(
      instanceReplicaProvider,
      name,
      {
        sourceInstanceArn: args.sourceInstanceArn,
        replicaRegion: args.replicaRegion,
        replicaAlias: args.replicaAlias,
        timeoutSeconds: args.timeoutSeconds ?? 3600,
        pollSeconds: args.pollSeconds ?? 15,
        connection: { roleArn: args.roleArn, endpoint: args.endpoint },
        replicaArn: undefined,
        instanceId: undefined,
        status: undefined,
      },
      pulumi.mergeOptions(opts, { aliases: acgrTypeAliases("InstanceReplica") }),
      ACGR_MODULE,
      "InstanceReplica",
    );
  }
}
