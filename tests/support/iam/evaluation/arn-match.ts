/**
 * ARN matching as IAM does it for the Resource element and the ARN condition operators (IAM User
 * Guide, "IAM JSON policy elements: Resource" and "Condition operators", ARN): each of the six
 * colon-delimited parts is matched on its own and case-sensitively, so a wildcard never spans the colon
 * between two parts; the sixth part (the resource) is everything after the fifth colon, colons included.
 */
import { wildcardMatches } from "./wildcard";

/** An ARN's six parts (`arn`, partition, service, Region, account, resource); undefined when it is none. */
export function arnParts(arn: string): string[] | undefined {
  const parts = arn.split(":");
  return parts.length < 6 ? undefined : [...parts.slice(0, 5), parts.slice(5).join(":")];
}

/** Whether `arn` matches the ARN pattern `pattern`, part by part. */
export function arnMatches(pattern: string, arn: string): boolean {
  const expected = arnParts(pattern);
  const actual = arnParts(arn);
  return expected !== undefined && actual !== undefined && expected.every((part, i) => wildcardMatches(part, actual[i]));
}
