import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../argument-error";
import { edgeLogBucketPolicy, edgeLogKeyPolicy } from "./log-delivery-policies";

const COMPONENT = "EdgeEntry";
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const ACCOUNT = /^\d{12}$/;
const HOST = /^(?=.{1,253}$)(?:(?!-)[a-z0-9-]{1,63}(?<!-)\.)+[a-z]{2,63}$/;
const ALB_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:([a-z0-9-]+):\d{12}:loadbalancer\/app\/.+$/;
const CERT_IN_US_EAST_1 = /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/.+$/;
const GLOBAL_WEB_ACL = /^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\/.+$/;
const LOG_PREFIX = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** AWS managed CloudFront policies (ids are fixed and documented). */
export const CLOUDFRONT_MANAGED_POLICIES = {
  /** Cache policy CachingDisabled: the agent desktop and CRM apps are dynamic. */
  cachingDisabled: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
  /** Origin request policy AllViewerExceptHostHeader: the origin sees its own host name, matching its certificate. */
  allViewerExceptHostHeader: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
  /** Response headers policy SecurityHeadersPolicy: HSTS, nosniff, frame options, referrer policy. */
  securityHeaders: "67f7725c-6f97-4210-82d7-5512b31e9d03",
} as const;
/** Origin status codes that make CloudFront retry the request on the next origin of the group. */
export const ORIGIN_FAILOVER_STATUS_CODES = [500, 502, 503, 504] as const;

/** The application load balancer of one Region. */
export interface EdgeEntryOriginArgs {
  /** Global Accelerator: the ALB's ARN (the endpoint). */
  readonly loadBalancerArn?: pulumi.Input<string>;
  /** CloudFront: a host name of the ALB whose certificate it serves (such as `agents-use1.example.com`); HTTPS only. */
  readonly domainName?: string;
  /** CloudFront: "PRIMARY" is tried first, "SECONDARY" on a 5xx or connection failure. */
  readonly failover?: "PRIMARY" | "SECONDARY";
  /** Global Accelerator: share of this Region's traffic admitted, 0-100. @default 100 */
  readonly trafficDialPercentage?: number;
}

export interface EdgeEntryArgs {
  /**
   * "global-accelerator": two anycast IPs, TCP 443 passed to the nearest healthy Region's ALB (TLS ends
   * at the ALB). "cloudfront": a distribution in front of one ALB per Region with an origin failover
   * group. Give the component a us-west-2 provider for Global Accelerator (its API's home Region).
   */
  readonly mode: "global-accelerator" | "cloudfront";
  /** Account of the provider: the log bucket and key policies name it. */
  readonly accountId: string;
  /** One origin per Region, keyed by Region code; exactly two for CloudFront (one PRIMARY, one SECONDARY). */
  readonly origins: Readonly<Record<string, EdgeEntryOriginArgs>>;
  /**
   * Path probed on each ALB (CloudFront needs no probe: it fails over per request). For ALB endpoints
   * Global Accelerator follows the load balancer's own target health as well, so keep the ALB's
   * health check on the same path. @default "/health"
   */
  readonly healthCheckPath?: string;
  /** Global Accelerator health check interval, 10 or 30 seconds. @default 10 */
  readonly healthCheckIntervalSeconds?: number;
  /** Global Accelerator: consecutive checks that change an endpoint's health, 1-10. @default 3 */
  readonly healthCheckThresholdCount?: number;
  /** CloudFront: the host names viewers use. */
  readonly aliases?: readonly string[];
  /** CloudFront: ACM certificate (us-east-1) covering `aliases`. */
  readonly certificateArn?: pulumi.Input<string>;
  /** CloudFront: a WAF web ACL (CLOUDFRONT scope, ARN in us-east-1). @default none */
  readonly webAclArn?: pulumi.Input<string>;
  /** CloudFront price class. @default "PriceClass_100" */
  readonly priceClass?: "PriceClass_100" | "PriceClass_200" | "PriceClass_All";
  /** Key prefix of the access logs. @default "edge" */
  readonly logPrefix?: string;
  /** Days before access logs expire. @default 365 */
  readonly logRetentionDays?: number;
  /** Tags for every child. @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The entry point of the agent desktop and CRM web apps across two Regions: Global Accelerator or
 * CloudFront with origin failover, TLS only end to end, and access logs in an SSE-KMS bucket (CMK with
 * rotation, versioned, public access blocked, TLS-only policy, ownership controls CloudFront's
 * ACL-based log delivery needs, lifecycle expiry).
 */
export class EdgeEntry extends pulumi.ComponentResource {
  /** DNS name to point the apps' records at (accelerator or distribution domain). */
  public readonly dnsName: pulumi.Output<string>;
  /** Route 53 alias target zone of `dnsName`. */
  public readonly hostedZoneId: pulumi.Output<string>;
  /** Global Accelerator: the two static anycast IPv4 addresses. */
  public readonly staticIpAddresses?: pulumi.Output<string[]>;
  /** ARN of the accelerator or distribution. */
  public readonly arn: pulumi.Output<string>;
  /** Access log bucket name and its key's ARN. */
  public readonly logBucketName: pulumi.Output<string>;
  public readonly logKeyArn: pulumi.Output<string>;

