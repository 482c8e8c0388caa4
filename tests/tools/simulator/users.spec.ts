/**
 * Users through the real SDK: CreateUser under each identity management type (the rules the
 * CreateUser reference states), every Update*, DescribeUser with all fields, DeleteUser, and ListUsers
 * over thousands of users. Error names are the ones botocore's model lists for each operation.
 */
import { expect } from "chai";
import {
  ConnectClient,
  CreateUserCommand,
  type CreateUserCommandInput,
  DeleteUserCommand,
  DescribeUserCommand,
  ListQueuesCommand,
  ListRoutingProfilesCommand,
  ListSecurityProfilesCommand,
  ListTagsForResourceCommand,
  ListUsersCommand,
  UpdateUserHierarchyCommand,
  UpdateUserIdentityInfoCommand,
  UpdateUserPhoneConfigCommand,
  UpdateUserRoutingProfileCommand,
  UpdateUserSecurityProfilesCommand,
} from "@aws-sdk/client-connect";
import type { SeedResult, Simulator } from "../../../tools/simulator";
import { CONNECT_MODEL } from "../../../tools/simulator/model/connect-model";
import { userIdentityProblem } from "../../../tools/simulator/user-identity";
import { clientFor, rejectionOf, startTestSimulator } from "./support";
import { auditModelTraffic } from "../../support/model-audit";

function listed(operation: string, error: string): string {
  expect(CONNECT_MODEL.operations[operation]!.errors, `${operation} lists ${error}`).to.include(error);
  return error;
}

const PERSON = { FirstName: "Ana", LastName: "Silva", Email: "ana@example.com" };

