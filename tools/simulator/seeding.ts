/**
 * Direct seeding of state, bypassing quotas and faults: an instance and resources, optionally with
 * fixed ids. Fixed ids let a test import a real flow export whose ARNs name specific queues,
 * prompts or flows: seed those ids, rewrite the export's instance ARN, and CreateContactFlow accepts
 * it. Resources with a Create API go through that API's handler, so seeding obeys the same rules;
 * families seeded without their Create API (prompts, users, agent statuses, hierarchy: no S3 object,
 * password or level checks needed) are inserted.
 */
import type { LexBot, UserIdentityInfo, UserPhoneConfig } from "@aws-sdk/client-connect";
import { instanceArn } from "./arns";
import type { RequestContext } from "./handlers/context";
import { createInstanceRecord } from "./handlers/instances";
import { HANDLERS } from "./handlers/registry";
import { addAgentQueue } from "./handlers/users";
import { checkRequest, modelValidationError } from "./model/verdicts";
import { MINIMAL_FLOW_CONTENT } from "./state/default-resources";
import type { InstanceRecord, IntegrationRecord, StorageConfigRecord } from "./state/model";

/** What to seed into one (account, Region). Every `id` is optional; omitted ids are minted. */
export interface SeedSpec {
  /** @default the simulator's default account */
  readonly account?: string;
  readonly region: string;
  /** The instance to create, or (when `id` names an existing instance) to add resources to. */
  readonly instance: {
    readonly id?: string;
    readonly alias?: string;
    /** @default "SAML" (what ACGR needs) */
    readonly identityManagementType?: "SAML" | "CONNECT_MANAGED" | "EXISTING_DIRECTORY";
    readonly inboundCallsEnabled?: boolean;
    readonly outboundCallsEnabled?: boolean;
  };
  readonly hours?: readonly { readonly id?: string; readonly name: string; readonly timeZone?: string }[];
  /** Queues; `hoursOfOperationName` defaults to the first hours of the instance. */
  readonly queues?: readonly { readonly id?: string; readonly name: string; readonly hoursOfOperationName?: string }[];
  /** Prompts; `audio` is what GetPromptFile's URL serves (default: half a second of silence). */
  readonly prompts?: readonly { readonly id?: string; readonly name: string; readonly audio?: Uint8Array }[];
  readonly flowModules?: readonly { readonly id?: string; readonly name: string; readonly content?: string }[];
  /** Flows; `type` defaults to CONTACT_FLOW and `content` to a minimal valid flow. */
  readonly flows?: readonly { readonly id?: string; readonly name: string; readonly type?: string; readonly content?: string }[];
  /**
   * Users (agents); they get the instance's first routing and security profiles, and an AGENT queue,
   * and the identity info CreateUser requires on SAML and CONNECT_MANAGED instances (FirstName the
   * username, LastName "Agent", Email `<username>@example.com` unless the username is an email) unless
   * `identityInfo` is given.
   */
  readonly users?: readonly {
    readonly id?: string;
    readonly username: string;
    readonly hierarchyGroupName?: string;
    readonly identityInfo?: UserIdentityInfo;
    /** @default the instance's first routing profile */
    readonly routingProfileName?: string;
    /** @default the instance's first security profile */
    readonly securityProfileNames?: readonly string[];
    readonly phoneConfig?: UserPhoneConfig;
    readonly tags?: Record<string, string>;
  }[];
  /** Security profiles, created through CreateSecurityProfile's handler (so its rules apply). */
  readonly securityProfiles?: readonly {
    readonly id?: string;
    readonly name: string;
    readonly description?: string;
    readonly permissions?: readonly string[];
    readonly tags?: Record<string, string>;
  }[];
  /** The user hierarchy: level names (LevelOne first) and groups, each at a level with an optional parent. */
  readonly hierarchy?: {
    readonly levels: readonly string[];
    readonly groups?: readonly { readonly id?: string; readonly name: string; readonly level: number; readonly parentName?: string }[];
  };
  /** Custom agent statuses besides Available and Offline. */
  readonly agentStatuses?: readonly { readonly id?: string; readonly name: string; readonly type?: "ROUTABLE" | "CUSTOM" | "OFFLINE" }[];
  readonly lambdaFunctions?: readonly string[];
  readonly lexBots?: readonly LexBot[];
  readonly lexV2BotAliasArns?: readonly string[];
  readonly storageConfigs?: readonly StorageConfigRecord[];
  readonly integrations?: readonly IntegrationRecord[];
}

