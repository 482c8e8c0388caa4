import type { ConnectClient } from "@aws-sdk/client-connect";
import { listAll, send, type Json } from "../connect/send";
import { KINDS, type Kind } from "../model/kinds";
import type { ResourceRecord, Snapshot, SourceInfo } from "../model/snapshot";
import { LIST_DESCRIBE, SECRET_FIELDS, STORAGE_RESOURCE_TYPES, type ListDescribeSpec } from "./export-specs";
import { parseArn } from "../references/arn";
import { SEARCH_READ, type ObjectReadPath, type ReadPath } from "./read-paths";
import { readKindViaSearch, refreshChildSummaries } from "./search-read";
import { parentGroupId } from "../restore/projection";
import { objectPath, sha256 } from "./manifest";

export interface ReadProgress {
  /** Resources read so far. */
  readonly done: number;
  /** Resources known so far (grows while lists are paged). */
  readonly total: number;
  readonly kind?: Kind;
}

export interface ReadInstanceOptions {
  readonly kinds?: readonly Kind[];
  /**
   * Fetch each prompt's audio (GetPromptFile, then a GET of its presigned URL) and record its
   * SHA-256 and size in `data.Audio`; the bytes go to `Snapshot.blobs`. @default true
   */
  readonly promptAudio?: boolean;
  readonly onProgress?: (p: ReadProgress) => void;
  /** How kinds with a Search API are read (see read-paths.ts). @default "search" */
  readonly readPath?: ReadPath;
  /** The earlier backup of an incremental backup: objects unchanged since are taken from it. */
  readonly earlier?: Snapshot;
  /** Called with how each object was read (the manifest records it). */
  readonly onPath?: (kind: Kind, id: string, path: ObjectReadPath) => void;
}

/** Removes secret fields at any depth; timestamps become ISO strings (as JSON would write them). */
export function stripSecrets(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(stripSecrets);
  if (value && typeof value === "object") {
    const out: Json = {};
    for (const [k, v] of Object.entries(value as Json)) if (!SECRET_FIELDS.has(k)) out[k] = stripSecrets(v);
    return out;
  }
  return value;
}

/** Reads the source identity of an instance (DescribeInstance). */
export async function describeSource(client: ConnectClient, instanceId: string): Promise<{ source: SourceInfo; instance: Json }> {
  const out = await send(client, "DescribeInstance", { InstanceId: instanceId });
  const instance = (out.Instance ?? {}) as Json;
  const arn = String(instance.Arn ?? "");
  const parsed = parseArn(arn);
  if (!parsed) throw new Error(`DescribeInstance returned no usable instance ARN for ${instanceId} (got "${arn}")`);
  return {
    source: { accountId: parsed.account, region: parsed.region, instanceId: String(instance.Id ?? instanceId), instanceArn: arn },
    instance,
  };
}

/**
 * Reads the configuration of one instance: every kind in `kinds` (default: all), every page.
 * All kinds are read concurrently; the per-API token buckets pace the calls, so the slowest API's
 * quota bounds the wall time.
 */
