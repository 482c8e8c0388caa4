import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { StackConfigError, decodeConfigValue, loadStackConfig, readStackFileConfig } from "../../../program/config";
import { MockCloud } from "../../../tools/synthesis/mock-cloud";

const PROJECT_DIR = path.resolve(__dirname, "../../..");

describe("config: loadStackConfig", () => {
  it("decodes string keys as text and the others as JSON, keeping non-JSON text for the schema to report", () => {
    expect(decodeConfigValue("role", "primary")).to.equal("primary");
    expect(decodeConfigValue("primaryStackName", "123")).to.equal("123");
    expect(decodeConfigValue("rpoSeconds", "900")).to.equal(900);
    expect(decodeConfigValue("complianceFrameworks", `["gdpr"]`)).to.deep.equal(["gdpr"]);
    expect(decodeConfigValue("rtoSeconds", "fast")).to.equal("fast");
  });

  it("loads the committed primary stack through the Pulumi runtime config", () => {
    new MockCloud({ config: readStackFileConfig("primary", PROJECT_DIR) }).install();
    const config = loadStackConfig({ projectDir: PROJECT_DIR });
    expect(config.role).to.equal("primary");
    expect(config.accounts.workload.id).to.equal("111122223333");
    expect(config.dns.healthCheck.requestIntervalSeconds).to.equal(10);
  });

  it("throws ONE RunError naming a misspelt key, a non-number and a missing flow file", () => {
    const config = readStackFileConfig("primary", PROJECT_DIR);
    config["connect-dr:rtoSecs"] = "900";
    config["connect-dr:rpoSeconds"] = "soon";
    const connect = JSON.parse(config["connect-dr:connect"]);
    connect.flows[1].path = "stacks/flows/missing.json";
    config["connect-dr:connect"] = JSON.stringify(connect);
    new MockCloud({ config }).install();
    // The flow file is only checked once the rest is valid: first the config problems.
    expect(() => loadStackConfig({ projectDir: PROJECT_DIR }))
      .to.throw(StackConfigError)
      .that.satisfies((e: Error) => pulumi.RunError.isInstance(e))
      .and.has.property("message")
      .that.equals(
        [
          "Stack configuration has 2 problems:",
          `  connect-dr:rpoSeconds: found "soon"; allowed: a whole number of seconds`,
          `  connect-dr:rtoSecs: found 900; allowed: no such key; did you mean rtoSeconds? known keys: role, primaryRegion, secondaryRegion, primaryStackName, rpoSeconds, rtoSeconds, complianceFrameworks, gdprAllowedRegions, accounts, connect, recordings, dns, directConnect, vpc, monitoring, lambdaAutoScaling, telephony, crm, database, lexBots, edge, governance, failoverOperators, trafficDistribution, peerProbe, tags`,
        ].join("\n"),
      );
    delete config["connect-dr:rtoSecs"];
    config["connect-dr:rpoSeconds"] = "900";
    new MockCloud({ config }).install();
    expect(() => loadStackConfig({ projectDir: PROJECT_DIR })).to.throw(
      `connect-dr:connect.flows[1].path: found "stacks/flows/missing.json"; allowed: a readable file relative to ${PROJECT_DIR} (ENOENT)`,
    );
  });
});

describe("config: loadStackConfig with Lambda auto scaling", () => {
  it("refuses a flow that calls an auto-scaled function without its alias, in the ONE error", () => {
    // A project folder whose main flow calls the function itself instead of its alias.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "project-"));
    try {
      fs.mkdirSync(path.join(dir, "program/flows"), { recursive: true });
      for (const file of ["inbound-main.json", "customer-queue.json"]) {
        const text = fs.readFileSync(path.join(PROJECT_DIR, "program/flows", file), "utf8");
        fs.writeFileSync(path.join(dir, "program/flows", file), text.replace(":function:connect-dr-customer-lookup:live", ":function:connect-dr-customer-lookup"));
      }
      new MockCloud({ config: readStackFileConfig("primary", PROJECT_DIR) }).install();
      expect(() => loadStackConfig({ projectDir: dir })).to.throw(
        StackConfigError,
        "connect-dr:connect.flows[0].path: found \"arn:aws:lambda:$.AwsRegion:111122223333:function:connect-dr-customer-lookup\"; allowed: a call to ...:function:connect-dr-customer-lookup:live",
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