/** What seeding created: the instance and, per family, name -> id. */
export interface SeedResult {
  readonly instanceId: string;
  readonly instanceArn: string;
  readonly ids: Readonly<Record<"hours" | "queues" | "prompts" | "flowModules" | "flows" | "users" | "hierarchyGroups" | "agentStatuses" | "securityProfiles", Record<string, string>>>;
}

/** Builds a request context for seeding; `ids` are handed out by `newId()` before random ones. */
export type SeedContextFactory = (operation: string, region: string, ids: string[]) => RequestContext;

function call(ctx: RequestContext, operation: string, input: Record<string, unknown>): Record<string, unknown> {
  const problems = checkRequest(operation, input);
  if (problems.length > 0) throw modelValidationError(operation, problems);
  const handler = HANDLERS[operation] as unknown as (c: RequestContext, i: unknown) => Record<string, unknown>;
  return handler(ctx, input);
}

/** Applies a {@link SeedSpec}. Throws the service's errors when the spec breaks the rules. */
export function seedState(spec: SeedSpec, contextFor: SeedContextFactory): SeedResult {
  const ids = { hours: {}, queues: {}, prompts: {}, flowModules: {}, flows: {}, users: {}, hierarchyGroups: {}, agentStatuses: {}, securityProfiles: {} } as SeedResult["ids"];
  const ctxFor = (operation: string, id?: string): RequestContext => contextFor(operation, spec.region, id ? [id] : []);
  const base = ctxFor("Seed");
  let instance: InstanceRecord | undefined = spec.instance.id ? base.regionState.instances.get(spec.instance.id) : undefined;
  if (!instance) {
    instance = createInstanceRecord(ctxFor("Seed", spec.instance.id), {
      ...(spec.instance.alias !== undefined ? { alias: spec.instance.alias } : {}),
      identityManagementType: spec.instance.identityManagementType ?? "SAML",
      inboundCallsEnabled: spec.instance.inboundCallsEnabled ?? true,
      outboundCallsEnabled: spec.instance.outboundCallsEnabled ?? true,
    });
    // Seeded instances are usable at once, whatever the creation delay.
    instance.readyAt = instance.createdTime.getTime();
  }
  const now = base.now();
  const InstanceId = instance.id;
  for (const h of spec.hours ?? []) {
    const out = call(ctxFor("CreateHoursOfOperation", h.id), "CreateHoursOfOperation", {
      InstanceId, Name: h.name, TimeZone: h.timeZone ?? "UTC",
      Config: [{ Day: "MONDAY", StartTime: { Hours: 9, Minutes: 0 }, EndTime: { Hours: 17, Minutes: 0 } }],
    });
    ids.hours[h.name] = out["HoursOfOperationId"] as string;
  }
  for (const q of spec.queues ?? []) {
    const hours = [...instance.config.hours.values()].find((h) => q.hoursOfOperationName === undefined || h.name === q.hoursOfOperationName);
    if (!hours) throw new Error(`seed: queue ${q.name} needs hours of operation ${q.hoursOfOperationName ?? "(any)"}`);
    const out = call(ctxFor("CreateQueue", q.id), "CreateQueue", { InstanceId, Name: q.name, HoursOfOperationId: hours.id });
    ids.queues[q.name] = out["QueueId"] as string;
  }
  for (const p of spec.prompts ?? []) {
    const id = p.id ?? base.newId();
    instance.config.prompts.set(id, { id, name: p.name, ...(p.audio ? { audio: new Uint8Array(p.audio) } : {}), tags: {}, lastModifiedTime: now, lastModifiedRegion: spec.region });
    ids.prompts[p.name] = id;
  }
  for (const m of spec.flowModules ?? []) {
    const out = call(ctxFor("CreateContactFlowModule", m.id), "CreateContactFlowModule", { InstanceId, Name: m.name, Content: m.content ?? MINIMAL_FLOW_CONTENT });
    ids.flowModules[m.name] = out["Id"] as string;
  }
  for (const f of spec.flows ?? []) {
    const out = call(ctxFor("CreateContactFlow", f.id), "CreateContactFlow", { InstanceId, Name: f.name, Type: f.type ?? "CONTACT_FLOW", Content: f.content ?? MINIMAL_FLOW_CONTENT });
    ids.flows[f.name] = out["ContactFlowId"] as string;
  }
  const stamp = { tags: {}, lastModifiedTime: now, lastModifiedRegion: spec.region };
  const levelIds: string[] = [];
  (spec.hierarchy?.levels ?? []).forEach((name, i) => {
    if (i >= 5) throw new Error("seed: the user hierarchy has at most five levels");
    const id = base.newId();
    instance.config.hierarchyLevels.set(id, { id, name, level: i + 1, ...stamp });
    levelIds.push(id);
  });
  for (const g of spec.hierarchy?.groups ?? []) {
    const levelId = levelIds[g.level - 1];
    if (!levelId) throw new Error(`seed: hierarchy group ${g.name} is at level ${g.level}, which is not defined`);
    const parentGroupId = g.parentName !== undefined ? ids.hierarchyGroups[g.parentName] : undefined;
    if (g.parentName !== undefined && !parentGroupId) throw new Error(`seed: hierarchy group ${g.name} names unknown parent ${g.parentName}`);
    const id = g.id ?? base.newId();
    instance.config.hierarchyGroups.set(id, { id, name: g.name, levelId, ...(parentGroupId ? { parentGroupId } : {}), ...stamp });
    ids.hierarchyGroups[g.name] = id;
  }
  for (const a of spec.agentStatuses ?? []) {
    const id = a.id ?? base.newId();
    instance.config.agentStatuses.set(id, { id, name: a.name, type: a.type ?? "CUSTOM", state: "ENABLED", ...stamp });
    ids.agentStatuses[a.name] = id;
  }
  for (const p of spec.securityProfiles ?? []) {
    const out = call(ctxFor("CreateSecurityProfile", p.id), "CreateSecurityProfile", {
      InstanceId, SecurityProfileName: p.name,
      ...(p.description !== undefined ? { Description: p.description } : {}),
      ...(p.permissions ? { Permissions: [...p.permissions] } : {}),
      ...(p.tags ? { Tags: { ...p.tags } } : {}),
    });
    ids.securityProfiles[p.name] = out["SecurityProfileId"] as string;
  }
  const byName = <T extends { id: string; name: string }>(collection: ReadonlyMap<string, T>, name: string, what: string): string => {
    const found = [...collection.values()].find((r) => r.name === name);
    if (!found) throw new Error(`seed: no ${what} named ${name}`);
    return found.id;
  };
  const firstRoutingProfileId = instance.config.routingProfiles.keys().next().value ?? "";
  const firstSecurityProfileId = instance.config.securityProfiles.keys().next().value;
  for (const u of spec.users ?? []) {
    const id = u.id ?? base.newId();
    const identityInfo = u.identityInfo ?? { FirstName: u.username, LastName: "Agent", Email: u.username.includes("@") ? u.username : `${u.username}@example.com` };
    const securityProfileIds = u.securityProfileNames
      ? u.securityProfileNames.map((n) => byName(instance.config.securityProfiles, n, "security profile"))
      : firstSecurityProfileId ? [firstSecurityProfileId] : [];
    instance.config.users.set(id, {
      id, name: u.username, identityInfo: { ...identityInfo }, tags: { ...u.tags }, lastModifiedTime: now, lastModifiedRegion: spec.region,
      phoneConfig: { ...(u.phoneConfig ?? { PhoneType: "SOFT_PHONE", AutoAccept: false, AfterContactWorkTimeLimit: 0 }) },
      securityProfileIds,
      routingProfileId: u.routingProfileName !== undefined ? byName(instance.config.routingProfiles, u.routingProfileName, "routing profile") : firstRoutingProfileId,
      ...(u.hierarchyGroupName !== undefined ? { hierarchyGroupId: ids.hierarchyGroups[u.hierarchyGroupName] ?? "" } : {}),
    });
    ids.users[u.username] = id;
    // Every agent gets an AGENT queue (used for direct transfers); the service creates it with the user.
    addAgentQueue(instance, u.username, base.newId(), now, spec.region);
  }
  instance.lambdaFunctions.push(...(spec.lambdaFunctions ?? []));
  instance.lexBots.push(...(spec.lexBots ?? []));
  instance.lexV2BotAliasArns.push(...(spec.lexV2BotAliasArns ?? []));
  instance.storageConfigs.push(...(spec.storageConfigs ?? []));
  instance.integrations.push(...(spec.integrations ?? []));
  return { instanceId: instance.id, instanceArn: instanceArn(spec.region, instance.account, instance.id), ids };
}
