import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { MockCloud, settle, resolve } from "../../../tools/synthesis/mock-cloud";

describe("MockCloud", () => {
  it("records each resource with the account and Region of its explicit provider", async () => {
    const cloud = new MockCloud({ stack: "unit" }).install();
    const provider = new aws.Provider("workload-us-west-2", {
      region: "us-west-2",
      assumeRoles: [{ roleArn: "arn:aws:iam::222222222222:role/Deployer" }],
    });
    const bucket = new aws.s3.Bucket("b", {}, { provider });
    expect(await resolve(bucket.arn)).to.equal("arn:aws:s3:us-west-2:222222222222:b");
    await settle();
    const recorded = cloud.named("b");
    expect(recorded).to.include({ providerName: "workload-us-west-2", account: "222222222222", region: "us-west-2" });
  });

  it("fails loudly on a data source nobody mocked", async () => {
    new MockCloud().install();
    const err = await aws.getRegion({}).then(() => undefined, (e: Error) => e);
    expect(String(err)).to.contain("no mock for data source 'aws:index/getRegion:getRegion'");
  });

  it("passes stack config through as Pulumi does", async () => {
    new MockCloud({ config: { "connect-dr:role": "primary" } }).install();
    expect(new pulumi.Config("connect-dr").get("role")).to.equal("primary");
  });
});

describe("MockCloud stack references", () => {
  it("serves declared outputs and refuses undeclared stacks", async () => {
    new MockCloud({ stackOutputs: { "org/connect-dr/primary": { instanceId: "abc" } } }).install();
    const ref = new pulumi.StackReference("org/connect-dr/primary");
    expect(await resolve(ref.getOutput("instanceId"))).to.equal("abc");
  });
});
