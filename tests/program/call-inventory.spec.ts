import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import type { RecordedResource } from "../../tools/synthesis/mock-cloud";
import { CALL_SITES, iamActionsOf, identityCalls, type Deployment, type FunctionNetwork, type Identity, type IdentityCall } from "../support/iam/call-inventory";
import { awsArns, loadArnFormats } from "../support/iam/aws-arns";
import { listOf, statementsOf, type PolicyDocument } from "../support/iam/policy-documents";
import { actionsMatching } from "../support/iam/reference";
import { defaultKeyPolicy, FULL_AWS_ACCESS } from "../support/iam/evaluation/aws-defaults";
import { decide } from "../support/iam/evaluation/decide";
import { recordedCalls } from "../support/sdk-call-recorder";
import { awsResources, PRIMARY_STACK_OUTPUTS, PROJECT_DIR, synthesizeComputed } from "./synthesize";

/** A role of the synthesized stacks, the identity it is, and the deployment it acts in. */
interface RoleUnderTest {
  readonly label: string;
  readonly identity: Identity;
  readonly role: RecordedResource;
  readonly policies: PolicyDocument[];
  readonly deployment: Deployment;
}

/**
 * Allowed (action, resource) pairs an identity's policies grant beyond the inventory, each with the
 * reason the documentation gives. Empty: every grant is a call the code makes.
 */
const JUSTIFIED_EXTRAS: Readonly<Partial<Record<Identity, readonly { action: string; resource: string; reason: string }[]>>> = {};

const byName = (resources: RecordedResource[], name: string) => {
  const found = resources.filter((r) => r.name === name);
  if (found.length !== 1) throw new Error(`expected one resource named ${name}, found ${found.length}`);
  return found[0];
};
const regionOf = (arn: string) => arn.split(":")[3] ?? "";

