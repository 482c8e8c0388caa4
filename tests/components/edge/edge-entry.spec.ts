import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../../../components/argument-error";
import { EdgeEntry, type EdgeEntryArgs } from "../../../components/edge/edge-entry";
import { edgeLogBucketPolicy } from "../../../components/edge/log-delivery-policies";
import { MockCloud, resolve, settle } from "../../../tools/synthesis/mock-cloud";

const ACCOUNT = "555566667777";
const provider = (region: string) => new aws.Provider(`edge-${region}`, { region, assumeRoles: [{ roleArn: `arn:aws:iam::${ACCOUNT}:role/ConnectDrDeployer` }] });
const alb = (region: string) => `arn:aws:elasticloadbalancing:${region}:${ACCOUNT}:loadbalancer/app/agents/0123456789abcdef`;
const CERT = `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/11111111-2222-3333-4444-555555555555`;
const WAF = `arn:aws:wafv2:us-east-1:${ACCOUNT}:global/webacl/agents/abcd`;

function acceleratorArgs(overrides: Partial<EdgeEntryArgs> = {}): EdgeEntryArgs {
  return {
    mode: "global-accelerator",
    accountId: ACCOUNT,
    origins: { "us-east-1": { loadBalancerArn: alb("us-east-1") }, "us-west-2": { loadBalancerArn: alb("us-west-2"), trafficDialPercentage: 50 } },
    tags: { project: "connect-dr" },
    ...overrides,
  };
}

function cloudfrontArgs(overrides: Partial<EdgeEntryArgs> = {}): EdgeEntryArgs {
  return {
    mode: "cloudfront",
    accountId: ACCOUNT,
    origins: {
      "us-west-2": { domainName: "agents-usw2.example.com", failover: "SECONDARY" },
      "us-east-1": { domainName: "agents-use1.example.com", failover: "PRIMARY" },
    },
    aliases: ["agents.example.com"],
    certificateArn: CERT,
    webAclArn: WAF,
    ...overrides,
  };
}

const LOG_BUCKET_CHILDREN = (n: string) => [
  `aws:kms/key:Key ${n}-logs-key`,
  `aws:s3/bucket:Bucket ${n}-logs`,
  `aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration ${n}-logs-lifecycle`,
  `aws:s3/bucketOwnershipControls:BucketOwnershipControls ${n}-logs-ownership`,
  `aws:s3/bucketPolicy:BucketPolicy ${n}-logs-policy`,
  `aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock ${n}-logs-public-access-block`,
  `aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration ${n}-logs-encryption`,
  `aws:s3/bucketVersioning:BucketVersioning ${n}-logs-versioning`,
];

function expectHardenedLogBucket(cloud: MockCloud, n: string): void {
  const key = cloud.named(`${n}-logs-key`).inputs;
  expect(key).to.include({ enableKeyRotation: true, deletionWindowInDays: 30 });
  const keyPolicy = JSON.parse(key.policy);
  expect(keyPolicy.Statement[1]).to.deep.include({ Sid: "LogDeliveryEncrypts", Principal: { Service: "delivery.logs.amazonaws.com" }, Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } } });
  expect(cloud.named(`${n}-logs-encryption`).inputs.rules).to.deep.equal([
    { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: `arn:aws:kms:us-west-2:${ACCOUNT}:${n}-logs-key` }, bucketKeyEnabled: true },
  ]);
  expect(cloud.named(`${n}-logs-versioning`).inputs.versioningConfiguration).to.deep.equal({ status: "Enabled" });
  expect(cloud.named(`${n}-logs-public-access-block`).inputs).to.include({ blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
  const policy = JSON.parse(cloud.named(`${n}-logs-policy`).inputs.policy);
  expect(policy.Statement[0]).to.deep.include({ Sid: "DenyInsecureTransport", Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } });
  expect(cloud.named(`${n}-logs-lifecycle`).inputs.rules[0]).to.deep.include({ status: "Enabled", expiration: { days: 365 }, filter: { prefix: "edge/" } });
}

