import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../../../components/argument-error";
import { FailoverDns, type FailoverDnsArgs } from "../../../components/dns/failover-dns";
import { MockCloud, resolve, settle } from "../../../tools/synthesis/mock-cloud";

const NETWORK_ROLE = "arn:aws:iam::444455556666:role/ConnectDrDeployer";
const networkProvider = (region: string) => new aws.Provider(`network-${region}`, { region, assumeRoles: [{ roleArn: NETWORK_ROLE }] });

const ALARM_TOPIC = "arn:aws:sns:us-east-1:444455556666:dns-health";

function failoverArgs(overrides: Partial<FailoverDnsArgs> = {}): FailoverDnsArgs {
  return {
    hostedZoneId: "Z0123456789ABCDEFGHIJ",
    recordName: "Agents.Example.com.",
    recordType: "CNAME",
    routingPolicy: "failover",
    endpoints: {
      "us-east-1": {
        failover: "PRIMARY",
        records: ["agents-use1.example.com"],
        healthCheck: { type: "HTTPS", fqdn: "agents-use1.example.com", resourcePath: "/health" },
      },
      "us-west-2": {
        failover: "SECONDARY",
        records: ["agents-usw2.example.com"],
        healthCheck: { type: "HTTPS", fqdn: "agents-usw2.example.com", resourcePath: "/health", port: 8443, searchString: "OK" },
      },
    },
    alarmActions: [ALARM_TOPIC],
    tags: { project: "connect-dr" },
    ...overrides,
  };
}

function weightedArgs(): FailoverDnsArgs {
  return {
    hostedZoneId: "Z0123456789ABCDEFGHIJ",
    recordName: "sbc.example.com",
    recordType: "A",
    routingPolicy: "weighted",
    endpoints: {
      "eu-central-1": { weight: 200, records: ["52.28.0.10", "52.28.0.11"], healthCheck: { type: "TCP", ipAddress: "52.28.0.10", port: 5061 } },
      "eu-west-2": {
        weight: 55,
        records: ["18.130.0.10"],
        healthCheck: { type: "CLOUDWATCH_METRIC", alarmName: "sbc-eu-west-2-unhealthy", alarmRegion: "eu-west-2", alarmDetectionSeconds: 180 },
      },
    },
    requestIntervalSeconds: 10,
    failureThreshold: 2,
  };
}

/** Resources the component declared (providers excluded). */

