import type { Kind } from "../model/kinds";
import type { ResourceRecord } from "../model/snapshot";
import { parentGroupId, userTags } from "../restore/projection";
import type { ReferenceResolver } from "./reference-resolver";
import { templateText } from "./content-template";
import { INSTANCE_ARN_PARAM, join, type Token, type Value } from "./template-model";

type J = Record<string, unknown>;
type Props = Record<string, Value>;

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const INSTANCE: Token = { $param: INSTANCE_ARN_PARAM };

/** Drops undefined members, so emitted objects carry only what the backup had. */
export function compact(o: Record<string, Value | undefined>): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

/** User tags as CloudFormation's `[{Key, Value}]`, sorted by key; undefined when there are none. */
export function tagList(tags: unknown): Value | undefined {
  const t = userTags(tags);
  const keys = Object.keys(t).sort();
  return keys.length ? keys.map((Key) => ({ Key, Value: t[Key]! })) : undefined;
}

/** The folder-style S3 key a prompt's audio is read from: its name, with `.wav` when it has no extension. */
export function promptObjectKey(name: string): string {
  return /\.(wav|mp3)$/i.test(name) ? name : `${name}.wav`;
}

export const PROMPT_PREFIX_PARAM = "PromptS3Prefix";

/**
 * The CloudFormation properties (AWS::Connect::* names) that recreate one backed-up resource, with
 * links as template references. Read-only properties (ARNs, ids, timestamps) are never set.
 */
