import { CONTROLS } from "../frameworks";
import { readProperty } from "../inspection/known-value";
import { AwsType } from "../resource-types";
import { defineResourceRule } from "../rule-definition";

/** DynamoDB tables cannot be deleted by accident. */
export const dynamodbTableDeletionProtection = defineResourceRule({
    name: "dynamodb-table-deletion-protection",
    description: "DynamoDB tables and table replicas have deletion protection enabled.",
    enforcementLevel: "advisory",
    remediation: "Set deletionProtectionEnabled: true on the table.",
    controls: [CONTROLS.gdpr.resilience, CONTROLS.hipaa.integrity],
    resourceTypes: [AwsType.dynamodbTable, AwsType.dynamodbTableReplica],
    validate: (args, report) => {
        const enabled = readProperty(args.props, "deletionProtectionEnabled");
        if (enabled.known && enabled.value !== true) {
            report("Deletion protection is off: set deletionProtectionEnabled to true.");
        }
    },
});
