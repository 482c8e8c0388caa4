import { expect } from "chai";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

/**
 * Opt-in live suite: a real `pulumi preview` of both stacks with the policy pack, through the
 * Automation API, against a real backend and AWS account. It runs only with CONNECT_DR_LIVE=1, the
 * Pulumi CLI on the PATH and AWS credentials in the environment; otherwise it says why and skips.
 * Stacks named by CONNECT_DR_LIVE_STACK_PREFIX (default "live-") are created from the committed stack
 * files and are not deployed: preview only.
 */
const PROJECT_DIR = path.resolve(__dirname, "../..");

function missing(): string | undefined {
  if (process.env.CONNECT_DR_LIVE !== "1") return "set CONNECT_DR_LIVE=1 to run the live suite";
  try {
    execFileSync("pulumi", ["version"], { stdio: "ignore" });
  } catch {
    return "the Pulumi CLI is not on the PATH";
  }
  if (!process.env.AWS_ACCESS_KEY_ID && !process.env.AWS_PROFILE && !process.env.AWS_WEB_IDENTITY_TOKEN_FILE) return "no AWS credentials in the environment";
  return undefined;
}

describe("live: pulumi preview --policy-pack policies on both stacks", function () {
  this.timeout(30 * 60_000);
  before(function () {
    const reason = missing();
    if (reason) {
      console.log(`    (live suite skipped: ${reason})`);
      this.skip();
    }
  });

  for (const role of ["primary", "secondary"] as const) {
    it(`previews the ${role} stack with no mandatory policy violation`, async () => {
      const { LocalWorkspace } = pulumi.automation;
      const stackName = `${process.env.CONNECT_DR_LIVE_STACK_PREFIX ?? "live-"}${role}`;
      const stack = await LocalWorkspace.createOrSelectStack({ stackName, workDir: PROJECT_DIR });
      const committed = await (await LocalWorkspace.create({ workDir: PROJECT_DIR })).getAllConfig(role);
      await stack.setAllConfig(committed);
      const preview = await stack.preview({ policyPacks: [path.join(PROJECT_DIR, "policies")], diff: false });
      expect(preview.changeSummary).to.be.an("object");
    });
  }
});
