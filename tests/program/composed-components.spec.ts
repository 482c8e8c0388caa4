import { expect } from "chai";
import type { MockCloud, RecordedResource } from "../../tools/synthesis/mock-cloud";
import { PRIMARY_STACK_OUTPUTS, synthesize } from "./synthesize";

const WORKLOAD = "111122223333";
const NETWORK = "444455556666";

/**
 * The children of the component `name`: custom resources named `<name>-<role>` (the mock's URNs carry
 * no parent chain; every component names its children so, and no other resource of the program uses
 * these prefixes).
 */
function childrenOf(cloud: MockCloud, name: string): RecordedResource[] {
  return cloud.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:") && r.name.startsWith(`${name}-`));
}

/** `[type, name]` of each child, sorted, for exact comparison. */
function shape(resources: RecordedResource[]): [string, string][] {
  return resources.map((r): [string, string] => [r.type, r.name]).sort((a, b) => `${a[0]}|${a[1]}`.localeCompare(`${b[0]}|${b[1]}`));
}

function sorted(list: [string, string][]): [string, string][] {
  return [...list].sort((a, b) => `${a[0]}|${a[1]}`.localeCompare(`${b[0]}|${b[1]}`));
}

const MONITORING_CHILDREN = sorted([
  ["aws:kms/key:Key", "monitoring-key"],
  ["aws:kms/alias:Alias", "monitoring-key-alias"],
  ["aws:sns/topic:Topic", "monitoring-topic"],
  ["aws:cloudwatch/dashboard:Dashboard", "monitoring-dashboard"],
]);

const SCALING_CHILDREN = sorted(
  ["connect-dr-customer-lookup", "connect-dr-queue-wait-time"].flatMap((fn): [string, string][] => [
    ["aws:lambda/alias:Alias", `lambda-scaling-alias-${fn}`],
    ["aws:appautoscaling/target:Target", `lambda-scaling-target-${fn}`],
    ["aws:appautoscaling/policy:Policy", `lambda-scaling-policy-${fn}`],
    ["aws:cloudwatch/metricAlarm:MetricAlarm", `lambda-scaling-throttles-${fn}`],
    ["aws:cloudwatch/metricAlarm:MetricAlarm", `lambda-scaling-errors-${fn}`],
  ]),
);

const CRM_FUNCTION_CHILDREN: [string, string][] = [
  ["aws:kms/key:Key", "crm-key"],
  ["aws:kms/alias:Alias", "crm-key-alias"],
  ["aws:cloudwatch/logGroup:LogGroup", "crm-salesforce-logs"],
  ["aws:iam/role:Role", "crm-salesforce-role"],
  ["aws:iam/rolePolicy:RolePolicy", "crm-salesforce-policy"],
  ["aws:lambda/function:Function", "crm-salesforce-function"],
  ["aws:connect/lambdaFunctionAssociation:LambdaFunctionAssociation", "crm-salesforce-connect"],
  // connect-dr:vpc is set: the functions run in the VPC behind their own security group.
  ["aws:ec2/securityGroup:SecurityGroup", "crm-sg"],
];

