/**
 * Amazon Connect Global Resiliency (ACGR) rules the simulator enforces, independent of HTTP:
 * the supported Region pairs, which Regions a traffic distribution group (TDG) spans, and how a
 * TDG identifier resolves from a given Region (a full ARN works from either Region of the pair; a
 * bare id only in the TDG's home Region, as the service documents).
 */
import { parseConnectArn } from "./arns";
import { notFound } from "./errors";
import type { RegionState, TrafficDistributionGroupRecord } from "./state/model";
import type { StateStore } from "./state/store";

/** Source Region -> Regions it may be replicated to (ap-northeast-1 -> ap-northeast-3 is one way). */
export const REPLICATION_TARGETS: Readonly<Record<string, readonly string[]>> = {
  "us-east-1": ["us-west-2"],
  "us-west-2": ["us-east-1"],
  "eu-central-1": ["eu-west-2"],
  "eu-west-2": ["eu-central-1"],
  "ap-northeast-1": ["ap-northeast-3"],
};

/** Whether ReplicateInstance from `source` to `replica` is supported. */
export function isSupportedReplication(source: string, replica: string): boolean {
  return REPLICATION_TARGETS[source]?.includes(replica) ?? false;
}

/** The two Regions a TDG distributes between: its home and its instance's replication peer. */
export function regionsOfGroup(store: StateStore, group: TrafficDistributionGroupRecord): string[] {
  const home = store.region(group.account, group.homeRegion);
  const link = home.instances.get(group.instanceId)?.replication;
  if (!link) return [group.homeRegion];
  return [link.sourceRegion, link.replicaRegion];
}

/**
 * Resolves a TDG identifier for a caller in `caller`'s Region: an ARN from either Region of the
 * TDG's pair, or a bare id in the TDG's home Region. Anything else is ResourceNotFoundException.
 */
export function resolveTrafficDistributionGroup(store: StateStore, caller: RegionState, idOrArn: string): TrafficDistributionGroupRecord {
  if (idOrArn.startsWith("arn:")) {
    const arn = parseConnectArn(idOrArn);
    if (!arn || arn.topType !== "traffic-distribution-group" || arn.account !== caller.account || arn.resourceType) {
      throw notFound("Traffic distribution group", idOrArn);
    }
    const group = store.region(arn.account, arn.region).trafficDistributionGroups.get(arn.topId);
    if (!group || !regionsOfGroup(store, group).includes(caller.region)) throw notFound("Traffic distribution group", idOrArn);
    return group;
  }
  const group = caller.trafficDistributionGroups.get(idOrArn);
  if (!group) throw notFound("Traffic distribution group", idOrArn);
  return group;
}
