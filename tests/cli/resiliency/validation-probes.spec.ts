import { expect } from "chai";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { Route53Client } from "@aws-sdk/client-route-53";
import { healthCheckAnswer, lambdaHealthCheck, route53HealthCheck } from "../../../cli/resiliency/validation-probes";
import { route53Verdict, validateService, type Check, type ValidationPorts } from "../../../cli/resiliency/validation";
import { startProbeServer, type ProbeServer } from "../../support/probe-server";
import { simulatorForSuite } from "../../support/simulator";
import { replicatedCentre, type ReplicatedCentre } from "../../../tools/simulator/scenarios";
import { auditModelTraffic } from "../../support/model-audit";

const pair = ["us-east-1", "us-west-2"] as const;
const credentials = { accessKeyId: "AKIDPROBE", secretAccessKey: "secret" };
const SIP_EAST = "0a1b2c3d-0000-4000-8000-000000000001";
const SIP_WEST = "0a1b2c3d-0000-4000-8000-000000000002";
const ok = "Success: TCP connection established";
const down = "Failure: Connection timed out. The endpoint or the internet connection is down, or requests are being blocked by your firewall.";

describe("validation probes: CRM health checks and SIP endpoints", () => {
  describe("route53Verdict (Route 53: healthy when more than 18% of checkers report success)", () => {
    for (const [statuses, healthy, detail] of [
      [[ok, ok, ok], true, "3 of 3 checkers report success"],
      [[ok, down, down, down, down], true, `1 of 5 checkers report success (e.g. ${down})`],
      [[ok, ...Array(5).fill(down)], false, `1 of 6 checkers report success (e.g. ${down})`],
      [[down], false, `0 of 1 checkers report success (e.g. ${down})`],
      [[], false, "no checker has reported yet"],
    ] as const) {
      it(`${statuses.length} checkers, ${statuses.filter((s) => s === ok).length} succeeding -> ${healthy ? "healthy" : "unhealthy"}`, () => {
        expect(route53Verdict(statuses)).to.deep.equal({ healthy, detail });
      });
    }
  });

  describe("healthCheckAnswer (the CRM lookups reply {healthy: 'true'} or fail)", () => {
    const bytes = (v: unknown) => new TextEncoder().encode(typeof v === "string" ? v : JSON.stringify(v));
    for (const [name, out, expected] of [
      ["a healthy reply", { Payload: bytes({ healthy: "true", crm: "salesforce", region: "us-west-2" }) }, { healthy: true, detail: "answered healthy" }],
      [
        "a function error",
        { FunctionError: "Unhandled", Payload: bytes({ errorType: "CrmRequestError", errorMessage: "salesforce answered 401" }) },
        { healthy: false, detail: "Unhandled error: CrmRequestError salesforce answered 401" },
      ],
      ["a reply without healthy", { Payload: bytes({ found: "false" }) }, { healthy: false, detail: 'answered {"found":"false"}' }],
      ["a reply that is not JSON", { Payload: bytes("<html>") }, { healthy: false, detail: 'answered "<html>", not JSON' }],
    ] as const) {
      it(name, () => expect(healthCheckAnswer(out)).to.deep.equal(expected));
    }
  });

  describe("against the Connect API simulator and a local Lambda/Route 53 endpoint, through the real SDK clients", () => {
    // Every request the code under test sends must be one AWS's Connect model accepts (and every answer model-shaped).
    auditModelTraffic();
    const suite = simulatorForSuite();
    let centre: ReplicatedCentre;
    let probes: ProbeServer;
    before(async () => {
      probes = await startProbeServer({
        functions: {
          "us-east-1/connect-dr-crm-salesforce": { payload: { healthy: "true", crm: "salesforce", region: "us-east-1" } },
          // The replica Region's secret was never put: the lookup fails there.
          "us-west-2/connect-dr-crm-salesforce": { functionError: "Unhandled", payload: { errorType: "ResourceNotFoundException", errorMessage: "Secrets Manager can't find the specified secret." } },
        },
        healthChecks: { [SIP_EAST]: [ok, ok, ok, ok], [SIP_WEST]: [down, down, down, down] },
      });
    });
    after(() => probes.close());
    beforeEach(async () => {
      centre = await replicatedCentre(suite.simulator);
    });
    afterEach(() => centre.close());

    const ports = (): ValidationPorts => ({
      connect: (region: string) => centre.clients[region as (typeof pair)[number]],
      invokeHealthCheck: lambdaHealthCheck((region) => new LambdaClient({ region, endpoint: probes.endpoint, credentials })),
      route53HealthCheck: route53HealthCheck(new Route53Client({ region: "us-east-1", endpoint: probes.endpoint, credentials })),
    });
    const probeChecks = (checks: Check[]) =>
      checks.filter((c) => ["health-check functions answer", "SIP endpoints healthy"].includes(c.name)).map((c) => [c.region, c.name, c.status, c.detail]);

    it("invokes each function in each Region, reads each SIP check, and fails naming what did not answer", async () => {
      const checks = await validateService(
        { instanceId: centre.instanceId, regions: pair, healthCheckFunctions: ["connect-dr-crm-salesforce"], sipHealthCheckIds: { "us-east-1": [SIP_EAST], "us-west-2": [SIP_WEST] } },
        ports(),
      );
      expect(probeChecks(checks)).to.deep.equal([
        ["us-east-1", "health-check functions answer", "pass", "connect-dr-crm-salesforce: answered healthy"],
        ["us-east-1", "SIP endpoints healthy", "pass", `${SIP_EAST}: 4 of 4 checkers report success`],
        ["us-west-2", "health-check functions answer", "fail", "connect-dr-crm-salesforce: Unhandled error: ResourceNotFoundException Secrets Manager can't find the specified secret."],
        ["us-west-2", "SIP endpoints healthy", "fail", `${SIP_WEST}: 0 of 4 checkers report success (e.g. ${down})`],
      ]);
      // Each Region's function was invoked with a request signed for that Region.
      expect(probes.invocations.slice(-2)).to.deep.equal(["us-east-1 connect-dr-crm-salesforce", "us-west-2 connect-dr-crm-salesforce"]);
    });

    it("reports a function or health check that does not exist as a failed check, not a crash", async () => {
      const missing = "0a1b2c3d-0000-4000-8000-0000000000ff";
      const checks = await validateService({ instanceId: centre.instanceId, regions: pair, healthCheckFunctions: ["connect-dr-crm-servicenow"], sipHealthCheckIds: { "us-east-1": [missing] } }, ports());
      const rows = probeChecks(checks);
      expect(rows.map((r) => [r[0], r[1], r[2]])).to.deep.equal([
        ["us-east-1", "health-check functions answer", "fail"],
        ["us-east-1", "SIP endpoints healthy", "fail"],
        ["us-west-2", "health-check functions answer", "fail"],
      ]);
      expect(rows[0]![3]).to.match(/^connect-dr-crm-servicenow: ResourceNotFoundException: /);
      expect(rows[1]![3]).to.equal(`${missing}: NoSuchHealthCheck: A health check with id ${missing} does not exist.`);
    });

    it("skips the probes without access configured, and adds no check when none is asked for", async () => {
      const { invokeHealthCheck: _i, route53HealthCheck: _r, ...connectOnly } = ports();
      void _i;
      void _r;
      const skipped = await validateService({ instanceId: centre.instanceId, regions: pair, healthCheckFunctions: ["connect-dr-crm-salesforce"], sipHealthCheckIds: { "us-west-2": [SIP_WEST] } }, connectOnly);
      expect(probeChecks(skipped)).to.deep.equal([
        ["us-east-1", "health-check functions answer", "skip", "no access configured"],
        ["us-west-2", "health-check functions answer", "skip", "no access configured"],
        ["us-west-2", "SIP endpoints healthy", "skip", "no access configured"],
      ]);
      expect(probeChecks(await validateService({ instanceId: centre.instanceId, regions: pair }, ports()))).to.deep.equal([]);
    });
  });
});
