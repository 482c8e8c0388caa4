import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { OrgGuardrails, type OrgGuardrailsArgs } from "../../../components";
import { ArgumentError } from "../../../components/argument-error";
import { SCP_MAX_CHARACTERS } from "../../../components/governance";
import { MockCloud, resolve, settle } from "../../../tools/synthesis/mock-cloud";

const ARGS: OrgGuardrailsArgs = {
  drRegions: ["us-east-1", "us-west-2"],
  breakGlassRoleArnPattern: "arn:aws:iam::*:role/BreakGlass",
  deployerRoleArnPattern: "arn:aws:iam::*:role/ConnectDrDeployer",
  replicationRoleNamePatterns: ["connect-dr-replication-*"],
  failoverRoleNamePatterns: ["connect-dr-failover-*"],
  targetIds: ["ou-ab12-workload1", "444455556666"],
  managementAccountId: "123456789012",
};

function managementProvider(): aws.Provider {
  return new aws.Provider("management-us-east-1", {
    region: "us-east-1",
    assumeRoles: [{ roleArn: "arn:aws:iam::123456789012:role/ConnectDrGovernance" }],
  });
}

describe("OrgGuardrails", () => {
  it("creates one SCP per document and one attachment per (SCP, target), all with the management provider", async () => {
    const cloud = new MockCloud({ stack: "unit" }).install();
    const guardrails = new OrgGuardrails("org", ARGS, { provider: managementProvider() });
    const ids = await resolve(guardrails.policyIds);
    await settle();
    const children = cloud.resources.filter((r) => r.type.startsWith("aws:organizations/"));
    expect(children.map((r) => [r.type, r.name])).to.deep.equal([
      ["aws:organizations/policy:Policy", "org-scp-1"],
      ["aws:organizations/policyAttachment:PolicyAttachment", "org-scp-1-ou-ab12-workload1"],
      ["aws:organizations/policyAttachment:PolicyAttachment", "org-scp-1-444455556666"],
    ]);
    for (const child of children) expect(child).to.include({ account: "123456789012", region: "us-east-1", providerName: "management-us-east-1" });
    const policy = cloud.named("org-scp-1");
    expect(policy.inputs.type).to.equal("SERVICE_CONTROL_POLICY");
    expect(policy.inputs.name).to.equal("connect-dr-guardrails-1");
    expect(policy.inputs.content).to.equal(guardrails.documents[0].content);
    expect(policy.inputs.content.length).to.equal(3084).and.to.be.at.most(SCP_MAX_CHARACTERS);
    expect(JSON.parse(policy.inputs.content).Statement.map((s: { Sid: string }) => s.Sid)).to.include.members(["DenyOutsideDrRegions", "DenyRootUser", "ProtectDrRoles"]);
    expect(cloud.named("org-scp-1-444455556666").inputs).to.deep.equal({ policyId: ids[0], targetId: "444455556666" });
    expect(ids).to.deep.equal(["org-scp-1-id"]);
  });

  it("splits into several SCPs when the documents outgrow 5,120 characters, attaching each", async () => {
    const cloud = new MockCloud({ stack: "unit" }).install();
    const many = Array.from({ length: 120 }, (_, i) => `connect-dr-replication-target-number-${String(i).padStart(3, "0")}`);
    const guardrails = new OrgGuardrails("org", { ...ARGS, replicationRoleNamePatterns: many, targetIds: ["ou-ab12-workload1"] }, { provider: managementProvider() });
    await resolve(guardrails.policyIds);
    await settle();
    expect(cloud.ofType("aws:organizations/policy:Policy").map((r) => [r.name, r.inputs.content.length])).to.deep.equal([
      ["org-scp-1", 5055],
      ["org-scp-2", 5089],
      ["org-scp-3", 982],
    ]);
    expect(cloud.ofType("aws:organizations/policyAttachment:PolicyAttachment").map((r) => r.name)).to.deep.equal([
      "org-scp-1-ou-ab12-workload1",
      "org-scp-2-ou-ab12-workload1",
      "org-scp-3-ou-ab12-workload1",
    ]);
  });

  const errors: Array<[string, Partial<OrgGuardrailsArgs>, string]> = [
    ["no targets", { targetIds: [] }, `OrgGuardrails: invalid 'targetIds' = []; at least one root (r-...), OU (ou-...) or member account id (12 digits) is required`],
    ["a bad target", { targetIds: ["workload"] }, `OrgGuardrails: invalid 'targetIds[0]' = "workload"; a root (r-...), OU (ou-xxxx-xxxxxxxx) or 12-digit account id is allowed`],
    ["the management account as target", { targetIds: ["123456789012"] }, `OrgGuardrails: invalid 'targetIds[0]' = "123456789012"; the management account is not allowed: SCPs do not apply to it`],
    ["one DR Region", { drRegions: ["us-east-1"] }, `OrgGuardrails: invalid 'drRegions' = ["us-east-1"]; exactly two Region names (primary and DR) are allowed`],
    [
      "a full target",
      { existingAttachmentsPerTarget: { "444455556666": 5 } },
      `OrgGuardrails: invalid 'targetIds' = "444455556666"; target '444455556666' would have 6 SCPs attached directly (1 guardrail documents + 5 already attached, FullAWSAccess included); AWS allows at most 5`,
    ],
  ];
  for (const [what, patch, message] of errors) {
    it(`rejects ${what} before creating any child`, () => {
      const cloud = new MockCloud({ stack: "unit" }).install();
      expect(() => new OrgGuardrails("org", { ...ARGS, ...patch } as OrgGuardrailsArgs)).to.throw(ArgumentError, message);
      expect(cloud.resources.filter((r) => r.type.startsWith("aws:organizations/"))).to.deep.equal([]);
    });
  }
});
