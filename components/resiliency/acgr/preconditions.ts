import { allowedReplicaRegions, canReplicate } from "./region-pairs";

/** What DescribeInstance tells about the source instance (the fields ReplicateInstance depends on). */
export interface SourceInstanceFacts {
  readonly instanceId: string;
  readonly region: string;
  readonly alias?: string;
  readonly identityManagementType?: string;
  readonly status?: string;
}

/**
 * The documented preconditions of ReplicateInstance, checked before calling it so that the user gets
 * every unmet one at once, by name, instead of the service's first refusal.
 */
export function replicationProblems(source: SourceInstanceFacts, replicaRegion: string): string[] {
  const problems: string[] = [];
  if (!canReplicate(source.region, replicaRegion)) {
    problems.push(`replicaRegion: ${replicaRegion} cannot replicate an instance in ${source.region}; allowed: ${allowedReplicaRegions(source.region)}`);
  }
  if (!source.alias) problems.push(`instance ${source.instanceId}: has no instance alias; ACGR needs one`);
  if (source.identityManagementType !== "SAML") {
    problems.push(`instance ${source.instanceId}: identity management is ${source.identityManagementType ?? "unknown"}; ACGR needs SAML`);
  }
  if (source.status !== "ACTIVE") problems.push(`instance ${source.instanceId}: status is ${source.status ?? "unknown"}; ReplicateInstance needs ACTIVE`);
  return problems;
}

/** Splits `arn:aws:connect:<region>:<account>:instance/<id>` into its parts. */
export function parseInstanceArn(arn: string): { partition: string; region: string; account: string; instanceId: string } {
  const match = /^arn:(aws[a-z-]*):connect:([a-z0-9-]+):(\d{12}):instance\/([0-9a-f-]{36})$/.exec(arn);
  if (!match) throw new Error(`sourceInstanceArn: found ${JSON.stringify(arn)}; expected arn:aws:connect:<region>:<account>:instance/<uuid>`);
  return { partition: match[1], region: match[2], account: match[3], instanceId: match[4] };
}

/** The replica's ARN: same account and id, the replica Region. */
export function replicaInstanceArn(sourceArn: string, replicaRegion: string): string {
  const { partition, account, instanceId } = parseInstanceArn(sourceArn);
  return `arn:${partition}:connect:${replicaRegion}:${account}:instance/${instanceId}`;
}
