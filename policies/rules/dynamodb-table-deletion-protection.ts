import { CONTROLS } from "../frameworks";
import { readArray, readProperty } from "../inspection/known-value";
import { AwsType } from "../resource-types";
import { defineResourceRule } from "../rule-definition";

/** DynamoDB tables and each of their replicas cannot be deleted by accident (the default is off). */
export const dynamodbTableDeletionProtection = defineResourceRule({
    name: "dynamodb-table-deletion-protection",
    family: "resilience",
    description: "DynamoDB tables and each of their replicas have deletion protection enabled.",
    enforcementLevel: "mandatory",
    remediation: "Set deletionProtectionEnabled: true on the table and on every replica (replicas[].deletionProtectionEnabled, or the TableReplica resource).",
    controls: [CONTROLS.gdpr.resilience, CONTROLS.hipaa.integrity],
    resourceTypes: [AwsType.dynamodbTable, AwsType.dynamodbTableReplica],
    validate: (args, report) => {
        const subject = args.type === AwsType.dynamodbTableReplica ? "the table replica" : "the table";
        const enabled = readProperty(args.props, "deletionProtectionEnabled");
        if (enabled.known && enabled.value !== true) {
            report(`Deletion protection is off on ${subject}: set deletionProtectionEnabled to true.`);
        }
        if (args.type === AwsType.dynamodbTableReplica) {
            return;
        }
        const replicas = readArray(args.props, "replicas");
        for (const replica of replicas.known ? replicas.value : []) {
            const region = readProperty(replica, "regionName");
            const replicaEnabled = readProperty(replica, "deletionProtectionEnabled");
            if (replicaEnabled.known && replicaEnabled.value !== true) {
                report(
                    `Deletion protection is off on the replica in ${region.known ? String(region.value) : "(unknown Region)"}: ` +
                        "set deletionProtectionEnabled to true.",
                );
            }
        }
    },
});