describe("simulator: users", () => {
  describe("identity rules of CreateUser (pure)", () => {
    const cases: [string, string, Parameters<typeof userIdentityProblem>[1], RegExp | undefined][] = [
      ["CONNECT_MANAGED with password and identity", "CONNECT_MANAGED", { username: "ana", password: "Secret123", identityInfo: PERSON }, undefined],
      ["CONNECT_MANAGED without password", "CONNECT_MANAGED", { username: "ana", identityInfo: PERSON }, /Password is required/],
      ["SAML with a password", "SAML", { username: "ana", password: "Secret123", identityInfo: PERSON }, /Password must not be given/],
      ["SAML with DirectoryUserId", "SAML", { username: "ana", directoryUserId: "d-1", identityInfo: PERSON }, /DirectoryUserId must not/],
      ["SAML without Email", "SAML", { username: "ana", identityInfo: { FirstName: "A", LastName: "S" } }, /IdentityInfo.Email required/],
      ["SAML email username of 40 characters", "SAML", { username: `${"a".repeat(28)}@example.com`, identityInfo: PERSON }, undefined],
      ["CONNECT_MANAGED username over 20 characters", "CONNECT_MANAGED", { username: "a".repeat(21), password: "Secret123", identityInfo: PERSON }, /longer than 20/],
      ["@ outside an email format", "SAML", { username: "ana@example", identityInfo: PERSON }, /only in an email format/],
      ["EXISTING_DIRECTORY without identity info", "EXISTING_DIRECTORY", { username: "ana" }, undefined],
    ];
    for (const [title, type, user, expected] of cases) {
      it(title, () => {
        const problem = userIdentityProblem(type, user);
        if (expected) expect(problem).to.match(expected);
        else expect(problem).to.equal(undefined);
      });
    }
  });

  describe("through the SDK", () => {
    auditModelTraffic({ requests: false });
    let sim: Simulator;
    let client: ConnectClient;
    let saml: SeedResult;
    let managed: SeedResult;
    let routingProfileId: string;
    let securityProfileIds: string[];

    before(async () => {
      sim = await startTestSimulator();
      client = clientFor(sim);
      saml = sim.seed({ region: "us-east-1", instance: { alias: "saml-users" }, hierarchy: { levels: ["Region"], groups: [{ name: "EMEA", level: 1 }, { name: "APAC", level: 1 }] } });
      managed = sim.seed({ region: "us-east-1", instance: { alias: "managed-users", identityManagementType: "CONNECT_MANAGED" } });
      routingProfileId = (await client.send(new ListRoutingProfilesCommand({ InstanceId: saml.instanceId }))).RoutingProfileSummaryList![0]!.Id!;
      securityProfileIds = (await client.send(new ListSecurityProfilesCommand({ InstanceId: saml.instanceId }))).SecurityProfileSummaryList!.map((p) => p.Id!);
    });
    after(() => sim.close());

    const base = (InstanceId: string, rp: string, sp: string[]): CreateUserCommandInput => ({ InstanceId, Username: "x", RoutingProfileId: rp, SecurityProfileIds: sp, IdentityInfo: PERSON });

    it("creates a SAML user with every field and describes it back; the password is refused", async () => {
      const input: CreateUserCommandInput = {
        ...base(saml.instanceId, routingProfileId, [securityProfileIds[1]!, securityProfileIds[2]!]),
        Username: "ana.silva@example.com",
        IdentityInfo: { ...PERSON, SecondaryEmail: "ana2@example.com", Mobile: "+12065550100" },
        PhoneConfig: { PhoneType: "DESK_PHONE", AutoAccept: true, AfterContactWorkTimeLimit: 30, DeskPhoneNumber: "+12065550123" },
        HierarchyGroupId: saml.ids.hierarchyGroups["EMEA"],
        Tags: { team: "blue" },
      };
      const out = await client.send(new CreateUserCommand(input));
      expect(out.UserArn).to.equal(`arn:aws:connect:us-east-1:111111111111:instance/${saml.instanceId}/agent/${out.UserId}`);
      const u = (await client.send(new DescribeUserCommand({ InstanceId: saml.instanceId, UserId: out.UserId }))).User!;
      expect(u).to.deep.include({
        Id: out.UserId,
        Username: "ana.silva@example.com",
        IdentityInfo: input.IdentityInfo,
        PhoneConfig: input.PhoneConfig,
        SecurityProfileIds: input.SecurityProfileIds,
        RoutingProfileId: routingProfileId,
        HierarchyGroupId: saml.ids.hierarchyGroups["EMEA"],
        Tags: { team: "blue" },
        LastModifiedRegion: "us-east-1",
      });
      expect(u).to.not.have.property("DirectoryUserId");
      expect((await client.send(new ListTagsForResourceCommand({ resourceArn: out.UserArn }))).tags).to.deep.equal({ team: "blue" });
      const password = await rejectionOf(client.send(new CreateUserCommand({ ...base(saml.instanceId, routingProfileId, [securityProfileIds[0]!]), Username: "with-password", Password: "Secret123" })));
      expect(password.name).to.equal(listed("CreateUser", "InvalidParameterException"));
      const duplicate = await rejectionOf(client.send(new CreateUserCommand({ ...input, Tags: undefined })));
      expect(duplicate.name).to.equal(listed("CreateUser", "DuplicateResourceException"));
      // The service gives each user an AGENT queue.
      const agentQueues = (await client.send(new ListQueuesCommand({ InstanceId: saml.instanceId, QueueTypes: ["AGENT"] }))).QueueSummaryList!;
      expect(agentQueues).to.have.length(1);
    });

    it("requires a Password on CONNECT_MANAGED instances, and never returns it", async () => {
      const rp = (await client.send(new ListRoutingProfilesCommand({ InstanceId: managed.instanceId }))).RoutingProfileSummaryList![0]!.Id!;
      const sp = (await client.send(new ListSecurityProfilesCommand({ InstanceId: managed.instanceId }))).SecurityProfileSummaryList![0]!.Id!;
      const without = await rejectionOf(client.send(new CreateUserCommand({ ...base(managed.instanceId, rp, [sp]), Username: "bob" })));
      expect(without.name).to.equal(listed("CreateUser", "InvalidParameterException"));
      const out = await client.send(new CreateUserCommand({ ...base(managed.instanceId, rp, [sp]), Username: "bob", Password: "Secret123" }));
      const u = (await client.send(new DescribeUserCommand({ InstanceId: managed.instanceId, UserId: out.UserId }))).User!;
      expect(JSON.stringify(u)).to.not.include("Secret123");
      expect(u.PhoneConfig).to.deep.equal({ PhoneType: "SOFT_PHONE", AutoAccept: false, AfterContactWorkTimeLimit: 0 });
      // The model's Password pattern (8-64, a lower, an upper, a digit) is judged before the handler.
      const weak = await rejectionOf(client.send(new CreateUserCommand({ ...base(managed.instanceId, rp, [sp]), Username: "carl", Password: "weak" })));
      expect(weak.name).to.equal("InvalidParameterException");
    });

    it("keeps the per-channel settings CreateUser takes and DescribeUser answers", async () => {
      const channels = {
        AutoAcceptConfigs: [{ Channel: "CHAT" as const, AutoAccept: true }],
        AfterContactWorkConfigs: [{ Channel: "VOICE" as const, AfterContactWorkConfig: { AfterContactWorkTimeLimit: 60 } }],
        PersistentConnectionConfigs: [{ Channel: "VOICE" as const, PersistentConnection: true }],
      };
      const out = await client.send(new CreateUserCommand({ ...base(saml.instanceId, routingProfileId, [securityProfileIds[0]!]), Username: "channels", ...channels }));
      const u = (await client.send(new DescribeUserCommand({ InstanceId: saml.instanceId, UserId: out.UserId }))).User!;
      expect(u).to.deep.include(channels);
      expect(u).to.not.have.property("PhoneNumberConfigs");
    });

    it("refuses references that do not exist with ResourceNotFoundException", async () => {
      const ghost = "00000000-0000-4000-8000-000000000000";
      for (const input of [
        { ...base(saml.instanceId, ghost, [securityProfileIds[0]!]), Username: "r1" },
        { ...base(saml.instanceId, routingProfileId, [ghost]), Username: "r2" },
        { ...base(saml.instanceId, routingProfileId, [securityProfileIds[0]!]), Username: "r3", HierarchyGroupId: ghost },
      ]) {
        const e = await rejectionOf(client.send(new CreateUserCommand(input)));
        expect(e.name, input.Username).to.equal(listed("CreateUser", "ResourceNotFoundException"));
      }
      const desk = await rejectionOf(client.send(new CreateUserCommand({ ...base(saml.instanceId, routingProfileId, [securityProfileIds[0]!]), Username: "desk", PhoneConfig: { PhoneType: "DESK_PHONE" } })));
      expect(desk.name).to.equal("InvalidParameterException");
    });

    it("updates identity, phone, routing profile, security profiles and hierarchy one call each", async () => {
      const InstanceId = saml.instanceId;
      const { UserId } = await client.send(new CreateUserCommand({ ...base(InstanceId, routingProfileId, [securityProfileIds[0]!]), Username: "mover" }));
      const other = (await client.send(new ListRoutingProfilesCommand({ InstanceId }))).RoutingProfileSummaryList!;
      await client.send(new UpdateUserIdentityInfoCommand({ InstanceId, UserId, IdentityInfo: { FirstName: "Mo", LastName: "Ver", Email: "mo@example.com" } }));
      await client.send(new UpdateUserPhoneConfigCommand({ InstanceId, UserId, PhoneConfig: { PhoneType: "SOFT_PHONE", AutoAccept: true, AfterContactWorkTimeLimit: 10 } }));
      await client.send(new UpdateUserRoutingProfileCommand({ InstanceId, UserId, RoutingProfileId: other[0]!.Id }));
      await client.send(new UpdateUserSecurityProfilesCommand({ InstanceId, UserId, SecurityProfileIds: [securityProfileIds[3]!] }));
      await client.send(new UpdateUserHierarchyCommand({ InstanceId, UserId, HierarchyGroupId: saml.ids.hierarchyGroups["APAC"] }));
      let u = (await client.send(new DescribeUserCommand({ InstanceId, UserId }))).User!;
      expect(u).to.deep.include({
        IdentityInfo: { FirstName: "Mo", LastName: "Ver", Email: "mo@example.com" },
        PhoneConfig: { PhoneType: "SOFT_PHONE", AutoAccept: true, AfterContactWorkTimeLimit: 10 },
        RoutingProfileId: other[0]!.Id,
        SecurityProfileIds: [securityProfileIds[3]!],
        HierarchyGroupId: saml.ids.hierarchyGroups["APAC"],
      });
      await client.send(new UpdateUserHierarchyCommand({ InstanceId, UserId }));
      u = (await client.send(new DescribeUserCommand({ InstanceId, UserId }))).User!;
      expect(u).to.not.have.property("HierarchyGroupId");
      const missing = await rejectionOf(client.send(new UpdateUserSecurityProfilesCommand({ InstanceId, UserId, SecurityProfileIds: ["00000000-0000-4000-8000-000000000000"] })));
      expect(missing.name).to.equal(listed("UpdateUserSecurityProfiles", "ResourceNotFoundException"));
      const noUser = await rejectionOf(client.send(new UpdateUserRoutingProfileCommand({ InstanceId, UserId: "00000000-0000-4000-8000-000000000000", RoutingProfileId: routingProfileId })));
      expect(noUser.name).to.equal(listed("UpdateUserRoutingProfile", "ResourceNotFoundException"));
    });

    it("deletes a user with its AGENT queue", async () => {
      const InstanceId = saml.instanceId;
      const { UserId } = await client.send(new CreateUserCommand({ ...base(InstanceId, routingProfileId, [securityProfileIds[0]!]), Username: "leaver" }));
      const agentQueues = async () => (await client.send(new ListQueuesCommand({ InstanceId, QueueTypes: ["AGENT"] }))).QueueSummaryList!.length;
      const before = await agentQueues();
      await client.send(new DeleteUserCommand({ InstanceId, UserId }));
      expect(await agentQueues()).to.equal(before - 1);
      const gone = await rejectionOf(client.send(new DescribeUserCommand({ InstanceId, UserId })));
      expect(gone.name).to.equal(listed("DescribeUser", "ResourceNotFoundException"));
      const again = await rejectionOf(client.send(new DeleteUserCommand({ InstanceId, UserId })));
      expect(again.name).to.equal(listed("DeleteUser", "ResourceNotFoundException"));
    });

    it("pages ListUsers over 2,500 users: every user once, at most MaxResults a page", async () => {
      const seeded = sim.seed({ region: "us-east-1", instance: { alias: "crowd" }, users: Array.from({ length: 2500 }, (_, i) => ({ username: `agent${i}` })) });
      const seen: string[] = [];
      let NextToken: string | undefined;
      let pages = 0;
      do {
        const page = await client.send(new ListUsersCommand({ InstanceId: seeded.instanceId, MaxResults: 1000, NextToken }));
        expect(page.UserSummaryList!.length).to.be.at.most(1000);
        seen.push(...page.UserSummaryList!.map((u) => u.Username!));
        NextToken = page.NextToken;
        pages++;
      } while (NextToken);
      expect(pages).to.equal(3);
      expect(new Set(seen).size).to.equal(2500);
      const firstDefault = await client.send(new ListUsersCommand({ InstanceId: seeded.instanceId }));
      expect(firstDefault.UserSummaryList).to.have.length(100);
    });
  });
});
