import { expect } from "chai";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../cli/index";
import type { CliIo } from "../../cli/io";
import { isAwsEndpoint, standInEndpoint } from "../../cli/service-endpoints";
import { nonAwsResponse, unreachableKind } from "../../cli/operations/aws-client/network-policy";
import { replicatedCentre } from "../../tools/simulator/scenarios";
import { auditModelTraffic } from "../support/model-audit";
import { simulatorForSuite } from "../support/simulator";

const INSTANCE = "11111111-2222-3333-4444-555555555555";

async function run(argv: string[], cwd = os.tmpdir()): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: process.env, cwd };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe("CLI: wrong endpoints, ids and folders say what to check", function () {
  auditModelTraffic();
  this.timeout(20_000);
  const suite = simulatorForSuite();
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), "endpoint-errors-"))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe("pure rules", () => {
    const endpoints: [string, boolean][] = [
      ["https://connect.us-east-1.amazonaws.com", true],
      ["https://vpce-0a1b-abcd.connect.us-east-1.vpce.amazonaws.com", true],
      ["https://connect.cn-north-1.amazonaws.com.cn", true],
      ["https://connect.us-east-1.api.aws", true],
      ["http://127.0.0.1:4566", false],
      ["http://localhost:4566", false],
      ["https://amazonaws.com.evil.example", false],
      ["not a url", false],
    ];
    for (const [url, aws] of endpoints) it(`${url} is ${aws ? "an AWS endpoint" : "a stand-in"}`, () => {
      expect(isAwsEndpoint(url)).to.equal(aws);
      expect(standInEndpoint({ endpointUrl: url })).to.equal(aws ? undefined : url);
    });

    it("classifies attempts that never reached a service", () => {
      expect(unreachableKind(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }))).to.equal("refused");
      expect(unreachableKind(Object.assign(new Error("getaddrinfo ENOTFOUND x.invalid"), { code: "ENOTFOUND" }))).to.equal("refused");
      expect(unreachableKind(Object.assign(new Error("Socket timed out without establishing a connection within 2000 ms"), { name: "TimeoutError" }))).to.equal("timeout");
      expect(unreachableKind(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }))).to.equal(undefined);
      expect(unreachableKind({ name: "ThrottlingException", $metadata: { httpStatusCode: 429 } })).to.equal(undefined);
    });

    it("tells an AWS error from an answer that is not an AWS API", () => {
      const html = { name: "SyntaxError", message: "Unexpected token '<'\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.", $response: { statusCode: 200, headers: { "content-type": "text/html" } } };
      expect(nonAwsResponse(html)).to.deep.equal({ status: 200, contentType: "text/html" });
      expect(nonAwsResponse({ name: "UnknownError", $response: { statusCode: 404, headers: {} } })).to.deep.equal({ status: 404 });
      expect(nonAwsResponse({ name: "ResourceNotFoundException", $response: { statusCode: 404, headers: { "x-amzn-requestid": "r", "x-amzn-errortype": "ResourceNotFoundException" } } })).to.equal(undefined);
      expect(nonAwsResponse({ name: "UnknownError", $response: { statusCode: 500, headers: { "x-amzn-requestid": "r" } } })).to.equal(undefined);
    });
  });

  it("a closed port fails after 3 attempts naming the endpoint, the Region and the flag", async () => {
    const port = await closedPort();
    const result = await run(["backup", "--instance-id", INSTANCE, "--region", "us-east-1", "--endpoint-url", `http://127.0.0.1:${port}`, "--to", path.join(tmp, "b"), "--no-progress"]);
    expect(result.code).to.equal(1);
    expect(result.stderr).to.contain(`cannot reach Amazon Connect at http://127.0.0.1:${port} (Region us-east-1): ECONNREFUSED, 3 attempt(s). Check --endpoint-url`);
  });

  it("a web page instead of the API says so", async () => {
    let requests = 0;
    const page = http.createServer((_req, res) => {
      requests++;
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<html><body>Welcome</body></html>");
    });
    await new Promise<void>((r) => page.listen(0, "127.0.0.1", r));
    const { port } = page.address() as AddressInfo;
    try {
      const result = await run(["validate", "--instance-arn", `arn:aws:connect:us-east-1:111122223333:instance/${INSTANCE}`, "--endpoint-url", `http://127.0.0.1:${port}`, "--no-progress"]);
      expect(result.code).to.equal(1);
      expect(result.stderr).to.match(new RegExp(`^error: Amazon Connect at http://127\\.0\\.0\\.1:${port} \\(Region us-(east-1|west-2)\\) answered HTTP 200 with a web page, not an AWS API response\\. Check --endpoint-url`));
      expect(requests, "a page is not retried").to.be.lessThan(3);
    } finally {
      await new Promise<void>((r) => page.close(() => r()));
    }
  });

  it("a wrong instance id names the Region and endpoint searched", async () => {
    const result = await run(["backup", "--instance-id", `arn:aws:connect:us-west-2:111122223333:instance/${INSTANCE}`, "--endpoint-url", suite.simulator.endpoint, "--to", path.join(tmp, "b"), "--no-progress"]);
    expect(result.code).to.equal(1);
    expect(result.stderr).to.match(new RegExp(`not found: .*\\(looked in us-west-2 at ${suite.simulator.endpoint.replace(/[.]/g, "\\.")}\\)`));
  });

  it("a missing backup folder is reported as missing, not as an interrupted backup", async () => {
    const missing = path.join(tmp, "no-such-backup");
    const verify = await run(["verify", missing, "--no-progress"]);
    expect(verify.code).to.equal(1);
    expect(verify.stdout).to.contain(`manifest.json: no backup: ${missing} does not exist`);
    fs.mkdirSync(path.join(tmp, "empty"));
    expect((await run(["verify", "empty", "--no-progress"], tmp)).stdout).to.contain(`no backup: ${path.join(tmp, "empty")} is an empty folder`);
    const restore = await run(["restore", "--from", missing, "--instance-id", INSTANCE, "--region", "us-east-1", "--endpoint-url", suite.simulator.endpoint, "--dry-run", "--no-progress"]);
    expect(restore.code).to.equal(1);
    expect(restore.stdout).to.contain(`no backup: ${missing} does not exist`);
  });

  it("a backup is never written over another", async () => {
    fs.mkdirSync(path.join(tmp, "old"));
    fs.writeFileSync(path.join(tmp, "old", "manifest.json"), "{}");
    const result = await run(["backup", "--instance-id", INSTANCE, "--region", "us-east-1", "--endpoint-url", suite.simulator.endpoint, "--to", "old"], tmp);
    expect(result).to.deep.include({ code: 2, stdout: "" });
    expect(result.stderr).to.equal(`error: --to "old": ${path.join(tmp, "old")} already holds files (an earlier backup?); backups are never written over: choose a new folder\n`);
  });

  const standIn = "http://127.0.0.1:4566";
  const arn = `arn:aws:connect:us-east-1:111122223333:instance/${INSTANCE}`;
  const refusals: [string, string[], string][] = [
    ["an s3:// backup", ["backup", "--instance-id", arn, "--endpoint-url", standIn, "--to", "s3://dr-backups/x"], `error: --endpoint-url ${standIn} is a stand-in for Amazon Connect only; the backup location s3://dr-backups/x calls Amazon S3: point it with --s3-endpoint-url or use a local folder instead of s3://\n`],
    ["--lock-table", ["failover", "--instance-arn", arn, "--endpoint-url", standIn, "--to", "us-west-2", "--lock-table", "t"], `error: --endpoint-url ${standIn} is a stand-in for Amazon Connect only; --lock-table calls Amazon DynamoDB: point it with --dynamodb-endpoint-url or leave out --lock-table (no lock is taken)\n`],
    ["--health-alarm", ["failover", "--instance-arn", arn, "--endpoint-url", standIn, "--to", "us-west-2", "--health-alarm", "us-west-2=a"], `error: --endpoint-url ${standIn} is a stand-in for Amazon Connect only; --health-alarm calls Amazon CloudWatch: point it with --cloudwatch-endpoint-url or leave out --health-alarm (health is not checked)\n`],
    ["--sns-topic-arn", ["failback", "--instance-arn", arn, "--endpoint-url", standIn, "--sns-topic-arn", "arn:aws:sns:us-east-1:111122223333:t"], `error: --endpoint-url ${standIn} is a stand-in for Amazon Connect only; --sns-topic-arn calls Amazon SNS: point it with --sns-endpoint-url or leave out --sns-topic-arn (notices go to stderr)\n`],
    ["--health-check-function", ["validate", "--instance-arn", arn, "--endpoint-url", standIn, "--health-check-function", "crm"], `error: --endpoint-url ${standIn} is a stand-in for Amazon Connect only; --health-check-function calls AWS Lambda: point it with --lambda-endpoint-url or leave out --health-check-function\n`],
    ["--sip-health-check", ["drill", "--instance-arn", arn, "--endpoint-url", standIn, "--sip-health-check", "us-east-1=0b5e8c4a-1f2d-4e3c-9a7b-6d5e4f3a2b1c", "--yes"], `error: --endpoint-url ${standIn} is a stand-in for Amazon Connect only; --sip-health-check calls Amazon Route 53: point it with --route53-endpoint-url or leave out --sip-health-check\n`],
  ];
  for (const [what, argv, message] of refusals) {
    it(`with a stand-in --endpoint-url, ${what} needs its own endpoint flag (exit 2, nothing called)`, async () => {
      expect(await run(argv)).to.deep.equal({ code: 2, stdout: "", stderr: message });
    });
  }

  it("with a stand-in --endpoint-url, validate skips the Lambda and metrics checks and names the flags", async () => {
    const centre = await replicatedCentre(suite.simulator);
    try {
      const result = await run(["validate", "--instance-arn", centre.instanceArn, "--endpoint-url", suite.simulator.endpoint, "--json"]);
      expect(result.code).to.equal(0);
      const checks = JSON.parse(result.stdout).checks as { region: string; name: string; status: string; detail: string }[];
      const lambda = checks.filter((c) => c.name === "Lambda functions exist");
      const metrics = checks.filter((c) => c.name === "metrics without anomalies");
      expect(lambda.map((c) => [c.region, c.status])).to.deep.equal([["us-east-1", "skip"], ["us-west-2", "skip"]]);
      expect(lambda[0]!.detail).to.equal(`skipped: --endpoint-url ${suite.simulator.endpoint} is a stand-in for Amazon Connect only; the Lambda check calls AWS Lambda: point it with --lambda-endpoint-url or turn it off with --no-lambda-check`);
      expect(metrics[0]!.detail).to.equal(`skipped: --endpoint-url ${suite.simulator.endpoint} is a stand-in for Amazon Connect only; the metrics check calls Amazon CloudWatch: point it with --cloudwatch-endpoint-url or turn it off with --no-metrics-check`);
      const off = JSON.parse((await run(["validate", "--instance-arn", centre.instanceArn, "--endpoint-url", suite.simulator.endpoint, "--no-lambda-check", "--json"])).stdout).checks as { name: string; detail: string }[];
      expect(off.find((c) => c.name === "Lambda functions exist")!.detail).to.equal("skipped: --no-lambda-check");
    } finally {
      centre.close();
    }
  });
});
