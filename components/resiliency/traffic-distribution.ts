/**
 * Traffic distribution plans for Amazon Connect Global Resiliency.
 *
 * AWS rules these functions enforce (UpdateTrafficDistribution): percentages in steps of 10, both
 * Regions of the pair named, summing to 100; agent distribution and sign-in configuration exist only on
 * the instance's default traffic distribution group. Telephony and agents must move together, or calls
 * land in a Region with no agents to take them.
 */

/** Share of new contacts (telephony) or of agents sent to one Region. */
export interface RegionShare {
  readonly region: string;
  readonly percentage: number;
}

/** Whether agents may sign in to a Region (default group only). */
export interface SignInRegion {
  readonly region: string;
  readonly enabled: boolean;
}

/** A traffic distribution group's distribution, as GetTrafficDistribution reports it. */
export interface TrafficDistribution {
  readonly telephony: readonly RegionShare[];
  /** Present on the default group only. */
  readonly agents?: readonly RegionShare[];
  /** Present on the default group only. */
  readonly signIn?: readonly SignInRegion[];
}

/** What an operator or the failover handler asks for. */
export interface ShiftRequest {
  /** The Region that should take the traffic. */
  readonly toRegion: string;
  /** Percentage of telephony and agents sent to `toRegion`. @default 100 */
  readonly percent?: number;
}

/** Thrown when a requested or observed distribution breaks the service's rules. */
export class DistributionError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join("; "));
    this.name = "DistributionError";
  }
}

/** Checks one set of shares against the pair; returns the problems found (empty when valid). */
export function shareProblems(kind: string, shares: readonly RegionShare[], pair: readonly [string, string]): string[] {
  const problems: string[] = [];
  const regions = shares.map((s) => s.region);
  for (const region of pair) {
    if (!regions.includes(region)) problems.push(`${kind}: Region ${region} is not named; both Regions of the pair ${pair.join("/")} must be`);
  }
  for (const share of shares) {
    if (!pair.includes(share.region)) problems.push(`${kind}: Region ${share.region} is not in the pair ${pair.join("/")}`);
    if (!Number.isInteger(share.percentage) || share.percentage < 0 || share.percentage > 100 || share.percentage % 10 !== 0) {
      problems.push(`${kind}: ${share.region} = ${share.percentage}%; allowed: 0 to 100 in steps of 10`);
    }
  }
  const total = shares.reduce((sum, s) => sum + s.percentage, 0);
  if (total !== 100) problems.push(`${kind}: percentages sum to ${total}; they must sum to 100`);
  return problems;
}

/** Validates a whole distribution; throws DistributionError listing every problem. */
export function assertValidDistribution(distribution: TrafficDistribution, pair: readonly [string, string]): void {
  const problems = [
    ...shareProblems("telephony", distribution.telephony, pair),
    ...(distribution.agents ? shareProblems("agents", distribution.agents, pair) : []),
  ];
  if (problems.length) throw new DistributionError(problems);
}

/** Percentage a set of shares sends to one Region (0 when absent). */
export function percentTo(shares: readonly RegionShare[] | undefined, region: string): number {
  return shares?.find((s) => s.region === region)?.percentage ?? 0;
}

/**
 * True when telephony and agents point at different Regions (calls could arrive where no agent
 * is signed in). Only meaningful on the default group, which carries both.
 */
export function isSplit(distribution: TrafficDistribution): boolean {
  if (!distribution.agents) return false;
  return distribution.telephony.some((t) => percentTo(distribution.agents, t.region) !== t.percentage);
}

/**
 * The distribution that sends `percent` of telephony and agents to `toRegion` and the rest to the
 * other Region of the pair. Sign-in is enabled in every Region that receives agents, and in the
 * source Region too so that agents can sign back in for failback.
 */
