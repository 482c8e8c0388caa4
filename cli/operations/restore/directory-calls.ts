/**
 * Writes for the people side of an instance: security profiles, the user hierarchy (structure and
 * groups) and users. Inputs are projections in target terms (see projection.ts).
 */
import type { Kind } from "../model/kinds";
import { canonicalJson, HIERARCHY_LEVELS } from "./projection";

type J = Record<string, unknown>;
export interface DirectoryCall {
  readonly api: string;
  readonly input: J;
}

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
const description = (v: J) => (typeof v.Description === "string" && v.Description !== "" ? { Description: v.Description } : {});
const tags = (v: J) => (v.Tags && Object.keys(v.Tags as J).length ? { Tags: v.Tags } : {});
const list = (v: unknown) => (Array.isArray(v) && v.length ? v : undefined);

/** What the target instance's configuration changes about a create. */
export interface CreateEnvironment {
  /** The target's IdentityManagementType (DescribeInstance): SAML, CONNECT_MANAGED or EXISTING_DIRECTORY. */
  readonly identityManagementType?: string;
}

/** Security-profile members UpdateSecurityProfile takes, beside Description. */
const PROFILE_MEMBERS = ["Permissions", "AllowedAccessControlTags", "TagRestrictedResources", "Applications", "HierarchyRestrictedResources", "AllowedAccessControlHierarchyGroupId", "GranularAccessControlConfiguration"] as const;
/** Per-channel user settings UpdateUserConfig takes. */
const USER_CONFIGS = ["AutoAcceptConfigs", "AfterContactWorkConfigs", "PhoneNumberConfigs", "PersistentConnectionConfigs", "VoiceEnhancementConfigs"] as const;

/** The hierarchy structure in UpdateUserHierarchyStructure's shape (levels by name only). */
function structureUpdate(d: J): J {
  const out: J = {};
  for (const level of HIERARCHY_LEVELS) if (d[level]) out[level] = { Name: (d[level] as J).Name };
  return out;
}

export function directoryCreateCall(kind: Kind, d: J, instanceId: string, env: CreateEnvironment = {}): DirectoryCall | undefined {
  const I = { InstanceId: instanceId };
  switch (kind) {
    case "securityProfiles": {
      const members: J = {};
      for (const m of PROFILE_MEMBERS) if (d[m] !== undefined && !(Array.isArray(d[m]) && (d[m] as unknown[]).length === 0)) members[m] = d[m];
      return { api: "CreateSecurityProfile", input: { ...I, SecurityProfileName: d.SecurityProfileName, ...description(d), ...members, ...tags(d) } };
    }
    case "hierarchyStructure":
      return { api: "UpdateUserHierarchyStructure", input: { ...I, HierarchyStructure: structureUpdate(d) } };
    case "hierarchyGroups":
      return { api: "CreateUserHierarchyGroup", input: { ...I, Name: d.Name, ...(d.ParentGroupId ? { ParentGroupId: d.ParentGroupId } : {}), ...tags(d) } };
    case "users": {
      const configs: J = {};
      for (const m of USER_CONFIGS) if (list(d[m])) configs[m] = d[m];
      // The directory decides: CONNECT_MANAGED users need a password (the runner adds a random one
      // that is never printed or stored), SAML users sign in through the identity provider, and
      // EXISTING_DIRECTORY users are linked by their directory id.
      const directory = env.identityManagementType === "EXISTING_DIRECTORY" && d.DirectoryUserId ? { DirectoryUserId: d.DirectoryUserId } : {};
      return {
        api: "CreateUser",
        input: {
          ...I, Username: d.Username,
          ...(d.IdentityInfo ? { IdentityInfo: d.IdentityInfo } : {}),
          PhoneConfig: d.PhoneConfig ?? { PhoneType: "SOFT_PHONE" },
          ...directory,
          SecurityProfileIds: d.SecurityProfileIds, RoutingProfileId: d.RoutingProfileId,
          ...(d.HierarchyGroupId ? { HierarchyGroupId: d.HierarchyGroupId } : {}),
          ...configs,
          ...tags(d),
        },
      };
    }
    default:
      return undefined;
  }
}

/** The target id a create response names. */
export function directoryCreatedId(kind: Kind, out: J): string | undefined {
  switch (kind) {
    case "securityProfiles": return out.SecurityProfileId as string;
    case "hierarchyStructure": return "structure";
    case "hierarchyGroups": return out.HierarchyGroupId as string;
    case "users": return out.UserId as string;
    default: return undefined;
  }
}

