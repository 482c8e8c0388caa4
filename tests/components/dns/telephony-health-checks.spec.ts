import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../../../components/argument-error";
import { sipAlarmName, TelephonyHealthChecks, type TelephonyHealthChecksArgs } from "../../../components/dns/telephony-health-checks";
import { MockCloud, resolve, settle } from "../../../tools/synthesis/mock-cloud";

const NETWORK = "444455556666";
const provider = (region: string) => new aws.Provider(`network-${region}`, { region, assumeRoles: [{ roleArn: `arn:aws:iam::${NETWORK}:role/ConnectDrDeployer` }] });
const TOPIC = `arn:aws:sns:us-east-1:${NETWORK}:telephony`;

function args(overrides: Partial<TelephonyHealthChecksArgs> = {}): TelephonyHealthChecksArgs {
  return {
    endpoints: {
      "eu-west-2": { "carrier-a": { ipAddress: "18.130.0.10" } },
      "eu-central-1": { "carrier-a": { ipAddress: "52.28.0.10" }, "voice-connector": { fqdn: "abcdef.voiceconnector.chime.aws", port: 5061 } },
    },
    alarmProvider: provider("us-east-1"),
    alarmActions: [TOPIC],
    tags: { project: "connect-dr" },
    ...overrides,
  };
}


