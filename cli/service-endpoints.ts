import { applyNetworkPolicy, networkClientConfig, type ServiceLabel } from "./operations/aws-client/network-policy";
import { UsageError } from "./errors";

/**
 * `--endpoint-url` points Amazon Connect only. When it names a stand-in (the project's simulator, a
 * local emulator), the other services a command calls must be pointed by their own flag or skipped,
 * else they would go to AWS with the stand-in's credentials and fail far from the cause. These
 * helpers make every command say which flag points or skips each service.
 */

/** True for an AWS endpoint (`*.amazonaws.com`, `*.amazonaws.com.cn`, `*.api.aws`, a VPC endpoint). */
export function isAwsEndpoint(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return /(^|\.)amazonaws\.com(\.cn)?$/.test(host) || /(^|\.)api\.aws$/.test(host);
}

/** The `--endpoint-url` of a stand-in (anything but an AWS endpoint), or undefined. */
export function standInEndpoint(flags: { endpointUrl?: string }): string | undefined {
  return flags.endpointUrl && !isAwsEndpoint(flags.endpointUrl) ? flags.endpointUrl : undefined;
}

/** A service a command calls besides Amazon Connect, and how to point or skip it. */
export interface OtherService {
  /** e.g. "AWS Lambda". */
  readonly service: string;
  /** What calls it, e.g. "--lock-table" or "the Lambda check". */
  readonly usedBy: string;
  /** Its endpoint flag, e.g. "--lambda-endpoint-url". */
  readonly endpointFlag: string;
  /** The value of that flag, if given. */
  readonly endpoint?: string;
  /** How to do without it, e.g. "--no-lambda-check" or "leave out --lock-table". */
  readonly skip: string;
}

/** Why a service cannot be used with a stand-in `--endpoint-url` and no endpoint of its own. */
export function standInReason(standIn: string, other: OtherService): string {
  return `--endpoint-url ${standIn} is a stand-in for Amazon Connect only; ${other.usedBy} calls ${other.service}: point it with ${other.endpointFlag} or ${other.skip}`;
}

/**
 * For a service the user asked for (a flag that needs it): refuses, naming both flags, when
 * `--endpoint-url` is a stand-in and the service has no endpoint of its own.
 */
export function requireServiceEndpoint(flags: { endpointUrl?: string }, other: OtherService): void {
  const standIn = standInEndpoint(flags);
  if (standIn && !other.endpoint) throw new UsageError(standInReason(standIn, other));
}

/**
 * For a check that is on by default: the reason it is skipped (a stand-in `--endpoint-url` and no
 * endpoint of its own), or undefined when it runs.
 */
export function skippedWithStandIn(flags: { endpointUrl?: string }, other: OtherService): string | undefined {
  const standIn = standInEndpoint(flags);
  return standIn && !other.endpoint ? `skipped: ${standInReason(standIn, other)}` : undefined;
}

/** An AWS SDK client with the CLI's network policy (connection timeout, bounded retries, clear errors). */
export function awsClient<C extends Parameters<typeof applyNetworkPolicy>[0], Config extends object>(
  Client: new (config: Config) => C,
  config: Config,
  label: ServiceLabel,
): C {
  return applyNetworkPolicy(new Client({ ...networkClientConfig(), ...config }), label);
}