for (const [stack, here, peer] of [
  ["primary", "us-east-1", "us-west-2"],
  ["secondary", "us-west-2", "us-east-1"],
] as const) {
  describe(`program: monitoring, Lambda auto scaling and CRM in the ${stack} stack (${here})`, () => {
    let cloud: MockCloud;
    let outputs: Record<string, unknown>;
    before(async () => ({ cloud, outputs } = await synthesize(stack)));

    it("creates one ContactCenterMonitoring, one LambdaAutoScaling and one CrmIntegration", () => {
      const components = cloud.resources.filter((r) => r.type.startsWith("connect-dr:") && ["monitoring", "lambda-scaling", "crm", "telephony"].includes(r.name));
      expect(components.map((r) => [r.type, r.name])).to.deep.equal([
        ["connect-dr:monitoring:ContactCenterMonitoring", "monitoring"],
        ["connect-dr:compute:LambdaAutoScaling", "lambda-scaling"],
        ["connect-dr:integrations:CrmIntegration", "crm"],
        ...(stack === "secondary" ? [["connect-dr:telephony:TelephonyHealthChecks", "telephony"]] : []),
      ]);
    });

    it(`monitors ${here} on the workload provider there: key, topic and dashboard, no streaming`, () => {
      const children = childrenOf(cloud, "monitoring");
      expect(shape(children)).to.deep.equal(MONITORING_CHILDREN);
      for (const r of children) expect([r.name, r.providerName, r.account, r.region]).to.deep.equal([r.name, `workload-${here}`, WORKLOAD, here]);
      expect(cloud.named("monitoring-topic").inputs).to.deep.include({ name: `connect-dr-alarms-${here}`, kmsMasterKeyId: cloud.named("monitoring-key").state.arn });
      expect(cloud.named("monitoring-key").inputs.enableKeyRotation).to.equal(true);
      expect(cloud.named("monitoring-dashboard").inputs.dashboardName).to.equal(`connect-dr-${here}`);
    });

    it("charts this Region's instance, global table and failover function", () => {
      const body = JSON.parse(cloud.named("monitoring-dashboard").inputs.dashboardBody);
      const text = JSON.stringify(body);
      const instanceId = stack === "primary" ? cloud.named("connect-instance").state.id : PRIMARY_STACK_OUTPUTS.connectInstanceId;
      expect(text).to.contain(instanceId);
      expect(text).to.contain(stack === "primary" ? "example-corp-contact-contacts" : "example-corp-contact-west-dr-lock");
      expect(text).to.contain(`connect-dr-failover-${here}`);
      for (const w of body.widgets.filter((x: { type: string }) => x.type === "metric")) expect(typeof w.properties.region).to.equal("string");
    });

    it("keeps the two Connect-facing functions warm behind the alias live, alarms to the topic of this Region", () => {
      const children = childrenOf(cloud, "lambda-scaling");
      expect(shape(children)).to.deep.equal(SCALING_CHILDREN);
      for (const r of children) expect([r.name, r.providerName]).to.deep.equal([r.name, `workload-${here}`]);
      const versions = stack === "primary" ? ["12", "5"] : ["11", "5"];
      expect(cloud.named("lambda-scaling-alias-connect-dr-customer-lookup").inputs).to.deep.include({ name: "live", functionName: "connect-dr-customer-lookup", functionVersion: versions[0] });
      expect(cloud.named("lambda-scaling-alias-connect-dr-queue-wait-time").inputs).to.deep.include({ name: "live", functionName: "connect-dr-queue-wait-time", functionVersion: versions[1] });
      expect(cloud.named("lambda-scaling-target-connect-dr-customer-lookup").inputs).to.deep.include({
        serviceNamespace: "lambda",
        scalableDimension: "lambda:function:ProvisionedConcurrency",
        resourceId: "function:connect-dr-customer-lookup:live",
        minCapacity: 5,
        maxCapacity: 50,
      });
      expect(cloud.named("lambda-scaling-target-connect-dr-queue-wait-time").inputs).to.deep.include({ minCapacity: 1, maxCapacity: 50 });
      expect(cloud.named("lambda-scaling-policy-connect-dr-queue-wait-time").inputs.targetTrackingScalingPolicyConfiguration).to.deep.include({
        targetValue: 0.7,
        scaleInCooldown: 300,
        scaleOutCooldown: 60,
      });
      const topic = cloud.named("monitoring-topic").state.arn;
      expect(topic).to.match(new RegExp(`^arn:aws:sns:${here}:${WORKLOAD}:`));
      const throttles = cloud.named("lambda-scaling-throttles-connect-dr-customer-lookup").inputs;
      expect(throttles).to.deep.include({ name: `connect-dr-lambda-connect-dr-customer-lookup-throttles-${here}`, threshold: 1, alarmActions: [topic], okActions: [topic] });
      expect(cloud.named("lambda-scaling-errors-connect-dr-queue-wait-time").inputs).to.deep.include({ threshold: 5, alarmActions: [topic] });
    });

    it(`runs the Salesforce lookup ${stack === "secondary" ? "and owns its secret, replicated to " + peer : "reading the secret replica the secondary stack creates"}`, () => {
      const children = childrenOf(cloud, "crm");
      expect(shape(children)).to.deep.equal(sorted([...CRM_FUNCTION_CHILDREN, ...(stack === "secondary" ? [["aws:secretsmanager/secret:Secret", "crm-salesforce-secret"] as [string, string]] : [])]));
      for (const r of children) expect([r.name, r.providerName]).to.deep.equal([r.name, `workload-${here}`]);
      const fn = cloud.named("crm-salesforce-function").inputs;
      expect(fn).to.deep.include({ name: "connect-dr-crm-salesforce", timeout: 8, kmsKeyArn: cloud.named("crm-key").state.arn });
      expect(fn.environment.variables).to.deep.equal({
        CRM_KIND: "salesforce",
        CRM_INSTANCE_URL: "https://example-corp.my.salesforce.com",
        CRM_SECRET_ID: "connect-dr/crm/salesforce",
        CRM_TIMEOUT_MS: "2500",
      });
      // Associated with this Region's instance (the replica keeps the primary's id), by the function's own ARN.
      const instanceId = stack === "primary" ? cloud.named("connect-instance").state.id : PRIMARY_STACK_OUTPUTS.connectInstanceId;
      expect(cloud.named("crm-salesforce-connect").inputs).to.deep.equal({ instanceId, functionArn: cloud.named("crm-salesforce-function").state.arn });
      const statements = JSON.parse(cloud.named("crm-salesforce-policy").inputs.policy).Statement;
      const read = statements.find((s: { Sid: string }) => s.Sid === "ReadOwnSecret");
      if (stack === "secondary") {
        const secret = cloud.named("crm-salesforce-secret");
        expect(secret.inputs).to.deep.include({ name: "connect-dr/crm/salesforce", kmsKeyId: cloud.named("crm-key").state.arn, recoveryWindowInDays: 30 });
        // The replica in the primary Region is under the primary's CRM key, the one its function decrypts with.
        expect(secret.inputs.replicas).to.deep.equal([{ region: peer, kmsKeyId: PRIMARY_STACK_OUTPUTS.crmKmsKeyArn }]);
        expect(read.Resource).to.equal(secret.state.arn);
      } else {
        expect(read.Resource).to.equal(`arn:aws:secretsmanager:${here}:${WORKLOAD}:secret:connect-dr/crm/salesforce-??????`);
      }
    });

    it("exports the new pieces' outputs", () => {
      expect(outputs).to.deep.include({
        monitoringDashboardName: `connect-dr-${here}`,
        monitoringAlarmTopicArn: cloud.named("monitoring-topic").state.arn,
        monitoringDestinationSecretArns: {},
        lambdaAlarmNames: [
          `connect-dr-lambda-connect-dr-customer-lookup-throttles-${here}`,
          `connect-dr-lambda-connect-dr-customer-lookup-errors-${here}`,
          `connect-dr-lambda-connect-dr-queue-wait-time-throttles-${here}`,
          `connect-dr-lambda-connect-dr-queue-wait-time-errors-${here}`,
        ],
        crmFunctionArns: { salesforce: cloud.named("crm-salesforce-function").state.arn },
        crmKmsKeyArn: cloud.named("crm-key").state.arn,
      });
      expect(Object.keys(outputs.lambdaAliasArns as object)).to.deep.equal(["connect-dr-customer-lookup", "connect-dr-queue-wait-time"]);
    });
  });
}

