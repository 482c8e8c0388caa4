import type { AccountName, AccountsConfig, StackConfig } from "./config";
import { ROLE_ARN_PATTERN } from "./config";
import { ROUTE53_METRICS_REGION } from "../components/runtime";

/**
 * Which (account, Region) pairs a stack needs providers for, and how each provider is named, which
 * role it assumes and which tags it stamps. Pure: the program turns the plan into `aws.Provider`s.
 */

/** One provider to create. */
export interface PlannedProvider {
  /** Logical name, `<account>-<region>`, e.g. `backup-vault-us-west-2`. */
  readonly name: string;
  readonly account: AccountName;
  readonly accountId: string;
  readonly region: string;
  readonly roleArn: string;
  readonly sessionName: string;
  readonly defaultTags: Readonly<Record<string, string>>;
}

/** The account names as they appear in provider names and tags. */
const ACCOUNT_SLUGS: Record<AccountName, string> = {
  management: "management",
  workload: "workload",
  network: "network",
  backupVault: "backup-vault",
};

/** Route 53 publishes health-check metrics only here, so DNS alarms need a provider in it. */
export { ROUTE53_METRICS_REGION };
/** Global Accelerator's API lives in us-west-2, CloudFront's in us-east-1. */
export function edgeRegion(mode: "global-accelerator" | "cloudfront"): string {
  return mode === "global-accelerator" ? "us-west-2" : "us-east-1";
}

/** Organizations is a global service served from us-east-1. */
export const ORGANIZATIONS_REGION = "us-east-1";

/** `workload` + `us-east-1` -> `workload-us-east-1`. */
export function providerName(account: AccountName, region: string): string {
  return `${ACCOUNT_SLUGS[account]}-${region}`;
}

/** The partition a Region belongs to, for ARNs. */
export function partitionOf(region: string): string {
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("cn-")) return "aws-cn";
  return "aws";
}

/** The role ARN to assume: the configured ARN as is, or a role name turned into an ARN in the account. */
export function roleArnFor(account: { id: string; role: string }, region: string): string {
  if (ROLE_ARN_PATTERN.test(account.role)) return account.role;
  return `arn:${partitionOf(region)}:iam::${account.id}:role/${account.role}`;
}

/**
 * The STS session name, so CloudTrail shows which stack acted in which account: at most 64 characters
 * of `[\w+=,.@-]`.
 */
export function sessionNameFor(stack: string, account: AccountName): string {
  return `connect-dr-${stack}-${ACCOUNT_SLUGS[account]}`.replace(/[^\w+=,.@-]/g, "-").slice(0, 64);
}

/**
 * The (account, Region) pairs each stack role uses, in the order they are created:
 * - primary: workload here (Connect, recordings source, contact table) and in the peer Region (table
 *   replica key); backup vault in the peer Region (recording replicas); network here (Direct Connect).
 * - secondary: workload here (replica Connect, recordings source, DR lock table) and in the peer Region
 *   (the failover automation there, the lock table's replica key); backup vault in the peer Region;
 *   network here (Direct Connect, DNS) and in us-east-1 (Route 53 health-check alarms).
 * - with `governance` (primary only): the management account in us-east-1, where the Organizations
 *   API is served.
 * - with `edge` (secondary only): the network account where the edge service's API lives.
 */
export function neededProviders(
  role: StackConfig["role"],
  here: string,
  peer: string,
  options: { governance?: boolean; edgeMode?: "global-accelerator" | "cloudfront" } = {},
): { account: AccountName; region: string }[] {
  const pairs: { account: AccountName; region: string }[] =
    role === "primary"
      ? [
          { account: "workload", region: here },
          { account: "workload", region: peer },
          { account: "backupVault", region: peer },
          { account: "network", region: here },
          ...(options.governance ? [{ account: "management" as const, region: ORGANIZATIONS_REGION }] : []),
        ]
      : [
          { account: "workload", region: here },
          { account: "workload", region: peer },
          { account: "backupVault", region: peer },
          { account: "network", region: here },
          { account: "network", region: ROUTE53_METRICS_REGION },
          ...(options.edgeMode ? [{ account: "network" as const, region: edgeRegion(options.edgeMode) }] : []),
        ];
  const seen = new Set<string>();
  return pairs.filter((p) => {
    const key = providerName(p.account, p.region);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The complete plan for a stack: one entry per (account, Region) it needs. */
export function planProviders(
  config: Pick<StackConfig, "role" | "primaryRegion" | "secondaryRegion" | "tags"> & { accounts: AccountsConfig; governance?: unknown; edge?: { mode: "global-accelerator" | "cloudfront" } },
  stack: string,
): PlannedProvider[] {
  const here = config.role === "primary" ? config.primaryRegion : config.secondaryRegion;
  const peer = config.role === "primary" ? config.secondaryRegion : config.primaryRegion;
  return neededProviders(config.role, here, peer, { governance: config.governance !== undefined, ...(config.edge ? { edgeMode: config.edge.mode } : {}) }).map(({ account, region }) => ({
    name: providerName(account, region),
    account,
    accountId: config.accounts[account].id,
    region,
    roleArn: roleArnFor(config.accounts[account], region),
    sessionName: sessionNameFor(stack, account),
    defaultTags: { ...config.tags, "connect-dr:stack": stack, "connect-dr:account": ACCOUNT_SLUGS[account] },
  }));
}
