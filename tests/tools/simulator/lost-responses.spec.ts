/**
 * Restore under lost responses (the call applies, the response never arrives): where the model gives
 * an operation a ClientToken, repeating the call with the same token answers the first result and
 * applies nothing twice; where it gives none (CreateUser, CreateSecurityProfile, CreatePrompt...), a
 * retried create finds the resource already made (DuplicateResourceException) and the caller must look
 * it up by name. Every implemented operation with a ClientToken in AWS's model is covered by the
 * pipeline's idempotency cache.
 */
import { expect } from "chai";
import {
  AssociateInstanceStorageConfigCommand,
  AssociateLexBotCommand,
  ConnectClient,
  CreateSecurityProfileCommand,
  CreateUserCommand,
  ListInstanceStorageConfigsCommand,
  ListLexBotsCommand,
  ListRoutingProfilesCommand,
  ListSecurityProfilesCommand,
  ListUsersCommand,
  UpdateInstanceAttributeCommand,
  DescribeInstanceAttributeCommand,
} from "@aws-sdk/client-connect";
import type { Simulator } from "../../../tools/simulator";
import { HANDLERS } from "../../../tools/simulator/handlers/registry";
import { CONNECT_MODEL } from "../../../tools/simulator/model/connect-model";
import { clientFor, rejectionOf, startTestSimulator } from "./support";
import { auditModelTraffic } from "../../support/model-audit";

const RECORDINGS = { StorageType: "S3" as const, S3Config: { BucketName: "recordings", BucketPrefix: "calls" } };

