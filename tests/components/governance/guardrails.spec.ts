import { expect } from "chai";
import {
  AWS_GLOBAL_SERVICE_ACTIONS,
  AttachmentLimitError,
  SCP_MAX_CHARACTERS,
  StatementTooLargeError,
  buildGuardrailDocuments,
  checkAttachmentBudget,
  documentOf,
  packDocuments,
  splitStatement,
  targetKind,
  type GuardrailInput,
  type ScpStatement,
} from "../../../components/governance";
import type { PolicyDocument } from "../../support/iam/policy-documents";
import { defaultKeyPolicy, FULL_AWS_ACCESS } from "../../support/iam/evaluation/aws-defaults";
import { decide } from "../../support/iam/evaluation/decide";

/** An administrator's identity policy: whatever is denied, the SCPs deny. */
const ADMIN: PolicyDocument = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

/** A key's use needs its key policy too: the keys here have KMS's default one. */
const DEFAULT_KEY_POLICY = defaultKeyPolicy("222222222222");

/** Sids of the guardrail statements that deny the request, by IAM's evaluation logic under FullAWSAccess. */
function denyingStatements(documents: readonly PolicyDocument[], request: { action: string; resource: string; context: Record<string, string | number> }): string[] {
  const decision = decide(
    { principal: String(request.context["aws:PrincipalArn"]), action: request.action, resource: request.resource, resourceAccount: "222222222222", context: request.context },
    { identity: [ADMIN], scps: [[FULL_AWS_ACCESS, ...documents]], ...(request.action.startsWith("kms:") ? { resource: DEFAULT_KEY_POLICY } : {}) },
  );
  expect(decision.result, `${request.action}: denied exactly when a guardrail denies (${decision.reason})`).to.equal(decision.deniedBy.length ? "ExplicitlyDenied" : "Allowed");
  expect(decision.deniedBy.every((d) => d.policy === "scp"), "only SCP statements deny").to.equal(true);
  return decision.deniedBy.map((d) => d.sid ?? "(no Sid)");
}

const INPUT: GuardrailInput = {
  drRegions: ["us-east-1", "us-west-2"],
  breakGlassRoleArnPattern: "arn:aws:iam::*:role/BreakGlass",
  deployerRoleArnPattern: "arn:aws:iam::*:role/connect-dr-deployer",
  replicationRoleNamePatterns: ["connect-dr-replication-*"],
  failoverRoleNamePatterns: ["connect-dr-failover-*"],
  managementExemptPrincipalArnPatterns: ["arn:aws:iam::*:role/OrganizationAccountAccessRole"],
};

const DEPLOYER = "arn:aws:iam::222222222222:role/connect-dr-deployer";
const OPERATOR = "arn:aws:iam::222222222222:role/Operator";
const BREAK_GLASS = "arn:aws:iam::222222222222:role/BreakGlass";
const MANAGEMENT = "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole";
const REPLICATION_ROLE = "arn:aws:iam::222222222222:role/connect-dr-replication-recordings";
const TRAIL = "arn:aws:cloudtrail:us-east-1:222222222222:trail/organization-trail";
const KEY = "arn:aws:kms:us-east-1:222222222222:key/0e1f2a3b-4c5d-6e7f-8091-a2b3c4d5e6f7";

/** The resource a replication request names: the key, the bucket (its configuration) or a replicated object. */
function replicationResource(action: string, region: string): string {
  if (action.startsWith("kms:")) return KEY.replace("us-east-1", region);
  return /ReplicationConfiguration$/.test(action) ? "arn:aws:s3:::recordings-replica" : "arn:aws:s3:::recordings-replica/2026/01/01/contact.wav";
}

