/**
 * Security profiles: the four stock profiles and created ones, with their permissions, tag- and
 * hierarchy-based access control and third-party applications. Mirrored by ACGR. Names are unique
 * per instance (DuplicateResourceException); a profile users still have cannot be deleted
 * (ResourceInUseException, which DeleteSecurityProfile lists).
 */
import type {
  Application,
  CreateSecurityProfileRequest,
  CreateSecurityProfileResponse,
  DeleteSecurityProfileRequest,
  DescribeSecurityProfileRequest,
  DescribeSecurityProfileResponse,
  ListSecurityProfileApplicationsRequest,
  ListSecurityProfileApplicationsResponse,
  ListSecurityProfilePermissionsRequest,
  ListSecurityProfilePermissionsResponse,
  ListSecurityProfilesRequest,
  ListSecurityProfilesResponse,
  UpdateSecurityProfileRequest,
} from "@aws-sdk/client-connect";
import { instanceResourceArn } from "../arns";
import { invalidInput, listedError, ServiceError } from "../errors";
import { paginate } from "../pagination";
import type { InstanceRecord, SecurityProfileRecord } from "../state/model";
import { op, type HandlerTable, type RequestContext } from "./context";
import { assertUniqueName, requireInstance, requireRecord, touch } from "./lookup";

/** Amazon Connect's default quota of security profiles per instance. */
export const MAX_SECURITY_PROFILES = 100;

/** The resource names HierarchyRestrictedResources accepts (the API reference: "User"). */
const HIERARCHY_RESTRICTABLE = ["User"];

function profileArn(ctx: RequestContext, instance: InstanceRecord, id: string): string {
  return instanceResourceArn(ctx.region, ctx.account, instance.id, "securityProfile", id);
}

/** The access-control members common to Create and Update, checked against the instance. */
type AccessControl = Pick<
  CreateSecurityProfileRequest,
  "Permissions" | "AllowedAccessControlTags" | "TagRestrictedResources" | "AllowedAccessControlHierarchyGroupId" | "HierarchyRestrictedResources" | "Applications" | "AllowedFlowModules" | "GranularAccessControlConfiguration"
>;

/** Applies the given access-control members to `record` (absent members are left as they are). */
function applyAccessControl(ctx: RequestContext, instance: InstanceRecord, record: SecurityProfileRecord, input: AccessControl): void {
  for (const resource of input.HierarchyRestrictedResources ?? []) {
    if (!HIERARCHY_RESTRICTABLE.includes(resource)) {
      throw invalidInput(ctx.operation, `HierarchyRestrictedResources accepts ${HIERARCHY_RESTRICTABLE.join(", ")}, got ${JSON.stringify(resource)}`);
    }
  }
  const groupId = input.AllowedAccessControlHierarchyGroupId;
  // An empty id clears the restriction; any other must name a group of the instance.
  const group = groupId ? requireRecord(instance.config.hierarchyGroups, groupId, "Hierarchy group") : undefined;
  if (input.Permissions !== undefined) record.permissions = [...new Set(input.Permissions)];
  // An empty map or list clears the restriction: Describe then omits the member, as for one never set.
  if (input.AllowedAccessControlTags !== undefined) {
    if (Object.keys(input.AllowedAccessControlTags).length > 0) record.allowedAccessControlTags = { ...input.AllowedAccessControlTags };
    else delete record.allowedAccessControlTags;
  }
  if (input.TagRestrictedResources !== undefined) {
    if (input.TagRestrictedResources.length > 0) record.tagRestrictedResources = [...input.TagRestrictedResources];
    else delete record.tagRestrictedResources;
  }
  if (groupId !== undefined) {
    if (group) record.allowedAccessControlHierarchyGroupId = group.id;
    else delete record.allowedAccessControlHierarchyGroupId;
  }
  if (input.HierarchyRestrictedResources !== undefined) {
    if (input.HierarchyRestrictedResources.length > 0) record.hierarchyRestrictedResources = [...input.HierarchyRestrictedResources];
    else delete record.hierarchyRestrictedResources;
  }
  if (input.Applications !== undefined) record.applications = input.Applications.map((a: Application) => ({ ...a, ...(a.ApplicationPermissions ? { ApplicationPermissions: [...a.ApplicationPermissions] } : {}) }));
  if (input.AllowedFlowModules !== undefined) record.allowedFlowModules = input.AllowedFlowModules.map((m) => ({ ...m }));
  if (input.GranularAccessControlConfiguration !== undefined) record.granularAccessControlConfiguration = structuredClone(input.GranularAccessControlConfiguration);
}