  constructor(name: string, args: EdgeEntryArgs, opts?: pulumi.ComponentResourceOptions) {
    super("connect-dr:edge:EdgeEntry", name, {}, opts);
    const s = validate(args);
    const tags = args.tags ?? {};
    const parent = { parent: this };
    const writer = args.mode;

    const key = new aws.kms.Key(
      `${name}-logs-key`,
      {
        description: `Encrypts the ${args.mode} access logs of ${name}`,
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        policy: JSON.stringify(edgeLogKeyPolicy(args.accountId)),
        tags,
      },
      parent,
    );
    const bucket = new aws.s3.Bucket(`${name}-logs`, { tags }, parent);
    const versioning = new aws.s3.BucketVersioning(`${name}-logs-versioning`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, parent);
    const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
      `${name}-logs-encryption`,
      { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }] },
      parent,
    );
    const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
      `${name}-logs-public-access-block`,
      { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
      parent,
    );
    // CloudFront standard logging writes through the bucket ACL (awslogsdelivery), which needs ACLs
    // enabled; Global Accelerator's vended logs work with ACLs disabled.
    const ownership = new aws.s3.BucketOwnershipControls(
      `${name}-logs-ownership`,
      { bucket: bucket.id, rule: { objectOwnership: writer === "cloudfront" ? "BucketOwnerPreferred" : "BucketOwnerEnforced" } },
      parent,
    );
    const policy = new aws.s3.BucketPolicy(
      `${name}-logs-policy`,
      { bucket: bucket.id, policy: bucket.arn.apply((arn) => JSON.stringify(edgeLogBucketPolicy(writer, arn, args.accountId, s.logPrefix))) },
      { parent: this, dependsOn: [publicAccessBlock, ownership] },
    );
    new aws.s3.BucketLifecycleConfiguration(
      `${name}-logs-lifecycle`,
      {
        bucket: bucket.id,
        rules: [
          {
            id: "expire-access-logs",
            status: "Enabled",
            filter: { prefix: `${s.logPrefix}/` },
            expiration: { days: s.logRetentionDays },
            noncurrentVersionExpiration: { noncurrentDays: 30 },
            abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
          },
        ],
      },
      { parent: this, dependsOn: [versioning] },
    );
    const logReady = [policy, encryption, ownership];

    if (args.mode === "global-accelerator") {
      const accelerator = new aws.globalaccelerator.Accelerator(
        `${name}-accelerator`,
        {
          name,
          ipAddressType: "IPV4",
          enabled: true,
          attributes: { flowLogsEnabled: true, flowLogsS3Bucket: bucket.id, flowLogsS3Prefix: s.logPrefix },
          tags,
        },
        { parent: this, dependsOn: logReady },
      );
      const listener = new aws.globalaccelerator.Listener(
        `${name}-listener`,
        { acceleratorArn: accelerator.arn, protocol: "TCP", portRanges: [{ fromPort: 443, toPort: 443 }], clientAffinity: "SOURCE_IP" },
        parent,
      );
      for (const region of Object.keys(args.origins).sort()) {
        const origin = args.origins[region];
        new aws.globalaccelerator.EndpointGroup(
          `${name}-endpoints-${region}`,
          {
            listenerArn: listener.arn,
            endpointGroupRegion: region,
            trafficDialPercentage: origin.trafficDialPercentage ?? 100,
            healthCheckProtocol: "HTTPS",
            healthCheckPort: 443,
            healthCheckPath: s.healthCheckPath,
            healthCheckIntervalSeconds: s.healthCheckIntervalSeconds,
            thresholdCount: s.healthCheckThresholdCount,
            endpointConfigurations: [{ endpointId: origin.loadBalancerArn!, weight: 128, clientIpPreservationEnabled: true }],
          },
          parent,
        );
      }
      this.dnsName = accelerator.dnsName;
      this.hostedZoneId = accelerator.hostedZoneId;
      this.staticIpAddresses = accelerator.ipSets.apply((sets) => sets.flatMap((set) => set.ipAddresses ?? []));
      this.arn = accelerator.arn;
    } else {
      const ordered = Object.entries(args.origins).sort(([, a], [, b]) => (a.failover === "PRIMARY" ? -1 : b.failover === "PRIMARY" ? 1 : 0));
      const distribution = new aws.cloudfront.Distribution(
        `${name}-distribution`,
        {
          comment: `${name}: agent desktop and CRM apps, origin failover ${ordered.map(([r]) => r).join(" -> ")}`,
          enabled: true,
          isIpv6Enabled: true,
          httpVersion: "http2and3",
          priceClass: args.priceClass ?? "PriceClass_100",
          aliases: [...(args.aliases ?? [])],
          origins: ordered.map(([region, origin]) => ({
            originId: region,
            domainName: origin.domainName!,
            connectionAttempts: 3,
            connectionTimeout: 10,
            customOriginConfig: {
              httpPort: 80,
              httpsPort: 443,
              originProtocolPolicy: "https-only",
              originSslProtocols: ["TLSv1.2"],
              originReadTimeout: 30,
              originKeepaliveTimeout: 5,
            },
          })),
          originGroups: [
            {
              originId: "regional-failover",
              failoverCriteria: { statusCodes: [...ORIGIN_FAILOVER_STATUS_CODES] },
              members: ordered.map(([region]) => ({ originId: region })),
            },
          ],
          // CloudFront fails over only GET, HEAD and OPTIONS, and accepts no other method on a
          // behavior whose target is an origin group.
          defaultCacheBehavior: {
            targetOriginId: "regional-failover",
            viewerProtocolPolicy: "redirect-to-https",
            allowedMethods: ["GET", "HEAD", "OPTIONS"],
            cachedMethods: ["GET", "HEAD"],
            compress: true,
            cachePolicyId: CLOUDFRONT_MANAGED_POLICIES.cachingDisabled,
            originRequestPolicyId: CLOUDFRONT_MANAGED_POLICIES.allViewerExceptHostHeader,
            responseHeadersPolicyId: CLOUDFRONT_MANAGED_POLICIES.securityHeaders,
          },
          viewerCertificate: { acmCertificateArn: args.certificateArn!, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
          restrictions: { geoRestriction: { restrictionType: "none" } },
          loggingConfig: { bucket: bucket.bucketDomainName, prefix: `${s.logPrefix}/`, includeCookies: false },
          ...(args.webAclArn !== undefined ? { webAclId: args.webAclArn } : {}),
          tags,
        },
        { parent: this, dependsOn: logReady },
      );
      this.dnsName = distribution.domainName;
      this.hostedZoneId = distribution.hostedZoneId;
      this.arn = distribution.arn;
    }

    this.logBucketName = bucket.id;
    this.logKeyArn = key.arn;
    this.registerOutputs({
      dnsName: this.dnsName,
      hostedZoneId: this.hostedZoneId,
      staticIpAddresses: this.staticIpAddresses,
      arn: this.arn,
      logBucketName: this.logBucketName,
      logKeyArn: this.logKeyArn,
    });
  }
}

