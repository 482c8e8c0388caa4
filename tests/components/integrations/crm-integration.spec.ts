import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { SignatureV4 } from "@smithy/signature-v4";
import { createHash, createHmac } from "node:crypto";
import { ArgumentError } from "../../../components/argument-error";
import { CRM_HANDLER_ENTRY, CrmIntegration, type CrmIntegrationArgs } from "../../../components/integrations/crm-integration";
import { bundleHandler } from "../../../handlers/bundle";
import { signV4 } from "../../../handlers/crm/sigv4";
import {
  CrmRequestError,
  lookupResult,
  salesforceContactByPhone,
  salesforceTokenRequest,
  secretFor,
  serviceNowCallerByPhone,
  serviceNowHealth,
} from "../../../handlers/crm/crm-requests";
import { MockCloud, resolve, settle } from "../../../tools/synthesis/mock-cloud";

const ACCOUNT = "222233334444";
const provider = (region: string) => new aws.Provider(`workload-${region}`, { region, assumeRoles: [{ roleArn: `arn:aws:iam::${ACCOUNT}:role/ConnectDrDeployer` }] });
const REPLICA_KEY = `arn:aws:kms:us-west-2:${ACCOUNT}:key/0000aaaa-1111-2222-3333-444455556666`;

function primaryArgs(overrides: Partial<CrmIntegrationArgs> = {}): CrmIntegrationArgs {
  return {
    region: "us-east-1",
    accountId: ACCOUNT,
    createSecrets: true,
    replicaRegion: "us-west-2",
    replicaKmsKeyArn: REPLICA_KEY,
    salesforce: { instanceUrl: "https://acme.my.salesforce.com" },
    servicenow: { instanceUrl: "https://acme.service-now.com", timeoutMs: 3000 },
    tags: { project: "connect-dr" },
    ...overrides,
  };
}

const PER_CRM = (n: string, kind: string, secret: boolean) => [
  `aws:cloudwatch/logGroup:LogGroup ${n}-${kind}-logs`,
  `aws:iam/role:Role ${n}-${kind}-role`,
  `aws:iam/rolePolicy:RolePolicy ${n}-${kind}-policy`,
  `aws:lambda/function:Function ${n}-${kind}-function`,
  ...(secret ? [`aws:secretsmanager/secret:Secret ${n}-${kind}-secret`] : []),
];