describe("governance: guardrail documents", () => {
  const docs = buildGuardrailDocuments(INPUT);

  it("fits every guardrail in one minified document, in a fixed statement order", () => {
    expect(docs).to.have.length(1);
    expect(docs[0].statementIds).to.deep.equal([
      "DenyLeaveOrganization",
      "DenyRootUser",
      "ProtectCloudTrail",
      "ProtectConfig",
      "ProtectGuardDuty",
      "DenyShortKmsDeletionWindow",
      "DenyKmsRotationDisable",
      "ProtectDrRoles",
      "DenyOutsideDrRegions",
    ]);
    expect(docs[0].content).to.equal(JSON.stringify(docs[0].document));
    expect(docs[0].size).to.equal(docs[0].content.length).and.to.equal(3686);
    expect(docs[0].size).to.be.at.most(SCP_MAX_CHARACTERS);
    // Minified: no whitespace between tokens (the only spaces would be inside string values).
    expect(docs[0].content).to.not.match(/[\n\r\t]|": |, "/);
  });

  it("builds the KMS, DR-role and Region statements exactly", () => {
    const byId = Object.fromEntries(docs[0].document.Statement.map((s) => [s.Sid, s]));
    expect(byId.DenyShortKmsDeletionWindow).to.deep.equal({
      Sid: "DenyShortKmsDeletionWindow",
      Effect: "Deny",
      Action: ["kms:ScheduleKeyDeletion"],
      Resource: "*",
      Condition: {
        NumericLessThan: { "kms:ScheduleKeyDeletionPendingWindowInDays": 30 },
        ArnNotLike: { "aws:PrincipalARN": ["arn:aws:iam::*:role/OrganizationAccountAccessRole"] },
      },
    });
    expect(byId.ProtectDrRoles.Resource).to.deep.equal([
      "arn:aws:iam::*:role/connect-dr-replication-*",
      "arn:aws:iam::*:role/connect-dr-failover-*",
    ]);
    expect(byId.ProtectDrRoles.Condition).to.deep.equal({
      ArnNotLike: { "aws:PrincipalARN": ["arn:aws:iam::*:role/connect-dr-deployer", "arn:aws:iam::*:role/OrganizationAccountAccessRole"] },
    });
    expect(byId.DenyOutsideDrRegions.NotAction).to.deep.equal(AWS_GLOBAL_SERVICE_ACTIONS);
    expect(byId.DenyOutsideDrRegions.Condition).to.deep.equal({
      StringNotEquals: { "aws:RequestedRegion": ["us-east-1", "us-west-2"] },
      ArnNotLike: { "aws:PrincipalARN": ["arn:aws:iam::*:role/BreakGlass", "arn:aws:iam::*:role/OrganizationAccountAccessRole"] },
    });
  });

  const table: Array<[string, string, Record<string, string | number>, string, string[]]> = [
    ["leave the organization", "organizations:LeaveOrganization", { "aws:PrincipalArn": MANAGEMENT, "aws:RequestedRegion": "us-east-1" }, "*", ["DenyLeaveOrganization"]],
    ["root user acts", "s3:GetObject", { "aws:PrincipalArn": "arn:aws:iam::222222222222:root", "aws:RequestedRegion": "us-east-1" }, "arn:aws:s3:::recordings/2026/01/01/contact.wav", ["DenyRootUser"]],
    ["stop CloudTrail", "cloudtrail:StopLogging", { "aws:PrincipalArn": DEPLOYER, "aws:RequestedRegion": "us-east-1" }, TRAIL, ["ProtectCloudTrail"]],
    ["management role stops CloudTrail", "cloudtrail:StopLogging", { "aws:PrincipalArn": MANAGEMENT, "aws:RequestedRegion": "us-east-1" }, TRAIL, []],
    ["stop AWS Config", "config:StopConfigurationRecorder", { "aws:PrincipalArn": OPERATOR, "aws:RequestedRegion": "us-west-2" }, "*", ["ProtectConfig"]],
    ["delete GuardDuty", "guardduty:DeleteDetector", { "aws:PrincipalArn": OPERATOR, "aws:RequestedRegion": "us-west-2" }, "arn:aws:guardduty:us-west-2:222222222222:detector/12abc34d567e8fa901bc2d34e56789f0", ["ProtectGuardDuty"]],
    ["7-day key deletion", "kms:ScheduleKeyDeletion", { "aws:PrincipalArn": DEPLOYER, "aws:RequestedRegion": "us-east-1", "kms:ScheduleKeyDeletionPendingWindowInDays": 7 }, KEY, ["DenyShortKmsDeletionWindow"]],
    ["29-day key deletion", "kms:ScheduleKeyDeletion", { "aws:PrincipalArn": DEPLOYER, "aws:RequestedRegion": "us-east-1", "kms:ScheduleKeyDeletionPendingWindowInDays": 29 }, KEY, ["DenyShortKmsDeletionWindow"]],
    ["30-day key deletion", "kms:ScheduleKeyDeletion", { "aws:PrincipalArn": DEPLOYER, "aws:RequestedRegion": "us-east-1", "kms:ScheduleKeyDeletionPendingWindowInDays": 30 }, KEY, []],
    ["disable key rotation", "kms:DisableKeyRotation", { "aws:PrincipalArn": DEPLOYER, "aws:RequestedRegion": "us-west-2" }, KEY.replace("us-east-1", "us-west-2"), ["DenyKmsRotationDisable"]],
    ["operator edits the replication role", "iam:PutRolePolicy", { "aws:PrincipalArn": OPERATOR, "aws:RequestedRegion": "us-east-1" }, REPLICATION_ROLE, ["ProtectDrRoles"]],
    ["operator edits the failover role", "iam:UpdateAssumeRolePolicy", { "aws:PrincipalArn": OPERATOR, "aws:RequestedRegion": "us-east-1" }, "arn:aws:iam::222222222222:role/connect-dr-failover-us-west-2", ["ProtectDrRoles"]],
    ["deployer edits the replication role", "iam:PutRolePolicy", { "aws:PrincipalArn": DEPLOYER, "aws:RequestedRegion": "us-east-1" }, REPLICATION_ROLE, []],
    ["operator edits an unrelated role", "iam:PutRolePolicy", { "aws:PrincipalArn": OPERATOR, "aws:RequestedRegion": "us-east-1" }, "arn:aws:iam::222222222222:role/app", []],
    ["EC2 outside the DR Regions", "ec2:RunInstances", { "aws:PrincipalArn": DEPLOYER, "aws:RequestedRegion": "eu-west-1" }, "arn:aws:ec2:eu-west-1:222222222222:instance/i-0123456789abcdef0", ["DenyOutsideDrRegions"]],
    ["EC2 in the DR Region", "ec2:RunInstances", { "aws:PrincipalArn": DEPLOYER, "aws:RequestedRegion": "us-west-2" }, "arn:aws:ec2:us-west-2:222222222222:instance/i-0123456789abcdef0", []],
    ["break-glass outside the DR Regions", "ec2:RunInstances", { "aws:PrincipalArn": BREAK_GLASS, "aws:RequestedRegion": "eu-west-1" }, "arn:aws:ec2:eu-west-1:222222222222:instance/i-0123456789abcdef0", []],
    ["global service from elsewhere", "route53:ChangeResourceRecordSets", { "aws:PrincipalArn": DEPLOYER, "aws:RequestedRegion": "eu-west-1" }, "arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ", []],
    ["Connect in the primary Region", "connect:UpdateTrafficDistribution", { "aws:PrincipalArn": OPERATOR, "aws:RequestedRegion": "us-east-1" }, "arn:aws:connect:us-east-1:222222222222:traffic-distribution-group/075f4ab8-54e2-433c-8ac1-1c0758796af4", []],
  ];
  for (const [what, action, context, resource, expected] of table) {
    it(`${expected.length ? "denies" : "allows"}: ${what}`, () => {
      expect(denyingStatements(docs.map((d) => d.document), { action, context, resource })).to.deep.equal(expected);
    });
  }

  it("never blocks S3 cross-Region replication in either DR Region", () => {
    const replication = [
      "s3:ReplicateObject",
      "s3:ReplicateDelete",
      "s3:ReplicateTags",
      "s3:GetObjectVersionForReplication",
      "s3:GetObjectVersionAcl",
      "s3:GetObjectVersionTagging",
      "s3:GetReplicationConfiguration",
      "s3:PutReplicationConfiguration",
      "s3:ObjectOwnerOverrideToBucketOwner",
      "kms:Decrypt",
      "kms:Encrypt",
      "kms:GenerateDataKey",
    ];
    for (const region of INPUT.drRegions) {
      for (const action of replication) {
        for (const principal of [REPLICATION_ROLE, DEPLOYER]) {
          const denied = denyingStatements(docs.map((d) => d.document), {
            action,
            resource: replicationResource(action, region),
            context: { "aws:PrincipalArn": principal, "aws:RequestedRegion": region },
          });
          expect(denied, `${action} in ${region} by ${principal}`).to.deep.equal([]);
        }
      }
    }
    // And statically: no statement names an S3 replication action.
    const actions = docs.flatMap((d) => d.document.Statement.flatMap((s) => s.Action ?? []));
    expect(actions.filter((a) => /^s3:(Replicate|PutReplication|\*)/i.test(a))).to.deep.equal([]);
  });
});

