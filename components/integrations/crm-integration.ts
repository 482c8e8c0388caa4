import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../argument-error";
import { bundleHandler } from "../../handlers";
import type { CrmKind } from "../../handlers";
import { functionEgress, lambdaVpcAccessStatements, subnetArns, type LambdaVpcArgs } from "../network/lambda-vpc-access";

const COMPONENT = "CrmIntegration";
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const ACCOUNT = /^\d{12}$/;
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):\d{12}:key\/.+$/;
const SALESFORCE_URL = /^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*\.(my\.salesforce\.com|salesforce\.com)$/i;
const SERVICENOW_URL = /^https:\/\/[a-z0-9-]+\.service-now\.com$/i;
/** The handler bundled for every CRM function, relative to `handlers/`. */
export const CRM_HANDLER_ENTRY = "crm/index.ts";

/** One CRM the flows call. */
export interface CrmConnectionArgs {
  /** Base URL of the org or instance: `https://<org>.my.salesforce.com` or `https://<instance>.service-now.com`. */
  readonly instanceUrl: string;
  /** Milliseconds the function waits for the CRM per request (Connect gives a Lambda at most 8 s). @default 2500 */
  readonly timeoutMs?: number;
}

export interface CrmIntegrationArgs {
  /** Region of the component's provider. */
  readonly region: string;
  readonly accountId: string;
  /**
   * true in the primary Region's stack: create the credential secrets, with replicas in
   * `replicaRegion`. false in the secondary stack: the functions read those replicas (same names).
   */
  readonly createSecrets: boolean;
  /** Region the secrets replicate to. Required when `createSecrets`. */
  readonly replicaRegion?: string;
  /** CMK (in `replicaRegion`) that encrypts the replicas. Required when `createSecrets`. */
  readonly replicaKmsKeyArn?: pulumi.Input<string>;
  /** Salesforce connection. @default none */
  readonly salesforce?: CrmConnectionArgs;
  /** ServiceNow connection. @default none */
  readonly servicenow?: CrmConnectionArgs;
  /** Log retention in days (at least 365). @default 365 */
  readonly logRetentionDays?: number;
  /**
   * Amazon Connect instance id in this Region to associate each function with, so flows may invoke
   * it. The association names the function's ARN output, so it is created after the function.
   * @default no association
   */
  readonly connectInstanceId?: pulumi.Input<string>;
  /**
   * Run the functions in these private subnets (the Region's `RegionalVpc`), with a security group of
   * their own that allows only HTTPS out. @default outside any VPC
   */
  readonly vpc?: LambdaVpcArgs;
  /** Tags for every child. @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Function name of a CRM's lookup: the same in both Regions, as flows build ARNs with `$.AwsRegion`. */
export function crmFunctionName(kind: CrmKind): string {
  return `connect-dr-crm-${kind}`;
}

/** Secret name of a CRM's credentials (the replica keeps the name). */
export function crmSecretName(kind: CrmKind): string {
  return `connect-dr/crm/${kind}`;
}

/**
 * CRM connections for Amazon Connect flows in one Region: credentials in Secrets Manager (CMK, a
 * replica in the other Region, values put by an operator, never in state), and one lookup function per
 * CRM with the same name in both Regions (bundled from `handlers/crm`: HTTPS to the CRM's REST API,
 * per-request timeouts, a health-check mode). Environment and logs are encrypted with the Region's
 * CMK; each function's role reads only its own secret.
 *
 * Secrets hold `{"clientId","clientSecret"}` (Salesforce connected app, client-credentials flow) or
 * `{"username","password"}` (ServiceNow integration user).
 */
export class CrmIntegration extends pulumi.ComponentResource {
  /** Function ARN by CRM. */
  public readonly functionArns: pulumi.Output<Partial<Record<CrmKind, string>>>;
  /** Function names by CRM (identical in both Regions). */
  public readonly functionNames: Partial<Record<CrmKind, string>>;
  /** Secret ARN by CRM, when this stack created them. */
  public readonly secretArns: pulumi.Output<Partial<Record<CrmKind, string>>>;
  public readonly kmsKeyArn: pulumi.Output<string>;

