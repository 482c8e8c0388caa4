import { expect } from "chai";
import { ConnectClient, ListInstancesCommand } from "@aws-sdk/client-connect";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import type { Simulator } from "../../../tools/simulator";
import { rejectionOf, startTestSimulator } from "./support";

/**
 * The simulator's AssumeRole stand-in, driven by the unmodified STS client (awsQuery), and the rules
 * every AWS API applies to temporary credentials (AssumeRole in the STS API reference; the common
 * errors ExpiredTokenException and UnrecognizedClientException, HTTP 403).
 */
describe("simulator: temporary credentials (AssumeRole)", () => {
  let sim: Simulator;
  let nowMs = Date.parse("2026-01-01T00:00:00Z");
  before(async () => {
    sim = await startTestSimulator({ clock: () => new Date(nowMs) });
  });
  after(() => sim.close());

  const sts = () => new STSClient({ region: "us-east-1", endpoint: sim.endpoint, credentials: { accessKeyId: "AKIAOPERATOR", secretAccessKey: "x" } });
  const assume = (input: Partial<ConstructorParameters<typeof AssumeRoleCommand>[0]> = {}) =>
    sts().send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::444455556666:role/ConnectDrDeployer", RoleSessionName: "connect-dr-acgr", ...input }));

  it("issues session credentials in the role's account that expire after DurationSeconds (default 3600)", async () => {
    const { Credentials, AssumedRoleUser } = await assume();
    expect(Credentials!.AccessKeyId).to.match(/^ASIA[A-Z2-7]{16}$/);
    expect(Credentials!.Expiration!.getTime()).to.equal(nowMs + 3600_000);
    expect(AssumedRoleUser!.Arn).to.equal("arn:aws:sts::444455556666:assumed-role/ConnectDrDeployer/connect-dr-acgr");
    const credentials = { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken! };
    const connect = new ConnectClient({ region: "us-west-2", endpoint: sim.endpoint, credentials, maxAttempts: 1 });
    const seeded = sim.seed({ account: "444455556666", region: "us-west-2", instance: { alias: "role-account" } });
    const listed = await connect.send(new ListInstancesCommand({}));
    expect(listed.InstanceSummaryList!.map((i) => i.Id)).to.deep.equal([seeded.instanceId]);

    nowMs += 3600_000;
    const expired = await rejectionOf(connect.send(new ListInstancesCommand({})));
    expect([expired.name, expired.$metadata?.httpStatusCode, expired.message]).to.deep.equal(["ExpiredTokenException", 403, "The security token included in the request is expired"]);
  });

  it("refuses a request that carries another session's token", async () => {
    const { Credentials } = await assume({ DurationSeconds: 900 });
    const forged = new ConnectClient({ region: "us-east-1", endpoint: sim.endpoint, credentials: { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: "x", sessionToken: "not-the-token" }, maxAttempts: 1 });
    const refused = await rejectionOf(forged.send(new ListInstancesCommand({})));
    expect([refused.name, refused.$metadata?.httpStatusCode]).to.deep.equal(["UnrecognizedClientException", 403]);
  });

  it("validates DurationSeconds (900-43200) and the role ARN as STS does", async () => {
    expect((await rejectionOf(assume({ DurationSeconds: 899 }))).name).to.equal("ValidationError");
    expect((await rejectionOf(assume({ RoleArn: "ConnectDrDeployer" }))).name).to.equal("ValidationError");
  });
});
