import { expect } from "chai";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { QueryCommand } from "@aws-sdk/client-dynamodb";
import { main } from "../../cli/index";
import type { CliIo } from "../../cli/io";
import { startDynalite, type LocalDynamo } from "../support/dynalite";
import { startProbeServer } from "../support/probe-server";
import { simulatorForSuite } from "../support/simulator";
import { replicatedCentre, type ReplicatedCentre } from "../../tools/simulator/scenarios";
import { auditModelTraffic } from "../support/model-audit";

const ROOT = join(__dirname, "../..");

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: process.env, cwd: ROOT };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe("connect-dr failover, failback, validate, drill and readiness", function () {
  // Every request the code under test sends must be one AWS's Connect model accepts (and every answer model-shaped).
  auditModelTraffic();
  this.timeout(30_000);
  const suite = simulatorForSuite();
  let dynamo: LocalDynamo;
  let centre: ReplicatedCentre;
  let lockTable = 0;
  before(async () => {
    dynamo = await startDynalite();
    process.env.AWS_REGION ??= "us-east-1";
  });
  after(async () => {
    await dynamo.close();
  });
  beforeEach(async () => {
    centre = await replicatedCentre(suite.simulator);
  });
  afterEach(() => centre.close());

  const target = () => ["--instance-arn", centre.instanceArn, "--endpoint-url", suite.simulator.endpoint, "--rate", "100", "--burst", "100", "--no-progress"];
  const withLock = async () => {
    const name = `cli-lock-${++lockTable}`;
    await dynamo.createTable(name);
    return { name, args: ["--lock-table", name, "--dynamodb-endpoint-url", dynamo.endpoint] };
  };
  const offline = ["--no-lambda-check", "--no-metrics-check"];

  it("failover --dry-run shows the plan and writes nothing", async () => {
    const result = await run(["failover", ...target(), "--to", "us-west-2", "--dry-run", "--json"]);
    expect(result.code).to.equal(0);
    const out = JSON.parse(result.stdout);
    expect(out).to.include({ command: "failover", dryRun: true, toRegion: "us-west-2", groupArn: centre.groupArn });
    expect(out.planned.telephony).to.deep.equal([{ region: "us-west-2", percentage: 100 }, { region: "us-east-1", percentage: 0 }]);
    expect(suite.simulator.counters().UpdateTrafficDistribution?.requests ?? 0).to.equal(0);
  });

  it("refuses to move traffic without a terminal or --yes", async () => {
    const result = await run(["failover", ...target(), "--to", "us-west-2"]);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.contain("refusing to move traffic without confirmation: run on a terminal to be asked, or pass --yes");
    expect(suite.simulator.counters().UpdateTrafficDistribution?.requests ?? 0).to.equal(0);
  });

  it("failover --yes moves traffic under the lock and audits it; failback brings it back", async () => {
    const lock = await withLock();
    const over = await run(["failover", ...target(), ...lock.args, "--to", "us-west-2", "--percent", "100", "--yes", "--json"]);
    expect(over.code, over.stderr).to.equal(0);
    expect(JSON.parse(over.stdout)).to.include({ outcome: "shifted", toRegion: "us-west-2" });
    const back = await run(["failback", ...target(), ...lock.args, "--yes", "--json"]);
    expect(back.code, back.stderr).to.equal(0);
    expect(JSON.parse(back.stdout).after.telephony[0]).to.deep.equal({ region: "us-east-1", percentage: 100 });
    const audit = await dynamo.client.send(new QueryCommand({ TableName: lock.name, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": { S: `audit#${centre.groupArn}` } } }));
    expect(audit.Items!.map((i) => [i.action.S, i.toRegion.S])).to.deep.equal([
      ["shifted", "us-west-2"],
      ["shifted", "us-east-1"],
    ]);
  });

  const usage: [string, string[], string][] = [
    ["a Region outside the pair", ["--to", "eu-west-2"], '--to: found "eu-west-2"; allowed: us-east-1 or us-west-2 (the instance\'s ACGR pair)'],
    ["a percentage off the grid", ["--to", "us-west-2", "--percent", "45"], '--percent: found "45"; allowed: 0 to 100 in steps of 10'],
  ];
  for (const [name, extra, message] of usage) {
    it(`names the flag, the value and what is allowed for ${name}`, async () => {
      const result = await run(["failover", ...target(), ...extra, "--dry-run"]);
      expect(result.code).to.equal(2);
      expect(result.stderr).to.equal(`error: ${message}\n`);
    });
  }

  it("names a malformed instance ARN", async () => {
    const result = await run(["validate", "--instance-arn", "instance/abc", "--endpoint-url", suite.simulator.endpoint]);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.equal('error: --instance-arn: found "instance/abc"; expected arn:aws:connect:<region>:<account>:instance/<uuid>\n');
  });

  it("validate prints a table and exits 0 on a healthy centre, 1 when a check fails", async () => {
    const ok = await run(["validate", ...target(), ...offline, "--expect-active", "us-east-1", "--synthetic-flow", "Synthetic check"]);
    expect(ok.code, ok.stdout).to.equal(0);
    expect(ok.stdout).to.match(/^REGION\s+CHECK\s+RESULT\s+DETAIL\n/);
    expect(ok.stdout.split("\n").at(-2)).to.equal("PASSED: 0 failed, 14 passed, 0 warnings, 4 skipped");
    const wrong = await run(["validate", ...target(), ...offline, "--expect-active", "us-west-2", "--json"]);
    expect(wrong.code).to.equal(1);
    const failed = JSON.parse(wrong.stdout).checks.filter((c: { status: string }) => c.status === "fail");
    expect(failed.map((c: { name: string }) => c.name)).to.deep.equal(["distribution as expected"]);
  });

  it("validate --health-check-function and --sip-health-check probe each Region through Lambda and Route 53", async () => {
    const sipEast = "0a1b2c3d-0000-4000-8000-000000000001";
    const sipWest = "0a1b2c3d-0000-4000-8000-000000000002";
    const probes = await startProbeServer({
      functions: {
        "us-east-1/connect-dr-crm-salesforce": { payload: { healthy: "true" } },
        "us-west-2/connect-dr-crm-salesforce": { payload: { healthy: "true" } },
        // The function the replicated centre associates in both Regions, for the GetFunction check.
        "us-east-1/customer-lookup": { payload: {} },
        "us-west-2/customer-lookup": { payload: {} },
      },
      healthChecks: { [sipEast]: ["Success: TCP connection established"], [sipWest]: ["Failure: Connection timed out."] },
    });
    try {
      const endpoints = ["--lambda-endpoint-url", probes.endpoint, "--route53-endpoint-url", probes.endpoint];
      const result = await run([
        "validate", ...target(), "--no-metrics-check", ...endpoints, "--json",
        "--health-check-function", "connect-dr-crm-salesforce", "--sip-health-check", `us-east-1=${sipEast}`, "--sip-health-check", `us-west-2=${sipWest}`,
      ]);
      expect(result.code, result.stderr).to.equal(1);
      const probed = JSON.parse(result.stdout).checks.filter((c: { name: string }) => ["health-check functions answer", "SIP endpoints healthy"].includes(c.name));
      expect(probed.map((c: { region: string; name: string; status: string }) => `${c.region} ${c.name} ${c.status}`)).to.deep.equal([
        "us-east-1 health-check functions answer pass",
        "us-east-1 SIP endpoints healthy pass",
        "us-west-2 health-check functions answer pass",
        "us-west-2 SIP endpoints healthy fail",
      ]);
      expect(probes.invocations).to.deep.equal(["us-east-1 connect-dr-crm-salesforce", "us-west-2 connect-dr-crm-salesforce"]);
      // The Lambda endpoint serves the existence check too, in each Region.
      expect(probes.lookups).to.deep.equal(["us-east-1 customer-lookup", "us-west-2 customer-lookup"]);
      expect(JSON.parse(result.stdout).checks.filter((c: { name: string }) => c.name === "Lambda functions exist").map((c: { status: string }) => c.status)).to.deep.equal(["pass", "pass"]);

      const bad = await run(["validate", ...target(), ...offline, "--sip-health-check", "eu-west-2=abc"]);
      expect(bad.code).to.equal(2);
      expect(bad.stderr).to.equal('error: --sip-health-check: found "eu-west-2=abc"; expected <region>=<Route 53 health check id> with region us-east-1 or us-west-2\n');
      const arn = await run(["validate", ...target(), ...offline, "--health-check-function", "arn:aws:lambda:us-east-1:111122223333:function:x"]);
      expect(arn.code).to.equal(2);
      expect(arn.stderr).to.contain('error: --health-check-function: found "arn:aws:lambda:us-east-1:111122223333:function:x"; expected a function name');
    } finally {
      await probes.close();
    }
  });

  it("drill --dry-run prints the plan; drill --yes writes the Markdown and JSON reports", async () => {
    const plan = await run(["drill", ...target(), ...offline, "--dry-run"]);
    expect(plan.code).to.equal(0);
    expect(plan.stdout).to.contain("2. fail over: move telephony and agents to us-west-2 (telephony us-west-2 100% / us-east-1 0%");
    expect(suite.simulator.counters().UpdateTrafficDistribution?.requests ?? 0).to.equal(0);

    const dir = mkdtempSync(join(tmpdir(), "drill-"));
    try {
      const lock = await withLock();
      const drill = await run(["drill", ...target(), ...offline, ...lock.args, "--poll-seconds", "0.05", "--report-dir", dir, "--yes"]);
      expect(drill.code, drill.stderr + drill.stdout).to.equal(0);
      expect(drill.stdout).to.match(/^PASSED: measured RTO \d+\.\d{3} s\n/);
      const files = readdirSync(dir).sort();
      expect(files.map((f) => f.replace(/drill-.*\./, "drill-<time>."))).to.deep.equal(["drill-<time>.json", "drill-<time>.md"]);
      const json = JSON.parse(readFileSync(join(dir, files[0]), "utf8"));
      expect(json).to.include({ passed: true, instanceId: centre.instanceId });
      expect(readFileSync(join(dir, files[1]), "utf8")).to.match(/^# DR drill: PASSED/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("readiness assesses both committed stacks offline", async () => {
    const result = await run(["readiness", "--json"]);
    expect(result.code).to.equal(0);
    const out = JSON.parse(result.stdout);
    expect(out.ready).to.equal(true);
    expect(Object.keys(out.stacks)).to.deep.equal(["primary", "secondary"]);
    expect(out.stacks.primary.worstRpoSeconds).to.equal(900);
    // The dark-Region path of the committed secondary: 60 s + 3 failed probes x 60 s + EventBridge 5 s + handler 30 s.
    expect(out.stacks.secondary.paths.find((p: { path: string }) => p.path.startsWith("automated failover, dark Region"))).to.include({ seconds: 275, targetSeconds: 900, meetsTarget: true });
  });

  it("readiness names the gap when a target cannot be met", async () => {
    const result = await run(["readiness", "--stack", "primary", "--decision-seconds", "1200"]);
    expect(result.code).to.equal(1);
    expect(result.stdout).to.contain("gap: manual failover (operator runs connect-dr failover): RTO 1380 s exceeds the target of 900 s");
  });
});