describe("governance: input errors name the key, the value and what is allowed", () => {
  const cases: Array<[string, Partial<GuardrailInput>, string]> = [
    ["one Region", { drRegions: ["us-east-1"] }, `invalid 'drRegions' = ["us-east-1"]; exactly two Region names (primary and DR) are allowed`],
    ["bad Region", { drRegions: ["us-east-1", "Oregon"] }, `invalid 'drRegions[1]' = "Oregon"; a Region name such as 'us-east-1' is allowed`],
    ["same Region twice", { drRegions: ["us-east-1", "us-east-1"] }, `invalid 'drRegions' = ["us-east-1","us-east-1"]; two different Regions are required`],
    ["break-glass not a role ARN", { breakGlassRoleArnPattern: "BreakGlass" }, `invalid 'breakGlassRoleArnPattern' = "BreakGlass"; an IAM role ARN pattern such as 'arn:aws:iam::*:role/Name' is allowed`],
    ["no replication roles", { replicationRoleNamePatterns: [] }, `invalid 'replicationRoleNamePatterns' = []; a non-empty list of IAM role name patterns is required`],
    ["wildcard-only role name", { failoverRoleNamePatterns: ["*"] }, `invalid 'failoverRoleNamePatterns[0]' = "*"; an IAM role name pattern (letters, digits, +=,.@_- and * ?; not only '*') is allowed`],
    ["bad extra action", { extraGlobalActions: ["notanaction"] }, `invalid 'extraGlobalActions[0]' = "notanaction"; an IAM action such as 'service:Action' or 'service:*' is allowed`],
  ];
  for (const [what, patch, message] of cases) {
    it(what, () => {
      expect(() => buildGuardrailDocuments({ ...INPUT, ...patch } as GuardrailInput)).to.throw(message);
    });
  }
});

