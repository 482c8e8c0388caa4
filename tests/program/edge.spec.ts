import { expect } from "chai";
import { checkStackConfig, rawConfigFromMap, readStackFileConfig } from "../../program/config";
import { PROJECT_DIR, awsResources, synthesize } from "./synthesize";

const NETWORK = "444455556666";
const GLOBAL_ACCELERATOR = {
  mode: "global-accelerator",
  origins: {
    "us-east-1": { loadBalancerArn: `arn:aws:elasticloadbalancing:us-east-1:${NETWORK}:loadbalancer/app/agents/1111111111111111` },
    "us-west-2": { loadBalancerArn: `arn:aws:elasticloadbalancing:us-west-2:${NETWORK}:loadbalancer/app/agents/2222222222222222`, trafficDialPercentage: 100 },
  },
};
const CLOUDFRONT = {
  mode: "cloudfront",
  origins: { "us-east-1": { domainName: "agents-use1.example.com", failover: "PRIMARY" }, "us-west-2": { domainName: "agents-usw2.example.com", failover: "SECONDARY" } },
  aliases: ["agents.example.com"],
  certificateArn: `arn:aws:acm:us-east-1:${NETWORK}:certificate/abc`,
};

describe("program: the edge entry, owned by the secondary stack in the network account", () => {
  for (const [mode, edge, region, anchor] of [
    ["global-accelerator", GLOBAL_ACCELERATOR, "us-west-2", "aws:globalaccelerator/accelerator:Accelerator"],
    ["cloudfront", CLOUDFRONT, "us-east-1", "aws:cloudfront/distribution:Distribution"],
  ] as const) {
    it(`${mode}: declared with the network account's provider in ${region}, where the service's API lives`, async () => {
      const { cloud, outputs } = await synthesize("secondary", (config) => (config["connect-dr:edge"] = JSON.stringify(edge)));
      const children = awsResources(cloud).filter((r) => r.name.startsWith("edge-"));
      expect(children.length).to.be.greaterThan(5);
      for (const child of children) expect(child, child.name).to.include({ account: NETWORK, region: child.region });
      expect(cloud.ofType(anchor).map((r) => [r.account, r.region])).to.deep.equal([[NETWORK, region]]);
      expect(outputs).to.have.property("edgeDnsName");
    });
  }

  it("is absent from the committed stacks", async () => {
    const { cloud } = await synthesize("secondary");
    expect(awsResources(cloud).filter((r) => r.name.startsWith("edge-"))).to.deep.equal([]);
  });

  const problems = (stack: "primary" | "secondary", edge: unknown) => {
    const config = readStackFileConfig(stack, PROJECT_DIR);
    config["connect-dr:edge"] = JSON.stringify(edge);
    return checkStackConfig(rawConfigFromMap(config)).problems.map((p) => `${p.path}: ${p.allowed}`);
  };

  it("refuses the edge in the primary stack", () => {
    expect(problems("primary", GLOBAL_ACCELERATOR)).to.deep.equal([
      "connect-dr:edge: nothing in the primary stack: the secondary stack owns the edge entry of both Regions, so only its config lists it",
    ]);
  });

  it("needs an origin in each DR Region and no other", () => {
    expect(problems("secondary", { ...GLOBAL_ACCELERATOR, origins: { "us-east-1": GLOBAL_ACCELERATOR.origins["us-east-1"] } })).to.deep.equal([
      "connect-dr:edge.origins: an origin for each DR Region and no other: us-east-1 and us-west-2",
    ]);
  });
});
