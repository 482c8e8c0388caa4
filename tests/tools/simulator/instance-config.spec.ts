/**
 * Instance-level configuration through the real SDK: attributes, storage configs, integration
 * associations and Lex bots. Error names are the ones botocore's model lists for each operation.
 */
import { expect } from "chai";
import {
  AssociateBotCommand,
  AssociateInstanceStorageConfigCommand,
  AssociateLexBotCommand,
  ConnectClient,
  CreateIntegrationAssociationCommand,
  DeleteIntegrationAssociationCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstanceStorageConfigCommand,
  DisassociateBotCommand,
  DisassociateInstanceStorageConfigCommand,
  DisassociateLexBotCommand,
  ListBotsCommand,
  ListInstanceAttributesCommand,
  ListInstanceStorageConfigsCommand,
  ListIntegrationAssociationsCommand,
  ListLexBotsCommand,
  ListTagsForResourceCommand,
  UpdateInstanceAttributeCommand,
  UpdateInstanceStorageConfigCommand,
} from "@aws-sdk/client-connect";
import type { Simulator } from "../../../tools/simulator";
import { CONNECT_MODEL } from "../../../tools/simulator/model/connect-model";
import { clientFor, rejectionOf, startTestSimulator } from "./support";
import { auditModelTraffic } from "../../support/model-audit";

function listed(operation: string, error: string): string {
  expect(CONNECT_MODEL.operations[operation]!.errors, `${operation} lists ${error}`).to.include(error);
  return error;
}

const KMS = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const RECORDINGS = { StorageType: "S3" as const, S3Config: { BucketName: "recordings", BucketPrefix: "connect/calls", EncryptionConfig: { EncryptionType: "KMS" as const, KeyId: KMS } } };

