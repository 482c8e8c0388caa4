import type { ConnectClient } from "@aws-sdk/client-connect";
import { listAll, type Json } from "../connect/send";
import type { Kind } from "../model/kinds";
import type { ResourceRecord } from "../model/snapshot";
import { LIST_DESCRIBE, type ListDescribeSpec } from "./export-specs";
import { missingFields, SEARCH_READ, unchangedSince, type ObjectReadPath, type SearchReadSpec } from "./read-paths";

/** What the Search reader needs from the instance reader. */
export interface SearchReadContext {
  readonly client: ConnectClient;
  readonly instanceId: string;
  /** The describe path's read of one object (Describe plus child lists): the fallback. */
  describeOne(kind: Kind, spec: ListDescribeSpec, id: string): Promise<ResourceRecord>;
  /** Builds a record as the describe path does (secrets stripped). */
  record(kind: Kind, id: string, name: string, data: Json, arn?: string): ResourceRecord;
  tick(kind: Kind, addTotal: number, addDone: number): void;
  /** Records how each object was read. */
  onPath(kind: Kind, id: string, path: ObjectReadPath): void;
  /** This kind's records in the earlier backup (incremental backups only). */
  readonly earlier?: readonly ResourceRecord[];
}

/**
 * Reads one kind through its Search API (see `SEARCH_READ`): whole objects 100 (or 500) per call;
 * every item is checked, and one lacking a field Describe gives is read with Describe instead; child
 * lists Search does not carry are read per object, unless an incremental backup finds the object
 * unchanged since the earlier backup, in which case the earlier record is taken as it was.
 */
export async function readKindViaSearch(kind: Kind, ctx: SearchReadContext): Promise<ResourceRecord[]> {
  const spec = SEARCH_READ[kind] as SearchReadSpec;
  const ld = LIST_DESCRIBE[kind] as ListDescribeSpec;
  const I = { InstanceId: ctx.instanceId };
  const earlier = new Map((ctx.earlier ?? []).map((r) => [r.id, r]));
  const incremental = ctx.earlier !== undefined && spec.changeFields !== undefined;

  // Change fields the Search item lacks come from a List call, read only when there is something to skip.
  const changeOf = new Map<string, Json>();
  if (incremental && spec.changeListing) {
    const summaries = await listAll<Json>(ctx.client, spec.changeListing.api, { ...I, MaxResults: spec.changeListing.maxResults }, spec.changeListing.listKey);
    for (const s of summaries) changeOf.set(String(s.Id), s);
  }

  const pending: Promise<ResourceRecord>[] = [];
  const one = (item: Json): Promise<ResourceRecord> => {
    const id = String(item[spec.idField]);
    const before = earlier.get(id);
    if (incremental && before && unchangedSince(changeOf.get(id) ?? item, before.data, spec.changeFields!)) {
      ctx.onPath(kind, id, "unchanged");
      ctx.tick(kind, 0, 1);
      return Promise.resolve(before);
    }
    if (spec.describeAlways || missingFields(item, spec.required).length > 0) {
      ctx.onPath(kind, id, spec.describeAlways ? "describe" : "search+describe");
      return ctx.describeOne(kind, ld, id);
    }
    ctx.onPath(kind, id, "search");
    return withChildren(kind, spec, ld, item, id, ctx);
  };
  await listAll<Json>(ctx.client, spec.searchApi, { ...I, ...spec.searchInput, MaxResults: spec.maxResults }, spec.listKey, (items) => {
    ctx.tick(kind, items.length, 0);
    for (const item of items) pending.push(one(item));
  });
  return Promise.all(pending);
}

/** The Search item plus the child lists Search lacks, as the describe path stores them. */
async function withChildren(kind: Kind, spec: SearchReadSpec, ld: ListDescribeSpec, item: Json, id: string, ctx: SearchReadContext): Promise<ResourceRecord> {
  const I = { InstanceId: ctx.instanceId };
  const data: Json = { ...item };
  const lists = await Promise.all(
    (ld.children ?? []).map((c) => {
      const rule = spec.children?.find((r) => r.field === c.field);
      if (rule?.emptyWhen?.(item)) return Promise.resolve([]);
      return listAll<Json>(ctx.client, c.api, { ...I, [c.idParam]: id, ...(c.maxResults ? { MaxResults: c.maxResults } : {}) }, c.listKey);
    }),
  );
  (ld.children ?? []).forEach((c, i) => (data[c.field] = lists[i]));
  ctx.tick(kind, 0, 1);
  return ctx.record(kind, id, String(data[ld.nameField ?? "Name"] ?? id), data, data[ld.arnField] as string | undefined);
}

/**
 * Child summaries name other objects (a queue's quick connects, a routing profile's queues); an
 * object taken unchanged from an earlier backup gets those names and times from this read, so a
 * renamed quick connect does not leave a stale name behind.
 */
export function refreshChildSummaries(resources: Partial<Record<Kind, ResourceRecord[]>>, unchanged: ReadonlySet<string>): Partial<Record<Kind, ResourceRecord[]>> {
  const qcs = new Map((resources.quickConnects ?? []).map((r) => [r.id, r.data]));
  const queues = new Map((resources.queues ?? []).map((r) => [r.id, r.data]));
  const patch = (r: ResourceRecord, field: string, fix: (entry: Json) => Json): ResourceRecord => {
    const list = r.data[field];
    if (!unchanged.has(`${r.kind}\u0000${r.id}`) || !Array.isArray(list)) return r;
    return { ...r, data: { ...r.data, [field]: (list as Json[]).map(fix) } };
  };
  const out = { ...resources };
  if (out.queues && resources.quickConnects) {
    out.queues = out.queues.map((r) =>
      patch(r, "QuickConnects", (e) => {
        const qc = qcs.get(String(e.Id));
        if (!qc) return e;
        const cfg = qc.QuickConnectConfig as { QuickConnectType?: string } | undefined;
        return { ...e, Name: qc.Name, ...(cfg?.QuickConnectType ? { QuickConnectType: cfg.QuickConnectType } : {}), LastModifiedTime: qc.LastModifiedTime, LastModifiedRegion: qc.LastModifiedRegion };
      }),
    );
  }
  if (out.routingProfiles && resources.queues) {
    out.routingProfiles = out.routingProfiles.map((r) =>
      patch(r, "QueueConfigs", (e) => {
        const q = queues.get(String(e.QueueId));
        return q ? { ...e, QueueName: q.Name } : e;
      }),
    );
  }
  return out;
}