interface Settings {
  readonly healthCheckPath: string;
  readonly healthCheckIntervalSeconds: number;
  readonly healthCheckThresholdCount: number;
  readonly logPrefix: string;
  readonly logRetentionDays: number;
}

function fail(argument: string, value: unknown, allowed: string): never {
  throw new ArgumentError(COMPONENT, argument, value, allowed);
}

function validate(args: EdgeEntryArgs): Settings {
  if (args.mode !== "global-accelerator" && args.mode !== "cloudfront") fail("mode", args.mode, "allowed: 'global-accelerator' or 'cloudfront'");
  if (!ACCOUNT.test(args.accountId)) fail("accountId", args.accountId, "allowed: a 12-digit AWS account id");
  const regions = Object.keys(args.origins ?? {});
  if (regions.length < 2) fail("origins", regions, "allowed: one origin per Region, at least two Regions");
  for (const region of regions) if (!REGION.test(region)) fail("origins", region, "allowed: origins keyed by AWS Region code");
  const healthCheckPath = args.healthCheckPath ?? "/health";
  if (!healthCheckPath.startsWith("/") || healthCheckPath.length > 255) fail("healthCheckPath", healthCheckPath, "allowed: a path starting with '/', at most 255 characters");
  const healthCheckIntervalSeconds = args.healthCheckIntervalSeconds ?? 10;
  if (healthCheckIntervalSeconds !== 10 && healthCheckIntervalSeconds !== 30) fail("healthCheckIntervalSeconds", healthCheckIntervalSeconds, "allowed: 10 or 30");
  const healthCheckThresholdCount = args.healthCheckThresholdCount ?? 3;
  if (!Number.isInteger(healthCheckThresholdCount) || healthCheckThresholdCount < 1 || healthCheckThresholdCount > 10) {
    fail("healthCheckThresholdCount", healthCheckThresholdCount, "allowed: an integer from 1 to 10");
  }
  const logPrefix = args.logPrefix ?? "edge";
  if (!LOG_PREFIX.test(logPrefix)) fail("logPrefix", logPrefix, "allowed: lower-case letters, digits and hyphens, no slashes");
  const logRetentionDays = args.logRetentionDays ?? 365;
  if (!Number.isInteger(logRetentionDays) || logRetentionDays < 90 || logRetentionDays > 3650) fail("logRetentionDays", logRetentionDays, "allowed: an integer from 90 to 3650");

  if (args.mode === "global-accelerator") {
    for (const [argument, value] of [["aliases", args.aliases], ["certificateArn", args.certificateArn], ["webAclArn", args.webAclArn], ["priceClass", args.priceClass]] as const) {
      if (value !== undefined) {
        fail(argument, value, argument === "webAclArn"
          ? "Global Accelerator passes TCP through; associate the web ACL with each Region's ALB instead"
          : "applies only to mode 'cloudfront' (Global Accelerator passes TLS through to the ALBs)");
      }
    }
    for (const region of regions) {
      const origin = args.origins[region];
      if (origin.loadBalancerArn === undefined) fail(`origins.${region}.loadBalancerArn`, null, "Global Accelerator endpoints are the ALBs' ARNs");
      if (typeof origin.loadBalancerArn === "string") {
        const match = ALB_ARN.exec(origin.loadBalancerArn);
        if (!match || match[1] !== region) fail(`origins.${region}.loadBalancerArn`, origin.loadBalancerArn, `allowed: an application load balancer ARN in ${region}`);
      }
      const dial = origin.trafficDialPercentage ?? 100;
      if (!Number.isInteger(dial) || dial < 0 || dial > 100) fail(`origins.${region}.trafficDialPercentage`, dial, "allowed: an integer from 0 to 100");
      if (origin.failover !== undefined || origin.domainName !== undefined) {
        fail(`origins.${region}`, Object.keys(origin), "failover and domainName apply only to mode 'cloudfront'");
      }
    }
  } else {
    if (regions.length !== 2) fail("origins", regions, "CloudFront origin groups hold exactly two origins: one PRIMARY and one SECONDARY Region");
    const roles = regions.map((r) => args.origins[r].failover).sort();
    if (roles[0] !== "PRIMARY" || roles[1] !== "SECONDARY") {
      fail("origins.*.failover", Object.fromEntries(regions.map((r) => [r, args.origins[r].failover ?? null])), "exactly one PRIMARY and one SECONDARY");
    }
    for (const region of regions) {
      const origin = args.origins[region];
      if (typeof origin.domainName !== "string" || !HOST.test(origin.domainName)) {
        fail(`origins.${region}.domainName`, origin.domainName ?? null, "allowed: a host name the ALB holds a certificate for (CloudFront connects over HTTPS only)");
      }
      if (origin.trafficDialPercentage !== undefined) fail(`origins.${region}.trafficDialPercentage`, origin.trafficDialPercentage, "applies only to mode 'global-accelerator'");
    }
    if (!Array.isArray(args.aliases) || args.aliases.length === 0) fail("aliases", args.aliases ?? null, "allowed: at least one host name viewers use");
    for (const alias of args.aliases) if (!HOST.test(alias)) fail("aliases", alias, "allowed: fully qualified lower-case host names");
    if (args.certificateArn === undefined) fail("certificateArn", null, "CloudFront needs an ACM certificate in us-east-1 covering the aliases");
    if (typeof args.certificateArn === "string" && !CERT_IN_US_EAST_1.test(args.certificateArn)) {
      fail("certificateArn", args.certificateArn, "allowed: an ACM certificate ARN in us-east-1 (CloudFront reads certificates only there)");
    }
    if (typeof args.webAclArn === "string" && !GLOBAL_WEB_ACL.test(args.webAclArn)) {
      fail("webAclArn", args.webAclArn, "allowed: a WAFv2 web ACL of CLOUDFRONT scope (arn:aws:wafv2:us-east-1:<account>:global/webacl/...)");
    }
  }
  return { healthCheckPath, healthCheckIntervalSeconds, healthCheckThresholdCount, logPrefix, logRetentionDays };
}
