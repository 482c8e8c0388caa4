import { expect } from "chai";
import {
  AssociateBotCommand,
  AssociateLambdaFunctionCommand,
  ConnectClient,
  CreateInstanceCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstanceCommand,
  DisassociateLambdaFunctionCommand,
  InvalidParameterException,
  InvalidRequestException,
  ListBotsCommand,
  ListInstanceStorageConfigsCommand,
  ListInstancesCommand,
  ListIntegrationAssociationsCommand,
  ListLambdaFunctionsCommand,
  ListLexBotsCommand,
  ResourceConflictException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  UpdateInstanceAttributeCommand,
} from "@aws-sdk/client-connect";
import type { Simulator } from "../../../tools/simulator";
import { ACCOUNT_A, ACCOUNT_B, clientFor, KEY_B, rejectionOf, startTestSimulator } from "./support";
import { auditModelTraffic } from "../../support/model-audit";

describe("simulator: instances, attributes, Lambda and Lex associations", () => {
  // Simulator specs send invalid requests on purpose; every answer must still keep to the model.
  auditModelTraffic({ requests: false });
  let sim: Simulator;
  let client: ConnectClient;
  let instanceId: string;

  before(async () => {
    sim = await startTestSimulator();
    client = clientFor(sim);
    const out = await client.send(new CreateInstanceCommand({ IdentityManagementType: "SAML", InstanceAlias: "acme-cc", InboundCallsEnabled: true, OutboundCallsEnabled: false, Tags: { env: "test" } }));
    instanceId = out.Id!;
    expect(out.Arn).to.equal(`arn:aws:connect:us-east-1:${ACCOUNT_A}:instance/${instanceId}`);
  });
  after(() => sim.close());

  it("describes and lists the instance in its account and Region only", async () => {
    const described = await client.send(new DescribeInstanceCommand({ InstanceId: instanceId }));
    expect(described.Instance).to.deep.include({
      Id: instanceId, IdentityManagementType: "SAML", InstanceAlias: "acme-cc", InstanceStatus: "ACTIVE",
      InboundCallsEnabled: true, OutboundCallsEnabled: false, InstanceAccessUrl: "https://acme-cc.my.connect.aws", Tags: { env: "test" },
    });
    expect(described.Instance!.CreatedTime).to.be.instanceOf(Date);
    expect(described.ReplicationConfiguration).to.equal(undefined);
    expect((await client.send(new ListInstancesCommand({}))).InstanceSummaryList!.map((i) => i.Id)).to.deep.equal([instanceId]);
    expect((await clientFor(sim, "eu-west-2").send(new ListInstancesCommand({}))).InstanceSummaryList).to.deep.equal([]);
    const otherAccount = clientFor(sim, "us-east-1", KEY_B);
    expect(await rejectionOf(otherAccount.send(new DescribeInstanceCommand({ InstanceId: instanceId })))).to.be.instanceOf(ResourceNotFoundException);
    const b = await otherAccount.send(new CreateInstanceCommand({ IdentityManagementType: "CONNECT_MANAGED", InstanceAlias: "acme-b", InboundCallsEnabled: true, OutboundCallsEnabled: true }));
    expect(b.Arn).to.equal(`arn:aws:connect:us-east-1:${ACCOUNT_B}:instance/${b.Id}`);
  });

  // CreateInstance's model lists InvalidRequestException, not InvalidParameterException.
  it("validates CreateInstance: enum, alias format and uniqueness, with the InvalidRequestException its model lists", async () => {
    const badType = await rejectionOf(client.send(new CreateInstanceCommand({ IdentityManagementType: "LDAP" as never, InstanceAlias: "x1", InboundCallsEnabled: true, OutboundCallsEnabled: true })));
    expect(badType).to.be.instanceOf(InvalidRequestException);
    expect(badType.message).to.equal("1 validation error detected: Value 'LDAP' at 'IdentityManagementType' failed to satisfy constraint: Member must satisfy enum value set: [SAML, CONNECT_MANAGED, EXISTING_DIRECTORY]");
    const badAlias = await rejectionOf(client.send(new CreateInstanceCommand({ IdentityManagementType: "SAML", InstanceAlias: "d-starts-badly", InboundCallsEnabled: true, OutboundCallsEnabled: true })));
    expect(badAlias).to.be.instanceOf(InvalidRequestException);
    expect(badAlias.message).to.contain("at 'InstanceAlias' failed to satisfy constraint: Member must satisfy regular expression pattern");
    const noAlias = await rejectionOf(client.send(new CreateInstanceCommand({ IdentityManagementType: "SAML", InboundCallsEnabled: true, OutboundCallsEnabled: true })));
    expect([noAlias.name, noAlias.message]).to.deep.equal(["InvalidRequestException", "InstanceAlias is required when IdentityManagementType is SAML"]);
    const taken = await rejectionOf(client.send(new CreateInstanceCommand({ IdentityManagementType: "SAML", InstanceAlias: "acme-cc", InboundCallsEnabled: true, OutboundCallsEnabled: true })));
    expect(taken).to.be.instanceOf(InvalidRequestException);
  });

  // CreateInstance's model lists no IdempotencyException, so a reused token is its InvalidRequestException.
  it("honours ClientToken idempotency: same token and input -> same instance; other input -> InvalidRequestException", async () => {
    const input = { IdentityManagementType: "SAML" as const, InstanceAlias: "idem-1", InboundCallsEnabled: true, OutboundCallsEnabled: true, ClientToken: "token-1" };
    const first = await client.send(new CreateInstanceCommand(input));
    const second = await client.send(new CreateInstanceCommand(input));
    expect(second.Id).to.equal(first.Id);
    const error = await rejectionOf(client.send(new CreateInstanceCommand({ ...input, InstanceAlias: "idem-2" })));
    expect([error.name, error.message, error.$metadata?.httpStatusCode]).to.deep.equal(["InvalidRequestException", "ClientToken token-1 was already used with different parameters", 400]);
  });

  it("reads and updates instance attributes", async () => {
    expect((await client.send(new DescribeInstanceAttributeCommand({ InstanceId: instanceId, AttributeType: "OUTBOUND_CALLS" }))).Attribute).to.deep.equal({ AttributeType: "OUTBOUND_CALLS", Value: "false" });
    await client.send(new UpdateInstanceAttributeCommand({ InstanceId: instanceId, AttributeType: "OUTBOUND_CALLS", Value: "true" }));
    expect((await client.send(new DescribeInstanceCommand({ InstanceId: instanceId }))).Instance!.OutboundCallsEnabled).to.equal(true);
    await client.send(new UpdateInstanceAttributeCommand({ InstanceId: instanceId, AttributeType: "CONTACTFLOW_LOGS", Value: "true" }));
    expect((await client.send(new DescribeInstanceAttributeCommand({ InstanceId: instanceId, AttributeType: "CONTACTFLOW_LOGS" }))).Attribute!.Value).to.equal("true");
    const bad = await rejectionOf(client.send(new UpdateInstanceAttributeCommand({ InstanceId: instanceId, AttributeType: "CONTACT_LENS", Value: "yes" })));
    expect(bad).to.be.instanceOf(InvalidParameterException);
  });

  it("associates, lists and disassociates Lambda functions in the instance's Region only", async () => {
    const arn = `arn:aws:lambda:us-east-1:${ACCOUNT_A}:function:lookup-customer`;
    await client.send(new AssociateLambdaFunctionCommand({ InstanceId: instanceId, FunctionArn: arn }));
    expect((await client.send(new ListLambdaFunctionsCommand({ InstanceId: instanceId }))).LambdaFunctions).to.deep.equal([arn]);
    expect(await rejectionOf(client.send(new AssociateLambdaFunctionCommand({ InstanceId: instanceId, FunctionArn: arn })))).to.be.instanceOf(ResourceConflictException);
    const otherRegion = await rejectionOf(client.send(new AssociateLambdaFunctionCommand({ InstanceId: instanceId, FunctionArn: `arn:aws:lambda:us-west-2:${ACCOUNT_A}:function:lookup-customer` })));
    expect(otherRegion).to.be.instanceOf(InvalidParameterException);
    await client.send(new DisassociateLambdaFunctionCommand({ InstanceId: instanceId, FunctionArn: arn }));
    expect((await client.send(new ListLambdaFunctionsCommand({ InstanceId: instanceId }))).LambdaFunctions).to.deep.equal([]);
    expect(await rejectionOf(client.send(new DisassociateLambdaFunctionCommand({ InstanceId: instanceId, FunctionArn: arn })))).to.be.instanceOf(ResourceNotFoundException);
  });

  it("enforces the quota of 50 Lambda functions per instance with ServiceQuotaExceededException 402", async () => {
    const { instanceId: id } = sim.seed({ region: "us-east-1", instance: {}, lambdaFunctions: Array.from({ length: 50 }, (_, i) => `arn:aws:lambda:us-east-1:${ACCOUNT_A}:function:f${i}`) });
    const error = await rejectionOf(client.send(new AssociateLambdaFunctionCommand({ InstanceId: id, FunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT_A}:function:one-too-many` })));
    expect(error).to.be.instanceOf(ServiceQuotaExceededException);
    expect(error.$metadata?.httpStatusCode).to.equal(402);
    const pages = await client.send(new ListLambdaFunctionsCommand({ InstanceId: id }));
    expect([pages.LambdaFunctions!.length, typeof pages.NextToken]).to.deep.equal([25, "string"]);
  });

  it("associates Lex V1 and V2 bots and lists them by LexVersion", async () => {
    const alias = `arn:aws:lex:us-east-1:${ACCOUNT_A}:bot-alias/ABCDEFGHIJ/KLMNOPQRST`;
    await client.send(new AssociateBotCommand({ InstanceId: instanceId, LexV2Bot: { AliasArn: alias } }));
    await client.send(new AssociateBotCommand({ InstanceId: instanceId, LexBot: { Name: "OrderFlowers", LexRegion: "us-east-1" } }));
    expect((await client.send(new ListBotsCommand({ InstanceId: instanceId, LexVersion: "V2" }))).LexBots).to.deep.equal([{ LexV2Bot: { AliasArn: alias } }]);
    expect((await client.send(new ListBotsCommand({ InstanceId: instanceId, LexVersion: "V1" }))).LexBots).to.deep.equal([{ LexBot: { Name: "OrderFlowers", LexRegion: "us-east-1" } }]);
    expect((await client.send(new ListLexBotsCommand({ InstanceId: instanceId }))).LexBots).to.deep.equal([{ Name: "OrderFlowers", LexRegion: "us-east-1" }]);
    // AssociateBot's model lists InvalidRequestException only.
    expect(await rejectionOf(client.send(new AssociateBotCommand({ InstanceId: instanceId })))).to.be.instanceOf(InvalidRequestException);
  });

  it("lists seeded storage configs by resource type and integration associations", async () => {
    const seeded = sim.seed({
      region: "us-east-1",
      instance: { alias: "with-storage" },
      storageConfigs: [{ resourceType: "CALL_RECORDINGS", config: { AssociationId: "a1", StorageType: "S3", S3Config: { BucketName: "recordings", BucketPrefix: "connect" } } }],
      integrations: [{ id: "i-1", integrationType: "EVENT", integrationArn: "arn:aws:app-integrations:us-east-1:111111111111:event-integration/x" }],
    });
    const recordings = await client.send(new ListInstanceStorageConfigsCommand({ InstanceId: seeded.instanceId, ResourceType: "CALL_RECORDINGS" }));
    expect(recordings.StorageConfigs).to.deep.equal([{ AssociationId: "a1", StorageType: "S3", S3Config: { BucketName: "recordings", BucketPrefix: "connect" } }]);
    expect((await client.send(new ListInstanceStorageConfigsCommand({ InstanceId: seeded.instanceId, ResourceType: "CHAT_TRANSCRIPTS" }))).StorageConfigs).to.deep.equal([]);
    const integrations = await client.send(new ListIntegrationAssociationsCommand({ InstanceId: seeded.instanceId, IntegrationType: "EVENT" }));
    expect(integrations.IntegrationAssociationSummaryList!.map((i) => [i.IntegrationAssociationId, i.IntegrationType, i.InstanceId])).to.deep.equal([["i-1", "EVENT", seeded.instanceId]]);
  });
});