describe("IAM: the call inventory against each identity's synthesized policies (IAM's evaluation logic)", function () {
  const roles: RoleUnderTest[] = [];
  let scps: PolicyDocument[] = [];
  let resourcePolicies: Map<string, PolicyDocument>;

  // One synthesis a hook (shared with the reference spec through synthesizeComputed), then the roles.
  before(() => loadArnFormats());
  before(() => synthesizeComputed("primary", "aws-arns", awsArns));
  before(() => synthesizeComputed("secondary", "aws-arns", awsArns));
  before(async () => {
    const primaryCloud = (await synthesizeComputed("primary", "aws-arns", awsArns)).cloud;
    const primary = awsResources(primaryCloud);
    const secondaryCloud = (await synthesizeComputed("secondary", "aws-arns", awsArns)).cloud;
    const secondary = awsResources(secondaryCloud);
    scps = [FULL_AWS_ACCESS, ...primary.filter((r) => r.type === "aws:organizations/policy:Policy").map((r) => JSON.parse(r.inputs.content) as PolicyDocument)];
    resourcePolicies = new Map();
    for (const r of [...primary, ...secondary]) {
      // A key created without a policy gets KMS's default key policy: the account root, which lets IAM policies grant use (KMS Developer Guide, "Default key policy").
      if (r.type === "aws:kms/key:Key") resourcePolicies.set(r.state.arn, r.inputs.policy ? JSON.parse(r.inputs.policy) : defaultKeyPolicy(r.account!));
      if (r.type === "aws:s3/bucketPolicy:BucketPolicy") resourcePolicies.set(`arn:aws:s3:::${r.inputs.bucket}`, JSON.parse(r.inputs.policy));
    }
    // A subnet shared through AWS RAM lets the share's principals create network interfaces in it (RAM's
    // managed permission AWSRAMDefaultPermissionSubnet): modelled as the subnet's resource policy.
    for (const stack of [primary, secondary]) {
      for (const association of stack.filter((r) => r.type === "aws:ram/resourceAssociation:ResourceAssociation")) {
        const principals = stack.filter((r) => r.type === "aws:ram/principalAssociation:PrincipalAssociation" && r.inputs.resourceShareArn === association.inputs.resourceShareArn).map((r) => `arn:aws:iam::${r.inputs.principal}:root`);
        resourcePolicies.set(association.inputs.resourceArn, { Version: "2012-10-17", Statement: [{ Sid: "RamShare", Effect: "Allow", Principal: { AWS: principals }, Action: "ec2:CreateNetworkInterface", Resource: association.inputs.resourceArn }] } as PolicyDocument);
      }
    }
    const tdg = secondaryCloud.resources.find((r) => r.type.endsWith(":TrafficDistributionGroup"))!.state.arn as string;
    const account = tdg.split(":")[4];
    const pair: [string, string] = [regionOf(tdg), byName(secondary, "connect-flow-logs").region!];
    const functionsOf = (resources: RecordedResource[]) => resources.filter((r) => r.type === "aws:connect/lambdaFunctionAssociation:LambdaFunctionAssociation").map((r) => String(r.inputs.functionArn));
    const secret = byName(secondary, "crm-salesforce-secret").state.arn as string;
    const deployment = (stack: RecordedResource[], region: string, inAccount = account): Deployment => {
      const peer = pair.find((r) => r !== region)!;
      const has = (name: string) => stack.some((r) => r.name === name);
      const arnOf = (name: string) => byName(stack, name).state.arn as string;
      const crmFunctions = [...primary, ...secondary].filter((r) => r.name === "crm-salesforce-function").map((r) => r.state.arn as string);
      // A function in a VPC: the stack's own private subnets (awsx's outputs), or for the primary
      // Region's probe in the secondary stack the ones the primary exports; the network account owns them.
      const network = (sgName: string): FunctionNetwork | undefined => {
        if (!has(sgName)) return undefined;
        const owner = byName(stack, "vpc-flow-logs-role").account!;
        // awsx's VPC is a component (not among the AWS resources): its outputs are in the full recording.
        const own = (stack === primary ? primaryCloud : secondaryCloud).ofType("awsx:ec2:Vpc").find((r) => r.region === region);
        const subnetIds: string[] = own ? own.state.privateSubnetIds : PRIMARY_STACK_OUTPUTS.vpcPrivateSubnetIds;
        return { subnets: subnetIds.map((id) => `arn:aws:ec2:${region}:${owner}:subnet/${id}`), securityGroup: `arn:aws:ec2:${region}:${account}:security-group/${byName(stack, sgName).state.id}` };
      };
      return {
        account: inAccount,
        region,
        peer,
        pair,
        arns: {
          trafficDistributionGroup: tdg,
          instance: (r) => `arn:aws:connect:${r}:${account}:instance/${PRIMARY_STACK_OUTPUTS.connectInstanceId}`,
          lockTable: `arn:aws:dynamodb:${region}:${account}:table/${byName(secondary, "dr-lock-table").inputs.name}`,
          lockTableKey: byName(secondary, `dr-lock-key-${region}`).state.arn,
          healthAlarms: pair.map((r) => `arn:aws:cloudwatch:${r}:${account}:alarm:connect-dr-${r}-health`),
          topic: has(`failover-${region}-topic`) ? arnOf(`failover-${region}-topic`) : "",
          automationKey: has(`failover-${region}-key`) ? arnOf(`failover-${region}-key`) : "",
          automationLogGroup: has(`failover-${region}-logs`) ? arnOf(`failover-${region}-logs`) : "",
          associatedFunctions: [...functionsOf(primary), ...functionsOf(secondary)],
          healthCheckFunctions: crmFunctions,
          sipHealthChecks: secondary.filter((r) => r.name.startsWith("telephony-sip-") && r.type === "aws:route53/healthCheck:HealthCheck").map((r) => r.state.arn as string),
          peerEventBus: `arn:aws:events:${peer}:${account}:event-bus/default`,
          ...(has(`peer-probe-${region}-logs`) ? { probeLogGroup: arnOf(`peer-probe-${region}-logs`), probeKey: arnOf(`failover-${region}-key`) } : {}),
          ...(network(`peer-probe-${region}-sg`) ? { probeNetwork: network(`peer-probe-${region}-sg`) } : {}),
          ...(has("vpc-flow-logs") && byName(stack, "vpc-flow-logs").region === region ? { flowLogGroup: arnOf("vpc-flow-logs") } : {}),
          ...(has("crm-salesforce-logs") ? {
                crm: {
                  secret: secret.replace(/:secretsmanager:[^:]+:/, `:secretsmanager:${region}:`),
                  ...(has("crm-salesforce-secret") ? {} : { secretGrant: secret.replace(/:secretsmanager:[^:]+:/, `:secretsmanager:${region}:`).replace(/-[A-Za-z0-9]{6}$/, "-??????") }),
                  key: arnOf("crm-key"),
                  logGroup: arnOf("crm-salesforce-logs"),
                  ...(network("crm-sg") ? { network: network("crm-sg") } : {}),
                },
              } : {}),
          ...(has("recordings-source")
            ? { recordings: { sourceBucket: arnOf("recordings-source"), sourceKey: arnOf("recordings-source-key"), destinationBucket: arnOf("recordings-destination"), destinationKey: arnOf("recordings-destination-key") } }
            : {}),
        },
      };
    };
    const add = (stack: RecordedResource[], label: string, name: string, identity: Identity, arns: Partial<Deployment["arns"]> = {}) => {
      const role = byName(stack, name);
      const inline = stack.filter((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.inputs.role === role.state.id).map((r) => JSON.parse(r.inputs.policy) as PolicyDocument);
      const attached = stack.filter((r) => r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment" && r.inputs.role === role.state.id);
      if (attached.length || role.inputs.managedPolicyArns?.length) throw new Error(`${name} has managed policies the inventory cannot evaluate`);
      // The flow-log role lives in the network account with its VPC; the others in the workload account.
      const base = deployment(stack, role.region!, identity === "flow-logs" ? role.account! : account);
      roles.push({ label, identity, role, policies: inline, deployment: { ...base, arns: { ...base.arns, ...arns } } });
    };
    for (const region of pair) {
      add(secondary, `failover function (${region})`, `failover-${region}-role`, "failover-function");
      add(secondary, `operator (${region})`, `failover-${region}-operator-role`, "operator");
      add(secondary, `event forwarder (${region})`, `failover-${region}-forward-role`, "event-forwarder");
      add(secondary, `peer probe (${region})`, `peer-probe-${region}-role`, "peer-probe");
    }
    add(primary, `CRM function (${pair[0]})`, "crm-salesforce-role", "crm-function");
    add(secondary, `CRM function (${pair[1]})`, "crm-salesforce-role", "crm-function");
    add(primary, `recordings replication (${pair[0]})`, "recordings-replication-role", "replication");
    add(secondary, `recordings replication (${pair[1]})`, "recordings-replication-role", "replication");
    add(primary, `VPC flow logs (${pair[0]})`, "vpc-flow-logs-role", "flow-logs");
    add(secondary, `VPC flow logs (${pair[1]})`, "vpc-flow-logs-role", "flow-logs");
    // The contact-records archive: its replication role (the same calls on its own buckets) and one Firehose role a stream.
    for (const [stack, region] of [[primary, pair[0]], [secondary, pair[1]]] as const) {
      const arnIn = (name: string) => byName(stack, name).state.arn as string;
      const archive = { sourceBucket: arnIn("contact-records-source"), sourceKey: arnIn("contact-records-source-key"), destinationBucket: arnIn("contact-records-destination"), destinationKey: arnIn("contact-records-destination-key") };
      add(stack, `contact-records replication (${region})`, "contact-records-replication-role", "replication", { recordings: archive });
      for (const stream of ["contact-trace-records", "agent-events"]) {
        add(stack, `${stream} archive delivery (${region})`, `contact-records-${stream}-role`, "archive-delivery", {
          archiveDelivery: { stream: arnIn(`connect-${stream}`), streamKey: arnIn("connect-key"), bucket: archive.sourceBucket, bucketKey: archive.sourceKey, root: `${stream}/` },
        });
      }
    }
  });

  function decision(r: RoleUnderTest, call: IdentityCall, action: string, resource: string) {
    const requested = regionOf(resource) || r.deployment.region;
    const resourceAccount = resource.split(":")[4] || r.deployment.account;
    const mfa: Record<string, string> = r.identity === "operator" ? { "aws:MultiFactorAuthPresent": "true", "aws:MultiFactorAuthAge": "300" } : {};
    return decide(
      {
        principal: r.role.state.arn,
        action,
        resource,
        resourceAccount,
        context: { "aws:PrincipalArn": r.role.state.arn, "aws:PrincipalAccount": r.deployment.account, "aws:RequestedRegion": requested, "aws:SecureTransport": "true", ...mfa, ...call.context },
      },
      // The SCPs attached where the stacks attach them, FullAWSAccess included: one level.
      { identity: r.policies, resource: resourcePolicies.get(resource) ?? resourcePolicies.get(resource.replace(/^(arn:aws:s3:::[^/]+)\/.*$/, "$1")), scps: [scps] },
    );
  }

  it("covers every role of both stacks that deployed code or AWS acts as", () => {
    expect(roles.map((r) => `${r.label}: ${r.role.state.arn}`)).to.have.length(20);
    expect(roles.every((r) => r.policies.length > 0)).to.equal(true);
  });

  it("allows every inventoried call of each identity on the resource it touches, SCPs included", () => {
    const denied: string[] = [];
    let count = 0;
    for (const r of roles) {
      for (const call of identityCalls(r.identity, r.deployment)) {
        for (const action of call.actions) {
          for (const resource of call.resources) {
            count += 1;
            const d = decision(r, call, action, resource.arn);
            if (d.result !== "Allowed") denied.push(`${r.label}: ${call.call} ${action} on ${resource.arn}: ${d.result}, ${d.reason}`);
          }
        }
      }
    }
    expect(denied).to.deep.equal([]);
    expect(count).to.be.greaterThan(100);
    const sizes = roles.map((r) => `${r.label} ${identityCalls(r.identity, r.deployment).reduce((n, c) => n + c.actions.length * c.resources.length, 0)}`);
    console.log(`      ${count} (action, resource) requests allowed: ${sizes.join("; ")}`);
  });

  it("lets the operator find the instance's default traffic distribution group (the CLI's path without --group-arn)", () => {
    for (const r of roles.filter((x) => x.identity === "operator")) {
      for (const region of r.deployment.pair) {
        const group = r.deployment.arns.trafficDistributionGroup.replace(/:connect:[^:]+:/, `:connect:${region}:`);
        const d = decision(r, { call: "Connect.ListTrafficDistributionGroups", actions: [], resources: [] }, "connect:ListTrafficDistributionGroups", group);
        expect(d.result, `${r.label} in ${region}`).to.equal("Allowed");
      }
    }
  });

  it("grants nothing beyond the inventory (and the documented extras)", async () => {
    const beyond: string[] = [];
    for (const r of roles) {
      const granted = new Set(identityCalls(r.identity, r.deployment).flatMap((c) => c.actions.flatMap((a) => c.resources.map((res) => `${a.toLowerCase()} ${res.grant ?? res.arn}`))));
      for (const extra of JUSTIFIED_EXTRAS[r.identity] ?? []) granted.add(`${extra.action.toLowerCase()} ${extra.resource}`);
      for (const statement of r.policies.flatMap(statementsOf)) {
        expect(statement.NotAction ?? statement.NotResource, `${r.label} ${statement.Sid}`).to.equal(undefined);
        if (statement.Effect !== "Allow") continue;
        for (const pattern of listOf(statement.Action)) {
          const actions = await actionsMatching(pattern);
          expect(actions, `${r.label}: ${pattern} names every action`).to.not.equal(undefined);
          for (const action of actions!) {
            for (const resource of listOf(statement.Resource)) {
              if (!granted.has(`${action.name.toLowerCase()} ${resource}`)) beyond.push(`${r.label} (${statement.Sid ?? "statement"}): ${action.name} on ${resource}`);
            }
          }
        }
      }
    }
    expect(beyond).to.deep.equal([]);
  });

  it("denies what no call needs: another group, another table, deleting the instance, another bucket's objects", () => {
    const failover = roles.find((r) => r.identity === "failover-function")!;
    const operator = roles.find((r) => r.identity === "operator")!;
    const replication = roles.find((r) => r.identity === "replication")!;
    const otherGroup = failover.deployment.arns.trafficDistributionGroup.replace(/[^/]+$/, "00000000-0000-4000-8000-000000000000");
    const none = { call: "none", actions: [], resources: [] };
    expect(decision(failover, none, "connect:UpdateTrafficDistribution", otherGroup).result).to.equal("ImplicitlyDenied");
    expect(decision(failover, none, "dynamodb:PutItem", failover.deployment.arns.lockTable.replace(/[^/]+$/, "other")).result).to.equal("ImplicitlyDenied");
    expect(decision(operator, none, "connect:DeleteInstance", operator.deployment.arns.instance(operator.deployment.region)).result).to.equal("ImplicitlyDenied");
    // The replication role decrypts only objects of its source bucket (kms:EncryptionContext:aws:s3:arn).
    const decryptSource = identityCalls("replication", replication.deployment).find((c) => c.actions.includes("kms:Decrypt") && c.context?.["kms:EncryptionContext:aws:s3:arn"])!;
    const otherObject = { ...decryptSource, context: { ...decryptSource.context, "kms:EncryptionContext:aws:s3:arn": "arn:aws:s3:::another-bucket/2026/01/01/contact.wav" } };
    expect(decision(replication, decryptSource, "kms:Decrypt", decryptSource.resources[0].arn).result).to.equal("Allowed");
    expect(decision(replication, otherObject, "kms:Decrypt", decryptSource.resources[0].arn).result).to.equal("ImplicitlyDenied");
  });
});

describe("IAM: the call inventory against the code", () => {
  it("names, for every SDK call, IAM actions that exist in the Service Authorization Reference", async () => {
    const missing: string[] = [];
    for (const site of CALL_SITES) for (const call of site.calls) for (const action of iamActionsOf(call)) if (!(await actionsMatching(action))?.length) missing.push(`${site.file}: ${call} -> ${action}`);
    expect(missing).to.deep.equal([]);
  });

  it("lists only call sites the code has: each file sends each command it is listed with", () => {
    const stale: string[] = [];
    for (const site of CALL_SITES) {
      const text = fs.readFileSync(path.join(PROJECT_DIR, site.file), "utf8");
      for (const call of site.calls) {
        const command = call.split(".")[1];
        // Commands are named directly, through a paginator, by a table string, or as a signed request's target.
        if (!new RegExp(`\\b(${command}Command|paginate${command}|"${command}"|\\.${command}\\b)`).test(text) && !/cli\/operations\/(backup|restore)\//.test(site.file)) stale.push(`${site.file}: ${call}`);
      }
    }
    expect(stale).to.deep.equal([]);
  });
});

// A root hook: it runs once every spec file of this mocha run has finished, so it sees what the
// end-to-end specs sent (run alone, this file sees nothing and passes).
after("every SDK call the code sent is in the call inventory", function () {
  const declared = new Set(CALL_SITES.flatMap((s) => s.calls.map((c) => `${s.file} ${c}`)));
  const undeclared = recordedCalls().filter((r) => !declared.has(`${r.file} ${r.call}`)).map((r) => `${r.file}: ${r.call}`);
  if (undeclared.length) throw new Error(`SDK calls sent by the code but missing from tests/support/iam/call-inventory.ts:\n${undeclared.join("\n")}`);
});