describe("simulator: lost responses and ClientToken idempotency", () => {
  auditModelTraffic({ requests: false });
  let sim: Simulator;
  let client: ConnectClient;
  let InstanceId: string;

  before(async () => {
    sim = await startTestSimulator();
    client = clientFor(sim);
    InstanceId = sim.seed({ region: "us-east-1", instance: { alias: "lossy" } }).instanceId;
  });
  afterEach(() => sim.setFaults({}));
  after(() => sim.close());

  /** Sends once with every response of `operation` lost; the change applies, the caller sees a network error. */
  async function lose(operation: string, send: () => Promise<unknown>): Promise<void> {
    sim.setFaults({ lostResponseRate: 1, operations: [operation] });
    const error = await rejectionOf(send());
    expect(error.name).to.not.match(/Exception$/);
    sim.setFaults({});
  }

  it("lists the implemented operations whose model takes a ClientToken", () => {
    const withToken = Object.keys(HANDLERS).filter((op) => {
      const shape = CONNECT_MODEL.shapes[CONNECT_MODEL.operations[op]?.input ?? ""];
      return shape?.type === "structure" && "ClientToken" in shape.members;
    });
    expect(withToken).to.include.members(["AssociateInstanceStorageConfig", "UpdateInstanceStorageConfig", "DisassociateInstanceStorageConfig", "UpdateInstanceAttribute", "AssociateLexBot", "DisassociateLexBot", "AssociateBot", "DisassociateBot", "AssociateLambdaFunction"]);
    // The directory creates take none: restore must find them by name after a lost response.
    for (const op of ["CreateUser", "CreateSecurityProfile", "CreateUserHierarchyGroup", "CreatePrompt", "CreateQueue", "CreateRoutingProfile", "CreateContactFlow"]) {
      expect(CONNECT_MODEL.shapes[CONNECT_MODEL.operations[op]!.input!]!.type === "structure" && "ClientToken" in (CONNECT_MODEL.shapes[CONNECT_MODEL.operations[op]!.input!] as { members: object }).members, op).to.equal(false);
    }
  });

  it("a storage config associated with a lost response is answered, not duplicated, when the same ClientToken is sent again", async () => {
    const input = { InstanceId, ResourceType: "CALL_RECORDINGS" as const, StorageConfig: RECORDINGS, ClientToken: "restore-call-recordings-1" };
    await lose("AssociateInstanceStorageConfig", () => client.send(new AssociateInstanceStorageConfigCommand(input)));
    const applied = (await client.send(new ListInstanceStorageConfigsCommand({ InstanceId, ResourceType: "CALL_RECORDINGS" }))).StorageConfigs!;
    expect(applied).to.have.length(1);
    const retried = await client.send(new AssociateInstanceStorageConfigCommand(input));
    expect(retried.AssociationId).to.equal(applied[0]!.AssociationId);
    expect((await client.send(new ListInstanceStorageConfigsCommand({ InstanceId, ResourceType: "CALL_RECORDINGS" }))).StorageConfigs).to.have.length(1);
    // Without the token the retry is a second association: the service's conflict.
    const untokened = await rejectionOf(client.send(new AssociateInstanceStorageConfigCommand({ ...input, ClientToken: undefined })));
    expect(untokened.name).to.equal("ResourceConflictException");
    // The same token with other parameters: the operation lists no IdempotencyException, so its validation error.
    expect(CONNECT_MODEL.operations["AssociateInstanceStorageConfig"]!.errors).to.not.include("IdempotencyException");
    const reused = await rejectionOf(client.send(new AssociateInstanceStorageConfigCommand({ ...input, StorageConfig: { ...RECORDINGS, S3Config: { BucketName: "other", BucketPrefix: "calls" } } })));
    expect(reused.name).to.equal("InvalidParameterException");
  });

  it("an attribute update and a Lex association with lost responses are safe to repeat with their ClientToken", async () => {
    const update = { InstanceId, AttributeType: "CONTACTFLOW_LOGS" as const, Value: "true", ClientToken: "attr-1" };
    await lose("UpdateInstanceAttribute", () => client.send(new UpdateInstanceAttributeCommand(update)));
    expect((await client.send(new DescribeInstanceAttributeCommand({ InstanceId, AttributeType: "CONTACTFLOW_LOGS" }))).Attribute?.Value).to.equal("true");
    await client.send(new UpdateInstanceAttributeCommand(update));
    const bot = { InstanceId, LexBot: { Name: "Orders", LexRegion: "us-east-1" }, ClientToken: "lex-1" };
    await lose("AssociateLexBot", () => client.send(new AssociateLexBotCommand(bot)));
    await client.send(new AssociateLexBotCommand(bot));
    expect((await client.send(new ListLexBotsCommand({ InstanceId }))).LexBots).to.deep.equal([{ Name: "Orders", LexRegion: "us-east-1" }]);
  });

  it("a create without ClientToken whose response was lost is found by name: the retry is DuplicateResourceException", async () => {
    await lose("CreateSecurityProfile", () => client.send(new CreateSecurityProfileCommand({ InstanceId, SecurityProfileName: "Supervisors" })));
    const duplicate = await rejectionOf(client.send(new CreateSecurityProfileCommand({ InstanceId, SecurityProfileName: "Supervisors" })));
    expect(duplicate.name).to.equal("DuplicateResourceException");
    const found = (await client.send(new ListSecurityProfilesCommand({ InstanceId }))).SecurityProfileSummaryList!.filter((p) => p.Name === "Supervisors");
    expect(found).to.have.length(1);
    const RoutingProfileId = (await client.send(new ListRoutingProfilesCommand({ InstanceId }))).RoutingProfileSummaryList![0]!.Id;
    const user = { InstanceId, Username: "lost.agent@example.com", RoutingProfileId, SecurityProfileIds: [found[0]!.Id!], IdentityInfo: { FirstName: "Lost", LastName: "Agent", Email: "lost.agent@example.com" } };
    await lose("CreateUser", () => client.send(new CreateUserCommand(user)));
    expect((await rejectionOf(client.send(new CreateUserCommand(user)))).name).to.equal("DuplicateResourceException");
    expect((await client.send(new ListUsersCommand({ InstanceId }))).UserSummaryList!.filter((u) => u.Username === user.Username)).to.have.length(1);
    expect(sim.counters()["CreateUser"]).to.deep.include({ dropped: 1 });
  });
});
