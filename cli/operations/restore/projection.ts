import type { Kind } from "../model/kinds";

type J = Record<string, unknown>;

/** JSON with object keys sorted, so equal documents compare equal as strings. */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === "object") {
      const out: J = {};
      for (const k of Object.keys(v as J).sort()) if ((v as J)[k] !== undefined) out[k] = sort((v as J)[k]);
      return out;
    }
    return v;
  };
  return JSON.stringify(sort(value));
}

/** Flow content in canonical form (parsed and re-serialized); unparseable text is kept verbatim. */
export function canonicalContent(content: unknown): string {
  if (typeof content !== "string") return "";
  try {
    return canonicalJson(JSON.parse(content));
  } catch {
    return content;
  }
}

/** User tags only: `aws:` tags belong to AWS. */
export function userTags(tags: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (tags && typeof tags === "object") for (const [k, v] of Object.entries(tags as J)) if (!k.startsWith("aws:") && typeof v === "string") out[k] = v;
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Re-sorts the sets whose members are ids, after the ids were rewritten to the target's: a
 * projection sorts them by source id, and the target's order differs.
 */
export function sortIdSets(kind: Kind, value: J): J {
  const out = { ...value };
  for (const f of ["QuickConnectIds", "SecurityProfileIds"]) if (Array.isArray(out[f])) out[f] = [...(out[f] as string[])].sort(cmp);
  if (kind === "routingProfiles" && Array.isArray(out.QueueConfigs))
    out.QueueConfigs = [...(out.QueueConfigs as J[])].sort((a, b) => cmp(`${String(a.QueueId)}/${String(a.Channel)}`, `${String(b.QueueId)}/${String(b.Channel)}`));
  return out;
}

/** A sorted copy of a string list; empty when absent. */
const strings = (v: unknown): string[] => (Array.isArray(v) ? (v.filter((x) => typeof x === "string") as string[]).sort(cmp) : []);
/** An object with at least one member, else undefined (absent and `{}` compare equal). */
const nonEmpty = (v: unknown): J | undefined => (v && typeof v === "object" && Object.keys(v as J).length ? (v as J) : undefined);

/** The five levels of a user hierarchy, top first (HierarchyStructure and HierarchyPath members). */
export const HIERARCHY_LEVELS = ["LevelOne", "LevelTwo", "LevelThree", "LevelFour", "LevelFive"] as const;

/**
 * A hierarchy group's parent, from its HierarchyPath (DescribeUserHierarchyGroup has no parent
 * member): the path entry one level above the group's own.
 */
export function parentGroupId(data: J): string | undefined {
  const path = (data.HierarchyPath ?? {}) as J;
  const ids = HIERARCHY_LEVELS.map((l) => (path[l] as J | undefined)?.Id as string | undefined);
  const own = ids.findIndex((id) => id === data.Id);
  return own > 0 ? ids[own - 1] : undefined;
}

function prune(o: J): J {
  const out: J = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * The writable, comparable part of a resource, in Describe-output field names. Read-only fields
 * (ids, ARNs, timestamps, counts, Regions, anything an API adds later) are dropped, so creates and
 * comparisons only ever carry what this tool knows how to write.
 */
export function project(kind: Kind, data: J): J {
  switch (kind) {
    case "hours":
      return prune({
        Name: data.Name,
        Description: str(data.Description),
        TimeZone: data.TimeZone,
        Config: ((data.Config as J[] | undefined) ?? [])
          .map((c) => ({ Day: c.Day, StartTime: c.StartTime, EndTime: c.EndTime }))
          .sort((a, b) => cmp(canonicalJson(a), canonicalJson(b))),
        Tags: userTags(data.Tags),
      });
    case "queues": {
      const occ = (data.OutboundCallerConfig ?? {}) as J;
      const outbound = prune({ OutboundCallerIdName: str(occ.OutboundCallerIdName), OutboundCallerIdNumberId: str(occ.OutboundCallerIdNumberId), OutboundFlowId: str(occ.OutboundFlowId) });
      return prune({
        Name: data.Name,
        Description: str(data.Description),
        HoursOfOperationId: data.HoursOfOperationId,
        MaxContacts: typeof data.MaxContacts === "number" && data.MaxContacts > 0 ? data.MaxContacts : undefined,
        OutboundCallerConfig: Object.keys(outbound).length ? outbound : undefined,
        Status: str(data.Status) ?? "ENABLED",
        QuickConnectIds: (((data.QuickConnects as J[] | undefined) ?? []).map((q) => String(q.Id)) as string[]).sort(cmp),
        Tags: userTags(data.Tags),
      });
    }
    case "flows":
      return prune({
        Name: data.Name,
        Description: str(data.Description),
        Type: data.Type,
        State: str(data.State) ?? "ACTIVE",
        // A SAVED flow is a draft: created SAVED, never published by a restore.
        Status: str(data.Status) ?? "PUBLISHED",
        Content: canonicalContent(data.Content),
        Tags: userTags(data.Tags),
      });
    case "flowModules":
      return prune({
        Name: data.Name,
        Description: str(data.Description),
        State: str(data.State) ?? "ACTIVE",
        Content: canonicalContent(data.Content),
        Settings: str(data.Settings),
        Tags: userTags(data.Tags),
      });
    case "routingProfiles":
      return prune({
        Name: data.Name,
        Description: str(data.Description),
        DefaultOutboundQueueId: data.DefaultOutboundQueueId,
        MediaConcurrencies: ((data.MediaConcurrencies as J[] | undefined) ?? [])
          .map((m) => prune({ Channel: m.Channel, Concurrency: m.Concurrency, CrossChannelBehavior: m.CrossChannelBehavior }))
          .sort((a, b) => cmp(String(a.Channel), String(b.Channel))),
        QueueConfigs: ((data.QueueConfigs as J[] | undefined) ?? [])
          .map((q) => ({ QueueId: q.QueueId, Channel: q.Channel, Priority: q.Priority, Delay: q.Delay }))
          .sort((a, b) => cmp(`${a.QueueId}/${a.Channel}`, `${b.QueueId}/${b.Channel}`)),
        AgentAvailabilityTimer: str(data.AgentAvailabilityTimer),
        Tags: userTags(data.Tags),
      });
    case "quickConnects": {
      const c = (data.QuickConnectConfig ?? {}) as J;
      const sub = (v: unknown) => (v && typeof v === "object" ? prune({ ...(v as J) }) : undefined);
      return prune({
        Name: data.Name,
        Description: str(data.Description),
        QuickConnectConfig: prune({ QuickConnectType: c.QuickConnectType, UserConfig: sub(c.UserConfig), QueueConfig: sub(c.QueueConfig), PhoneConfig: sub(c.PhoneConfig), FlowConfig: sub(c.FlowConfig) }),
        Tags: userTags(data.Tags),
      });
    }
    case "agentStatuses":
      return prune({ Name: data.Name, Description: str(data.Description), State: data.State, DisplayOrder: data.DisplayOrder, Tags: userTags(data.Tags) });
    case "securityProfiles":
      return prune({
        SecurityProfileName: data.SecurityProfileName,
        Description: str(data.Description),
        Permissions: strings(data.Permissions),
        AllowedAccessControlTags: nonEmpty(data.AllowedAccessControlTags),
        TagRestrictedResources: strings(data.TagRestrictedResources),
        HierarchyRestrictedResources: strings(data.HierarchyRestrictedResources),
        AllowedAccessControlHierarchyGroupId: str(data.AllowedAccessControlHierarchyGroupId),
        Applications: ((data.Applications as J[] | undefined) ?? [])
          .map((a) => prune({ Namespace: a.Namespace, ApplicationPermissions: strings(a.ApplicationPermissions), Type: str(a.Type) }))
          .sort((a, b) => cmp(String(a.Namespace), String(b.Namespace))),
        GranularAccessControlConfiguration: nonEmpty(data.GranularAccessControlConfiguration),
        Tags: userTags(data.Tags),
      });
    case "hierarchyStructure": {
      const out: J = {};
      for (const level of HIERARCHY_LEVELS) {
        const l = data[level] as J | undefined;
        if (l && typeof l.Name === "string") out[level] = { Name: l.Name };
      }
      return out;
    }
    case "hierarchyGroups":
      return prune({ Name: data.Name, ParentGroupId: str(data.ParentGroupId) ?? parentGroupId(data), Tags: userTags(data.Tags) });
    case "users": {
      const identity = (data.IdentityInfo ?? {}) as J;
      const phone = (data.PhoneConfig ?? {}) as J;
      const byChannel = (v: unknown) => (Array.isArray(v) && v.length ? [...(v as J[])].sort((a, b) => cmp(String(a.Channel), String(b.Channel))) : undefined);
      return prune({
        Username: data.Username,
        IdentityInfo: nonEmpty(prune({ FirstName: str(identity.FirstName), LastName: str(identity.LastName), Email: str(identity.Email), SecondaryEmail: str(identity.SecondaryEmail), Mobile: str(identity.Mobile) })),
        PhoneConfig: nonEmpty(prune({ PhoneType: phone.PhoneType, AutoAccept: phone.AutoAccept, AfterContactWorkTimeLimit: phone.AfterContactWorkTimeLimit, DeskPhoneNumber: str(phone.DeskPhoneNumber), PersistentConnection: phone.PersistentConnection })),
        DirectoryUserId: str(data.DirectoryUserId),
        SecurityProfileIds: strings(data.SecurityProfileIds),
        RoutingProfileId: data.RoutingProfileId,
        HierarchyGroupId: str(data.HierarchyGroupId),
        AutoAcceptConfigs: byChannel(data.AutoAcceptConfigs),
        AfterContactWorkConfigs: byChannel(data.AfterContactWorkConfigs),
        PhoneNumberConfigs: byChannel(data.PhoneNumberConfigs),
        PersistentConnectionConfigs: byChannel(data.PersistentConnectionConfigs),
        VoiceEnhancementConfigs: byChannel(data.VoiceEnhancementConfigs),
        Tags: userTags(data.Tags),
      });
    }
    case "instanceAttributes":
      return { AttributeType: data.AttributeType, Value: data.Value };
    case "storageConfigs":
      return prune({
        ResourceType: data.ResourceType,
        StorageType: data.StorageType,
        S3Config: data.S3Config,
        KinesisVideoStreamConfig: data.KinesisVideoStreamConfig,
        KinesisStreamConfig: data.KinesisStreamConfig,
        KinesisFirehoseConfig: data.KinesisFirehoseConfig,
      });
    case "integrations":
      return prune({
        IntegrationType: data.IntegrationType,
        IntegrationArn: data.IntegrationArn,
        SourceApplicationUrl: str(data.SourceApplicationUrl),
        SourceApplicationName: str(data.SourceApplicationName),
        SourceType: str(data.SourceType),
        Tags: userTags(data.Tags),
      });
    case "prompts":
      return prune({ Name: data.Name, Description: str(data.Description), AudioSha256: str((data.Audio as J | undefined)?.sha256), Tags: userTags(data.Tags) });
    case "lambdaFunctions":
      return { FunctionArn: data.FunctionArn };
    case "lexBots":
      return prune({ LexBot: data.LexBot, LexV2Bot: data.LexV2Bot });
    case "phoneNumbers":
      return prune({ PhoneNumber: data.PhoneNumber, ContactFlowId: str(data.ContactFlowId) });
    default:
      return genericProjection(data);
  }
}

const READ_ONLY = /^(Id|Arn|ARN|InstanceId|LastModifiedTime|LastModifiedRegion|CreatedTime|CreationTime|Version|VersionDescription)$|Arn$|ARN$/;

/** For kinds this tool does not write: everything except ids, ARNs and timestamps. */
export function genericProjection(data: J): J {
  const strip = (v: unknown, top: boolean): unknown => {
    if (Array.isArray(v)) return v.map((x) => strip(x, false));
    if (v && typeof v === "object") {
      const out: J = {};
      for (const [k, x] of Object.entries(v as J)) {
        if (READ_ONLY.test(k) || (top && k === "Tags")) continue;
        out[k] = strip(x, false);
      }
      if (top && "Tags" in (v as J)) out.Tags = userTags((v as J).Tags);
      return out;
    }
    return v;
  };
  return strip(data, true) as J;
}