describe("program: the SIP health checks of both Regions, owned by the secondary stack", () => {
  let cloud: MockCloud;
  let outputs: Record<string, unknown>;
  before(async () => ({ cloud, outputs } = await synthesize("secondary")));

  const endpoints: [string, string, string][] = [
    ["us-east-1", "carrier-a", "sbc1-use1.carrier-a.example.net"],
    ["us-east-1", "carrier-b", "sbc1-use1.carrier-b.example.net"],
    ["us-west-2", "carrier-a", "sbc1-usw2.carrier-a.example.net"],
    ["us-west-2", "carrier-b", "sbc1-usw2.carrier-b.example.net"],
  ];

  it("creates exactly a health check and an alarm per endpoint", () => {
    expect(shape(childrenOf(cloud, "telephony"))).to.deep.equal(
      sorted(
        endpoints.flatMap(([region, name]): [string, string][] => [
          ["aws:route53/healthCheck:HealthCheck", `telephony-sip-${region}-${name}`],
          ["aws:cloudwatch/metricAlarm:MetricAlarm", `telephony-sip-alarm-${region}-${name}`],
        ]),
      ),
    );
  });

  for (const [region, name, fqdn] of endpoints) {
    it(`probes ${fqdn} (${region}) on TCP 5061 from the network account, alarm in us-east-1`, () => {
      const check = cloud.named(`telephony-sip-${region}-${name}`);
      expect([check.providerName, check.account]).to.deep.equal(["network-us-west-2", NETWORK]);
      expect(check.inputs).to.deep.include({ type: "TCP", fqdn, port: 5061, requestInterval: 10, failureThreshold: 3 });
      const alarm = cloud.named(`telephony-sip-alarm-${region}-${name}`);
      expect([alarm.providerName, alarm.account, alarm.region]).to.deep.equal(["network-us-east-1", NETWORK, "us-east-1"]);
      expect(alarm.inputs).to.deep.include({ name: `connect-dr-sip-${region}-${name}`, metricName: "HealthCheckStatus", namespace: "AWS/Route53", treatMissingData: "breaching" });
      expect(alarm.inputs.dimensions).to.deep.equal({ HealthCheckId: check.state.id });
    });
  }

  it("charts the DNS and SIP health checks and the failover alarm of this Region on its dashboard", () => {
    const text = cloud.named("monitoring-dashboard").inputs.dashboardBody;
    for (const [region, name] of endpoints) expect(text).to.contain(`"sip-${region}-${name}"`).and.to.contain(cloud.named(`telephony-sip-${region}-${name}`).state.id);
    expect(text).to.contain(`"dns-us-east-1"`).and.to.contain(`"dns-us-west-2"`);
    // Named before it exists: the health alarm waits for this Region's Lambda alarms, which notify the monitoring topic.
    expect(cloud.named("failover-us-west-2-health").inputs.alarmName).to.equal("connect-dr-us-west-2-health");
    expect(text).to.contain(`"arn:aws:cloudwatch:us-west-2:${WORKLOAD}:alarm:connect-dr-us-west-2-health"`);
  });

  it("exports the health check ids and alarm names", () => {
    expect(outputs.telephonyAlarmNames).to.deep.equal({
      "us-east-1": ["connect-dr-sip-us-east-1-carrier-a", "connect-dr-sip-us-east-1-carrier-b"],
      "us-west-2": ["connect-dr-sip-us-west-2-carrier-a", "connect-dr-sip-us-west-2-carrier-b"],
    });
    expect(outputs.telephonyHealthCheckIds).to.deep.equal(
      Object.fromEntries(["us-east-1", "us-west-2"].map((region) => [region, Object.fromEntries(["carrier-a", "carrier-b"].map((n) => [n, cloud.named(`telephony-sip-${region}-${n}`).state.id]))])),
    );
  });
});

