import { CONTROLS } from "../frameworks";
import { readArray, readPath, readProperty } from "../inspection/known-value";
import { AwsType } from "../resource-types";
import { defineResourceRule } from "../rule-definition";

/** DynamoDB tables and their replicas have point-in-time recovery on. */
export const dynamodbTablePitr = defineResourceRule({
    name: "dynamodb-table-pitr",
    family: "resilience",
    description: "DynamoDB tables and each of their replicas have point-in-time recovery enabled.",
    enforcementLevel: "mandatory",
    remediation: "Set pointInTimeRecovery: { enabled: true } on the table and pointInTimeRecovery: true on every replica.",
    controls: [CONTROLS.gdpr.restore, CONTROLS.hipaa.integrity],
    resourceTypes: [AwsType.dynamodbTable, AwsType.dynamodbTableReplica],
    validate: (args, report) => {
        if (args.type === AwsType.dynamodbTableReplica) {
            const pitr = readProperty(args.props, "pointInTimeRecovery");
            if (pitr.known && pitr.value !== true) {
                report("Point-in-time recovery is off on the table replica: set pointInTimeRecovery to true.");
            }
            return;
        }
        const table = readPath(args.props, ["pointInTimeRecovery", "enabled"]);
        if (table.known && table.value !== true) {
            report("Point-in-time recovery is off on the table: set pointInTimeRecovery.enabled to true.");
        }
        const replicas = readArray(args.props, "replicas");
        if (!replicas.known) {
            return;
        }
        for (const replica of replicas.value) {
            const region = readProperty(replica, "regionName");
            const pitr = readProperty(replica, "pointInTimeRecovery");
            if (pitr.known && pitr.value !== true) {
                report(
                    `Point-in-time recovery is off on the replica in ${region.known ? String(region.value) : "(unknown Region)"}: ` +
                        "set pointInTimeRecovery to true.",
                );
            }
        }
    },
});
