import { defineCustomerManagedKeyRule } from "../customer-managed-key-rule";
import { AwsType } from "../resource-types";

/** SNS topics (alarms, DR notifications) are encrypted with a customer-managed key. */
export const snsTopicCmk = defineCustomerManagedKeyRule({
    name: "sns-topic-cmk",
    description: "SNS topics are encrypted with a customer-managed KMS key.",
    resourceType: AwsType.snsTopic,
    subject: "The SNS topic",
    keyProperty: "kmsMasterKeyId",
    remediation: "Set kmsMasterKeyId to a customer-managed key (not alias/aws/sns); CloudWatch alarms need kms:Decrypt on it.",
});