/** Operation handlers of this family. */
export const securityProfileHandlers: HandlerTable = {
  CreateSecurityProfile: op<CreateSecurityProfileRequest, CreateSecurityProfileResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const name = input.SecurityProfileName!;
    assertUniqueName(instance.config.securityProfiles, name, "Security profile");
    if (instance.config.securityProfiles.size >= MAX_SECURITY_PROFILES) {
      throw new ServiceError("LimitExceededException", `An instance has at most ${MAX_SECURITY_PROFILES} security profiles`);
    }
    const record: SecurityProfileRecord = {
      id: ctx.newId(),
      name,
      ...(input.Description !== undefined ? { description: input.Description } : {}),
      permissions: [],
      applications: [],
      tags: { ...input.Tags },
      lastModifiedTime: ctx.now(),
      lastModifiedRegion: ctx.region,
    };
    applyAccessControl(ctx, instance, record, input);
    instance.config.securityProfiles.set(record.id, record);
    return { SecurityProfileId: record.id, SecurityProfileArn: profileArn(ctx, instance, record.id) };
  }),

  UpdateSecurityProfile: op<UpdateSecurityProfileRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const p = requireRecord(instance.config.securityProfiles, input.SecurityProfileId!, "Security profile");
    applyAccessControl(ctx, instance, p, input);
    if (input.Description !== undefined) p.description = input.Description;
    touch(ctx, p);
    return {};
  }),

  DeleteSecurityProfile: op<DeleteSecurityProfileRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const p = requireRecord(instance.config.securityProfiles, input.SecurityProfileId!, "Security profile");
    const user = [...instance.config.users.values()].find((u) => u.securityProfileIds.includes(p.id));
    if (user) throw listedError(ctx.operation, ["ResourceInUseException"], `Security profile ${p.id} is assigned to user ${user.id}`);
    instance.config.securityProfiles.delete(p.id);
    return {};
  }),

  ListSecurityProfiles: op<ListSecurityProfilesRequest, ListSecurityProfilesResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const page = paginate([...instance.config.securityProfiles.values()], input, "ListSecurityProfiles", instance.id);
    return {
      SecurityProfileSummaryList: page.items.map((p) => ({
        Id: p.id, Arn: profileArn(ctx, instance, p.id), Name: p.name, LastModifiedTime: p.lastModifiedTime, LastModifiedRegion: p.lastModifiedRegion,
      })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  DescribeSecurityProfile: op<DescribeSecurityProfileRequest, DescribeSecurityProfileResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const p = requireRecord(instance.config.securityProfiles, input.SecurityProfileId!, "Security profile");
    return {
      SecurityProfile: {
        Id: p.id,
        OrganizationResourceId: instance.id,
        Arn: profileArn(ctx, instance, p.id),
        SecurityProfileName: p.name,
        ...(p.description !== undefined ? { Description: p.description } : {}),
        Tags: { ...p.tags },
        ...(p.allowedAccessControlTags !== undefined ? { AllowedAccessControlTags: { ...p.allowedAccessControlTags } } : {}),
        ...(p.tagRestrictedResources !== undefined ? { TagRestrictedResources: [...p.tagRestrictedResources] } : {}),
        LastModifiedTime: p.lastModifiedTime,
        LastModifiedRegion: p.lastModifiedRegion,
        ...(p.hierarchyRestrictedResources !== undefined ? { HierarchyRestrictedResources: [...p.hierarchyRestrictedResources] } : {}),
        ...(p.allowedAccessControlHierarchyGroupId !== undefined ? { AllowedAccessControlHierarchyGroupId: p.allowedAccessControlHierarchyGroupId } : {}),
        ...(p.granularAccessControlConfiguration !== undefined ? { GranularAccessControlConfiguration: structuredClone(p.granularAccessControlConfiguration) } : {}),
      },
    };
  }),

  ListSecurityProfilePermissions: op<ListSecurityProfilePermissionsRequest, ListSecurityProfilePermissionsResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const p = requireRecord(instance.config.securityProfiles, input.SecurityProfileId!, "Security profile");
    const page = paginate(p.permissions, input, "ListSecurityProfilePermissions", `${instance.id}|${p.id}`);
    return { Permissions: page.items, LastModifiedTime: p.lastModifiedTime, LastModifiedRegion: p.lastModifiedRegion, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  }),

  ListSecurityProfileApplications: op<ListSecurityProfileApplicationsRequest, ListSecurityProfileApplicationsResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const p = requireRecord(instance.config.securityProfiles, input.SecurityProfileId!, "Security profile");
    const page = paginate(p.applications, input, "ListSecurityProfileApplications", `${instance.id}|${p.id}`);
    return {
      Applications: page.items.map((a) => ({ ...a, ...(a.ApplicationPermissions ? { ApplicationPermissions: [...a.ApplicationPermissions] } : {}) })),
      LastModifiedTime: p.lastModifiedTime,
      LastModifiedRegion: p.lastModifiedRegion,
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),
};