describe("FailoverDns", () => {
  describe("failover routing with HTTPS checks and a us-east-1 alarm provider", () => {
    let cloud: MockCloud;
    let dns: FailoverDns;

    beforeEach(async () => {
      cloud = new MockCloud().install();
      const main = networkProvider("us-west-2");
      const alarmProvider = networkProvider("us-east-1");
      dns = new FailoverDns("agents", failoverArgs({ alarmProvider }), { provider: main });
      await settle();
    });

    it("declares exactly one health check, record and alarm per Region", () => {
      expect(cloud.declared().map((r) => `${r.type} ${r.name}`).sort()).to.deep.equal([
        "aws:cloudwatch/metricAlarm:MetricAlarm agents-health-alarm-us-east-1",
        "aws:cloudwatch/metricAlarm:MetricAlarm agents-health-alarm-us-west-2",
        "aws:route53/healthCheck:HealthCheck agents-health-us-east-1",
        "aws:route53/healthCheck:HealthCheck agents-health-us-west-2",
        "aws:route53/record:Record agents-record-us-east-1",
        "aws:route53/record:Record agents-record-us-west-2",
        "connect-dr:dns:FailoverDns agents",
      ]);
    });

    it("probes HTTPS with SNI, the given path and port, interval 30 s and threshold 3 by default", () => {
      expect(cloud.named("agents-health-us-east-1").inputs).to.deep.equal({
        type: "HTTPS",
        fqdn: "agents-use1.example.com",
        port: 443,
        resourcePath: "/health",
        enableSni: true,
        requestInterval: 30,
        failureThreshold: 3,
        tags: { project: "connect-dr", Name: "agents-us-east-1" },
      });
      expect(cloud.named("agents-health-us-west-2").inputs).to.deep.equal({
        type: "HTTPS_STR_MATCH",
        fqdn: "agents-usw2.example.com",
        port: 8443,
        resourcePath: "/health",
        enableSni: true,
        searchString: "OK",
        requestInterval: 30,
        failureThreshold: 3,
        tags: { project: "connect-dr", Name: "agents-us-west-2" },
      });
    });

    it("writes one PRIMARY and one SECONDARY record, TTL 60, each with its Region's health check", () => {
      expect(cloud.named("agents-record-us-east-1").inputs).to.deep.equal({
        zoneId: "Z0123456789ABCDEFGHIJ",
        name: "agents.example.com",
        type: "CNAME",
        ttl: 60,
        records: ["agents-use1.example.com"],
        setIdentifier: "us-east-1",
        healthCheckId: "agents-health-us-east-1-id",
        failoverRoutingPolicies: [{ type: "PRIMARY" }],
      });
      expect(cloud.named("agents-record-us-west-2").inputs).to.deep.include({
        setIdentifier: "us-west-2",
        healthCheckId: "agents-health-us-west-2-id",
        failoverRoutingPolicies: [{ type: "SECONDARY" }],
        ttl: 60,
      });
    });

    it("alarms on HealthCheckStatus < 1 in us-east-1 with the alarm provider", () => {
      const alarm = cloud.named("agents-health-alarm-us-west-2");
      expect(alarm).to.include({ providerName: "network-us-east-1", account: "444455556666", region: "us-east-1" });
      expect(alarm.inputs).to.deep.equal({
        region: "us-east-1",
        alarmDescription: "Route 53 health check of agents.example.com in us-west-2 is unhealthy",
        namespace: "AWS/Route53",
        metricName: "HealthCheckStatus",
        dimensions: { HealthCheckId: "agents-health-us-west-2-id" },
        statistic: "Minimum",
        period: 60,
        evaluationPeriods: 1,
        threshold: 1,
        comparisonOperator: "LessThanThreshold",
        treatMissingData: "breaching",
        alarmActions: [ALARM_TOPIC],
        okActions: [ALARM_TOPIC],
        tags: { project: "connect-dr", "connect-dr:failover-signal": "liveness" },
      });
    });

    it("keeps health checks and records on the component's network provider", () => {
      for (const name of ["agents-health-us-east-1", "agents-health-us-west-2", "agents-record-us-east-1", "agents-record-us-west-2"]) {
        expect(cloud.named(name), name).to.include({ providerName: "network-us-west-2", account: "444455556666", region: "us-west-2" });
      }
    });

    it("outputs ids and ARNs by Region, the FQDN and the worst-case failover time", async () => {
      expect(await resolve(dns.healthCheckIds)).to.deep.equal({
        "us-east-1": "agents-health-us-east-1-id",
        "us-west-2": "agents-health-us-west-2-id",
      });
      expect(await resolve(dns.alarmArns)).to.deep.equal({
        "us-east-1": "arn:aws:cloudwatch:us-east-1:444455556666:agents-health-alarm-us-east-1",
        "us-west-2": "arn:aws:cloudwatch:us-east-1:444455556666:agents-health-alarm-us-west-2",
      });
      expect(await resolve(dns.fqdn)).to.equal("agents.example.com");
      expect(await resolve(dns.detectionSeconds)).to.equal(90);
      expect(await resolve(dns.worstCaseFailoverSeconds)).to.equal(150);
    });
  });

  describe("weighted routing with TCP and CloudWatch-alarm checks", () => {
    let cloud: MockCloud;
    let dns: FailoverDns;

    beforeEach(async () => {
      cloud = new MockCloud().install();
      dns = new FailoverDns("sbc", weightedArgs(), { provider: networkProvider("eu-central-1") });
      await settle();
    });

    it("declares the same shape: one health check, record and alarm per Region", () => {
      expect(cloud.declared().map((r) => `${r.type} ${r.name}`).sort()).to.deep.equal([
        "aws:cloudwatch/metricAlarm:MetricAlarm sbc-health-alarm-eu-central-1",
        "aws:cloudwatch/metricAlarm:MetricAlarm sbc-health-alarm-eu-west-2",
        "aws:route53/healthCheck:HealthCheck sbc-health-eu-central-1",
        "aws:route53/healthCheck:HealthCheck sbc-health-eu-west-2",
        "aws:route53/record:Record sbc-record-eu-central-1",
        "aws:route53/record:Record sbc-record-eu-west-2",
        "connect-dr:dns:FailoverDns sbc",
      ]);
    });

    it("writes weighted records with the Region as set identifier and the default TTL", () => {
      expect(cloud.named("sbc-record-eu-central-1").inputs).to.deep.equal({
        zoneId: "Z0123456789ABCDEFGHIJ",
        name: "sbc.example.com",
        type: "A",
        ttl: 60,
        records: ["52.28.0.10", "52.28.0.11"],
        setIdentifier: "eu-central-1",
        healthCheckId: "sbc-health-eu-central-1-id",
        weightedRoutingPolicies: [{ weight: 200 }],
      });
      expect(cloud.named("sbc-record-eu-west-2").inputs).to.deep.include({ setIdentifier: "eu-west-2", weightedRoutingPolicies: [{ weight: 55 }] });
      expect(cloud.named("sbc-record-eu-west-2").inputs).to.not.have.property("failoverRoutingPolicies");
    });

    it("probes TCP with the given interval and threshold; mirrors the alarm without probe settings", () => {
      expect(cloud.named("sbc-health-eu-central-1").inputs).to.deep.equal({
        type: "TCP",
        ipAddress: "52.28.0.10",
        port: 5061,
        requestInterval: 10,
        failureThreshold: 2,
        tags: { Name: "sbc-eu-central-1" },
      });
      expect(cloud.named("sbc-health-eu-west-2").inputs).to.deep.equal({
        type: "CLOUDWATCH_METRIC",
        cloudwatchAlarmName: "sbc-eu-west-2-unhealthy",
        cloudwatchAlarmRegion: "eu-west-2",
        insufficientDataHealthStatus: "Unhealthy",
        tags: { Name: "sbc-eu-west-2" },
      });
    });

    it("pins the alarms to us-east-1 even on the default (eu-central-1) provider", () => {
      const alarm = cloud.named("sbc-health-alarm-eu-west-2");
      expect(alarm).to.include({ providerName: "network-eu-central-1", region: "eu-central-1" });
      expect(alarm.inputs).to.include({ region: "us-east-1", namespace: "AWS/Route53", metricName: "HealthCheckStatus" });
      expect(alarm.inputs.alarmActions).to.deep.equal([]);
    });

    it("takes the slowest detection (the 180 s alarm window) for the worst case", async () => {
      expect(await resolve(dns.detectionSeconds)).to.equal(180);
      expect(await resolve(dns.worstCaseFailoverSeconds)).to.equal(240);
    });
  });

  describe("validation", () => {
    type Case = [string, (a: FailoverDnsArgs) => FailoverDnsArgs, string, unknown, string];
    const endpoint = (a: FailoverDnsArgs, region: string) => a.endpoints[region];
    const withEndpoint = (a: FailoverDnsArgs, region: string, patch: object): FailoverDnsArgs => ({
      ...a,
      endpoints: { ...a.endpoints, [region]: { ...endpoint(a, region), ...patch } },
    });
    const withCheck = (a: FailoverDnsArgs, region: string, check: object): FailoverDnsArgs =>
      withEndpoint(a, region, { healthCheck: check });

    const cases: Case[] = [
      ["an interval Route 53 does not offer", (a) => ({ ...a, requestIntervalSeconds: 20 }), "requestIntervalSeconds", 20, "allowed: 10 or 30"],
      ["a failure threshold of 0", (a) => ({ ...a, failureThreshold: 0 }), "failureThreshold", 0, "allowed: an integer from 1 to 10"],
      ["a failure threshold of 11", (a) => ({ ...a, failureThreshold: 11 }), "failureThreshold", 11, "allowed: an integer from 1 to 10"],
      ["a TTL over 300 s", (a) => ({ ...a, ttlSeconds: 3600 }), "ttlSeconds", 3600, "allowed: an integer from 0 to 300"],
      ["a relative record name", (a) => ({ ...a, recordName: "agents" }), "recordName", "agents", "allowed: a fully qualified DNS name"],
      ["a malformed hosted zone id", (a) => ({ ...a, hostedZoneId: "example.com" }), "hostedZoneId", "example.com", "allowed: a Route 53 hosted zone id"],
      ["an unsupported record type", (a) => ({ ...a, recordType: "MX" as "A" }), "recordType", "MX", "allowed: 'A', 'AAAA' or 'CNAME'"],
      ["two PRIMARY records", (a) => withEndpoint(a, "us-west-2", { failover: "PRIMARY" }), "endpoints.*.failover", { "us-east-1": "PRIMARY", "us-west-2": "PRIMARY" }, "exactly one PRIMARY and one SECONDARY"],
      ["a CNAME with two values", (a) => withEndpoint(a, "us-east-1", { records: ["a.example.com", "b.example.com"] }), "endpoints.us-east-1.records", ["a.example.com", "b.example.com"], "a CNAME record takes exactly one host name"],
      ["an A record value that is not IPv4", (a) => withEndpoint({ ...a, recordType: "A" }, "us-east-1", { records: ["agents.example.com"] }), "endpoints.us-east-1.records", "agents.example.com", "A record values must be IPv4 addresses"],
      ["no record values", (a) => withEndpoint(a, "us-east-1", { records: [] }), "endpoints.us-east-1.records", [], "allowed: at least one record value"],
      ["an HTTPS check without fqdn", (a) => withCheck(a, "us-east-1", { type: "HTTPS" }), "endpoints.us-east-1.healthCheck.fqdn", null, "HTTPS health checks need the host name for SNI"],
      ["a path without leading slash", (a) => withCheck(a, "us-east-1", { type: "HTTPS", fqdn: "x.example.com", resourcePath: "health" }), "endpoints.us-east-1.healthCheck.resourcePath", "health", "allowed: a path starting with '/'"],
      ["port 0", (a) => withCheck(a, "us-east-1", { type: "TCP", fqdn: "x.example.com", port: 0 }), "endpoints.us-east-1.healthCheck.port", 0, "allowed: an integer from 1 to 65535"],
      ["a private IP probe", (a) => withCheck(a, "us-east-1", { type: "TCP", ipAddress: "10.0.0.5", port: 443 }), "endpoints.us-east-1.healthCheck.ipAddress", "10.0.0.5", "use a CLOUDWATCH_METRIC check for private endpoints"],
      ["a TCP check with no target", (a) => withCheck(a, "us-east-1", { type: "TCP", port: 443 }), "endpoints.us-east-1.healthCheck.ipAddress", null, "TCP health checks need an fqdn or an ipAddress"],
      ["an alarm check without a Region", (a) => withCheck(a, "us-east-1", { type: "CLOUDWATCH_METRIC", alarmName: "x", alarmRegion: "virginia", alarmDetectionSeconds: 60 }), "endpoints.us-east-1.healthCheck.alarmRegion", "virginia", "allowed: an AWS Region code"],
      ["an alarm window under 10 s", (a) => withCheck(a, "us-east-1", { type: "CLOUDWATCH_METRIC", alarmName: "x", alarmRegion: "us-east-1", alarmDetectionSeconds: 5 }), "endpoints.us-east-1.healthCheck.alarmDetectionSeconds", 5, "allowed: an integer from 10 to 86400"],
      ["an unknown check type", (a) => withCheck(a, "us-east-1", { type: "HTTP", fqdn: "x.example.com" }), "endpoints.us-east-1.healthCheck.type", "HTTP", "allowed: 'HTTPS', 'TCP' or 'CLOUDWATCH_METRIC'"],
      ["an alarm action outside us-east-1", (a) => ({ ...a, alarmActions: ["arn:aws:sns:us-west-2:444455556666:t"] }), "alarmActions", "arn:aws:sns:us-west-2:444455556666:t", "allowed: ARNs in us-east-1"],
      ["an alarm provider that is not an aws.Provider", (a) => ({ ...a, alarmProvider: "us-east-1" as unknown as aws.Provider }), "alarmProvider", "us-east-1", "allowed: an aws.Provider"],
    ];

    for (const [title, mutate, argument, value, allowed] of cases) {
      it(`rejects ${title} before creating any child`, async () => {
        const cloud = new MockCloud().install();
        let error: unknown;
        try {
          new FailoverDns("bad", mutate(failoverArgs()));
        } catch (e) {
          error = e;
        }
        expect(error).to.be.instanceOf(ArgumentError);
        const err = error as ArgumentError;
        expect({ component: err.component, argument: err.argument, value: err.value }).to.deep.equal({ component: "FailoverDns", argument, value });
        expect(err.message).to.contain(allowed);
        await settle();
        expect(cloud.declared().filter((r) => r.type !== "connect-dr:dns:FailoverDns")).to.deep.equal([]);
      });
    }
  });
});