/** Differences no API removes, with the reason (see write-calls' `unwritableDifferences`). */
export function directoryUnwritable(kind: Kind, current: J, desired: J, changed: ReadonlySet<string>): string[] {
  const out: string[] = [];
  if (kind === "hierarchyGroups" && changed.has("ParentGroupId")) out.push("ParentGroupId: a hierarchy group cannot be moved to another parent through the API (delete and recreate it)");
  if (kind === "securityProfiles" && changed.has("AllowedAccessControlHierarchyGroupId") && !desired.AllowedAccessControlHierarchyGroupId) out.push("AllowedAccessControlHierarchyGroupId: the backup has none");
  if (kind === "users" && changed.has("DirectoryUserId")) out.push("DirectoryUserId: set when a user is created, never updated");
  if (kind === "users") {
    for (const m of USER_CONFIGS) {
      if (changed.has(m)) out.push(`${m}: restored when the user is created; changing it on an existing user needs UpdateUserConfig, which the IAM reference this tool is checked against does not list yet (change it in the console)`);
    }
  }
  if (kind === "users" && changed.has("HierarchyGroupId") && !desired.HierarchyGroupId) out.push("HierarchyGroupId: the backup has none; UpdateUserHierarchy without a group leaves the user where it is");
  if (kind === "hierarchyStructure") {
    for (const level of HIERARCHY_LEVELS) if (current[level] && !desired[level]) out.push(`${level}: the target has a level the backup lacks; levels are removed only by deleting their groups`);
  }
  return out;
}

export function directoryUpdateCalls(kind: Kind, targetId: string, current: J, d: J, changed: ReadonlySet<string>, instanceId: string): DirectoryCall[] {
  const I = { InstanceId: instanceId };
  const calls: DirectoryCall[] = [];
  switch (kind) {
    case "securityProfiles": {
      const members: J = {};
      for (const m of PROFILE_MEMBERS) {
        if (!changed.has(m)) continue;
        if (m === "AllowedAccessControlHierarchyGroupId" && !d[m]) continue;
        // Lists and maps replace what the profile has: an empty one clears.
        members[m] = d[m] ?? (m === "AllowedAccessControlTags" || m === "GranularAccessControlConfiguration" ? {} : []);
      }
      if (changed.has("Description") && description(d).Description !== undefined) Object.assign(members, description(d));
      if (Object.keys(members).length) calls.push({ api: "UpdateSecurityProfile", input: { ...I, SecurityProfileId: targetId, ...members } });
      break;
    }
    case "hierarchyStructure": {
      const grows = HIERARCHY_LEVELS.some((l) => d[l] && !same(current[l], d[l]));
      if (grows) calls.push({ api: "UpdateUserHierarchyStructure", input: { ...I, HierarchyStructure: structureUpdate({ ...current, ...d }) } });
      break;
    }
    case "hierarchyGroups":
      if (changed.has("Name")) calls.push({ api: "UpdateUserHierarchyGroupName", input: { ...I, HierarchyGroupId: targetId, Name: d.Name } });
      break;
    case "users": {
      const U = { ...I, UserId: targetId };
      if (changed.has("IdentityInfo")) calls.push({ api: "UpdateUserIdentityInfo", input: { ...U, IdentityInfo: d.IdentityInfo ?? {} } });
      if (changed.has("PhoneConfig") && d.PhoneConfig) calls.push({ api: "UpdateUserPhoneConfig", input: { ...U, PhoneConfig: d.PhoneConfig } });
      if (changed.has("RoutingProfileId")) calls.push({ api: "UpdateUserRoutingProfile", input: { ...U, RoutingProfileId: d.RoutingProfileId } });
      if (changed.has("SecurityProfileIds")) calls.push({ api: "UpdateUserSecurityProfiles", input: { ...U, SecurityProfileIds: d.SecurityProfileIds } });
      if (changed.has("HierarchyGroupId") && d.HierarchyGroupId) calls.push({ api: "UpdateUserHierarchy", input: { ...U, HierarchyGroupId: d.HierarchyGroupId } });
      break;
    }
    default:
      break;
  }
  return calls;
}

export function directoryDeleteCall(kind: Kind, targetId: string, instanceId: string): DirectoryCall | undefined {
  const I = { InstanceId: instanceId };
  switch (kind) {
    case "securityProfiles": return { api: "DeleteSecurityProfile", input: { ...I, SecurityProfileId: targetId } };
    case "hierarchyGroups": return { api: "DeleteUserHierarchyGroup", input: { ...I, HierarchyGroupId: targetId } };
    case "users": return { api: "DeleteUser", input: { ...I, UserId: targetId } };
    default: return undefined;
  }
}