describe("program: the optional pieces are off when their keys are absent", () => {
  for (const stack of ["primary", "secondary"] as const) {
    it(`creates none of them in the ${stack} stack without monitoring, lambdaAutoScaling, telephony and crm`, async () => {
      const { cloud, outputs } = await synthesize(stack, (config) => {
        for (const key of ["monitoring", "lambdaAutoScaling", "telephony", "crm"]) delete config[`connect-dr:${key}`];
      });
      expect(cloud.resources.filter((r) => /^(monitoring|lambda-scaling|crm|telephony)(-|$)/.test(r.name)).map((r) => r.name)).to.deep.equal([]);
      expect(Object.keys(outputs).filter((k) => /^(monitoring|lambda|crm|telephony)/.test(k))).to.deep.equal([]);
    });
  }

  it("sends Lambda alarms nowhere when monitoring is off", async () => {
    const { cloud } = await synthesize("primary", (config) => delete config["connect-dr:monitoring"]);
    expect(cloud.named("lambda-scaling-throttles-connect-dr-customer-lookup").inputs.alarmActions).to.deep.equal([]);
  });

  it("streams to Splunk and Dynatrace when their keys are set", async () => {
    const { cloud } = await synthesize("primary", (config) => {
      config["connect-dr:monitoring"] = JSON.stringify({
        splunk: { hecUrl: "https://http-inputs-firehose-acme.splunkcloud.com:443" },
        dynatrace: { endpointUrl: "https://aws.cloud.dynatrace.com/metrics", streamedNamespaces: ["AWS/Connect"] },
      });
    });
    expect(cloud.named("monitoring-splunk-stream").inputs).to.deep.include({ destination: "splunk" });
    expect(cloud.named("monitoring-splunk-stream").inputs.splunkConfiguration.hecEndpoint).to.equal("https://http-inputs-firehose-acme.splunkcloud.com:443");
    expect(cloud.named("monitoring-dynatrace-metric-stream").inputs.includeFilters).to.deep.equal([{ namespace: "AWS/Connect" }]);
    for (const r of childrenOf(cloud, "monitoring")) expect([r.name, r.providerName]).to.deep.equal([r.name, "workload-us-east-1"]);
  });
});

/**
 * connect-dr:vpc in both committed stacks: the VPC (awsx.ec2.Vpc inside RegionalVpc) in the network
 * account, its private subnets shared with the workload account, the CRM lookups and the peer probes
 * in them, and the private Direct Connect interface and VPN on its virtual private gateway.
 */
