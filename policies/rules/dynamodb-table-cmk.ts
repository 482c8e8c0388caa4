import { CONTROLS } from "../frameworks";
import { readArray, readPath, readProperty } from "../inspection/known-value";
import { classifyKeyReference, customerManagedKeyProblem } from "../inspection/kms-key-reference";
import { AwsType } from "../resource-types";
import { defineResourceRule } from "../rule-definition";

/** DynamoDB tables and every global-table replica are encrypted with a customer-managed KMS key. */
export const dynamodbTableCmk = defineResourceRule({
    name: "dynamodb-table-cmk",
    description: "DynamoDB tables and each of their replicas are encrypted with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    remediation:
        "Set serverSideEncryption: { enabled: true, kmsKeyArn: <key ARN> } on the table and kmsKeyArn on every " +
        "replica, using a customer-managed key in the replica's Region (a multi-Region key replica).",
    controls: [CONTROLS.gdpr.encryption, CONTROLS.hipaa.encryptionAtRest, CONTROLS.pciDss.storedDataUnreadable],
    resourceTypes: [AwsType.dynamodbTable, AwsType.dynamodbTableReplica],
    validate: (args, report) => {
        if (args.type === AwsType.dynamodbTableReplica) {
            // A replica added as its own resource; without kmsKeyArn it uses the AWS-managed key.
            const problem = customerManagedKeyProblem("The table replica", "kmsKeyArn", classifyKeyReference(readProperty(args.props, "kmsKeyArn")));
            if (problem) {
                report(problem);
            }
            return;
        }
        const enabled = readPath(args.props, ["serverSideEncryption", "enabled"]);
        if (enabled.known && enabled.value !== true) {
            report("The table is encrypted with an AWS-owned key: set serverSideEncryption.enabled to true with a kmsKeyArn.");
        } else {
            const key = classifyKeyReference(readPath(args.props, ["serverSideEncryption", "kmsKeyArn"]));
            const problem = customerManagedKeyProblem("The table", "serverSideEncryption.kmsKeyArn", key);
            if (problem) {
                report(problem);
            }
        }
        const replicas = readArray(args.props, "replicas");
        if (!replicas.known) {
            return;
        }
        for (const replica of replicas.value) {
            const region = readProperty(replica, "regionName");
            const label = `The replica in ${region.known ? String(region.value) : "(unknown Region)"}`;
            const problem = customerManagedKeyProblem(label, "kmsKeyArn", classifyKeyReference(readProperty(replica, "kmsKeyArn")));
            if (problem) {
                report(problem);
            }
        }
    },
});