  constructor(name: string, args: CrmIntegrationArgs, opts?: pulumi.ComponentResourceOptions) {
    super("connect-dr:integrations:CrmIntegration", name, {}, opts);
    const crms = validate(args);
    const tags = args.tags ?? {};
    const parent = { parent: this };
    const { region, accountId } = args;
    const retention = args.logRetentionDays ?? 365;

    const key = new aws.kms.Key(
      `${name}-key`,
      {
        description: `connect-dr CRM integration in ${region}: secrets, Lambda environment, logs`,
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            { Sid: "EnableIamPoliciesOfOwningAccount", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: "kms:*", Resource: "*" },
            {
              Sid: "CloudWatchLogsEncrypt",
              Effect: "Allow",
              Principal: { Service: `logs.${region}.amazonaws.com` },
              Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
              Resource: "*",
              Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${region}:${accountId}:log-group:/aws/lambda/connect-dr-crm-*` } },
            },
          ],
        }),
        tags,
      },
      parent,
    );
    new aws.kms.Alias(`${name}-key-alias`, { name: `alias/connect-dr/crm-${region}`, targetKeyId: key.keyId }, parent);

    // One group for all CRM functions: they reach the CRMs' REST APIs and the Region's AWS endpoints over HTTPS, nothing else.
    const securityGroup = args.vpc
      ? new aws.ec2.SecurityGroup(
          `${name}-sg`,
          {
            vpcId: args.vpc.vpcId,
            description: `connect-dr CRM lookups in ${region}: HTTPS out only`,
            ingress: [],
            egress: functionEgress([{ port: 443, description: "HTTPS to the CRM APIs and AWS endpoints" }]),
            tags: { ...tags, Name: `${name}-crm-functions` },
          },
          parent,
        )
      : undefined;
    const vpcStatements: pulumi.Output<object[]> =
      args.vpc && securityGroup
        ? pulumi
            .all([pulumi.output(args.vpc.subnetIds), securityGroup.id])
            .apply(([ids, sgId]) => lambdaVpcAccessStatements(region, accountId, subnetArns(region, args.vpc!.subnetOwnerAccountId, ids), sgId))
        : pulumi.output([]);

    const code = new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(bundleHandler(CRM_HANDLER_ENTRY)) });
    const functionArns: Partial<Record<CrmKind, pulumi.Output<string>>> = {};
    const secretArns: Partial<Record<CrmKind, pulumi.Output<string>>> = {};
    const functionNames: Partial<Record<CrmKind, string>> = {};

    for (const [kind, crm] of crms) {
      const functionName = crmFunctionName(kind);
      const secretName = crmSecretName(kind);
      // Secrets Manager appends six random characters to a secret's ARN; the replica keeps name and suffix.
      let secretReadArn: pulumi.Input<string> = `arn:aws:secretsmanager:${region}:${accountId}:secret:${secretName}-??????`;
      if (args.createSecrets) {
        const secret = new aws.secretsmanager.Secret(
          `${name}-${kind}-secret`,
          {
            name: secretName,
            description: `${kind} credentials for the Amazon Connect CRM lookup; set by an operator`,
            kmsKeyId: key.arn,
            recoveryWindowInDays: 30,
            replicas: [{ region: args.replicaRegion!, kmsKeyId: args.replicaKmsKeyArn! }],
            tags,
          },
          parent,
        );
        secretReadArn = secret.arn;
        secretArns[kind] = secret.arn;
      }
      const logGroup = new aws.cloudwatch.LogGroup(`${name}-${kind}-logs`, { name: `/aws/lambda/${functionName}`, kmsKeyId: key.arn, retentionInDays: retention, tags }, parent);
      const role = new aws.iam.Role(
        `${name}-${kind}-role`,
        {
          description: `${functionName} in ${region}: read its ${kind} secret, write its logs`,
          assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": accountId } } }],
          }),
          tags,
        },
        parent,
      );
      const policy = new aws.iam.RolePolicy(
        `${name}-${kind}-policy`,
        {
          role: role.id,
          policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: pulumi
              .all([
                pulumi.output([
                  { Sid: "ReadOwnSecret", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: secretReadArn },
                  {
                    Sid: "DecryptOwnSecretAndEnvironment",
                    Effect: "Allow",
                    Action: "kms:Decrypt",
                    Resource: key.arn,
                    Condition: { StringEquals: { "kms:ViaService": [`secretsmanager.${region}.amazonaws.com`, `lambda.${region}.amazonaws.com`] } },
                  },
                  { Sid: "Logs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: pulumi.interpolate`${logGroup.arn}:*` },
                ]),
                vpcStatements,
              ])
              .apply(([own, network]) => [...own, ...network]),
          }),
        },
        parent,
      );
      const fn = new aws.lambda.Function(
        `${name}-${kind}-function`,
        {
          name: functionName,
          description: `connect-dr: ${kind} caller lookup for Amazon Connect flows (health check: {"healthCheck": true})`,
          runtime: aws.lambda.Runtime.NodeJS22dX,
          architectures: ["arm64"],
          handler: "index.handler",
          code,
          role: role.arn,
          // Connect waits at most 8 s for a Lambda; a token call plus a query must fit.
          timeout: 8,
          memorySize: 256,
          kmsKeyArn: key.arn,
          loggingConfig: { logFormat: "JSON", logGroup: logGroup.name },
          ...(args.vpc && securityGroup ? { vpcConfig: { subnetIds: args.vpc.subnetIds, securityGroupIds: [securityGroup.id] } } : {}),
          environment: {
            variables: {
              CRM_KIND: kind,
              CRM_INSTANCE_URL: crm.instanceUrl,
              CRM_SECRET_ID: secretName,
              CRM_TIMEOUT_MS: String(crm.timeoutMs ?? 2500),
            },
          },
          tags,
        },
        { parent: this, dependsOn: [logGroup, policy] },
      );
      if (args.connectInstanceId !== undefined) {
        new aws.connect.LambdaFunctionAssociation(`${name}-${kind}-connect`, { instanceId: args.connectInstanceId, functionArn: fn.arn }, parent);
      }
      functionArns[kind] = fn.arn;
      functionNames[kind] = functionName;
    }

    this.functionArns = pulumi.output(functionArns);
    this.functionNames = functionNames;
    this.secretArns = pulumi.output(secretArns);
    this.kmsKeyArn = key.arn;
    this.registerOutputs({ functionArns: this.functionArns, functionNames: this.functionNames, secretArns: this.secretArns, kmsKeyArn: this.kmsKeyArn });
  }
}

function fail(argument: string, value: unknown, allowed: string): never {
  throw new ArgumentError(COMPONENT, argument, value, allowed);
}

function validate(args: CrmIntegrationArgs): [CrmKind, CrmConnectionArgs][] {
  if (typeof args.region !== "string" || !REGION.test(args.region)) fail("region", args.region, "allowed: an AWS Region code");
  if (!ACCOUNT.test(args.accountId)) fail("accountId", args.accountId, "allowed: a 12-digit AWS account id");
  if (typeof args.createSecrets !== "boolean") fail("createSecrets", args.createSecrets, "allowed: true (primary stack) or false (secondary stack reads the replicas)");
  if (args.createSecrets) {
    if (typeof args.replicaRegion !== "string" || !REGION.test(args.replicaRegion) || args.replicaRegion === args.region) {
      fail("replicaRegion", args.replicaRegion ?? null, "allowed: the other Region's code (required when createSecrets is true)");
    }
    if (args.replicaKmsKeyArn === undefined) fail("replicaKmsKeyArn", null, `a CMK in ${args.replicaRegion} encrypts the replicas (required when createSecrets is true)`);
    if (typeof args.replicaKmsKeyArn === "string") {
      const match = KMS_KEY_ARN.exec(args.replicaKmsKeyArn);
      if (!match || match[1] !== args.replicaRegion) fail("replicaKmsKeyArn", args.replicaKmsKeyArn, `allowed: a KMS key ARN in ${args.replicaRegion}`);
    }
  } else {
    for (const [argument, value] of [["replicaRegion", args.replicaRegion], ["replicaKmsKeyArn", args.replicaKmsKeyArn]] as const) {
      if (value !== undefined) fail(argument, value, "applies only with createSecrets: true");
    }
  }
  const retention = args.logRetentionDays ?? 365;
  if (![365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653].includes(retention)) {
    fail("logRetentionDays", retention, "allowed: a CloudWatch Logs retention of at least 365 days (365, 400, 545, 731, 1096, 1827, ...)");
  }
  const crms: [CrmKind, CrmConnectionArgs][] = [];
  for (const [kind, pattern, example] of [["salesforce", SALESFORCE_URL, "https://acme.my.salesforce.com"], ["servicenow", SERVICENOW_URL, "https://acme.service-now.com"]] as const) {
    const crm = args[kind];
    if (crm === undefined) continue;
    if (typeof crm.instanceUrl !== "string" || !pattern.test(crm.instanceUrl)) fail(`${kind}.instanceUrl`, crm.instanceUrl ?? null, `allowed: an HTTPS base URL such as ${example}, no trailing slash`);
    const timeout = crm.timeoutMs ?? 2500;
    if (!Number.isInteger(timeout) || timeout < 100 || timeout > 3500) fail(`${kind}.timeoutMs`, timeout, "allowed: an integer from 100 to 3500 (two calls must fit Connect's 8 s)");
    crms.push([kind, crm]);
  }
  if (crms.length === 0) fail("salesforce", null, "configure at least one CRM: salesforce or servicenow");
  if (args.vpc !== undefined && !ACCOUNT.test(args.vpc.subnetOwnerAccountId ?? "")) fail("vpc.subnetOwnerAccountId", args.vpc.subnetOwnerAccountId ?? null, "allowed: the 12-digit id of the account that owns the subnets");
  return crms;
}
