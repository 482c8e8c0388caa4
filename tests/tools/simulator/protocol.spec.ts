import { expect } from "chai";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { ListInstancesCommand } from "@aws-sdk/client-connect";
import { operationCatalog } from "../../../tools/simulator/protocol/operation-catalog";
import { decodeRequest } from "../../../tools/simulator/protocol/request-decoder";
import { encodeOutput } from "../../../tools/simulator/protocol/response-encoder";
import { Router } from "../../../tools/simulator/protocol/router";
import { parseAuthorization } from "../../../tools/simulator/protocol/sigv4";
import { httpStatusOf } from "../../../tools/simulator/errors";
import { checkRequest } from "../../../tools/simulator/model/verdicts";
import { ConnectClient } from "@aws-sdk/client-connect";

describe("simulator protocol layer (derived from the SDK's schemas)", () => {
  const catalog = operationCatalog();
  const router = new Router(catalog.values());

  it("reads every operation's method, URI and bindings from the SDK", () => {
    expect(catalog.size).to.be.greaterThan(300);
    expect(catalog.get("CreateQueue")).to.deep.include({ method: "PUT", uri: "/queues/{InstanceId}", successCode: 200 });
    const listQueues = catalog.get("ListQueues")!;
    expect(listQueues.members.map((m) => [m.name, m.location, m.locationName, m.kind, m.required])).to.deep.equal([
      ["InstanceId", "label", "InstanceId", "string", true],
      ["QueueTypes", "query", "queueTypes", "list", false],
      ["NextToken", "query", "nextToken", "string", false],
      ["MaxResults", "query", "maxResults", "number", false],
    ]);
    expect(catalog.get("GetMetricDataV2")!.members.find((m) => m.name === "StartTime")).to.deep.include({ kind: "timestamp", location: "body", required: true });
  });

  it("routes by method and path, preferring literal segments", () => {
    expect(router.match("POST", "/phone-number/list")!.operation.name).to.equal("ListPhoneNumbersV2");
    expect(router.match("POST", "/phone-number/claim")!.operation.name).to.equal("ClaimPhoneNumber");
    const describe = router.match("GET", "/phone-number/abc")!;
    expect([describe.operation.name, describe.labels]).to.deep.equal(["DescribePhoneNumber", { PhoneNumberId: "abc" }]);
    const tags = router.match("GET", "/tags/arn%3Aaws%3Aconnect%3Aus-east-1%3A1%3Ainstance%2Fi")!;
    expect(tags.labels).to.deep.equal({ resourceArn: "arn:aws:connect:us-east-1:1:instance/i" });
    expect(router.match("PATCH", "/queues/x")).to.equal(undefined);
  });

  it("decodes query lists, numbers and body timestamps, leaving judgement to the model", () => {
    const input = decodeRequest(catalog.get("ListQueues")!, { InstanceId: "i" }, new URLSearchParams("queueTypes=STANDARD&queueTypes=AGENT&maxResults=5"), {}, "");
    expect(input).to.deep.equal({ InstanceId: "i", QueueTypes: ["STANDARD", "AGENT"], MaxResults: 5 });
    const metrics = decodeRequest(catalog.get("GetMetricDataV2")!, {}, new URLSearchParams(), {}, JSON.stringify({ ResourceArn: "a", StartTime: 1700000000, EndTime: 1700003600, Filters: [], Metrics: [] }));
    expect(metrics["StartTime"]).to.deep.equal(new Date(1700000000 * 1000));
    expect(decodeRequest(catalog.get("CreateQueue")!, { InstanceId: "i" }, new URLSearchParams(), {}, "{}")).to.deep.equal({ InstanceId: "i" });
    const ten = decodeRequest(catalog.get("ListQueues")!, { InstanceId: "i" }, new URLSearchParams("maxResults=ten"), {}, "");
    expect(ten).to.deep.equal({ InstanceId: "i", MaxResults: "ten" });
    expect(checkRequest("ListQueues", ten)).to.deep.equal([{ path: "MaxResults", constraint: "Member must be an integer", value: "ten" }]);
    expect(() => decodeRequest(catalog.get("ListInstances")!, {}, new URLSearchParams(), {}, "[1]")).to.throw("The request body is not a JSON object");
  });

  it("encodes dates as epoch seconds and reads the SigV4 credential scope", () => {
    expect(encodeOutput({ T: new Date(1500), n: undefined, s: "x" })).to.equal('{"T":1.5,"s":"x"}');
    expect(parseAuthorization("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261125/eu-west-2/connect/aws4_request, SignedHeaders=host, Signature=abc")).to.deep.equal({ accessKeyId: "AKIDEXAMPLE", region: "eu-west-2", service: "connect" });
    expect(parseAuthorization(undefined)).to.equal(undefined);
  });

  it("takes error status codes from the SDK's error schemas", () => {
    expect([httpStatusOf("ResourceNotFoundException"), httpStatusOf("DuplicateResourceException"), httpStatusOf("ThrottlingException"), httpStatusOf("InternalServiceException"), httpStatusOf("ServiceQuotaExceededException")]).to.deep.equal([404, 409, 429, 500, 402]);
  });

  it("runs from the CLI entry (npm run simulator) and serves the SDK", async function () {
    this.timeout(20_000);
    const child = spawn(process.execPath, ["--import", "tsx", "tools/simulator/main.ts", "--port", "0", "--rate", "50", "--burst", "50"], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const [chunk] = (await once(child.stdout!, "data")) as [Buffer];
      const { endpoint } = JSON.parse(chunk.toString("utf8")) as { endpoint: string };
      const client = new ConnectClient({ endpoint, region: "eu-central-1", maxAttempts: 1, credentials: { accessKeyId: "AKIDCLI", secretAccessKey: "x" } });
      expect((await client.send(new ListInstancesCommand({}))).InstanceSummaryList).to.deep.equal([]);
      const quotas = (await (await fetch(`${endpoint}/__simulator/quotas`)).json()) as { default: unknown };
      expect(quotas.default).to.deep.equal({ ratePerSecond: 50, burst: 50 });
    } finally {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
  });
});