for (const [stack, here, cidr] of [
  ["primary", "us-east-1", "10.20.0.0/16"],
  ["secondary", "us-west-2", "10.30.0.0/16"],
] as const) {
  describe(`program: the VPC of the ${stack} stack (${here})`, () => {
    let cloud: MockCloud;
    let outputs: Record<string, unknown>;
    before(async () => ({ cloud, outputs } = await synthesize(stack)));

    it("asks awsx for the configured VPC in the network account's Region, with a VPN gateway for the private interface", () => {
      const vpcs = cloud.ofType("awsx:ec2:Vpc");
      expect(vpcs.map((v) => [v.name, v.region])).to.deep.equal([["vpc-vpc", here]]);
      expect(vpcs[0]!.inputs).to.deep.include({ cidrBlock: cidr, availabilityZoneNames: ["a", "b", "c"].map((z) => `${here}${z}`), natGateways: { strategy: "OnePerAz" } });
      // awsx's children are built by its plugin: the pack sees the component and the children RegionalVpc adds.
      expect(cloud.resources.filter((r) => ["aws:ec2/subnet:Subnet", "aws:ec2/natGateway:NatGateway", "aws:ec2/vpc:Vpc"].includes(r.type))).to.deep.equal([]);
      const vgw = cloud.named("vpc-vgw");
      expect([vgw.account, vgw.region, vgw.inputs.amazonSideAsn]).to.deep.equal([NETWORK, here, stack === "primary" ? "64601" : "64602"]);
      for (const name of ["vpc-flow-log", "vpc-flow-logs", "vpc-flow-logs-key", "vpc-endpoints-sg", "vpc-subnets-share"]) expect(cloud.named(name).account, name).to.equal(NETWORK);
    });

    it("attaches Direct Connect and the VPN to the VPC's own gateway", () => {
      const vgwId = cloud.named("vpc-vgw").state.id;
      expect(cloud.named("network-dx-gateway-association").inputs.associatedGatewayId).to.equal(vgwId);
      expect(cloud.named("network-vpn").inputs.vpnGatewayId).to.equal(vgwId);
      expect(outputs.vpnGatewayId).to.equal(vgwId);
    });

    it("shares the private subnets with the workload account, whose CRM functions run in them", () => {
      const vpc = cloud.named("vpc-vpc").state;
      expect(cloud.named(`vpc-subnets-share-${WORKLOAD}`).inputs.principal).to.equal(WORKLOAD);
      const shared = cloud.ofType("aws:ram/resourceAssociation:ResourceAssociation").map((r) => r.inputs.resourceArn);
      expect(shared).to.deep.equal(vpc.privateSubnetIds.map((id: string) => `arn:aws:ec2:${here}:${NETWORK}:subnet/${id}`));
      const sg = cloud.named("crm-sg");
      expect([sg.account, sg.inputs.vpcId]).to.deep.equal([WORKLOAD, vpc.vpcId]);
      expect(cloud.named("crm-salesforce-function").inputs.vpcConfig).to.deep.equal({ subnetIds: vpc.privateSubnetIds, securityGroupIds: [sg.state.id] });
      expect(outputs.vpcPrivateSubnetIds).to.deep.equal(vpc.privateSubnetIds);
    });
  });
}

describe("program: the peer probes of both Regions in their Regions' VPCs", () => {
  it("runs us-west-2's probe in the secondary's VPC and us-east-1's in the subnets the primary exports", async () => {
    const { cloud } = await synthesize("secondary");
    const own = cloud.named("vpc-vpc").state;
    expect(cloud.named("peer-probe-us-west-2-function").inputs.vpcConfig.subnetIds).to.deep.equal(own.privateSubnetIds);
    expect(cloud.named("peer-probe-us-west-2-sg").inputs.vpcId).to.equal(own.vpcId);
    expect(cloud.named("peer-probe-us-east-1-function").inputs.vpcConfig.subnetIds).to.deep.equal(PRIMARY_STACK_OUTPUTS.vpcPrivateSubnetIds);
    expect(cloud.named("peer-probe-us-east-1-sg").inputs.vpcId).to.equal(PRIMARY_STACK_OUTPUTS.vpcId);
    expect(cloud.named("peer-probe-us-east-1-sg").region).to.equal("us-east-1");
  });

  it("the primary's VPC outputs are the ones the secondary is synthesized with", async () => {
    const { outputs } = await synthesize("primary");
    expect({ vpcId: outputs.vpcId, vpcPrivateSubnetIds: outputs.vpcPrivateSubnetIds }).to.deep.equal({ vpcId: PRIMARY_STACK_OUTPUTS.vpcId, vpcPrivateSubnetIds: PRIMARY_STACK_OUTPUTS.vpcPrivateSubnetIds });
  });
});