describe("governance: splitting and packing", () => {
  it("splits into several documents, each within 5,120 characters, when the DR roles are many", () => {
    const many = Array.from({ length: 120 }, (_, i) => `connect-dr-replication-target-number-${String(i).padStart(3, "0")}`);
    const docs = buildGuardrailDocuments({ ...INPUT, replicationRoleNamePatterns: many });
    expect(docs.map((d) => d.statementIds)).to.deep.equal([
      ["DenyLeaveOrganization", "DenyRootUser", "ProtectCloudTrail", "ProtectConfig", "ProtectGuardDuty", "DenyShortKmsDeletionWindow", "DenyKmsRotationDisable", "DenyOutsideDrRegions"],
      ["ProtectDrRoles1"],
      ["ProtectDrRoles2"],
    ]);
    expect(docs.map((d) => d.size)).to.deep.equal([3090, 5080, 3612]);
    for (const d of docs) expect(d.size, `document ${d.index}`).to.be.at.most(SCP_MAX_CHARACTERS).and.equal(d.content.length);
    // Nothing lost: the parts together protect exactly the roles asked for.
    const resources = docs.flatMap((d) => d.document.Statement.filter((s) => s.Sid.startsWith("ProtectDrRoles")).flatMap((s) => s.Resource as string[]));
    expect(resources).to.deep.equal([...many, "connect-dr-failover-*"].map((n) => `arn:aws:iam::*:role/${n}`));
  });

  it("splits an Action list into parts that deny the same union", () => {
    const actions = Array.from({ length: 40 }, (_, i) => `ec2:Action${i}`);
    const statement: ScpStatement = { Sid: "Big", Effect: "Deny", Action: actions, Resource: "*" };
    const parts = splitStatement(statement, 400);
    expect(parts.map((p) => p.Sid)).to.deep.equal(parts.map((_, i) => `Big${i + 1}`));
    expect(parts.length).to.be.greaterThan(1);
    expect(parts.flatMap((p) => p.Action)).to.deep.equal(actions);
    for (const p of parts) expect(JSON.stringify(documentOf([p])).length).to.be.at.most(400);
  });

  it("refuses to split a NotAction statement, naming it and its size", () => {
    const statement: ScpStatement = { Sid: "RegionDeny", Effect: "Deny", NotAction: AWS_GLOBAL_SERVICE_ACTIONS, Resource: "*" };
    const size = JSON.stringify(documentOf([statement])).length;
    expect(() => splitStatement(statement, 500)).to.throw(StatementTooLargeError, `SCP statement 'RegionDeny' is ${size} characters as a minified document; at most 500 are allowed per SCP`);
  });

  it("packs first-fit in order", () => {
    const s = (sid: string, n: number): ScpStatement => ({ Sid: sid, Effect: "Deny", Action: Array.from({ length: n }, (_, i) => `svc:A${i}`), Resource: "*" });
    const docs = packDocuments([s("A", 20), s("B", 20), s("C", 2)], 400);
    expect(docs.map((d) => d.Statement.map((x) => x.Sid))).to.deep.equal([["A", "C"], ["B"]]);
  });
});

describe("governance: at most 5 SCPs attached directly per target", () => {
  it("counts AWS's FullAWSAccess as one already attached", () => {
    expect(() => checkAttachmentBudget(["ou-ab12-cdef3456"], 4)).to.not.throw();
    expect(() => checkAttachmentBudget(["ou-ab12-cdef3456", "222222222222"], 5)).to.throw(
      AttachmentLimitError,
      "target 'ou-ab12-cdef3456' would have 6 SCPs attached directly (5 guardrail documents + 1 already attached, FullAWSAccess included); AWS allows at most 5",
    );
  });

  it("uses the per-target counts given", () => {
    expect(() => checkAttachmentBudget(["ou-ab12-cdef3456", "222222222222"], 2, { "222222222222": 4 })).to.throw(
      "target '222222222222' would have 6 SCPs attached directly (2 guardrail documents + 4 already attached",
    );
    expect(() => buildGuardrailDocuments(INPUT, ["222222222222"], { "222222222222": 5 })).to.throw("target '222222222222' would have 6 SCPs");
  });

  it("recognises target ids", () => {
    expect(["r-ab12", "ou-ab12-cdef3456", "222222222222", "acct"].map(targetKind)).to.deep.equal(["root", "organizational-unit", "account", undefined]);
  });
});
