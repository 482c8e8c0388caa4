import { expect } from "chai";
import { operatorPolicyDocument, type OperatorPolicyInputs } from "../../../../components/resiliency/failover-automation/operator-policy";
import { MockCloud, resolve } from "../../../../tools/synthesis/mock-cloud";
import { checkPolicy } from "../../../support/iam/check-policy";
import type { PolicyDocument } from "../../../support/iam/policy-documents";

const INPUTS: OperatorPolicyInputs = {
  partition: "aws",
  accountId: "111122223333",
  pair: ["us-east-1", "us-west-2"],
  trafficDistributionGroupArn: "arn:aws:connect:us-east-1:111122223333:traffic-distribution-group/075f4ab8-54e2-433c-8ac1-1c0758796af4",
  lockTableArn: "arn:aws:dynamodb:us-west-2:111122223333:table/dr-lock",
  lockTableKmsKeyArn: "arn:aws:kms:us-west-2:111122223333:key/9a53f65e-2406-4fdf-8574-bdb5b85b65df",
  healthAlarmArns: ["arn:aws:cloudwatch:us-east-1:111122223333:alarm:connect-dr-us-east-1-health", "arn:aws:cloudwatch:us-west-2:111122223333:alarm:connect-dr-us-west-2-health"],
  topicArn: "arn:aws:sns:us-west-2:111122223333:connect-dr-failover-us-west-2",
  topicKmsKeyArn: "arn:aws:kms:us-west-2:111122223333:key/cbea1700-c8e7-4069-8a73-5391ec09f14b",
};

async function document(inputs: OperatorPolicyInputs): Promise<PolicyDocument & { Statement: { Sid: string; Resource: unknown }[] }> {
  new MockCloud().install();
  return JSON.parse(await resolve(operatorPolicyDocument(inputs)));
}

describe("FailoverAutomation: the operator policy", () => {
  it("without validation grants the failover and failback calls only, each valid by the IAM reference", async () => {
    const doc = await document(INPUTS);
    expect(doc.Statement.map((s) => s.Sid)).to.deep.equal(["FailoverAndFailback", "FindDefaultGroup", "LockAndAudit", "LockTableKey", "ReadRegionHealth", "Notify", "NotifyTopicKey"]);
    expect(await checkPolicy(doc, "identity")).to.deep.equal([]);
  });

  it("with validation scopes every read to the instance in both Regions and names functions exactly", async () => {
    const doc = await document({
      ...INPUTS,
      validation: { connectInstanceId: "11111111-2222-3333-4444-555555555555", associatedFunctionNames: ["lookup:live"], healthCheckFunctionNames: ["connect-dr-crm-salesforce"], sipHealthCheckIds: ["0b5c2f46-aaaa-4bbb-8ccc-123456789012"] },
    });
    const byId = Object.fromEntries(doc.Statement.map((s) => [s.Sid, s.Resource]));
    expect(byId.ValidateQueues).to.deep.equal([
      "arn:aws:connect:us-east-1:111122223333:instance/11111111-2222-3333-4444-555555555555/queue/*",
      "arn:aws:connect:us-west-2:111122223333:instance/11111111-2222-3333-4444-555555555555/queue/*",
    ]);
    expect(byId.FunctionsExist).to.deep.equal(["arn:aws:lambda:us-east-1:111122223333:function:lookup:live", "arn:aws:lambda:us-west-2:111122223333:function:lookup:live"]);
    expect(byId.SipHealthChecks).to.deep.equal(["arn:aws:route53:::healthcheck/0b5c2f46-aaaa-4bbb-8ccc-123456789012"]);
    expect(await checkPolicy(doc, "identity")).to.deep.equal([]);
  });

  it("leaves out a statement whose resources would be empty", async () => {
    const doc = await document({ ...INPUTS, validation: { connectInstanceId: "11111111-2222-3333-4444-555555555555", sipHealthCheckIds: [] } });
    expect(doc.Statement.map((s) => s.Sid)).to.not.include.members(["SipHealthChecks", "FunctionsExist", "FunctionHealthChecks"]);
  });
});
