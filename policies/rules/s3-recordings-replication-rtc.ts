import { CONTROLS } from "../frameworks";
import { bucketsWithSettings, tagValue } from "../inspection/bucket-settings";
import { readArray, readPath, readProperty } from "../inspection/known-value";
import { AwsType } from "../resource-types";
import { defineStackRule } from "../rule-definition";

/**
 * The tag that marks a bucket holding call recordings (the source side of replication). Replica
 * buckets carry `recordings-replica` instead and are not required to replicate onward.
 */
export const DATA_CLASS_TAG = "connect-dr:data-class";
/** Value of `DATA_CLASS_TAG` on recordings buckets. */
export const RECORDINGS_DATA_CLASS = "recordings";
/** S3 Replication Time Control's only threshold: 99.99% of objects within 15 minutes (the RPO bound). */
export const RTC_MINUTES = 15;

/** Recordings buckets replicate to the other Region with Replication Time Control. */
export const s3RecordingsReplicationRtc = defineStackRule({
    name: "s3-recordings-replication-rtc",
    description: "S3 buckets tagged connect-dr:data-class=recordings replicate with S3 Replication Time Control (15 minutes).",
    enforcementLevel: "mandatory",
    remediation:
        "Add an aws.s3.BucketReplicationConfig for the bucket with an Enabled rule whose destination has " +
        `replicationTime { status: "Enabled", time: { minutes: ${RTC_MINUTES} } } and metrics { status: "Enabled", ` +
        `eventThreshold: { minutes: ${RTC_MINUTES} } }.`,
    controls: [CONTROLS.gdpr.restore, CONTROLS.gdpr.resilience, CONTROLS.hipaa.integrity],
    validate: (args, report) => {
        for (const { bucket, settings } of bucketsWithSettings(args.resources, [AwsType.bucketReplication])) {
            if (tagValue(bucket, DATA_CLASS_TAG) !== RECORDINGS_DATA_CLASS) {
                continue;
            }
            if (settings.length === 0) {
                report(`Recordings bucket '${bucket.name}' has no replication configuration.`, bucket.urn);
                continue;
            }
            const problems: string[] = [];
            let compliantRule = false;
            let unknown = false;
            for (const setting of settings) {
                const rules = readArray(setting.props, "rules");
                if (!rules.known) {
                    unknown = true;
                    continue;
                }
                for (const rule of rules.value) {
                    const id = readProperty(rule, "id");
                    const label = `rule '${id.known && id.value !== undefined ? String(id.value) : "?"}'`;
                    const ruleProblems = rtcProblems(rule);
                    if (ruleProblems === undefined) {
                        unknown = true;
                    } else if (ruleProblems.length === 0) {
                        compliantRule = true;
                    } else {
                        problems.push(`${label}: ${ruleProblems.join("; ")}`);
                    }
                }
            }
            if (!compliantRule && !unknown) {
                report(
                    `Recordings bucket '${bucket.name}' has no enabled replication rule with RTC` +
                        (problems.length > 0 ? ` (${problems.join(" | ")}).` : "."),
                    bucket.urn,
                );
            }
        }
    },
});

/** What keeps one replication rule from giving RTC; undefined when a deciding value is unknown. */
function rtcProblems(rule: unknown): string[] | undefined {
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
