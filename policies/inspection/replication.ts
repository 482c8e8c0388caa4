/**
 * Reading S3 replication configurations (`BucketReplicationConfig`, a separate resource in
 * @pulumi/aws v7): whether a rule gives Replication Time Control, and which bucket it replicates to.
 */
import type { PolicyResource } from "@pulumi/policy";
import { bucketWithArn } from "./bucket-settings";
import { readPath, readProperty } from "./known-value";

/** S3 Replication Time Control's only threshold: 99.99% of objects within 15 minutes (the RPO bound). */
export const RTC_MINUTES = 15;

/** A replication rule's id for messages. */
export function replicationRuleLabel(rule: unknown): string {
    const id = readProperty(rule, "id");
    return `rule '${id.known && id.value !== undefined ? String(id.value) : "?"}'`;
}

/** What keeps one replication rule from giving RTC; undefined when a deciding value is unknown. */
export function rtcProblems(rule: unknown): string[] | undefined {
    const checks: [readonly string[], unknown, string][] = [
        [["status"], "Enabled", "status is not Enabled"],
        [["destination", "replicationTime", "status"], "Enabled", "replicationTime.status is not Enabled"],
        [["destination", "replicationTime", "time", "minutes"], RTC_MINUTES, `replicationTime.time.minutes is not ${RTC_MINUTES}`],
        [["destination", "metrics", "status"], "Enabled", "metrics.status is not Enabled (RTC needs replication metrics)"],
    ];
    const problems: string[] = [];
    for (const [path, expected, problem] of checks) {
        const value = readPath(rule, path);
        if (!value.known) {
            return undefined;
        }
        if (value.value !== expected) {
            problems.push(problem);
        }
    }
    return problems;
}

/**
 * The bucket(s) of the stack a replication rule of `setting` writes to, or undefined when the rule's
 * destination cannot be told (unknown, or a bucket this stack does not declare). A known destination
 * is matched by ARN or by the bucket name in it; an unknown one by the engine's property dependencies
 * of `rules` (every rule's destination, so only a single candidate is conclusive).
 */
export function replicationDestination(
    setting: PolicyResource,
    rule: unknown,
    buckets: readonly PolicyResource[],
    source: PolicyResource,
): PolicyResource | undefined {
    const others = buckets.filter(b => b.urn !== source.urn);
    const destination = readPath(rule, ["destination", "bucket"]);
    if (destination.known) {
        return bucketWithArn(destination.value, others);
    }
    const candidates = others.filter(b => (setting.propertyDependencies.rules ?? []).some(d => d.urn === b.urn));
    return candidates.length === 1 ? candidates[0] : undefined;
}