describe("EdgeEntry", () => {
  describe("Global Accelerator", () => {
    let cloud: MockCloud;
    let edge: EdgeEntry;

    beforeEach(async () => {
      cloud = new MockCloud().install();
      edge = new EdgeEntry("agents", acceleratorArgs(), { provider: provider("us-west-2") });
      await settle();
    });

    it("declares the accelerator, a TCP listener, an endpoint group per Region and the hardened log bucket", () => {
      expect(cloud.declared().map((r) => `${r.type} ${r.name}`).sort()).to.deep.equal(
        [
          "aws:globalaccelerator/accelerator:Accelerator agents-accelerator",
          "aws:globalaccelerator/endpointGroup:EndpointGroup agents-endpoints-us-east-1",
          "aws:globalaccelerator/endpointGroup:EndpointGroup agents-endpoints-us-west-2",
          "aws:globalaccelerator/listener:Listener agents-listener",
          ...LOG_BUCKET_CHILDREN("agents"),
          "connect-dr:edge:EdgeEntry agents",
        ].sort(),
      );
      for (const r of cloud.declared().filter((r) => r.custom)) {
        expect({ providerName: r.providerName, account: r.account, region: r.region }, r.name).to.deep.equal({ providerName: "edge-us-west-2", account: ACCOUNT, region: "us-west-2" });
      }
    });

    it("enables flow logs into the bucket and listens on TCP 443 with source-IP affinity", () => {
      expect(cloud.named("agents-accelerator").inputs).to.deep.equal({
        name: "agents",
        ipAddressType: "IPV4",
        enabled: true,
        attributes: { flowLogsEnabled: true, flowLogsS3Bucket: "agents-logs-id", flowLogsS3Prefix: "edge" },
        tags: { project: "connect-dr" },
      });
      expect(cloud.named("agents-listener").inputs).to.deep.equal({
        acceleratorArn: `arn:aws:globalaccelerator:us-west-2:${ACCOUNT}:agents-accelerator`,
        protocol: "TCP",
        portRanges: [{ fromPort: 443, toPort: 443 }],
        clientAffinity: "SOURCE_IP",
      });
    });

    it("health-checks each Region's ALB over HTTPS and applies the traffic dial", () => {
      expect(cloud.named("agents-endpoints-us-east-1").inputs).to.deep.equal({
        listenerArn: `arn:aws:globalaccelerator:us-west-2:${ACCOUNT}:agents-listener`,
        endpointGroupRegion: "us-east-1",
        trafficDialPercentage: 100,
        healthCheckProtocol: "HTTPS",
        healthCheckPort: 443,
        healthCheckPath: "/health",
        healthCheckIntervalSeconds: 10,
        thresholdCount: 3,
        endpointConfigurations: [{ endpointId: alb("us-east-1"), weight: 128, clientIpPreservationEnabled: true }],
      });
      expect(cloud.named("agents-endpoints-us-west-2").inputs).to.include({ endpointGroupRegion: "us-west-2", trafficDialPercentage: 50 });
    });

    it("keeps logs in an SSE-KMS, versioned, private, TLS-only bucket that log delivery may write (ACLs disabled)", () => {
      expectHardenedLogBucket(cloud, "agents");
      expect(cloud.named("agents-logs-ownership").inputs.rule).to.deep.equal({ objectOwnership: "BucketOwnerEnforced" });
      const policy = JSON.parse(cloud.named("agents-logs-policy").inputs.policy);
      expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).to.deep.equal(["DenyInsecureTransport", "DenyOutdatedTls", "AWSLogDeliveryWrite", "AWSLogDeliveryAclCheck"]);
      expect(policy.Statement[2].Resource).to.equal(`arn:aws:s3:us-west-2:${ACCOUNT}:agents-logs/edge/AWSLogs/${ACCOUNT}/*`);
    });

    it("outputs the accelerator's DNS name and ARN", async () => {
      expect(await resolve(edge.arn)).to.equal(`arn:aws:globalaccelerator:us-west-2:${ACCOUNT}:agents-accelerator`);
      expect(edge.staticIpAddresses).to.not.equal(undefined);
      expect(await resolve(edge.logBucketName)).to.equal("agents-logs-id");
      expect(await resolve(edge.logKeyArn)).to.equal(`arn:aws:kms:us-west-2:${ACCOUNT}:agents-logs-key`);
    });
  });

  describe("CloudFront with origin failover", () => {
    let cloud: MockCloud;

    beforeEach(async () => {
      cloud = new MockCloud().install();
      new EdgeEntry("crm", cloudfrontArgs(), { provider: provider("us-west-2") });
      await settle();
    });

    it("declares one distribution and the hardened log bucket", () => {
      expect(cloud.declared().map((r) => `${r.type} ${r.name}`).sort()).to.deep.equal(
        ["aws:cloudfront/distribution:Distribution crm-distribution", ...LOG_BUCKET_CHILDREN("crm"), "connect-dr:edge:EdgeEntry crm"].sort(),
      );
    });

    it("orders the PRIMARY origin first in a group that fails over on 5xx, HTTPS-only with TLS 1.2", () => {
      const d = cloud.named("crm-distribution").inputs;
      expect(d.origins.map((o: { originId: string; domainName: string }) => [o.originId, o.domainName])).to.deep.equal([
        ["us-east-1", "agents-use1.example.com"],
        ["us-west-2", "agents-usw2.example.com"],
      ]);
      for (const o of d.origins) {
        expect(o.customOriginConfig).to.deep.equal({ httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"], originReadTimeout: 30, originKeepaliveTimeout: 5 });
      }
      expect(d.originGroups).to.deep.equal([
        { originId: "regional-failover", failoverCriteria: { statusCodes: [500, 502, 503, 504] }, members: [{ originId: "us-east-1" }, { originId: "us-west-2" }] },
      ]);
    });

    it("redirects viewers to HTTPS, requires TLSv1.2_2021, sets the WAF and logs to the bucket", () => {
      const d = cloud.named("crm-distribution").inputs;
      expect(d.defaultCacheBehavior).to.deep.equal({
        targetOriginId: "regional-failover",
        viewerProtocolPolicy: "redirect-to-https",
        allowedMethods: ["GET", "HEAD", "OPTIONS"],
        cachedMethods: ["GET", "HEAD"],
        compress: true,
        cachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
        originRequestPolicyId: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
        responseHeadersPolicyId: "67f7725c-6f97-4210-82d7-5512b31e9d03",
      });
      expect(d.viewerCertificate).to.deep.equal({ acmCertificateArn: CERT, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" });
      expect(d).to.deep.include({ webAclId: WAF, aliases: ["agents.example.com"], enabled: true, priceClass: "PriceClass_100" });
      expect(d.loggingConfig).to.deep.include({ prefix: "edge/", includeCookies: false });
    });

    it("enables bucket ACLs for CloudFront's log delivery but keeps them non-public; no delivery policy statements", () => {
      expectHardenedLogBucket(cloud, "crm");
      expect(cloud.named("crm-logs-ownership").inputs.rule).to.deep.equal({ objectOwnership: "BucketOwnerPreferred" });
      expect(JSON.parse(cloud.named("crm-logs-policy").inputs.policy).Statement.map((s: { Sid: string }) => s.Sid)).to.deep.equal(["DenyInsecureTransport", "DenyOutdatedTls"]);
    });

    it("omits the web ACL when none is given", async () => {
      const c2 = new MockCloud().install();
      new EdgeEntry("plain", cloudfrontArgs({ webAclArn: undefined }), { provider: provider("us-west-2") });
      await settle();
      expect(c2.named("plain-distribution").inputs).to.not.have.property("webAclId");
    });
  });

  it("builds the bucket policy by a pure function", () => {
    expect(edgeLogBucketPolicy("cloudfront", "arn:aws:s3:::b", ACCOUNT, "edge").Statement).to.have.length(2);
    expect(edgeLogBucketPolicy("global-accelerator", "arn:aws:s3:::b", ACCOUNT, "x").Statement[3]).to.deep.equal({
      Sid: "AWSLogDeliveryAclCheck",
      Effect: "Allow",
      Principal: { Service: "delivery.logs.amazonaws.com" },
      Action: "s3:GetBucketAcl",
      Resource: "arn:aws:s3:::b",
      Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
    });
  });

  describe("validation", () => {
    type Case = [string, EdgeEntryArgs, string, unknown, string];
    const cases: Case[] = [
      ["an unknown mode", acceleratorArgs({ mode: "nlb" as "cloudfront" }), "mode", "nlb", "'global-accelerator' or 'cloudfront'"],
      ["one Region", acceleratorArgs({ origins: { "us-east-1": { loadBalancerArn: alb("us-east-1") } } }), "origins", ["us-east-1"], "at least two Regions"],
      ["an ALB from another Region", acceleratorArgs({ origins: { "us-east-1": { loadBalancerArn: alb("us-west-2") }, "us-west-2": { loadBalancerArn: alb("us-west-2") } } }), "origins.us-east-1.loadBalancerArn", alb("us-west-2"), "an application load balancer ARN in us-east-1"],
      ["a traffic dial over 100", acceleratorArgs({ origins: { "us-east-1": { loadBalancerArn: alb("us-east-1"), trafficDialPercentage: 150 }, "us-west-2": { loadBalancerArn: alb("us-west-2") } } }), "origins.us-east-1.trafficDialPercentage", 150, "from 0 to 100"],
      ["a web ACL on Global Accelerator", acceleratorArgs({ webAclArn: WAF }), "webAclArn", WAF, "associate the web ACL with each Region's ALB"],
      ["an interval of 20 s", acceleratorArgs({ healthCheckIntervalSeconds: 20 }), "healthCheckIntervalSeconds", 20, "10 or 30"],
      ["two PRIMARY origins", cloudfrontArgs({ origins: { "us-east-1": { domainName: "a.example.com", failover: "PRIMARY" }, "us-west-2": { domainName: "b.example.com", failover: "PRIMARY" } } }), "origins.*.failover", { "us-east-1": "PRIMARY", "us-west-2": "PRIMARY" }, "exactly one PRIMARY and one SECONDARY"],
      ["an origin without a host name", cloudfrontArgs({ origins: { "us-east-1": { failover: "PRIMARY" }, "us-west-2": { domainName: "b.example.com", failover: "SECONDARY" } } }), "origins.us-east-1.domainName", null, "HTTPS only"],
      ["a certificate outside us-east-1", cloudfrontArgs({ certificateArn: CERT.replace("us-east-1", "eu-west-2") }), "certificateArn", CERT.replace("us-east-1", "eu-west-2"), "in us-east-1"],
      ["a regional web ACL", cloudfrontArgs({ webAclArn: `arn:aws:wafv2:us-east-1:${ACCOUNT}:regional/webacl/x/y` }), "webAclArn", `arn:aws:wafv2:us-east-1:${ACCOUNT}:regional/webacl/x/y`, "CLOUDFRONT scope"],
      ["no aliases", cloudfrontArgs({ aliases: [] }), "aliases", [], "at least one host name"],
      ["a log retention under 90 days", cloudfrontArgs({ logRetentionDays: 30 }), "logRetentionDays", 30, "from 90 to 3650"],
    ];
    for (const [title, a, argument, value, allowed] of cases) {
      it(`rejects ${title} before creating any child`, async () => {
        const cloud = new MockCloud().install();
        let error: unknown;
        try {
          new EdgeEntry("bad", a);
        } catch (e) {
          error = e;
        }
        expect(error).to.be.instanceOf(ArgumentError);
        const err = error as ArgumentError;
        expect({ component: err.component, argument: err.argument, value: err.value }).to.deep.equal({ component: "EdgeEntry", argument, value });
        expect(err.message).to.contain(allowed);
        await settle();
        expect(cloud.declared().filter((r) => r.type !== "connect-dr:edge:EdgeEntry")).to.deep.equal([]);
      });
    }
  });
});
