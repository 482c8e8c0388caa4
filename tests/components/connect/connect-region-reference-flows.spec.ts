import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../../../components/argument-error";
import { ConnectRegion, ConnectRegionArgs } from "../../../components/connect/connect-region";
import { MockCloud, settle } from "../../../tools/synthesis/mock-cloud";
import { readReferenceFlows, referenceFlowsPresent, REFERENCE_FLOWS_DIR } from "./flows/reference-flows";


const ACCOUNT = "111122223333";

function baseArgs(): ConnectRegionArgs {
  return { region: "us-west-2", accountId: ACCOUNT, instanceAlias: "acme-west", recordingsBucketName: "acme-recordings-us-west-2" };
}

/** Exports CreateContactFlow cannot take, or that cannot run in either Region, and why. */
const REJECTED: Record<string, { value: string; allowed: RegExp }> = {
  "legacy-ewt-queue-prompt-lambda.json": { value: "legacy export (modules/version 1)", allowed: /^Flow-language JSON/ },
  "legacy-scv-vmx-sample-inbound.json": { value: "legacy export (modules/version 1)", allowed: /^Flow-language JSON/ },
  "workshops-lexv1-qa-flow.json": { value: "$.Actions[19].Parameters.LexBot.Region = us-east-1", allowed: /Lex V1 bot addressed by name and Region/ },
};

/** Types the wrapped exports declare, which the component must carry over. */
const EXPORTED_TYPES: Record<string, string> = {
  "gitlab-acme-main-templated-awsregion.json": "CONTACT_FLOW",
  "scv-queue-transfer-describe-wrapper-hours.json": "QUEUE_TRANSFER",
};

describe("ConnectRegion with every reference flow export", function () {
  let flows = new Map<string, string>();

  before(function () {
    if (!referenceFlowsPresent()) {
      console.warn(`    (skipped: reference flow exports not found at ${REFERENCE_FLOWS_DIR})`);
      this.skip();
    }
    flows = readReferenceFlows();
  });

  it("creates each Flow-language export as a bare, Region-neutral flow of its declared type", async () => {
    const cloud = new MockCloud().install();
    const accepted = [...flows.entries()].filter(([file]) => !(file in REJECTED));
    const region = new ConnectRegion("west", { ...baseArgs(), flows: accepted.map(([file, content]) => ({ name: file.replace(/\.json$/, ""), content })) }, {
      provider: new aws.Provider("workload-us-west-2", { region: "us-west-2", assumeRoles: [{ roleArn: `arn:aws:iam::${ACCOUNT}:role/ConnectDrDeployer` }] }),
    });
    await settle();
    const created = cloud.ofType("aws:connect/contactFlow:ContactFlow");
    expect(created.map((r) => r.inputs.name).sort()).to.deep.equal(accepted.map(([file]) => file.replace(/\.json$/, "")).sort());
    for (const flow of created) {
      const content = JSON.parse(flow.inputs.content);
      expect(content.Version, flow.name).to.equal("2019-10-30");
      expect(content.Actions, flow.name).to.be.an("array");
      expect(flow.inputs.content, flow.name).not.to.match(/arn:aws:(lambda|lex):[a-z]{2}-[a-z]+-\d/);
      expect(flow.inputs.type, flow.name).to.equal(EXPORTED_TYPES[`${flow.inputs.name}.json`] ?? "CONTACT_FLOW");
    }
    expect(region.flowRewrites["callbackmgmt-set-callback"]).to.have.length(7);
    expect(region.flowRewrites["lex-genai-lexv2-queue"]).to.have.length(2);
  });

  for (const [file, reason] of Object.entries(REJECTED)) {
    it(`rejects ${file} with an ArgumentError naming the flow`, () => {
      new MockCloud().install();
      const name = file.replace(/\.json$/, "");
      let caught: unknown;
      try {
        new ConnectRegion("west", { ...baseArgs(), flows: [{ name, content: flows.get(file)! }] });
      } catch (err) {
        caught = err;
      }
      expect(caught).to.be.instanceOf(ArgumentError);
      const error = caught as ArgumentError;
      expect(error.argument).to.equal(`flows[${name}].content`);
      expect(error.value).to.equal(reason.value);
      expect(error.allowed).to.match(reason.allowed);
    });
  }
});
