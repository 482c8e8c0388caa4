import { CONTROLS } from "../frameworks";
import { readProperty } from "../inspection/known-value";
import { AwsType } from "../resource-types";
import { defineResourceRule } from "../rule-definition";

/** PCI DSS 10.5.1 asks for 12 months of audit log history. */
export const MINIMUM_LOG_RETENTION_DAYS = 365;

/** Log groups keep at least a year of history where PCI DSS or HIPAA is in force. */
export const cloudwatchLogGroupRetention = defineResourceRule({
    name: "cloudwatch-log-group-retention",
    description: "CloudWatch Logs log groups retain events for at least 365 days where PCI DSS or HIPAA is in force.",
    enforcementLevel: "mandatory",
    remediation: "Set retentionInDays to 365 or more (or leave it unset or 0 to never expire).",
    controls: [CONTROLS.pciDss.logRetention, CONTROLS.hipaa.auditControls],
    resourceTypes: [AwsType.logGroup],
    validate: (args, report) => {
        const days = readProperty(args.props, "retentionInDays");
        // Unset or 0 means "never expire", which satisfies a minimum.
        if (days.known && typeof days.value === "number" && days.value > 0 && days.value < MINIMUM_LOG_RETENTION_DAYS) {
            report(`retentionInDays is ${days.value}; PCI DSS 10.5.1 and HIPAA audit controls need at least ${MINIMUM_LOG_RETENTION_DAYS}.`);
        }
    },
});