export function resourceProperties(kind: Kind, r: ResourceRecord, refs: ReferenceResolver, holder: string): Props {
  const d = r.data as J;
  const link = (k: Kind, v: unknown): Token | undefined => (str(v) ? refs.link(holder, k, v as string) : undefined);
  const content = (text: unknown) => templateText(String(text ?? ""), (m, form) => refs.inText(holder, m, form));
  switch (kind) {
    case "hours":
      return compact({
        InstanceArn: INSTANCE, Name: r.name, Description: str(d.Description), TimeZone: String(d.TimeZone),
        Config: ((d.Config as J[] | undefined) ?? [])
          .map((c) => ({ Day: c.Day as string, StartTime: c.StartTime as Value, EndTime: c.EndTime as Value }))
          .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
        Tags: tagList(d.Tags),
      });
    case "queues": {
      const occ = (d.OutboundCallerConfig ?? {}) as J;
      const outbound = compact({
        OutboundCallerIdName: str(occ.OutboundCallerIdName),
        OutboundCallerIdNumberArn: str(occ.OutboundCallerIdNumberId) ? refs.phoneParam(String(occ.OutboundCallerIdNumberId)) : undefined,
        OutboundFlowArn: link("flows", occ.OutboundFlowId),
      });
      const qcs = ((d.QuickConnects as J[] | undefined) ?? []).map((q) => String(q.Id)).sort();
      return compact({
        InstanceArn: INSTANCE, Name: r.name, Description: str(d.Description),
        HoursOfOperationArn: link("hours", d.HoursOfOperationId),
        MaxContacts: typeof d.MaxContacts === "number" && d.MaxContacts > 0 ? d.MaxContacts : undefined,
        OutboundCallerConfig: Object.keys(outbound).length ? outbound : undefined,
        QuickConnectArns: qcs.length ? qcs.map((q) => link("quickConnects", q)!) : undefined,
        Status: str(d.Status),
        Tags: tagList(d.Tags),
      });
    }
    case "flows":
      return compact({ InstanceArn: INSTANCE, Name: r.name, Type: String(d.Type), Description: str(d.Description), State: str(d.State), Content: content(d.Content), Tags: tagList(d.Tags) });
    case "flowModules":
      return compact({ InstanceArn: INSTANCE, Name: r.name, Description: str(d.Description), State: str(d.State), Content: content(d.Content), Tags: tagList(d.Tags) });
    case "routingProfiles":
      return compact({
        InstanceArn: INSTANCE, Name: r.name,
        // Required by AWS::Connect::RoutingProfile; restore uses the name the same way.
        Description: str(d.Description) ?? r.name,
        DefaultOutboundQueueArn: link("queues", d.DefaultOutboundQueueId),
        AgentAvailabilityTimer: str(d.AgentAvailabilityTimer),
        MediaConcurrencies: ((d.MediaConcurrencies as J[] | undefined) ?? [])
          .map((m) => compact({ Channel: m.Channel as string, Concurrency: m.Concurrency as number, CrossChannelBehavior: (m.CrossChannelBehavior as Value | undefined) ?? undefined }))
          .sort((a, b) => (String(a.Channel) < String(b.Channel) ? -1 : 1)),
        QueueConfigs: sortedQueueConfigs(d.QueueConfigs).map((q) => ({ Delay: q.Delay as number, Priority: q.Priority as number, QueueReference: { Channel: q.Channel as string, QueueArn: link("queues", q.QueueId)! } })),
        Tags: tagList(d.Tags),
      });
    case "quickConnects": {
      const c = (d.QuickConnectConfig ?? {}) as J;
      const q = c.QueueConfig as J | undefined;
      const u = c.UserConfig as J | undefined;
      const p = c.PhoneConfig as J | undefined;
      return compact({
        InstanceArn: INSTANCE, Name: r.name, Description: str(d.Description),
        QuickConnectConfig: compact({
          QuickConnectType: String(c.QuickConnectType),
          QueueConfig: q ? { ContactFlowArn: link("flows", q.ContactFlowId)!, QueueArn: link("queues", q.QueueId)! } : undefined,
          UserConfig: u ? { ContactFlowArn: link("flows", u.ContactFlowId)!, UserArn: link("users", u.UserId)! } : undefined,
          PhoneConfig: p ? { PhoneNumber: String(p.PhoneNumber) } : undefined,
        }),
        Tags: tagList(d.Tags),
      });
    }
    case "securityProfiles": {
      const act = userTags(d.AllowedAccessControlTags);
      const restricted = ((d.TagRestrictedResources as string[] | undefined) ?? []).slice().sort();
      const perms = ((d.Permissions as string[] | undefined) ?? []).slice().sort();
      const hierarchyRestricted = ((d.HierarchyRestrictedResources as string[] | undefined) ?? []).slice().sort();
      return compact({
        InstanceArn: INSTANCE, SecurityProfileName: r.name, Description: str(d.Description),
        Permissions: perms.length ? perms : undefined,
        Applications: applications(d.Applications),
        AllowedAccessControlTags: Object.keys(act).length ? Object.keys(act).sort().map((Key) => ({ Key, Value: act[Key]! })) : undefined,
        TagRestrictedResources: restricted.length ? restricted : undefined,
        HierarchyRestrictedResources: hierarchyRestricted.length ? hierarchyRestricted : undefined,
        AllowedAccessControlHierarchyGroupId: str(d.AllowedAccessControlHierarchyGroupId) ? idOfLink(link("hierarchyGroups", d.AllowedAccessControlHierarchyGroupId)!) : undefined,
        Tags: tagList(d.Tags),
      });
    }
    case "hierarchyStructure": {
      const levels: Props = {};
      for (const level of ["LevelOne", "LevelTwo", "LevelThree", "LevelFour", "LevelFive"]) {
        const l = d[level] as J | undefined;
        if (l && str(l.Name)) levels[level] = { Name: String(l.Name) };
      }
      return { InstanceArn: INSTANCE, UserHierarchyStructure: levels };
    }
    case "hierarchyGroups": {
      // The backup keeps the parent link as ParentGroupId (neither read path names it; the path does).
      const parent = str(d.ParentGroupId) ?? parentGroupId(d);
      return compact({ InstanceArn: INSTANCE, Name: r.name, ParentGroupArn: parent ? link("hierarchyGroups", parent) : undefined, Tags: tagList(d.Tags) });
    }
    case "users": {
      const id = (d.IdentityInfo ?? {}) as J;
      const phone = (d.PhoneConfig ?? {}) as J;
      const identity = compact({ FirstName: str(id.FirstName), LastName: str(id.LastName), Email: str(id.Email), SecondaryEmail: str(id.SecondaryEmail), Mobile: str(id.Mobile) });
      return compact({
        InstanceArn: INSTANCE, Username: r.name,
        IdentityInfo: Object.keys(identity).length ? identity : undefined,
        PhoneConfig: compact({
          PhoneType: String(phone.PhoneType ?? "SOFT_PHONE"),
          AutoAccept: typeof phone.AutoAccept === "boolean" ? phone.AutoAccept : undefined,
          AfterContactWorkTimeLimit: typeof phone.AfterContactWorkTimeLimit === "number" ? phone.AfterContactWorkTimeLimit : undefined,
          DeskPhoneNumber: str(phone.DeskPhoneNumber),
          PersistentConnection: typeof phone.PersistentConnection === "boolean" ? phone.PersistentConnection : undefined,
        }),
        AutoAcceptConfigs: perChannel(d.AutoAcceptConfigs, ["AutoAccept", "AgentFirstCallbackAutoAccept"]),
        AfterContactWorkConfigs: perChannel(d.AfterContactWorkConfigs, ["AfterContactWorkConfig", "AgentFirstCallbackAfterContactWorkConfig"]),
        PhoneNumberConfigs: perChannel(d.PhoneNumberConfigs, ["PhoneType", "PhoneNumber"]),
        PersistentConnectionConfigs: perChannel(d.PersistentConnectionConfigs, ["PersistentConnection"]),
        VoiceEnhancementConfigs: perChannel(d.VoiceEnhancementConfigs, ["VoiceEnhancementMode"]),
        DirectoryUserId: str(d.DirectoryUserId),
        RoutingProfileArn: link("routingProfiles", d.RoutingProfileId),
        SecurityProfileArns: ((d.SecurityProfileIds as string[] | undefined) ?? []).slice().sort().map((s) => link("securityProfiles", s)!),
        HierarchyGroupArn: link("hierarchyGroups", d.HierarchyGroupId),
        Tags: tagList(d.Tags),
      });
    }
    case "agentStatuses":
      return compact({
        InstanceArn: INSTANCE, Name: r.name, Description: str(d.Description), State: String(d.State ?? "ENABLED"),
        DisplayOrder: typeof d.DisplayOrder === "number" ? d.DisplayOrder : undefined, Type: "CUSTOM", Tags: tagList(d.Tags),
      });
    case "prompts":
      return compact({ InstanceArn: INSTANCE, Name: r.name, Description: str(d.Description), S3Uri: join([{ $param: PROMPT_PREFIX_PARAM }, `/${promptObjectKey(r.name)}`]), Tags: tagList(d.Tags) });
    default:
      throw new Error(`no resource properties for kind ${kind}`);
  }
}