export async function readInstance(client: ConnectClient, instanceId: string, options: ReadInstanceOptions = {}): Promise<Snapshot> {
  const kinds = options.kinds ?? KINDS;
  let done = 0;
  let total = 0;
  const tick = (kind: Kind, addTotal: number, addDone: number) => {
    total += addTotal;
    done += addDone;
    options.onProgress?.({ done, total, kind });
  };
  const { source, instance } = await describeSource(client, instanceId);
  const resources: Partial<Record<Kind, ResourceRecord[]>> = {};
  const blobs = new Map<string, Buffer>();
  const I = { InstanceId: source.instanceId };
  const record = (kind: Kind, id: string, name: string, data: Json, arn?: string): ResourceRecord => ({
    kind, id, name, ...(arn ? { arn } : {}), data: stripSecrets(withParentLink(kind, data)) as Json,
  });

  const readers: Record<Kind, () => Promise<ResourceRecord[]>> = {
    instance: async () => {
      tick("instance", 1, 1);
      return [record("instance", source.instanceId, String(instance.InstanceAlias ?? source.instanceId), instance, source.instanceArn)];
    },
    instanceAttributes: async () => {
      const attrs = await listAll<Json>(client, "ListInstanceAttributes", { ...I, MaxResults: 7 }, "Attributes");
      tick("instanceAttributes", attrs.length, attrs.length);
      return attrs.map((a) => record("instanceAttributes", String(a.AttributeType), String(a.AttributeType), a));
    },
    storageConfigs: async () => {
      const perType = await Promise.all(
        STORAGE_RESOURCE_TYPES.map(async (rt) => {
          const cfgs = await listAll<Json>(client, "ListInstanceStorageConfigs", { ...I, ResourceType: rt, MaxResults: 10 }, "StorageConfigs");
          return cfgs.map((c) => record("storageConfigs", `${rt}:${String(c.AssociationId)}`, `${rt}:${String(c.StorageType)}`, { ResourceType: rt, ...c }));
        }),
      );
      const all = perType.flat();
      tick("storageConfigs", all.length, all.length);
      return all;
    },
    integrations: async () => {
      const items = await listAll<Json>(client, "ListIntegrationAssociations", { ...I, MaxResults: 100 }, "IntegrationAssociationSummaryList");
      tick("integrations", items.length, items.length);
      return items.map((a) =>
        record("integrations", String(a.IntegrationAssociationId), `${String(a.IntegrationType)}:${String(a.IntegrationArn)}`, a, a.IntegrationAssociationArn as string | undefined),
      );
    },
    lambdaFunctions: async () => {
      const arns = await listAll<string>(client, "ListLambdaFunctions", { ...I, MaxResults: 25 }, "LambdaFunctions");
      tick("lambdaFunctions", arns.length, arns.length);
      return arns.map((arn) => record("lambdaFunctions", arn, parseArn(arn)?.resource.replace(/^function:/, "") ?? arn, { FunctionArn: arn }, arn));
    },
    lexBots: async () => {
      const [v1, v2] = await Promise.all([
        listAll<Json>(client, "ListBots", { ...I, LexVersion: "V1", MaxResults: 25 }, "LexBots"),
        listAll<Json>(client, "ListBots", { ...I, LexVersion: "V2", MaxResults: 25 }, "LexBots"),
      ]);
      const out: ResourceRecord[] = [];
      for (const b of [...v1, ...v2]) {
        const v1bot = b.LexBot as { Name?: string; LexRegion?: string } | undefined;
        const v2bot = b.LexV2Bot as { AliasArn?: string } | undefined;
        if (v2bot?.AliasArn) out.push(record("lexBots", v2bot.AliasArn, `v2:${v2bot.AliasArn.split(":").slice(5).join(":")}`, b, v2bot.AliasArn));
        else if (v1bot?.Name) out.push(record("lexBots", `v1:${v1bot.LexRegion}:${v1bot.Name}`, `v1:${v1bot.Name}`, b));
      }
      tick("lexBots", out.length, out.length);
      return out;
    },
    hierarchyStructure: async () => {
      const out = await send(client, "DescribeUserHierarchyStructure", I);
      tick("hierarchyStructure", 1, 1);
      return [record("hierarchyStructure", "structure", "structure", (out.HierarchyStructure ?? {}) as Json)];
    },
    phoneNumbers: async () => {
      const [numbers, assocs] = await Promise.all([
        listAll<Json>(client, "ListPhoneNumbersV2", { ...I, MaxResults: 1000 }, "ListPhoneNumbersSummaryList"),
        listAll<Json>(client, "ListFlowAssociations", { ...I, ResourceType: "VOICE_PHONE_NUMBER", MaxResults: 1000 }, "FlowAssociationSummaryList"),
      ]);
      const flowOf = new Map<string, string>();
      for (const a of assocs) flowOf.set(lastSegment(String(a.ResourceId)), String(a.FlowId));
      tick("phoneNumbers", numbers.length, numbers.length);
      return numbers.map((n) => {
        const id = String(n.PhoneNumberId);
        const flow = flowOf.get(id);
        return record("phoneNumbers", id, String(n.PhoneNumber), { ...n, ...(flow ? { ContactFlowId: lastSegment(flow) } : {}) }, n.PhoneNumberArn as string | undefined);
      });
    },
    hours: () => readDetailed("hours"),
    queues: () => readDetailed("queues"),
    routingProfiles: () => readDetailed("routingProfiles"),
    flows: () => readDetailed("flows"),
    flowModules: () => readDetailed("flowModules"),
    prompts: async () => {
      const records = await readDetailed("prompts");
      if (options.promptAudio === false) return records;
      return Promise.all(
        records.map(async (r) => {
          const audio = await fetchPromptAudio(client, source.instanceId, r.id);
          const path = `prompts/${objectPath("prompts", r.id).slice("prompts/".length).replace(/\.json$/, "")}.audio`;
          blobs.set(path, audio);
          return { ...r, data: { ...r.data, Audio: { path, sha256: sha256(audio), size: audio.length } } };
        }),
      );
    },
    quickConnects: () => readDetailed("quickConnects"),
    securityProfiles: () => readDetailed("securityProfiles"),
    hierarchyGroups: () => readDetailed("hierarchyGroups"),
    agentStatuses: () => readDetailed("agentStatuses"),
    users: () => readDetailed("users"),
  };

  const readPath = options.readPath ?? "search";
  const unchanged = new Set<string>();
  const onPath = (kind: Kind, id: string, path: ObjectReadPath) => {
    if (path === "unchanged") unchanged.add(`${kind}\u0000${id}`);
    options.onPath?.(kind, id, path);
  };

  /** A kind with a Describe API: through Search (the default) or List + Describe. */
  function readDetailed(kind: Kind): Promise<ResourceRecord[]> {
    if (readPath === "describe" || !SEARCH_READ[kind]) return readListDescribe(kind);
    return readKindViaSearch(kind, {
      client, instanceId: source.instanceId, describeOne, record, tick, onPath,
      ...(options.earlier ? { earlier: options.earlier.resources[kind] ?? [] } : {}),
    });
  }

  async function readListDescribe(kind: Kind): Promise<ResourceRecord[]> {
    const spec = LIST_DESCRIBE[kind] as ListDescribeSpec;
    const pending: Promise<ResourceRecord>[] = [];
    await listAll<Json>(client, spec.listApi, { ...I, ...spec.listInput, ...(spec.maxResults ? { MaxResults: spec.maxResults } : {}) }, spec.listKey, (items) => {
      tick(kind, items.length, 0);
      for (const summary of items) {
        const id = String(summary[spec.summaryId ?? "Id"]);
        onPath(kind, id, "describe");
        pending.push(describeOne(kind, spec, id));
      }
    });
    return Promise.all(pending);
  }

  async function describeOne(kind: Kind, spec: ListDescribeSpec, id: string): Promise<ResourceRecord> {
    const r = await describeRecord(client, source.instanceId, kind, id, spec);
    tick(kind, 0, 1);
    return r;
  }

  await Promise.all(
    kinds.map(async (kind) => {
      const records = await readers[kind]();
      records.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
      if (!LIST_DESCRIBE[kind]) for (const r of records) options.onPath?.(kind, r.id, "list");
      resources[kind] = records;
    }),
  );
  return { source, kinds: [...kinds], resources: unchanged.size > 0 ? refreshChildSummaries(resources, unchanged) : resources, ...(blobs.size ? { blobs } : {}) };
}

