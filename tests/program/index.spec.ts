import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { readStackFileConfig } from "../../program/config";
import { MockCloud, resolve, settle } from "../../tools/synthesis/mock-cloud";
import { PROJECT_DIR } from "./synthesize";

describe("program: index.ts, the entry point Pulumi runs", () => {
  it("exports the stack outputs of defineStack() for the configured role", async function () {
    if (process.cwd() !== PROJECT_DIR) {
      console.log(`    skipped: Pulumi runs index.ts in the project folder; mocha runs in ${process.cwd()}`);
      this.skip();
    }
    const cloud = new MockCloud({ stack: "primary", config: readStackFileConfig("primary", PROJECT_DIR) }).install();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require("../../index") as Record<string, pulumi.Output<unknown>>;
    await settle();
    const outputs = (await resolve(pulumi.output(exported))) as Record<string, unknown>;
    expect(outputs.role).to.equal("primary");
    expect(outputs.connectInstanceId).to.equal(cloud.named("connect-instance").state.id);
    expect(cloud.ofType("aws:connect/instance:Instance")).to.have.length(1);
  });
});
