import { expect } from "chai";
import { lambdaEnvironmentCmk } from "../../../policies/rules/lambda-environment-cmk";
import { messages, runResourcePolicy, UNKNOWN_OBJECT } from "../support/policy-harness";

const fn = (props: Record<string, unknown>) => ({ type: "aws:lambda/function:Function", props });
const environment = { variables: { INSTANCE_ID: "abc" } };

describe("policy lambda-environment-cmk", () => {
    it("passes environment variables encrypted with a customer-managed key", async () => {
        const result = await runResourcePolicy(lambdaEnvironmentCmk, fn({ environment, kmsKeyArn: "arn:aws:kms:eu-central-1:111111111111:key/k" }));
        expect(messages(result)).to.deep.equal([]);
    });

    it("does not apply to a function without environment variables", async () => {
        const result = await runResourcePolicy(lambdaEnvironmentCmk, fn({ environment: { variables: {} } }));
        expect(result.violations).to.deep.equal([]);
        expect(result.notApplicable).to.equal("the function has no environment variables");
    });

    it("flags environment variables without kmsKeyArn", async () => {
        expect(messages(await runResourcePolicy(lambdaEnvironmentCmk, fn({ environment })))).to.deep.equal([
            "The function's environment has no customer-managed KMS key: set `kmsKeyArn`.",
        ]);
    });

    it("flags variables unknown during preview that have no key", async () => {
        expect(messages(await runResourcePolicy(lambdaEnvironmentCmk, fn({ environment: { variables: UNKNOWN_OBJECT } })))).to.deep.equal([
            "The function's environment has no customer-managed KMS key: set `kmsKeyArn`.",
        ]);
    });

    it("flags the AWS-managed key", async () => {
        expect(messages(await runResourcePolicy(lambdaEnvironmentCmk, fn({ environment, kmsKeyArn: "alias/aws/lambda" })))).to.deep.equal([
            "The function's environment uses the AWS-managed key 'alias/aws/lambda' in `kmsKeyArn`; use a customer-managed key.",
        ]);
    });
});
