/**
 * Security profiles through the real SDK: create, update, describe (every field), list permissions
 * and applications, delete, tags. Error names are the ones botocore's model lists for each operation.
 */
import { expect } from "chai";
import {
  ConnectClient,
  CreateSecurityProfileCommand,
  DeleteSecurityProfileCommand,
  DescribeSecurityProfileCommand,
  ListSecurityProfileApplicationsCommand,
  ListSecurityProfilePermissionsCommand,
  ListSecurityProfilesCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UpdateSecurityProfileCommand,
} from "@aws-sdk/client-connect";
import type { SeedResult, Simulator } from "../../../tools/simulator";
import { CONNECT_MODEL } from "../../../tools/simulator/model/connect-model";
import { clientFor, rejectionOf, startTestSimulator } from "./support";
import { auditModelTraffic } from "../../support/model-audit";

function listed(operation: string, error: string): string {
  expect(CONNECT_MODEL.operations[operation]!.errors, `${operation} lists ${error}`).to.include(error);
  return error;
}

describe("simulator: security profiles", () => {
  auditModelTraffic({ requests: false });
  let sim: Simulator;
  let client: ConnectClient;
  let seeded: SeedResult;
  let InstanceId: string;

  before(async () => {
    sim = await startTestSimulator();
    client = clientFor(sim);
    seeded = sim.seed({
      region: "us-east-1",
      instance: { alias: "profiles" },
      hierarchy: { levels: ["Region"], groups: [{ name: "EMEA", level: 1 }] },
      users: [{ username: "ana" }],
    });
    InstanceId = seeded.instanceId;
  });
  after(() => sim.close());

  it("creates a profile with every field and describes it back exactly", async () => {
    const emea = seeded.ids.hierarchyGroups["EMEA"]!;
    const out = await client.send(new CreateSecurityProfileCommand({
      InstanceId,
      SecurityProfileName: "Team lead",
      Description: "Leads",
      Permissions: ["BasicAgentAccess", "Users.View", "Queues.View"],
      AllowedAccessControlTags: { team: "blue" },
      TagRestrictedResources: ["User", "Queue"],
      AllowedAccessControlHierarchyGroupId: emea,
      HierarchyRestrictedResources: ["User"],
      Applications: [{ Namespace: "crm.example.com", ApplicationPermissions: ["ACCESS"] }],
      Tags: { env: "prod" },
    }));
    expect(out.SecurityProfileArn).to.equal(`arn:aws:connect:us-east-1:111111111111:instance/${InstanceId}/security-profile/${out.SecurityProfileId}`);
    const p = (await client.send(new DescribeSecurityProfileCommand({ InstanceId, SecurityProfileId: out.SecurityProfileId }))).SecurityProfile!;
    expect(p).to.deep.include({
      Id: out.SecurityProfileId,
      OrganizationResourceId: InstanceId,
      SecurityProfileName: "Team lead",
      Description: "Leads",
      Tags: { env: "prod" },
      AllowedAccessControlTags: { team: "blue" },
      TagRestrictedResources: ["User", "Queue"],
      AllowedAccessControlHierarchyGroupId: emea,
      HierarchyRestrictedResources: ["User"],
      LastModifiedRegion: "us-east-1",
    });
    const permissions = await client.send(new ListSecurityProfilePermissionsCommand({ InstanceId, SecurityProfileId: out.SecurityProfileId }));
    expect(permissions.Permissions).to.deep.equal(["BasicAgentAccess", "Users.View", "Queues.View"]);
    const apps = await client.send(new ListSecurityProfileApplicationsCommand({ InstanceId, SecurityProfileId: out.SecurityProfileId }));
    expect(apps.Applications).to.deep.equal([{ Namespace: "crm.example.com", ApplicationPermissions: ["ACCESS"] }]);
    const tags = await client.send(new ListTagsForResourceCommand({ resourceArn: out.SecurityProfileArn }));
    expect(tags.tags).to.deep.equal({ env: "prod" });
  });

  it("leaves members never given absent (no Description, no access control)", async () => {
    const out = await client.send(new CreateSecurityProfileCommand({ InstanceId, SecurityProfileName: "Plain" }));
    const p = (await client.send(new DescribeSecurityProfileCommand({ InstanceId, SecurityProfileId: out.SecurityProfileId }))).SecurityProfile!;
    for (const member of ["Description", "AllowedAccessControlTags", "TagRestrictedResources", "AllowedAccessControlHierarchyGroupId", "HierarchyRestrictedResources"]) {
      expect(p, member).to.not.have.property(member);
    }
    expect((await client.send(new ListSecurityProfilePermissionsCommand({ InstanceId, SecurityProfileId: out.SecurityProfileId }))).Permissions).to.deep.equal([]);
  });

  it("updates only the members given, replacing lists and maps whole", async () => {
    const out = await client.send(new CreateSecurityProfileCommand({ InstanceId, SecurityProfileName: "Updatable", Description: "v1", Permissions: ["BasicAgentAccess"], AllowedAccessControlTags: { a: "1" } }));
    const SecurityProfileId = out.SecurityProfileId;
    await client.send(new UpdateSecurityProfileCommand({ InstanceId, SecurityProfileId, Permissions: ["Users.View", "Users.Edit"], Applications: [{ Namespace: "app.example.com", ApplicationPermissions: ["READ", "WRITE"] }] }));
    let p = (await client.send(new DescribeSecurityProfileCommand({ InstanceId, SecurityProfileId }))).SecurityProfile!;
    expect(p).to.deep.include({ Description: "v1", AllowedAccessControlTags: { a: "1" } });
    expect((await client.send(new ListSecurityProfilePermissionsCommand({ InstanceId, SecurityProfileId }))).Permissions).to.deep.equal(["Users.View", "Users.Edit"]);
    await client.send(new UpdateSecurityProfileCommand({ InstanceId, SecurityProfileId, Description: "v2", AllowedAccessControlTags: { b: "2" } }));
    p = (await client.send(new DescribeSecurityProfileCommand({ InstanceId, SecurityProfileId }))).SecurityProfile!;
    expect(p).to.deep.include({ Description: "v2", AllowedAccessControlTags: { b: "2" } });
    expect((await client.send(new ListSecurityProfileApplicationsCommand({ InstanceId, SecurityProfileId }))).Applications).to.deep.equal([{ Namespace: "app.example.com", ApplicationPermissions: ["READ", "WRITE"] }]);
    // Empty clears: Describe omits the member again.
    await client.send(new UpdateSecurityProfileCommand({ InstanceId, SecurityProfileId, AllowedAccessControlTags: {}, TagRestrictedResources: [] }));
    p = (await client.send(new DescribeSecurityProfileCommand({ InstanceId, SecurityProfileId }))).SecurityProfile!;
    expect(p).to.not.have.property("AllowedAccessControlTags");
    expect(p).to.not.have.property("TagRestrictedResources");
  });

  it("answers the errors the model lists: duplicate name, unknown group, bad restricted resource, name pattern", async () => {
    const duplicate = await rejectionOf(client.send(new CreateSecurityProfileCommand({ InstanceId, SecurityProfileName: "Agent" })));
    expect(duplicate.name).to.equal(listed("CreateSecurityProfile", "DuplicateResourceException"));
    expect(duplicate.$metadata?.httpStatusCode).to.equal(409);
    const group = await rejectionOf(client.send(new CreateSecurityProfileCommand({ InstanceId, SecurityProfileName: "Ghost group", AllowedAccessControlHierarchyGroupId: "00000000-0000-4000-8000-000000000000" })));
    expect(group.name).to.equal(listed("CreateSecurityProfile", "ResourceNotFoundException"));
    const resource = await rejectionOf(client.send(new CreateSecurityProfileCommand({ InstanceId, SecurityProfileName: "Bad restriction", HierarchyRestrictedResources: ["Queue"] })));
    expect(resource.name).to.equal(listed("CreateSecurityProfile", "InvalidParameterException"));
    // CreateSecurityProfileName's pattern ^[ a-zA-Z0-9_@-]+$ (the model's): no dots.
    const pattern = await rejectionOf(client.send(new CreateSecurityProfileCommand({ InstanceId, SecurityProfileName: "team.lead" })));
    expect(pattern.name).to.equal("InvalidParameterException");
    const missing = await rejectionOf(client.send(new UpdateSecurityProfileCommand({ InstanceId, SecurityProfileId: "00000000-0000-4000-8000-000000000000", Description: "x" })));
    expect(missing.name).to.equal(listed("UpdateSecurityProfile", "ResourceNotFoundException"));
  });

  it("seeds profiles through CreateSecurityProfile and users that name them", async () => {
    const seededMore = sim.seed({
      region: "us-east-1", instance: { id: InstanceId },
      securityProfiles: [{ name: "Seeded lead", permissions: ["Users.View"], tags: { seeded: "yes" } }],
      users: [{ username: "seeded-lead", securityProfileNames: ["Seeded lead", "Agent"], phoneConfig: { PhoneType: "DESK_PHONE", DeskPhoneNumber: "+12065550111", AutoAccept: false, AfterContactWorkTimeLimit: 5 }, tags: { team: "x" } }],
    });
    const id = seededMore.ids.securityProfiles["Seeded lead"]!;
    expect((await client.send(new DescribeSecurityProfileCommand({ InstanceId, SecurityProfileId: id }))).SecurityProfile).to.deep.include({ SecurityProfileName: "Seeded lead", Tags: { seeded: "yes" } });
    const inUse = await rejectionOf(client.send(new DeleteSecurityProfileCommand({ InstanceId, SecurityProfileId: id })));
    expect(inUse.name).to.equal("ResourceInUseException");
    expect(() => sim.seed({ region: "us-east-1", instance: { id: InstanceId }, securityProfiles: [{ name: "Seeded lead" }] })).to.throw(/already exists/);
  });

  it("refuses deleting a profile users have (ResourceInUseException), deletes an unused one", async () => {
    const profiles = (await client.send(new ListSecurityProfilesCommand({ InstanceId }))).SecurityProfileSummaryList!;
    const used = profiles.find((p) => p.Name === "Admin")!; // seeded users get the first stock profile
    const inUse = await rejectionOf(client.send(new DeleteSecurityProfileCommand({ InstanceId, SecurityProfileId: used.Id })));
    expect(inUse.name).to.equal(listed("DeleteSecurityProfile", "ResourceInUseException"));
    expect(inUse.$metadata?.httpStatusCode).to.equal(409);
    const doomed = await client.send(new CreateSecurityProfileCommand({ InstanceId, SecurityProfileName: "Doomed" }));
    await client.send(new TagResourceCommand({ resourceArn: doomed.SecurityProfileArn, tags: { later: "yes" } }));
    expect((await client.send(new ListTagsForResourceCommand({ resourceArn: doomed.SecurityProfileArn }))).tags).to.deep.equal({ later: "yes" });
    await client.send(new DeleteSecurityProfileCommand({ InstanceId, SecurityProfileId: doomed.SecurityProfileId }));
    const gone = await rejectionOf(client.send(new DescribeSecurityProfileCommand({ InstanceId, SecurityProfileId: doomed.SecurityProfileId })));
    expect(gone.name).to.equal(listed("DescribeSecurityProfile", "ResourceNotFoundException"));
  });
});
