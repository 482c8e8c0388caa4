import { readPath, readProperty } from "../inspection/known-value";
import { classifyKeyReference, customerManagedKeyProblem } from "../inspection/kms-key-reference";
import { ENCRYPTION_AT_REST_CONTROLS } from "../customer-managed-key-rule";
import { AwsType } from "../resource-types";
import { defineResourceRule } from "../rule-definition";

/** Lambda environment variables (which may carry endpoints and ids) are encrypted with a CMK. */
export const lambdaEnvironmentCmk = defineResourceRule({
    name: "lambda-environment-cmk",
    description: "Lambda functions with environment variables encrypt them with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    remediation: "Set kmsKeyArn on the function to a customer-managed key, or move the values to Secrets Manager.",
    controls: ENCRYPTION_AT_REST_CONTROLS,
    resourceTypes: [AwsType.lambdaFunction],
    validate: (args, report) => {
        const variables = readPath(args.props, ["environment", "variables"]);
        const hasVariables =
            !variables.known ||
            (variables.value !== null && typeof variables.value === "object" && Object.keys(variables.value).length > 0);
        if (!hasVariables) {
            args.notApplicable("the function has no environment variables");
        }
        const problem = customerManagedKeyProblem(
            "The function's environment",
            "kmsKeyArn",
            classifyKeyReference(readProperty(args.props, "kmsKeyArn")),
        );
        if (problem) {
            report(problem);
        }
    },
});