function sortedQueueConfigs(v: unknown): J[] {
  return ((v as J[] | undefined) ?? []).slice().sort((a, b) => (`${a.QueueId}/${a.Channel}` < `${b.QueueId}/${b.Channel}` ? -1 : 1));
}

/** The id of a linked resource: the ARN's last segment (`instance/<id>/agent-group/<id>`). */
function idOfLink(t: Token): Token {
  return "$res" in t ? { ...t, attr: "id" } : { $segment: t, index: 3 };
}

/**
 * A user's per-channel settings (AutoAcceptConfigs, AfterContactWorkConfigs, ...): the API's and
 * AWS::Connect::User's members are the same, so each item keeps Channel and `members`, sorted by channel.
 */
function perChannel(v: unknown, members: readonly string[]): Value | undefined {
  const items = ((v as J[] | undefined) ?? []).map((c) => compact(Object.fromEntries([["Channel", c.Channel as Value], ...members.map((m) => [m, c[m] as Value | undefined])])));
  return items.length ? items.sort((a, b) => (String(a.Channel) < String(b.Channel) ? -1 : 1)) : undefined;
}

/** A security profile's applications, sorted by namespace with their permissions sorted; undefined when there are none. */
function applications(v: unknown): Value | undefined {
  const apps = ((v as J[] | undefined) ?? [])
    .map((a) => compact({ Namespace: String(a.Namespace), ApplicationPermissions: ((a.ApplicationPermissions as string[] | undefined) ?? []).slice().sort(), Type: str(a.Type) }))
    .sort((a, b) => (String(a.Namespace) < String(b.Namespace) ? -1 : 1));
  return apps.length ? apps : undefined;
}
