import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { readStackFileConfig } from "../../program/config";
import { ArgumentError } from "../../components/argument-error";
import { asConfigProblem, defineStack } from "../../program/stack";
import { MockCloud, settle } from "../../tools/synthesis/mock-cloud";
import { PROJECT_DIR, awsResources, synthesize } from "./synthesize";

/** Runs the program for the primary stack with `config` and returns what it threw, after the mock engine settles. */
async function defineWith(config: Record<string, string>): Promise<{ cloud: MockCloud; error: unknown }> {
  const cloud = new MockCloud({ stack: "primary", config }).install();
  let error: unknown;
  try {
    defineStack({ projectDir: PROJECT_DIR });
  } catch (e) {
    error = e;
  }
  await settle();
  return { cloud, error };
}

describe("program: both stacks together", () => {
  it("owns every resource in exactly one stack", async () => {
    const primary = awsResources((await synthesize("primary")).cloud);
    const secondary = awsResources((await synthesize("secondary")).cloud);
    const identity = (r: { type: string; name: string; account?: string; region?: string }): string => `${r.type}|${r.name}|${r.account}|${r.region}`;
    const inPrimary = new Set(primary.map(identity));
    expect(secondary.map(identity).filter((id) => inPrimary.has(id))).to.deep.equal([]);
    // Global pieces live in one stack only: the contact table in the primary; the DR lock table, with the
    // failover automation that needs the secondary's traffic distribution group, in the secondary; the
    // SIP health checks of both Regions and the CRM credential secrets (replicas in the primary Region)
    // in the secondary. Regional pieces (monitoring, Lambda auto scaling, CRM functions) once per stack.
    // The failover handlers and peer probes of both Regions are the secondary's (2 + 2 functions).
    const count = (list: typeof primary, type: string): number => list.filter((r) => r.type === type).length;
    for (const [type, inP, inS] of [
      ["aws:connect/instance:Instance", 1, 0],
      ["aws:dynamodb/table:Table", 1, 1],
      ["aws:lambda/function:Function", 1, 5],
      ["aws:route53/record:Record", 0, 2],
      ["aws:route53/healthCheck:HealthCheck", 0, 6],
      ["aws:secretsmanager/secret:Secret", 0, 1],
      ["aws:cloudwatch/dashboard:Dashboard", 1, 1],
      ["aws:sns/topic:Topic", 1, 3],
      ["aws:lambda/alias:Alias", 2, 2],
      ["aws:appautoscaling/target:Target", 2, 2],
      ["aws:connect/contactFlow:ContactFlow", 2, 0],
      // One VPC per Region, each stack its own (connect-dr:vpc).
      ["aws:ec2/flowLog:FlowLog", 1, 1],
      ["aws:ec2/vpnGateway:VpnGateway", 1, 1],
    ] as const) {
      expect([type, count(primary, type), count(secondary, type)]).to.deep.equal([type, inP, inS]);
    }
  });

  it("stops on bad config with ONE RunError, before declaring anything", async () => {
    const config = readStackFileConfig("primary", PROJECT_DIR);
    config["connect-dr:secondaryRegion"] = "eu-west-2";
    config["connect-dr:role"] = "tertiary";
    const { cloud, error } = await defineWith(config);
    expect(pulumi.RunError.isInstance(error)).to.equal(true);
    expect((error as Error).message).to.equal(
      [
        "Stack configuration has 3 problems:",
        `  connect-dr:dns.endpoints: found {"us-east-1":"agents-use1.example.com","us-west-2":"agents-usw2.example.com"}; allowed: exactly one host name for each DR Region: us-east-1 and eu-west-2`,
        `  connect-dr:role: found "tertiary"; allowed: "primary" or "secondary"`,
        `  connect-dr:secondaryRegion: found "eu-west-2"; allowed: the ACGR partner of us-east-1: us-west-2`,
      ].join("\n"),
    );
    expect(cloud.resources).to.deep.equal([]);
  });

  it("reports a value a component refuses as a RunError without stack trace; other errors pass through", () => {
    const refused = asConfigProblem(new ArgumentError("ConnectRegion", "queues[Sales].maxContacts", 2 ** 31, "an integer from 0 to 2147483647"));
    expect(pulumi.RunError.isInstance(refused)).to.equal(true);
    expect((refused as Error).message).to.equal(
      "A component refused a value from the stack configuration or a flow file:\n" +
        "  ConnectRegion: invalid 'queues[Sales].maxContacts' = 2147483648; an integer from 0 to 2147483647",
    );
    const bug = new TypeError("x is undefined");
    expect(asConfigProblem(bug)).to.equal(bug);
  });

  it("refuses in the config what ConnectRegion would refuse (a time zone, maxContacts past 2^31 - 1), before declaring anything", async () => {
    const config = readStackFileConfig("primary", PROJECT_DIR);
    const connect = JSON.parse(config["connect-dr:connect"]);
    connect.hoursOfOperation[1].timeZone = "Mars/Olympus";
    connect.queues[0].maxContacts = 2 ** 31;
    config["connect-dr:connect"] = JSON.stringify(connect);
    const { cloud, error } = await defineWith(config);
    expect(pulumi.RunError.isInstance(error)).to.equal(true);
    expect((error as Error).message).to.match(/^Stack configuration has 2 problems:\n/);
    expect((error as Error).message).to.contain(`connect-dr:connect.hoursOfOperation[1].timeZone: found "Mars/Olympus"; allowed: an IANA time zone`);
    expect((error as Error).message).to.contain("connect-dr:connect.queues[0].maxContacts: found 2147483648; allowed:");
    expect(cloud.resources).to.deep.equal([]);
  });
});
