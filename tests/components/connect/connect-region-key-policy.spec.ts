import { expect } from "chai";
import { connectKeyPolicy } from "../../../components/connect/connect-region/key-policy";

type Statement = { Sid: string; Effect: string; Principal: Record<string, string>; Action: string[]; Resource: string; Condition?: Record<string, Record<string, unknown>> };

describe("connectKeyPolicy", () => {
  const policy = connectKeyPolicy({ accountId: "111122223333", region: "eu-central-1", logGroupName: "/aws/connect/acme-de" }) as { Version: string; Statement: Statement[] };
  const statement = (sid: string) => policy.Statement.find((s) => s.Sid === sid)!;

  it("has exactly the three statements, all Allow", () => {
    expect(policy.Version).to.equal("2012-10-17");
    expect(policy.Statement.map((s) => [s.Sid, s.Effect])).to.deep.equal([
      ["AccountAdministersKey", "Allow"],
      ["AccountUsesKeyThroughConnectKinesisS3", "Allow"],
      ["CloudWatchLogsEncryptsFlowLogs", "Allow"],
    ]);
  });

  it("lets the account administer the key but not use it for data through administration", () => {
    const admin = statement("AccountAdministersKey");
    expect(admin.Principal).to.deep.equal({ AWS: "arn:aws:iam::111122223333:root" });
    expect(admin.Action).to.include.members(["kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:EnableKeyRotation"]);
    expect(admin.Action).not.to.include.members(["kms:Decrypt"]);
    expect(admin.Action.filter((a) => a === "kms:*" || a === "*")).to.deep.equal([]);
  });

  it("limits data use by the account's principals to Connect, Kinesis and S3 in this Region", () => {
    const use = statement("AccountUsesKeyThroughConnectKinesisS3");
    expect(use.Action).to.deep.equal(["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*", "kms:CreateGrant"]);
    expect(use.Condition).to.deep.equal({
      StringEquals: {
        "kms:CallerAccount": "111122223333",
        "kms:ViaService": ["connect.eu-central-1.amazonaws.com", "kinesis.eu-central-1.amazonaws.com", "s3.eu-central-1.amazonaws.com"],
      },
    });
  });

  it("lets CloudWatch Logs in this Region use it only for the instance's log group", () => {
    const logs = statement("CloudWatchLogsEncryptsFlowLogs");
    expect(logs.Principal).to.deep.equal({ Service: "logs.eu-central-1.amazonaws.com" });
    expect(logs.Condition).to.deep.equal({ ArnEquals: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-central-1:111122223333:log-group:/aws/connect/acme-de" } });
  });
});
