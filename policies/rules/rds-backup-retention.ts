import { CONTROLS } from "../frameworks";
import { readProperty } from "../inspection/known-value";
import { AwsType } from "../resource-types";
import { defineResourceRule } from "../rule-definition";

/** At least a week of automated backups, so a bad change can be rolled back after a weekend. */
export const MINIMUM_BACKUP_RETENTION_DAYS = 7;

/** RDS instances and Aurora clusters keep automated backups for at least 7 days. */
export const rdsBackupRetention = defineResourceRule({
    name: "rds-backup-retention",
    family: "resilience",
    description: "RDS instances and Aurora clusters keep automated backups for at least 7 days.",
    enforcementLevel: "mandatory",
    remediation: `Set backupRetentionPeriod to ${MINIMUM_BACKUP_RETENTION_DAYS} or more.`,
    controls: [CONTROLS.gdpr.restore, CONTROLS.hipaa.integrity],
    resourceTypes: [AwsType.rdsInstance, AwsType.rdsCluster],
    validate: (args, report) => {
        const days = readProperty(args.props, "backupRetentionPeriod");
        if (!days.known) {
            return;
        }
        // Unset means the service default: 1 day for both RDS instances and Aurora clusters.
        const effective = typeof days.value === "number" ? days.value : 1;
        if (effective < MINIMUM_BACKUP_RETENTION_DAYS) {
            report(
                `backupRetentionPeriod is ${days.value === undefined ? "unset (1 day)" : String(days.value)}; ` +
                    `keep at least ${MINIMUM_BACKUP_RETENTION_DAYS} days (0 disables backups).`,
            );
        }
    },
});
