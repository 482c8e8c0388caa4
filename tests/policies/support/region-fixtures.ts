/**
 * Resources for the Region rules: providers per Region and a Region-deny SCP shaped as in AWS's
 * Organizations documentation ("Deny access to AWS based on the requested AWS Region": Deny with
 * NotAction over global services and `StringNotEquals` on `aws:RequestedRegion`).
 */
import type { HarnessResource } from "./policy-harness";

export const provider = (region: string) => ({ name: `workload-${region}`, props: { region } });

/** A regional resource (an SQS queue) created with the provider of `region`. */
export const queueIn = (region: string, name = `queue-${region}`): HarnessResource => ({ type: "aws:sqs/queue:Queue", name, props: {}, provider: provider(region) });

/** The Region-deny statement of AWS's example SCP, allowing `regions`. */
export function regionDenyContent(regions: readonly string[]): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "DenyAllOutsideRequestedRegions",
                Effect: "Deny",
                NotAction: ["cloudfront:*", "iam:*", "organizations:*", "route53:*", "sts:*", "support:*"],
                Resource: "*",
                Condition: { StringNotEquals: { "aws:RequestedRegion": [...regions] } },
            },
        ],
    });
}

/** An `aws.organizations.Policy` (an SCP) with `content`, declared with the management account's provider. */
export const scp = (content: unknown, name = "guardrails-scp-1"): HarnessResource => ({
    type: "aws:organizations/policy:Policy",
    name,
    props: { name, type: "SERVICE_CONTROL_POLICY", content },
    provider: provider("us-east-1"),
});
