import { expect } from "chai";
import {
  ConnectClient,
  CreateQueueCommand,
  DescribeInstanceCommand,
  DescribeQueueCommand,
  InvalidParameterException,
  ListBotsCommand,
  ListContactFlowsCommand,
  ListHoursOfOperationsCommand,
  ListInstanceAttributesCommand,
  ListInstancesCommand,
  ListQueuesCommand,
  ResourceNotFoundException,
  paginateListQueues,
} from "@aws-sdk/client-connect";
import type { Simulator } from "../../../tools/simulator";
import { ACCOUNT_A, clientFor, rejectionOf, startTestSimulator } from "./support";
import { auditModelTraffic } from "../../support/model-audit";

describe("simulator: pagination and error mapping", () => {
  // Simulator specs send invalid requests on purpose; every answer must still keep to the model.
  auditModelTraffic({ requests: false });
  let sim: Simulator;
  let client: ConnectClient;
  let instanceId: string;

  before(async () => {
    sim = await startTestSimulator();
    client = clientFor(sim);
    instanceId = sim.seed({ region: "us-east-1", instance: { alias: "pages" }, queues: Array.from({ length: 24 }, (_, i) => ({ name: `Q${String(i).padStart(2, "0")}` })) }).instanceId;
  });
  after(() => sim.close());

  it("pages through 25 queues 10 at a time with opaque tokens, in creation order", async () => {
    const first = await client.send(new ListQueuesCommand({ InstanceId: instanceId, MaxResults: 10 }));
    expect(first.QueueSummaryList).to.have.length(10);
    expect(first.NextToken).to.be.a("string");
    expect(first.NextToken).to.not.match(/^\d+$/);
    const second = await client.send(new ListQueuesCommand({ InstanceId: instanceId, MaxResults: 10, NextToken: first.NextToken }));
    const third = await client.send(new ListQueuesCommand({ InstanceId: instanceId, MaxResults: 10, NextToken: second.NextToken }));
    expect(third.QueueSummaryList).to.have.length(5);
    expect(third.NextToken).to.equal(undefined);
    const names = [...first.QueueSummaryList!, ...second.QueueSummaryList!, ...third.QueueSummaryList!].map((q) => q.Name);
    expect(names).to.deep.equal(["BasicQueue", ...Array.from({ length: 24 }, (_, i) => `Q${String(i).padStart(2, "0")}`)]);
  });

  it("works with the SDK's own paginator", async () => {
    const pages: number[] = [];
    for await (const page of paginateListQueues({ client, pageSize: 7 }, { InstanceId: instanceId })) pages.push(page.QueueSummaryList!.length);
    expect(pages).to.deep.equal([7, 7, 7, 4]);
  });

  it("honours each operation's MaxResults limit", async () => {
    const tooMany = await rejectionOf(client.send(new ListQueuesCommand({ InstanceId: instanceId, MaxResults: 1001 })));
    expect(tooMany).to.be.instanceOf(InvalidParameterException);
    expect(tooMany.$metadata?.httpStatusCode).to.equal(400);
    expect(tooMany.message).to.equal("1 validation error detected: Value 1001 at 'MaxResults' failed to satisfy constraint: Member must have value less than or equal to 1000");
    const attributes = await rejectionOf(client.send(new ListInstanceAttributesCommand({ InstanceId: instanceId, MaxResults: 8 })));
    expect(attributes.message).to.contain("Member must have value less than or equal to 7");
    // ListInstances and ListBots list InvalidRequestException, not InvalidParameterException.
    const instances = await rejectionOf(client.send(new ListInstancesCommand({ MaxResults: 11 })));
    expect([instances.name, instances.$metadata?.httpStatusCode]).to.deep.equal(["InvalidRequestException", 400]);
    const bots = await rejectionOf(client.send(new ListBotsCommand({ InstanceId: instanceId, LexVersion: "V2", MaxResults: 26 })));
    expect([bots.name, bots.$metadata?.httpStatusCode]).to.deep.equal(["InvalidRequestException", 400]);
    const firstAttributes = await client.send(new ListInstanceAttributesCommand({ InstanceId: instanceId }));
    expect(firstAttributes.Attributes).to.have.length(7);
    expect(firstAttributes.NextToken).to.be.a("string");
  });

  it("rejects a token from another listing or a forged token", async () => {
    const queues = await client.send(new ListQueuesCommand({ InstanceId: instanceId, MaxResults: 1 }));
    const foreign = await rejectionOf(client.send(new ListContactFlowsCommand({ InstanceId: instanceId, NextToken: queues.NextToken })));
    expect(foreign).to.be.instanceOf(InvalidParameterException);
    const filtered = await rejectionOf(client.send(new ListQueuesCommand({ InstanceId: instanceId, QueueTypes: ["STANDARD"], NextToken: queues.NextToken })));
    expect(filtered).to.be.instanceOf(InvalidParameterException);
    const forged = await rejectionOf(client.send(new ListHoursOfOperationsCommand({ InstanceId: instanceId, NextToken: "not-a-token" })));
    expect(forged.message).to.equal("The NextToken is not valid for this request");
  });

  it("maps unknown ids to ResourceNotFoundException 404, also for an ARN of another instance", async () => {
    const unknownInstance = await rejectionOf(client.send(new ListQueuesCommand({ InstanceId: "11111111-2222-3333-4444-555555555555" })));
    expect(unknownInstance).to.be.instanceOf(ResourceNotFoundException);
    expect(unknownInstance.$metadata?.httpStatusCode).to.equal(404);
    const byArn = await client.send(new ListQueuesCommand({ InstanceId: `arn:aws:connect:us-east-1:${ACCOUNT_A}:instance/${instanceId}`, MaxResults: 1 }));
    expect(byArn.QueueSummaryList).to.have.length(1);
    const otherRegionArn = await rejectionOf(client.send(new ListQueuesCommand({ InstanceId: `arn:aws:connect:us-west-2:${ACCOUNT_A}:instance/${instanceId}` })));
    expect(otherRegionArn).to.be.instanceOf(ResourceNotFoundException);
    const queue = await rejectionOf(client.send(new DescribeQueueCommand({ InstanceId: instanceId, QueueId: "99999999-2222-3333-4444-555555555555" })));
    expect(queue).to.be.instanceOf(ResourceNotFoundException);
    expect(queue.message).to.equal("Queue not found: 99999999-2222-3333-4444-555555555555");
  });

  it("rejects missing required members with InvalidParameterException 400", async () => {
    const error = await rejectionOf(client.send(new CreateQueueCommand({ InstanceId: instanceId } as never)));
    expect(error).to.be.instanceOf(InvalidParameterException);
    expect(error.message).to.equal(
      "2 validation errors detected: Value null at 'Name' failed to satisfy constraint: Member must not be null; Value null at 'HoursOfOperationId' failed to satisfy constraint: Member must not be null",
    );
  });

  it("answers an empty id in the path as a validation error, never as another operation, and records every verdict", async () => {
    sim.clearModelVerdicts();
    // GET /instance/ is DescribeInstance with InstanceId "", not ListInstances (GET /instance).
    const empty = await rejectionOf(client.send(new DescribeInstanceCommand({ InstanceId: "" })));
    expect([empty.name, empty.$metadata?.httpStatusCode, empty.message]).to.deep.equal([
      "InvalidRequestException", 400, "1 validation error detected: Value '' at 'InstanceId' failed to satisfy constraint: Member must have length greater than or equal to 1",
    ]);
    const queue = await rejectionOf(client.send(new DescribeQueueCommand({ InstanceId: instanceId, QueueId: "" })));
    expect([queue.name, queue.message]).to.deep.equal(["InvalidParameterException", "1 validation error detected: Value '' at 'QueueId' failed to satisfy constraint: Member must not be empty (it is part of the request path)"]);
    await client.send(new ListQueuesCommand({ InstanceId: instanceId, MaxResults: 1 }));
    type Verdicts = { total: number; recent: { operation: string; status: number; errorType?: string; request: unknown[] }[]; violations: { operation: string }[] };
    const recorded = (await (await fetch(`${sim.endpoint}/__simulator/model-verdicts`)).json()) as Verdicts;
    expect(recorded.total).to.equal(3);
    expect(recorded.recent.map((v) => [v.operation, v.status, v.errorType ?? null, v.request.length])).to.deep.equal([
      ["DescribeInstance", 400, "InvalidRequestException", 1],
      ["DescribeQueue", 400, "InvalidParameterException", 1],
      ["ListQueues", 200, null, 0],
    ]);
    expect(recorded.violations.map((v) => v.operation)).to.deep.equal(["DescribeInstance", "DescribeQueue"]);
    await fetch(`${sim.endpoint}/__simulator/model-verdicts`, { method: "DELETE" });
    expect(sim.modelVerdicts().total).to.equal(0);
  });

  it("answers operations it does not implement with 501 NotImplementedException", async () => {
    const { ListRulesCommand } = await import("@aws-sdk/client-connect");
    const error = await rejectionOf(client.send(new ListRulesCommand({ InstanceId: instanceId, PublishStatus: "PUBLISHED" })));
    expect(error.name).to.equal("NotImplementedException");
    expect(error.$metadata?.httpStatusCode).to.equal(501);
  });
});