/**
 * A prompt's audio: GetPromptFile's presigned URL, fetched. The URL is short-lived and carries a
 * signature, so it is neither stored nor printed.
 */
export async function fetchPromptAudio(client: ConnectClient, instanceId: string, promptId: string): Promise<Buffer> {
  const out = await send(client, "GetPromptFile", { InstanceId: instanceId, PromptId: promptId });
  const url = String(out.PromptPresignedUrl ?? "");
  if (!url) throw new Error(`GetPromptFile returned no PromptPresignedUrl for prompt ${promptId}`);
  let lastError: unknown;
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const res = await fetch(url);
      if (res.ok) return Buffer.from(await res.arrayBuffer());
      lastError = new Error(`HTTP ${res.status}`);
      if (res.status < 500) break;
    } catch (err) {
      lastError = err;
    }
  }
  throw new Error(`could not download the audio of prompt ${promptId} from its GetPromptFile URL (${(lastError as Error).message})`);
}

/**
 * Describes one resource of a list-describe kind (with its child lists) as a record. Used by the
 * backup for every resource, and by restore to find what a create whose response was lost made.
 */
export async function describeRecord(client: ConnectClient, instanceId: string, kind: Kind, id: string, spec = LIST_DESCRIBE[kind] as ListDescribeSpec): Promise<ResourceRecord> {
  const I = { InstanceId: instanceId };
  const [described, ...children] = await Promise.all([
    send(client, spec.describeApi, { ...I, [spec.describeIdParam]: id }),
    ...(spec.children ?? []).map((c) =>
      listAll<Json>(client, c.api, { ...I, [c.idParam]: id, ...(c.maxResults ? { MaxResults: c.maxResults } : {}) }, c.listKey),
    ),
  ]);
  const data: Json = { ...((described[spec.describeKey] ?? {}) as Json) };
  (spec.children ?? []).forEach((c, i) => (data[c.field] = children[i]));
  const arn = data[spec.arnField] as string | undefined;
  return { kind, id, name: String(data[spec.nameField ?? "Name"] ?? id), ...(arn ? { arn } : {}), data: stripSecrets(withParentLink(kind, data)) as Json };
}

/**
 * A hierarchy group as restore follows it: neither DescribeUserHierarchyGroup nor
 * SearchUserHierarchyGroups names the parent, the group's path does; kept as `ParentGroupId` whichever
 * read path was taken, so both give the same record.
 */
function withParentLink(kind: Kind, data: Json): Json {
  if (kind !== "hierarchyGroups" || data.ParentGroupId !== undefined) return data;
  const parent = parentGroupId(data);
  return parent ? { ...data, ParentGroupId: parent } : data;
}

/**
 * The id of the resource of `kind` named `name`, by listing (every page): how a create retried
 * after a lost response finds what the first attempt made.
 */
export async function findIdByName(client: ConnectClient, instanceId: string, kind: Kind, name: string): Promise<string | undefined> {
  const spec = LIST_DESCRIBE[kind];
  if (!spec) return undefined;
  const items = await listAll<Json>(client, spec.listApi, { InstanceId: instanceId, ...spec.listInput, ...(spec.maxResults ? { MaxResults: spec.maxResults } : {}) }, spec.listKey);
  const nameKey = spec.summaryName ?? "Name";
  const hit = items.find((s) => s[nameKey] === name);
  return hit ? String(hit[spec.summaryId ?? "Id"]) : undefined;
}

function lastSegment(idOrArn: string): string {
  const i = idOrArn.lastIndexOf("/");
  return i >= 0 ? idOrArn.slice(i + 1) : idOrArn;
}