describe("TelephonyHealthChecks", () => {
  let cloud: MockCloud;
  let checks: TelephonyHealthChecks;
  beforeEach(async () => {
    cloud = new MockCloud().install();
    checks = new TelephonyHealthChecks("sip", args(), { provider: provider("eu-central-1") });
    await settle();
  });

  it("declares one TCP health check and one alarm per endpoint, named by Region and endpoint", () => {
    expect(cloud.declared().map((r) => `${r.type} ${r.name}`).sort()).to.deep.equal([
      "aws:cloudwatch/metricAlarm:MetricAlarm sip-sip-alarm-eu-central-1-carrier-a",
      "aws:cloudwatch/metricAlarm:MetricAlarm sip-sip-alarm-eu-central-1-voice-connector",
      "aws:cloudwatch/metricAlarm:MetricAlarm sip-sip-alarm-eu-west-2-carrier-a",
      "aws:route53/healthCheck:HealthCheck sip-sip-eu-central-1-carrier-a",
      "aws:route53/healthCheck:HealthCheck sip-sip-eu-central-1-voice-connector",
      "aws:route53/healthCheck:HealthCheck sip-sip-eu-west-2-carrier-a",
      "connect-dr:telephony:TelephonyHealthChecks sip",
    ]);
  });

  it("probes TCP 5061 by IP or host name with the default interval and threshold", () => {
    expect(cloud.named("sip-sip-eu-west-2-carrier-a").inputs).to.deep.equal({
      type: "TCP",
      port: 5061,
      ipAddress: "18.130.0.10",
      requestInterval: 30,
      failureThreshold: 3,
      tags: { project: "connect-dr", Name: "sip-sip-eu-west-2-carrier-a" },
    });
    expect(cloud.named("sip-sip-eu-central-1-voice-connector").inputs).to.deep.include({ type: "TCP", port: 5061, fqdn: "abcdef.voiceconnector.chime.aws" });
    expect(cloud.named("sip-sip-eu-central-1-voice-connector").inputs).to.not.have.property("ipAddress");
    for (const r of cloud.ofType("aws:route53/healthCheck:HealthCheck")) expect(r.providerName, r.name).to.equal("network-eu-central-1");
  });

  it("alarms on HealthCheckStatus in us-east-1 with the alarm provider, under exported names", async () => {
    const alarm = cloud.named("sip-sip-alarm-eu-west-2-carrier-a");
    expect({ providerName: alarm.providerName, account: alarm.account, region: alarm.region }).to.deep.equal({ providerName: "network-us-east-1", account: NETWORK, region: "us-east-1" });
    expect(alarm.inputs).to.deep.equal({
      name: "connect-dr-sip-eu-west-2-carrier-a",
      region: "us-east-1",
      alarmDescription: "SIP endpoint carrier-a of eu-west-2 is unreachable on TCP 5061",
      namespace: "AWS/Route53",
      metricName: "HealthCheckStatus",
      dimensions: { HealthCheckId: "sip-sip-eu-west-2-carrier-a-id" },
      statistic: "Minimum",
      period: 60,
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: "LessThanThreshold",
      treatMissingData: "breaching",
      alarmActions: [TOPIC],
      okActions: [TOPIC],
      tags: { project: "connect-dr", "connect-dr:failover-signal": "liveness" },
    });
    expect(checks.alarmNamesByRegion).to.deep.equal({
      "eu-central-1": ["connect-dr-sip-eu-central-1-carrier-a", "connect-dr-sip-eu-central-1-voice-connector"],
      "eu-west-2": ["connect-dr-sip-eu-west-2-carrier-a"],
    });
    expect(await resolve(checks.healthCheckIds)).to.deep.equal({
      "eu-central-1": { "carrier-a": "sip-sip-eu-central-1-carrier-a-id", "voice-connector": "sip-sip-eu-central-1-voice-connector-id" },
      "eu-west-2": { "carrier-a": "sip-sip-eu-west-2-carrier-a-id" },
    });
    expect((await resolve(checks.alarmArns))["eu-west-2"]["carrier-a"]).to.equal(`arn:aws:cloudwatch:us-east-1:${NETWORK}:sip-sip-alarm-eu-west-2-carrier-a`);
  });

  it("names alarms by a pure function", () => {
    expect(sipAlarmName("cc", "us-west-2", "carrier-b")).to.equal("cc-sip-us-west-2-carrier-b");
  });

  describe("validation", () => {
    type Case = [string, TelephonyHealthChecksArgs, string, unknown, string];
    const cases: Case[] = [
      ["a private SBC address", args({ endpoints: { "eu-west-2": { sbc: { ipAddress: "10.0.0.5" } } } }), "endpoints.eu-west-2.sbc.ipAddress", "10.0.0.5", "a public IPv4 address"],
      ["both an IP and a host name", args({ endpoints: { "eu-west-2": { sbc: { ipAddress: "18.130.0.10", fqdn: "sbc.example.com" } } } }), "endpoints.eu-west-2.sbc", { ipAddress: "18.130.0.10", fqdn: "sbc.example.com" }, "exactly one of ipAddress or fqdn"],
      ["port 70000", args({ endpoints: { "eu-west-2": { sbc: { fqdn: "sbc.example.com", port: 70000 } } } }), "endpoints.eu-west-2.sbc.port", 70000, "from 1 to 65535"],
      ["an endpoint name with spaces", args({ endpoints: { "eu-west-2": { "carrier a": { fqdn: "sbc.example.com" } } } }), "endpoints.eu-west-2", "carrier a", "endpoint names"],
      ["a Region with no endpoints", args({ endpoints: { "eu-west-2": {} } }), "endpoints.eu-west-2", {}, "at least one SIP endpoint"],
      ["an interval of 60 s", args({ requestIntervalSeconds: 60 }), "requestIntervalSeconds", 60, "10 or 30"],
      ["no alarm provider", args({ alarmProvider: undefined as unknown as aws.Provider }), "alarmProvider", "undefined", "an aws.Provider"],
      ["an alarm action outside us-east-1", args({ alarmActions: [`arn:aws:sns:eu-west-2:${NETWORK}:t`] }), "alarmActions", `arn:aws:sns:eu-west-2:${NETWORK}:t`, "in us-east-1"],
    ];
    for (const [title, a, argument, value, allowed] of cases) {
      it(`rejects ${title} before creating any child`, async () => {
        const c = new MockCloud().install();
        let error: unknown;
        try {
          new TelephonyHealthChecks("bad", a);
        } catch (e) {
          error = e;
        }
        expect(error).to.be.instanceOf(ArgumentError);
        const err = error as ArgumentError;
        expect({ component: err.component, argument: err.argument, value: err.value }).to.deep.equal({ component: "TelephonyHealthChecks", argument, value });
        expect(err.message).to.contain(allowed);
        await settle();
        expect(c.declared().filter((r) => r.type !== "connect-dr:telephony:TelephonyHealthChecks")).to.deep.equal([]);
      });
    }
  });
});
