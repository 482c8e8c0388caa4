import { CONTROLS } from "../frameworks";
import { bucketsWithSettings } from "../inspection/bucket-settings";
import { CONTACT_RECORDS_DATA_CLASS, DATA_CLASS_TAG, RECORDINGS_DATA_CLASS } from "../inspection/data-class";
import { readArray } from "../inspection/known-value";
import { replicationRuleLabel, RTC_MINUTES, rtcProblems } from "../inspection/replication";
import { tagValue } from "../inspection/tags";
import { AwsType } from "../resource-types";
import { defineStackRule } from "../rule-definition";

export { DATA_CLASS_TAG, RECORDINGS_DATA_CLASS } from "../inspection/data-class";
export { RTC_MINUTES } from "../inspection/replication";

// The data whose recovery point objective S3 Replication Time Control bounds, and how messages name it.
const RPO_BOUND_CLASSES: Readonly<Record<string, string>> = {
    [RECORDINGS_DATA_CLASS]: "Recordings bucket",
    [CONTACT_RECORDS_DATA_CLASS]: "Contact-records bucket",
};

/**
 * Buckets holding call recordings or the contact trace record archive replicate with Replication
 * Time Control. Their vault copies (`*-replica`) are not required to replicate onward.
 */
export const s3RecordingsReplicationRtc = defineStackRule({
    name: "s3-recordings-replication-rtc",
    family: "resilience",
    description:
        "S3 buckets tagged connect-dr:data-class=recordings or contact-records replicate with S3 Replication Time Control (15 minutes).",
    enforcementLevel: "mandatory",
    remediation:
        "Add an aws.s3.BucketReplicationConfig for the bucket with an Enabled rule whose destination has " +
        `replicationTime { status: "Enabled", time: { minutes: ${RTC_MINUTES} } } and metrics { status: "Enabled", ` +
        `eventThreshold: { minutes: ${RTC_MINUTES} } }.`,
    controls: [CONTROLS.gdpr.restore, CONTROLS.gdpr.resilience, CONTROLS.hipaa.integrity],
    validate: (args, report) => {
        for (const { bucket, settings } of bucketsWithSettings(args.resources, [AwsType.bucketReplication])) {
            const subject = RPO_BOUND_CLASSES[tagValue(bucket, DATA_CLASS_TAG) ?? ""];
            if (subject === undefined) {
                continue;
            }
            if (settings.length === 0) {
                report(`${subject} '${bucket.name}' has no replication configuration.`, bucket.urn);
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
                    const ruleProblems = rtcProblems(rule);
                    if (ruleProblems === undefined) {
                        unknown = true;
                    } else if (ruleProblems.length === 0) {
                        compliantRule = true;
                    } else {
                        problems.push(`${replicationRuleLabel(rule)}: ${ruleProblems.join("; ")}`);
                    }
                }
            }
            if (!compliantRule && !unknown) {
                report(
                    `${subject} '${bucket.name}' has no enabled replication rule with RTC` + (problems.length > 0 ? ` (${problems.join(" | ")}).` : "."),
                    bucket.urn,
                );
            }
        }
    },
});
