import * as pulumi from "@pulumi/pulumi";
import { trafficDistributionGroupProvider } from "./acgr/traffic-distribution-group-provider";
import { planShift, type TrafficDistribution } from "./traffic-distribution";
import { ArgumentError } from "../argument-error";
import { ACGR_MODULE, acgrTypeAliases } from "./acgr/type-tokens";

/** Arguments of {@link TrafficDistributionGroup}. */
export interface TrafficDistributionGroupArgs {
  /** ARN of the source instance; the group is created in its Region. */
  readonly instanceArn: pulumi.Input<string>;
  /** The ACGR pair, source Region first. */
  readonly pair: readonly [string, string];
  /**
   * Adopt the default group that ReplicateInstance created (it alone carries agent and sign-in
   * distribution) instead of creating a new group. @default true
   */
  readonly useDefaultGroup?: boolean;
  /** Name of a created group. @default the resource name */
  readonly groupName?: string;
  /** @default "Managed by connect-dr" */
  readonly description?: string;
  /**
   * Region that takes the declared traffic. Applied on create and when this declaration changes, never
   * to undo a failover made at run time. @default the source Region (pair[0])
   */
  readonly activeRegion?: string;
  /** Share of telephony (and agents) sent to `activeRegion`, in steps of 10. @default 100 */
  readonly activePercent?: number;
  /** Phone number ids or ARNs (claimed in the source Region) to move into the group. @default none */
  readonly phoneNumberIds?: readonly string[];
  /** Role to assume in the workload account. @default the engine's ambient credentials */
  readonly roleArn?: pulumi.Input<string>;
  /** Connect endpoint override, for the API simulator. @default the public endpoint */
  readonly endpoint?: string;
  /** Seconds to wait for the group to become ACTIVE. @default 900 */
  readonly timeoutSeconds?: number;
  /** @default 10 */
  readonly pollSeconds?: number;
}

/** The distribution a group is declared with, from the flat args. */
export function declaredDistribution(args: Pick<TrafficDistributionGroupArgs, "pair" | "useDefaultGroup" | "activeRegion" | "activePercent">): TrafficDistribution {
  const useDefault = args.useDefaultGroup ?? true;
  const seed: TrafficDistribution = useDefault ? { telephony: [], agents: [], signIn: [] } : { telephony: [] };
  return planShift(seed, { toRegion: args.activeRegion ?? args.pair[0], percent: args.activePercent ?? 100 }, args.pair);
}

/**
 * An ACGR traffic distribution group with its declared telephony, agent and sign-in distribution and
 * the phone numbers it routes.
 */
export class TrafficDistributionGroup extends pulumi.dynamic.Resource {
  // `declare`, not class fields: under ES2022 a field would reset the output Pulumi set in super().
  /** The group's ARN (what UpdateTrafficDistribution needs from either Region). */
  declare public readonly arn: pulumi.Output<string>;
  declare public readonly groupId: pulumi.Output<string>;
  declare public readonly status: pulumi.Output<string>;
  /** The distribution in force when last read (the failover handler changes it at run time). */
  declare public readonly liveDistribution: pulumi.Output<TrafficDistribution>;

  constructor(name: string, args: TrafficDistributionGroupArgs, opts?: pulumi.CustomResourceOptions) {
    if (args.activeRegion !== undefined && !args.pair.includes(args.activeRegion)) {
      throw new ArgumentError("TrafficDistributionGroup", "activeRegion", args.activeRegion, `one of the pair ${args.pair.join(", ")}`);
    }
    const percent = args.activePercent ?? 100;
    if (!Number.isInteger(percent) || percent < 0 || percent > 100 || percent % 10 !== 0) {
      throw new ArgumentError("TrafficDistributionGroup", "activePercent", args.activePercent, "0 to 100 in steps of 10");
    }
    const distribution = declaredDistribution(args);
    super(
      trafficDistributionGroupProvider,
      name,
      {
        instanceArn: args.instanceArn,
        replicaRegion: args.pair[1],
        useDefaultGroup: args.useDefaultGroup ?? true,
        name: args.groupName ?? name,
        description: args.description ?? "Managed by connect-dr",
        distribution,
        phoneNumberIds: args.phoneNumberIds ?? [],
        timeoutSeconds: args.timeoutSeconds ?? 900,
        pollSeconds: args.pollSeconds ?? 10,
        connection: { roleArn: args.roleArn, endpoint: args.endpoint },
        arn: undefined,
        groupId: undefined,
        status: undefined,
        liveDistribution: undefined,
      },
      pulumi.mergeOptions(opts, { aliases: acgrTypeAliases("TrafficDistributionGroup") }),
      ACGR_MODULE,
      "TrafficDistributionGroup",
    );
  }
}