describe("CrmIntegration", () => {
  describe("primary Region: secrets with replicas and both CRMs", () => {
    let cloud: MockCloud;
    let crm: CrmIntegration;
    beforeEach(async () => {
      cloud = new MockCloud().install();
      crm = new CrmIntegration("crm", primaryArgs(), { provider: provider("us-east-1") });
      await settle();
    });

    it("declares the key, and per CRM a secret, log group, role, policy and function", () => {
      expect(cloud.declared().map((r) => `${r.type} ${r.name}`).sort()).to.deep.equal(
        [
          "aws:kms/alias:Alias crm-key-alias",
          "aws:kms/key:Key crm-key",
          ...PER_CRM("crm", "salesforce", true),
          ...PER_CRM("crm", "servicenow", true),
          "connect-dr:integrations:CrmIntegration crm",
        ].sort(),
      );
      for (const r of cloud.declared().filter((r) => r.custom)) {
        expect({ providerName: r.providerName, account: r.account, region: r.region }, r.name).to.deep.equal({ providerName: "workload-us-east-1", account: ACCOUNT, region: "us-east-1" });
      }
      expect(cloud.named("crm-key").inputs).to.include({ enableKeyRotation: true, deletionWindowInDays: 30 });
    });

    it("keeps credentials in CMK-encrypted secrets replicated under the replica key, with no value in state", () => {
      expect(cloud.named("crm-salesforce-secret").inputs).to.deep.include({
        name: "connect-dr/crm/salesforce",
        kmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:crm-key`,
        recoveryWindowInDays: 30,
        replicas: [{ region: "us-west-2", kmsKeyId: REPLICA_KEY }],
      });
      expect(cloud.ofType("aws:secretsmanager/secretVersion:SecretVersion")).to.have.length(0);
    });

    it("deploys same-named functions with the bundled handler, CMK-encrypted environment and JSON logs", () => {
      const fn = cloud.named("crm-servicenow-function").inputs;
      expect(fn).to.deep.include({
        name: "connect-dr-crm-servicenow",
        runtime: "nodejs22.x",
        architectures: ["arm64"],
        handler: "index.handler",
        timeout: 8,
        memorySize: 256,
        kmsKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:crm-key`,
        role: `arn:aws:iam:us-east-1:${ACCOUNT}:crm-servicenow-role`,
        loggingConfig: { logFormat: "JSON", logGroup: "/aws/lambda/connect-dr-crm-servicenow" },
        environment: { variables: { CRM_KIND: "servicenow", CRM_INSTANCE_URL: "https://acme.service-now.com", CRM_SECRET_ID: "connect-dr/crm/servicenow", CRM_TIMEOUT_MS: "3000" } },
      });
      expect(cloud.named("crm-salesforce-function").inputs.environment.variables.CRM_TIMEOUT_MS).to.equal("2500");
      expect(cloud.named("crm-salesforce-logs").inputs).to.deep.include({ name: "/aws/lambda/connect-dr-crm-salesforce", kmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:crm-key`, retentionInDays: 365 });
    });

    it("lets each role read only its own secret and decrypt only through Secrets Manager and Lambda", () => {
      const policy = JSON.parse(cloud.named("crm-salesforce-policy").inputs.policy);
      expect(policy.Statement).to.deep.equal([
        { Sid: "ReadOwnSecret", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:crm-salesforce-secret` },
        {
          Sid: "DecryptOwnSecretAndEnvironment",
          Effect: "Allow",
          Action: "kms:Decrypt",
          Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:crm-key`,
          Condition: { StringEquals: { "kms:ViaService": ["secretsmanager.us-east-1.amazonaws.com", "lambda.us-east-1.amazonaws.com"] } },
        },
        { Sid: "Logs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `arn:aws:logs:us-east-1:${ACCOUNT}:crm-salesforce-logs:*` },
      ]);
      expect(JSON.parse(cloud.named("crm-salesforce-role").inputs.assumeRolePolicy).Statement[0].Principal).to.deep.equal({ Service: "lambda.amazonaws.com" });
    });

    it("bundles a real handler (fetch with a timeout, signed Secrets Manager call) into the function's archive", () => {
      const code = bundleHandler(CRM_HANDLER_ENTRY);
      expect(code).to.contain("secretsmanager.GetSecretValue").and.to.contain("AbortSignal.timeout").and.to.contain("services/oauth2/token");
      expect(code).to.not.match(/require\(["']@aws-sdk/);
      expect(cloud.named("crm-salesforce-function").inputs.code).to.have.property("__pulumiArchive", true);
    });

    it("associates no function with Connect unless given an instance", () => {
      expect(cloud.ofType("aws:connect/lambdaFunctionAssociation:LambdaFunctionAssociation")).to.deep.equal([]);
    });

    it("outputs function names and ARNs and secret ARNs", async () => {
      expect(crm.functionNames).to.deep.equal({ salesforce: "connect-dr-crm-salesforce", servicenow: "connect-dr-crm-servicenow" });
      expect(await resolve(crm.functionArns)).to.deep.equal({
        salesforce: `arn:aws:lambda:us-east-1:${ACCOUNT}:crm-salesforce-function`,
        servicenow: `arn:aws:lambda:us-east-1:${ACCOUNT}:crm-servicenow-function`,
      });
      expect(Object.keys(await resolve(crm.secretArns))).to.deep.equal(["salesforce", "servicenow"]);
    });
  });

  it("secondary Region: no secrets; the role reads the replica by name", async () => {
    const cloud = new MockCloud().install();
    const crm = new CrmIntegration("crm", primaryArgs({ region: "us-west-2", createSecrets: false, replicaRegion: undefined, replicaKmsKeyArn: undefined, servicenow: undefined }), { provider: provider("us-west-2") });
    await settle();
    expect(cloud.declared().map((r) => `${r.type} ${r.name}`).sort()).to.deep.equal(
      ["aws:kms/alias:Alias crm-key-alias", "aws:kms/key:Key crm-key", ...PER_CRM("crm", "salesforce", false), "connect-dr:integrations:CrmIntegration crm"].sort(),
    );
    expect(JSON.parse(cloud.named("crm-salesforce-policy").inputs.policy).Statement[0].Resource).to.equal(`arn:aws:secretsmanager:us-west-2:${ACCOUNT}:secret:connect-dr/crm/salesforce-??????`);
    expect(cloud.named("crm-salesforce-function").inputs.name).to.equal("connect-dr-crm-salesforce");
    expect(await resolve(crm.secretArns)).to.deep.equal({});
  });

  it("with connectInstanceId, associates each function with the instance by the function's ARN", async () => {
    const cloud = new MockCloud().install();
    new CrmIntegration("crm", primaryArgs({ connectInstanceId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" }), { provider: provider("us-east-1") });
    await settle();
    const associations = cloud.ofType("aws:connect/lambdaFunctionAssociation:LambdaFunctionAssociation");
    expect(associations.map((r) => [r.name, r.inputs, r.providerName])).to.deep.equal(
      ["salesforce", "servicenow"].map((kind) => [
        `crm-${kind}-connect`,
        { instanceId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", functionArn: cloud.named(`crm-${kind}-function`).state.arn },
        "workload-us-east-1",
      ]),
    );
  });

  it("in a VPC: functions in the shared private subnets behind their own HTTPS-only group, ENI rights scoped to those subnets and that group", async () => {
    const cloud = new MockCloud().install();
    const subnets = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"];
    new CrmIntegration("crm", primaryArgs({ servicenow: undefined, vpc: { vpcId: "vpc-0bbbbbbbbbbbbbbb1", subnetIds: subnets, subnetOwnerAccountId: "444455556666" } }), { provider: provider("us-east-1") });
    await settle();
    const sg = cloud.named("crm-sg");
    expect(sg.type).to.equal("aws:ec2/securityGroup:SecurityGroup");
    expect(sg.inputs).to.deep.include({
      vpcId: "vpc-0bbbbbbbbbbbbbbb1",
      ingress: [],
      egress: [{ description: "HTTPS to the CRM APIs and AWS endpoints", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
    });
    expect(cloud.named("crm-salesforce-function").inputs.vpcConfig).to.deep.equal({ subnetIds: subnets, securityGroupIds: [sg.state.id] });
    const statements = JSON.parse(cloud.named("crm-salesforce-policy").inputs.policy).Statement;
    expect(statements.slice(3)).to.deep.equal([
      {
        Sid: "CreateInterfacesInOwnSubnets",
        Effect: "Allow",
        Action: "ec2:CreateNetworkInterface",
        Resource: [
          `arn:aws:ec2:us-east-1:${ACCOUNT}:network-interface/*`,
          `arn:aws:ec2:us-east-1:${ACCOUNT}:security-group/${sg.state.id}`,
          ...subnets.map((id) => `arn:aws:ec2:us-east-1:444455556666:subnet/${id}`),
        ],
      },
      { Sid: "ManageOwnInterfaces", Effect: "Allow", Action: ["ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"], Resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:network-interface/*` },
      { Sid: "DescribeNetwork", Effect: "Allow", Action: ["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"], Resource: "*" },
    ]);
    // Without a VPC nothing of it exists.
    const plain = new MockCloud().install();
    new CrmIntegration("plain", primaryArgs({ servicenow: undefined }), { provider: provider("us-east-1") });
    await settle();
    expect(plain.ofType("aws:ec2/securityGroup:SecurityGroup")).to.deep.equal([]);
    expect(plain.named("plain-salesforce-function").inputs).to.not.have.property("vpcConfig");
    expect(JSON.parse(plain.named("plain-salesforce-policy").inputs.policy).Statement).to.have.length(3);
  });

  describe("validation", () => {
    type Case = [string, CrmIntegrationArgs, string, unknown, string];
    const cases: Case[] = [
      ["no CRM", primaryArgs({ salesforce: undefined, servicenow: undefined }), "salesforce", null, "at least one CRM"],
      ["a plain-HTTP Salesforce URL", primaryArgs({ salesforce: { instanceUrl: "http://acme.my.salesforce.com" } }), "salesforce.instanceUrl", "http://acme.my.salesforce.com", "an HTTPS base URL"],
      ["a ServiceNow URL with a trailing slash", primaryArgs({ servicenow: { instanceUrl: "https://acme.service-now.com/" } }), "servicenow.instanceUrl", "https://acme.service-now.com/", "no trailing slash"],
      ["a timeout Connect cannot wait for", primaryArgs({ salesforce: { instanceUrl: "https://acme.my.salesforce.com", timeoutMs: 9000 } }), "salesforce.timeoutMs", 9000, "from 100 to 3500"],
      ["secrets without a replica Region", primaryArgs({ replicaRegion: undefined }), "replicaRegion", null, "required when createSecrets is true"],
      ["a replica key in the wrong Region", primaryArgs({ replicaKmsKeyArn: REPLICA_KEY.replace("us-west-2", "eu-west-2") }), "replicaKmsKeyArn", REPLICA_KEY.replace("us-west-2", "eu-west-2"), "a KMS key ARN in us-west-2"],
      ["a replica key without creating secrets", primaryArgs({ createSecrets: false, replicaRegion: undefined }), "replicaKmsKeyArn", REPLICA_KEY, "only with createSecrets: true"],
      ["180-day logs", primaryArgs({ logRetentionDays: 180 }), "logRetentionDays", 180, "at least 365 days"],
      ["a subnet owner that is no account id", primaryArgs({ vpc: { vpcId: "vpc-1", subnetIds: [], subnetOwnerAccountId: "network" } }), "vpc.subnetOwnerAccountId", "network", "12-digit id"],
    ];
    for (const [title, a, argument, value, allowed] of cases) {
      it(`rejects ${title} before creating any child`, async () => {
        const cloud = new MockCloud().install();
        let error: unknown;
        try {
          new CrmIntegration("bad", a);
        } catch (e) {
          error = e;
        }
        expect(error).to.be.instanceOf(ArgumentError);
        const err = error as ArgumentError;
        expect({ component: err.component, argument: err.argument, value: err.value }).to.deep.equal({ component: "CrmIntegration", argument, value });
        expect(err.message).to.contain(allowed);
        await settle();
        expect(cloud.declared().filter((r) => r.type !== "connect-dr:integrations:CrmIntegration")).to.deep.equal([]);
      });
    }
  });
});

describe("CRM handler requests", () => {
  it("builds the Salesforce client-credentials token request", () => {
    const r = salesforceTokenRequest("https://acme.my.salesforce.com", { clientId: "id", clientSecret: "s&x" });
    expect(r).to.deep.equal({
      method: "POST",
      url: "https://acme.my.salesforce.com/services/oauth2/token",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: "grant_type=client_credentials&client_id=id&client_secret=s%26x",
    });
  });

  it("queries Salesforce contacts and ServiceNow users by an E.164 number only", () => {
    const sf = salesforceContactByPhone("https://acme.my.salesforce.com", "tok", "+14155550100");
    expect(sf.headers.authorization).to.equal("Bearer tok");
    expect(decodeURIComponent(sf.url)).to.equal("https://acme.my.salesforce.com/services/data/v61.0/query?q=SELECT Id, Name, AccountId FROM Contact WHERE Phone = '+14155550100' OR MobilePhone = '+14155550100' LIMIT 1");
    const sn = serviceNowCallerByPhone("https://acme.service-now.com", { username: "u", password: "p" }, "+442071234567");
    expect(sn.headers.authorization).to.equal(`Basic ${Buffer.from("u:p").toString("base64")}`);
    expect(new URL(sn.url).searchParams.get("sysparm_query")).to.equal("phone=+442071234567^ORmobile_phone=+442071234567");
    expect(serviceNowHealth("https://acme.service-now.com", { username: "u", password: "p" }).url).to.equal("https://acme.service-now.com/api/now/table/sys_user?sysparm_limit=1&sysparm_fields=sys_id");
    for (const bad of ["4155550100", "+1' OR Name != '", "", undefined]) {
      expect(() => salesforceContactByPhone("https://a.my.salesforce.com", "t", bad as string), String(bad)).to.throw(CrmRequestError, "E.164");
    }
  });

  it("reads secrets and flattens results for Connect", () => {
    expect(() => secretFor("servicenow", JSON.stringify({ username: "u" }))).to.throw(CrmRequestError, "lacks 'password'");
    expect(secretFor("salesforce", JSON.stringify({ clientId: "a", clientSecret: "b" }))).to.deep.equal({ clientId: "a", clientSecret: "b" });
    expect(lookupResult("salesforce", { records: [{ Id: "003x", Name: "Ada", AccountId: "001y" }] })).to.deep.equal({ found: "true", crmId: "003x", name: "Ada", accountId: "001y" });
    expect(lookupResult("salesforce", { records: [] })).to.deep.equal({ found: "false" });
    expect(lookupResult("servicenow", { result: [{ sys_id: "abc", name: "Ada", email: "ada@example.com" }] })).to.deep.equal({ found: "true", crmId: "abc", name: "Ada", email: "ada@example.com" });
  });

  it("signs requests exactly as the AWS SDK's SigV4 signer does", async () => {
    const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: "token" };
    const now = new Date("2026-11-25T10:00:00Z");
    const body = JSON.stringify({ SecretId: "connect-dr/crm/salesforce" });
    const ours = signV4(
      { method: "POST", host: "secretsmanager.us-west-2.amazonaws.com", path: "/", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "secretsmanager.GetSecretValue" }, body },
      credentials,
      "us-west-2",
      "secretsmanager",
      now,
    );
    class Sha256 {
      private readonly chunks: Buffer[] = [];
      constructor(private readonly secret?: string | Uint8Array) {}
      update(data: string | Uint8Array): void { this.chunks.push(Buffer.from(data as Uint8Array)); }
      async digest(): Promise<Uint8Array> {
        const data = Buffer.concat(this.chunks);
        return this.secret !== undefined ? createHmac("sha256", Buffer.from(this.secret as Uint8Array)).update(data).digest() : createHash("sha256").update(data).digest();
      }
    }
    const signer = new SignatureV4({ credentials, region: "us-west-2", service: "secretsmanager", sha256: Sha256 as never, uriEscapePath: true, applyChecksum: false });
    const signed = await signer.sign(
      { method: "POST", protocol: "https:", hostname: "secretsmanager.us-west-2.amazonaws.com", path: "/", headers: { host: "secretsmanager.us-west-2.amazonaws.com", "content-type": "application/x-amz-json-1.1", "x-amz-target": "secretsmanager.GetSecretValue" }, body },
      { signingDate: now },
    );
    const sdkAuthorization = signed.headers.authorization ?? signed.headers.Authorization;
    expect(ours.authorization).to.equal(sdkAuthorization);
    expect(ours["x-amz-security-token"]).to.equal("token");
  });
});