describe("simulator: instance attributes, storage configs, integrations and Lex bots", () => {
  auditModelTraffic({ requests: false });
  let sim: Simulator;
  let client: ConnectClient;
  let InstanceId: string;

  before(async () => {
    sim = await startTestSimulator();
    client = clientFor(sim);
    InstanceId = sim.seed({ region: "us-east-1", instance: { alias: "config" } }).instanceId;
  });
  after(() => sim.close());

  it("updates and describes instance attributes; booleans must be true or false", async () => {
    await client.send(new UpdateInstanceAttributeCommand({ InstanceId, AttributeType: "CONTACTFLOW_LOGS", Value: "true" }));
    await client.send(new UpdateInstanceAttributeCommand({ InstanceId, AttributeType: "CONTACT_LENS", Value: "true" }));
    const logs = await client.send(new DescribeInstanceAttributeCommand({ InstanceId, AttributeType: "CONTACTFLOW_LOGS" }));
    expect(logs.Attribute).to.deep.equal({ AttributeType: "CONTACTFLOW_LOGS", Value: "true" });
    const all = (await client.send(new ListInstanceAttributesCommand({ InstanceId, MaxResults: 7 }))).Attributes!;
    expect(all.find((a) => a.AttributeType === "CONTACT_LENS")?.Value).to.equal("true");
    const bad = await rejectionOf(client.send(new UpdateInstanceAttributeCommand({ InstanceId, AttributeType: "CONTACT_LENS", Value: "yes" })));
    expect(bad.name).to.equal(listed("UpdateInstanceAttribute", "InvalidParameterException"));
    const noInstance = await rejectionOf(client.send(new DescribeInstanceAttributeCommand({ InstanceId: "00000000-0000-4000-8000-000000000000", AttributeType: "CONTACT_LENS" })));
    expect(noInstance.name).to.equal(listed("DescribeInstanceAttribute", "ResourceNotFoundException"));
  });

  it("associates, describes, updates and disassociates storage configs", async () => {
    const { AssociationId } = await client.send(new AssociateInstanceStorageConfigCommand({ InstanceId, ResourceType: "CALL_RECORDINGS", StorageConfig: RECORDINGS }));
    expect(AssociationId).to.match(/^[0-9a-f]{64}$/);
    const described = await client.send(new DescribeInstanceStorageConfigCommand({ InstanceId, AssociationId, ResourceType: "CALL_RECORDINGS" }));
    expect(described.StorageConfig).to.deep.equal({ AssociationId, ...RECORDINGS });
    const ctr = await client.send(new AssociateInstanceStorageConfigCommand({ InstanceId, ResourceType: "CONTACT_TRACE_RECORDS", StorageConfig: { StorageType: "KINESIS_FIREHOSE", KinesisFirehoseConfig: { FirehoseArn: "arn:aws:firehose:us-east-1:111111111111:deliverystream/ctr" } } }));
    await client.send(new UpdateInstanceStorageConfigCommand({ InstanceId, AssociationId: ctr.AssociationId, ResourceType: "CONTACT_TRACE_RECORDS", StorageConfig: { StorageType: "KINESIS_STREAM", KinesisStreamConfig: { StreamArn: "arn:aws:kinesis:us-east-1:111111111111:stream/ctr" } } }));
    const listedCtr = (await client.send(new ListInstanceStorageConfigsCommand({ InstanceId, ResourceType: "CONTACT_TRACE_RECORDS" }))).StorageConfigs!;
    expect(listedCtr).to.deep.equal([{ AssociationId: ctr.AssociationId, StorageType: "KINESIS_STREAM", KinesisStreamConfig: { StreamArn: "arn:aws:kinesis:us-east-1:111111111111:stream/ctr" } }]);
    await client.send(new DisassociateInstanceStorageConfigCommand({ InstanceId, AssociationId: ctr.AssociationId, ResourceType: "CONTACT_TRACE_RECORDS" }));
    expect((await client.send(new ListInstanceStorageConfigsCommand({ InstanceId, ResourceType: "CONTACT_TRACE_RECORDS" }))).StorageConfigs).to.deep.equal([]);
    const gone = await rejectionOf(client.send(new DescribeInstanceStorageConfigCommand({ InstanceId, AssociationId: ctr.AssociationId, ResourceType: "CONTACT_TRACE_RECORDS" })));
    expect(gone.name).to.equal(listed("DescribeInstanceStorageConfig", "ResourceNotFoundException"));
    const wrongType = await rejectionOf(client.send(new DescribeInstanceStorageConfigCommand({ InstanceId, AssociationId, ResourceType: "CHAT_TRANSCRIPTS" })));
    expect(wrongType.name).to.equal("ResourceNotFoundException");
  });

  it("refuses storage configs the resource type does not take, mismatched members and a second config", async () => {
    const kvsForRecordings = await rejectionOf(client.send(new AssociateInstanceStorageConfigCommand({ InstanceId, ResourceType: "CHAT_TRANSCRIPTS", StorageConfig: { StorageType: "KINESIS_STREAM", KinesisStreamConfig: { StreamArn: "arn:aws:kinesis:us-east-1:111111111111:stream/x" } } })));
    expect(kvsForRecordings.name).to.equal(listed("AssociateInstanceStorageConfig", "InvalidParameterException"));
    const mismatch = await rejectionOf(client.send(new AssociateInstanceStorageConfigCommand({ InstanceId, ResourceType: "CHAT_TRANSCRIPTS", StorageConfig: { StorageType: "S3", KinesisStreamConfig: { StreamArn: "arn:aws:kinesis:us-east-1:111111111111:stream/x" } } })));
    expect(mismatch.name).to.equal("InvalidParameterException");
    const second = await rejectionOf(client.send(new AssociateInstanceStorageConfigCommand({ InstanceId, ResourceType: "CALL_RECORDINGS", StorageConfig: RECORDINGS })));
    expect(second.name).to.equal(listed("AssociateInstanceStorageConfig", "ResourceConflictException"));
    expect(second.$metadata?.httpStatusCode).to.equal(409);
    const updateMissing = await rejectionOf(client.send(new UpdateInstanceStorageConfigCommand({ InstanceId, AssociationId: "f".repeat(64), ResourceType: "CALL_RECORDINGS", StorageConfig: RECORDINGS })));
    expect(updateMissing.name).to.equal(listed("UpdateInstanceStorageConfig", "ResourceNotFoundException"));
  });

  it("creates, tags, lists and deletes integration associations; EVENT needs its source members", async () => {
    const event = await rejectionOf(client.send(new CreateIntegrationAssociationCommand({ InstanceId, IntegrationType: "EVENT", IntegrationArn: "arn:aws:app-integrations:us-east-1:111111111111:event-integration/crm" })));
    expect(event.name).to.equal(listed("CreateIntegrationAssociation", "InvalidRequestException"));
    const out = await client.send(new CreateIntegrationAssociationCommand({
      InstanceId, IntegrationType: "EVENT", IntegrationArn: "arn:aws:app-integrations:us-east-1:111111111111:event-integration/crm",
      SourceApplicationUrl: "https://crm.example.com", SourceApplicationName: "CRM", SourceType: "SALESFORCE", Tags: { owner: "crm" },
    }));
    expect(out.IntegrationAssociationArn).to.equal(`arn:aws:connect:us-east-1:111111111111:instance/${InstanceId}/integration-association/${out.IntegrationAssociationId}`);
    const wisdom = await client.send(new CreateIntegrationAssociationCommand({ InstanceId, IntegrationType: "WISDOM_ASSISTANT", IntegrationArn: "arn:aws:wisdom:us-east-1:111111111111:assistant/a1" }));
    const listed1 = (await client.send(new ListIntegrationAssociationsCommand({ InstanceId, IntegrationType: "EVENT" }))).IntegrationAssociationSummaryList!;
    expect(listed1).to.deep.equal([{
      IntegrationAssociationId: out.IntegrationAssociationId, IntegrationAssociationArn: out.IntegrationAssociationArn, InstanceId, IntegrationType: "EVENT",
      IntegrationArn: "arn:aws:app-integrations:us-east-1:111111111111:event-integration/crm", SourceApplicationUrl: "https://crm.example.com", SourceApplicationName: "CRM", SourceType: "SALESFORCE",
    }]);
    expect((await client.send(new ListTagsForResourceCommand({ resourceArn: out.IntegrationAssociationArn }))).tags).to.deep.equal({ owner: "crm" });
    const duplicate = await rejectionOf(client.send(new CreateIntegrationAssociationCommand({ InstanceId, IntegrationType: "WISDOM_ASSISTANT", IntegrationArn: "arn:aws:wisdom:us-east-1:111111111111:assistant/a1" })));
    expect(duplicate.name).to.equal(listed("CreateIntegrationAssociation", "DuplicateResourceException"));
    await client.send(new DeleteIntegrationAssociationCommand({ InstanceId, IntegrationAssociationId: wisdom.IntegrationAssociationId }));
    expect((await client.send(new ListIntegrationAssociationsCommand({ InstanceId }))).IntegrationAssociationSummaryList).to.have.length(1);
    const again = await rejectionOf(client.send(new DeleteIntegrationAssociationCommand({ InstanceId, IntegrationAssociationId: wisdom.IntegrationAssociationId })));
    expect(again.name).to.equal(listed("DeleteIntegrationAssociation", "ResourceNotFoundException"));
  });

  it("associates and disassociates Lex V1 bots (AssociateLexBot, AssociateBot) and V2 aliases", async () => {
    await client.send(new AssociateLexBotCommand({ InstanceId, LexBot: { Name: "OrderBot", LexRegion: "us-east-1" } }));
    const twice = await rejectionOf(client.send(new AssociateBotCommand({ InstanceId, LexBot: { Name: "OrderBot", LexRegion: "us-east-1" } })));
    expect(twice.name).to.equal(listed("AssociateBot", "ResourceConflictException"));
    const alias = "arn:aws:lex:us-east-1:111111111111:bot-alias/ABCDEFGHIJ/KLMNOPQRST";
    await client.send(new AssociateBotCommand({ InstanceId, LexV2Bot: { AliasArn: alias } }));
    expect((await client.send(new ListLexBotsCommand({ InstanceId }))).LexBots).to.deep.equal([{ Name: "OrderBot", LexRegion: "us-east-1" }]);
    expect((await client.send(new ListBotsCommand({ InstanceId, LexVersion: "V2" }))).LexBots).to.deep.equal([{ LexV2Bot: { AliasArn: alias } }]);
    await client.send(new DisassociateLexBotCommand({ InstanceId, BotName: "OrderBot", LexRegion: "us-east-1" }));
    await client.send(new DisassociateBotCommand({ InstanceId, LexV2Bot: { AliasArn: alias } }));
    expect((await client.send(new ListBotsCommand({ InstanceId, LexVersion: "V2" }))).LexBots).to.deep.equal([]);
    const missingV1 = await rejectionOf(client.send(new DisassociateLexBotCommand({ InstanceId, BotName: "OrderBot", LexRegion: "us-east-1" })));
    expect(missingV1.name).to.equal(listed("DisassociateLexBot", "ResourceNotFoundException"));
    const missingV2 = await rejectionOf(client.send(new DisassociateBotCommand({ InstanceId, LexV2Bot: { AliasArn: alias } })));
    expect(missingV2.name).to.equal(listed("DisassociateBot", "ResourceNotFoundException"));
  });
});
