import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { MockCloud, settle } from "../../tools/synthesis/mock-cloud";
import { ContactCenterMonitoring } from "../../components/monitoring/contact-center-monitoring";
import { CrmIntegration } from "../../components/integrations/crm-integration";
import { EdgeEntry } from "../../components/edge/edge-entry";
import { LambdaAutoScaling } from "../../components/integrations/lambda-auto-scaling";
import { RegionalDatabase } from "../../components/database/regional-database";
import { RegionalVpc } from "../../components/network/regional-vpc";
import { TelephonyHealthChecks } from "../../components/dns/telephony-health-checks";
import type { HarnessResource } from "../policies/support/policy-harness";
import { harnessResources, packViolations } from "../policies/support/pack-run";

// The DR architecture components, synthesized under mocks with every optional child enabled, checked
// against every rule of the team's own pack.

const ACCOUNT = "222233334444";
const NETWORK = "444455556666";
const provider = (name: string, region: string, account: string) => new aws.Provider(name, { region, assumeRoles: [{ roleArn: `arn:aws:iam::${account}:role/ConnectDrDeployer` }] });

async function synthesize(mode: "aurora-global" | "rds-read-replica", edge: "global-accelerator" | "cloudfront"): Promise<HarnessResource[]> {
  const cloud = new MockCloud({ calls: { "aws:secretsmanager/getRandomPassword:getRandomPassword": () => ({ randomPassword: "x".repeat(32) }) } }).install();
  const east = provider("workload-eu-central-1", "eu-central-1", ACCOUNT);
  const west = provider("workload-eu-west-2", "eu-west-2", ACCOUNT);
  new RegionalDatabase(
    "db",
    mode === "aurora-global"
      ? {
          mode, engine: "aurora-postgresql", engineVersion: "16.4", parameterGroupFamily: "aurora-postgresql16", identifier: "crm-cache",
          primaryRegion: "eu-central-1", secondaryRegion: "eu-west-2", secondaryProvider: west, accountId: ACCOUNT, instanceClass: "db.r6g.large", databaseName: "crm",
          primaryNetwork: { subnetIds: ["s-1", "s-2"], securityGroupIds: ["sg-1"] }, secondaryNetwork: { subnetIds: ["s-3", "s-4"], securityGroupIds: ["sg-2"] },
        }
      : {
          mode, engine: "postgres", engineVersion: "16.4", parameterGroupFamily: "postgres16", identifier: "callbacks",
          primaryRegion: "eu-central-1", secondaryRegion: "eu-west-2", secondaryProvider: west, accountId: ACCOUNT, instanceClass: "db.m7g.large", databaseName: "cb",
          primaryNetwork: { subnetIds: ["s-1", "s-2"], securityGroupIds: ["sg-1"] }, secondaryNetwork: { subnetIds: ["s-3", "s-4"], securityGroupIds: ["sg-2"] },
        },
    { provider: east },
  );
  new LambdaAutoScaling("fns", { region: "eu-west-2", functions: { "crm-lookup": { version: "4" } }, maxProvisionedConcurrency: 20 }, { provider: west });
  new EdgeEntry(
    "edge",
    edge === "global-accelerator"
      ? { mode: edge, accountId: ACCOUNT, origins: { "eu-central-1": { loadBalancerArn: `arn:aws:elasticloadbalancing:eu-central-1:${ACCOUNT}:loadbalancer/app/a/1` }, "eu-west-2": { loadBalancerArn: `arn:aws:elasticloadbalancing:eu-west-2:${ACCOUNT}:loadbalancer/app/a/2` } } }
      : {
          mode: edge, accountId: ACCOUNT, aliases: ["agents.example.com"], certificateArn: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/abc`,
          origins: { "eu-central-1": { domainName: "a1.example.com", failover: "PRIMARY" }, "eu-west-2": { domainName: "a2.example.com", failover: "SECONDARY" } },
        },
    // Global Accelerator's API lives in us-west-2; CloudFront's distribution is global and takes any Region's provider.
    { provider: edge === "global-accelerator" ? provider("workload-us-west-2", "us-west-2", ACCOUNT) : west },
  );
  new ContactCenterMonitoring(
    "mon",
    { region: "eu-west-2", accountId: ACCOUNT, connectInstanceId: "i-1", enableSplunk: true, splunkHecUrl: "https://hec.example.com:443", enableDynatrace: true, dynatraceEndpointUrl: "https://aws.cloud.dynatrace.com/metrics" },
    { provider: west },
  );
  // The VPC (awsx) in the network account, shared with the workload account whose CRM functions run in it.
  const vpc = new RegionalVpc(
    "vpc",
    { region: "eu-central-1", accountId: NETWORK, cidrBlock: "10.50.0.0/16", availabilityZoneNames: ["eu-central-1a", "eu-central-1b", "eu-central-1c"], vpnGateway: true, shareWithAccountIds: [ACCOUNT] },
    { provider: provider("network-eu-central-1", "eu-central-1", NETWORK) },
  );
  new CrmIntegration(
    "crm",
    {
      region: "eu-central-1", accountId: ACCOUNT, createSecrets: true, replicaRegion: "eu-west-2", replicaKmsKeyArn: `arn:aws:kms:eu-west-2:${ACCOUNT}:key/k`, salesforce: { instanceUrl: "https://acme.my.salesforce.com" }, servicenow: { instanceUrl: "https://acme.service-now.com" },
      vpc: { vpcId: vpc.vpcId, subnetIds: vpc.privateSubnetIds, subnetOwnerAccountId: NETWORK },
    },
    { provider: east },
  );
  new TelephonyHealthChecks("sip", { endpoints: { "eu-west-2": { carrier: { ipAddress: "18.130.0.10" } } }, alarmProvider: provider("network-us-east-1", "us-east-1", NETWORK) }, { provider: provider("network-eu-west-2", "eu-west-2", NETWORK) });
  await settle();
  return harnessResources(cloud);
}


/**
 * Region findings that are facts of AWS, not defects. Route 53 HealthCheckStatus alarms exist only in
 * us-east-1, and Global Accelerator is managed through us-west-2: the pack treats the accelerator itself
 * as global, but its flow-log bucket (created with the same us-west-2 provider) is regional. With the EU
 * pair as the allowed Regions the residency and Region-deny rules flag exactly those resources; every
 * other rule must pass.
 */
const EU = { allowedRegions: ["eu-central-1", "eu-west-2"] };
const OUTSIDE_EU = ["sip-sip-alarm-eu-west-2-carrier"];
const isRegionFinding = (v: string) => /^(gdpr-data-residency|scp-preview-denials): /.test(v);
/** The resources the Region findings name (stack rules name them in the message). */
const regionFindingResources = (found: string[]) => [...new Set(found.filter(isRegionFinding).map((v) => /'([^']+)'/.exec(v)![1]))].sort();

describe("DR architecture components against the policy pack", () => {
  it("Aurora global database, Global Accelerator and the rest pass every rule but the Region facts", async () => {
    const found = await packViolations(await synthesize("aurora-global", "global-accelerator"), EU);
    expect(found.filter((v) => !isRegionFinding(v))).to.deep.equal([]);
    expect(regionFindingResources(found)).to.deep.equal([...OUTSIDE_EU, "edge-logs", "edge-logs-encryption", "edge-logs-key", "edge-logs-lifecycle", "edge-logs-ownership", "edge-logs-policy", "edge-logs-public-access-block", "edge-logs-versioning"].sort());
  });

  it("RDS read replica, CloudFront and the rest pass every rule but the us-east-1 alarm", async () => {
    const found = await packViolations(await synthesize("rds-read-replica", "cloudfront"), EU);
    expect(found.filter((v) => !isRegionFinding(v))).to.deep.equal([]);
    expect(regionFindingResources(found)).to.deep.equal(["sip-sip-alarm-eu-west-2-carrier"]);
  });

  it("with no Region choice, presumes no geography: one advisory instead of the Region findings", async () => {
    const found = await packViolations(await synthesize("rds-read-replica", "cloudfront"));
    expect(found).to.deep.equal([
      "region-choice: No Region choice: allowedRegions is not configured and this stack declares no Region-deny SCP, so gdpr-data-residency " +
        "and the Region check of scp-preview-denials did not run. This stack's regional resources are in eu-central-1, eu-west-2, us-east-1.",
    ]);
  });

  it("the rules do examine these resources (dropping the log bucket's encryption is caught)", async () => {
    const resources = (await synthesize("aurora-global", "cloudfront")).filter((r) => r.name !== "edge-logs-encryption");
    expect((await packViolations(resources, EU)).filter((v) => !isRegionFinding(v))).to.deep.equal([
      "s3-bucket-cmk-encryption: Bucket 'edge-logs' has no server-side encryption configuration, so it gets SSE-S3 with an AWS key.",
    ]);
  });

  it("the rules examine the VPC's own children too (a flow-log group without its CMK or with short retention is caught)", async () => {
    const resources = (await synthesize("aurora-global", "cloudfront")).map((r) =>
      r.name === "vpc-flow-logs" ? { ...r, props: { ...r.props, kmsKeyId: undefined, retentionInDays: 30 } } : r,
    );
    const found = (await packViolations(resources, EU)).filter((v) => !isRegionFinding(v));
    expect(found.map((v) => v.split(":")[0]).sort()).to.deep.equal(["cloudwatch-log-group-cmk vpc-flow-logs", "cloudwatch-log-group-retention vpc-flow-logs"]);
  });
});