export function planShift(current: TrafficDistribution, request: ShiftRequest, pair: readonly [string, string]): TrafficDistribution {
  const percent = request.percent ?? 100;
  if (!pair.includes(request.toRegion)) {
    throw new DistributionError([`toRegion: ${request.toRegion} is not in the pair ${pair.join("/")}`]);
  }
  if (!Number.isInteger(percent) || percent < 0 || percent > 100 || percent % 10 !== 0) {
    throw new DistributionError([`percent: ${percent}; allowed: 0 to 100 in steps of 10`]);
  }
  const other = pair[0] === request.toRegion ? pair[1] : pair[0];
  const shares: RegionShare[] = [
    { region: request.toRegion, percentage: percent },
    { region: other, percentage: 100 - percent },
  ];
  const isDefaultGroup = current.agents !== undefined || current.signIn !== undefined;
  const planned: TrafficDistribution = isDefaultGroup
    ? { telephony: shares, agents: shares, signIn: pair.map((region) => ({ region, enabled: true })) }
    : { telephony: shares };
  assertValidDistribution(planned, pair);
  return planned;
}

/** True when applying `planned` over `current` would change nothing the service tracks. */
export function sameDistribution(current: TrafficDistribution, planned: TrafficDistribution): boolean {
  const sameShares = (a?: readonly RegionShare[], b?: readonly RegionShare[]) =>
    (a === undefined && b === undefined) ||
    (a !== undefined && b !== undefined && a.length === b.length && a.every((s) => percentTo(b, s.region) === s.percentage));
  const sameSignIn = (a?: readonly SignInRegion[], b?: readonly SignInRegion[]) =>
    b === undefined || (a !== undefined && b.every((s) => a.find((x) => x.region === s.region)?.enabled === s.enabled));
  return sameShares(current.telephony, planned.telephony) && sameShares(current.agents, planned.agents) && sameSignIn(current.signIn, planned.signIn);
}

/** The Region taking the largest share of telephony (the "active" Region). */
export function activeRegion(distribution: TrafficDistribution): string {
  return [...distribution.telephony].sort((a, b) => b.percentage - a.percentage)[0].region;
}

/** One line for operators: `telephony us-east-1 100% / us-west-2 0%; agents ...`. */
export function describeDistribution(distribution: TrafficDistribution): string {
  const shares = (s: readonly RegionShare[]) => s.map((x) => `${x.region} ${x.percentage}%`).join(" / ");
  const parts = [`telephony ${shares(distribution.telephony)}`];
  if (distribution.agents) parts.push(`agents ${shares(distribution.agents)}`);
  if (distribution.signIn) parts.push(`sign-in ${distribution.signIn.map((s) => `${s.region} ${s.enabled ? "on" : "off"}`).join(" / ")}`);
  return parts.join("; ");
}

/** The UpdateTrafficDistribution request body for a group ARN (ARNs work from either Region; ids do not). */
export function toUpdateTrafficDistributionInput(groupArn: string, distribution: TrafficDistribution) {
  if (!groupArn.startsWith("arn:")) {
    throw new DistributionError([`group: ${groupArn} is an id; pass the traffic distribution group ARN, which works from either Region`]);
  }
  return {
    Id: groupArn,
    TelephonyConfig: { Distributions: distribution.telephony.map((s) => ({ Region: s.region, Percentage: s.percentage })) },
    ...(distribution.agents ? { AgentConfig: { Distributions: distribution.agents.map((s) => ({ Region: s.region, Percentage: s.percentage })) } } : {}),
    ...(distribution.signIn ? { SignInConfig: { Distributions: distribution.signIn.map((s) => ({ Region: s.region, Enabled: s.enabled })) } } : {}),
  };
}

/** Reads a GetTrafficDistribution response into a TrafficDistribution. */
export function fromGetTrafficDistributionOutput(output: {
  TelephonyConfig?: { Distributions?: { Region?: string; Percentage?: number }[] };
  AgentConfig?: { Distributions?: { Region?: string; Percentage?: number }[] };
  SignInConfig?: { Distributions?: { Region?: string; Enabled?: boolean }[] };
}): TrafficDistribution {
  const shares = (d?: { Region?: string; Percentage?: number }[]) => (d ?? []).map((x) => ({ region: x.Region ?? "", percentage: x.Percentage ?? 0 }));
  return {
    telephony: shares(output.TelephonyConfig?.Distributions),
    ...(output.AgentConfig?.Distributions ? { agents: shares(output.AgentConfig.Distributions) } : {}),
    ...(output.SignInConfig?.Distributions
      ? { signIn: output.SignInConfig.Distributions.map((x) => ({ region: x.Region ?? "", enabled: x.Enabled ?? false })) }
      : {}),
  };
}
