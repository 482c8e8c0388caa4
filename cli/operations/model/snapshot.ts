import type { Kind } from "./kinds";

/** One exported resource: its identity in the source and the described data, as JSON. */
export interface ResourceRecord {
  readonly kind: Kind;
  /** The source id (or, for ARN-identified things such as Lambda functions, the ARN). */
  readonly id: string;
  /** The name the resource is matched by across instances. Unique within a kind. */
  readonly name: string;
  readonly arn?: string;
  /** The Describe output plus child lists (queue quick connects, routing-profile queues, ...). */
  readonly data: Record<string, unknown>;
}

export interface SourceInfo {
  readonly accountId: string;
  readonly region: string;
  readonly instanceId: string;
  readonly instanceArn: string;
}

/** A whole instance configuration in memory: what a backup holds or an instance currently has. */
export interface Snapshot {
  readonly source: SourceInfo;
  readonly kinds: readonly Kind[];
  readonly resources: Partial<Record<Kind, ResourceRecord[]>>;
  /** Binary objects beside the records (prompt audio), by backup path. Read into memory only by a backup. */
  readonly blobs?: ReadonlyMap<string, Buffer>;
}

export function recordsOf(snapshot: Snapshot, kind: Kind): ResourceRecord[] {
  return snapshot.resources[kind] ?? [];
}

/** Index of a kind's records by id and by name. */
export function indexRecords(records: readonly ResourceRecord[]): { byId: Map<string, ResourceRecord>; byName: Map<string, ResourceRecord> } {
  const byId = new Map<string, ResourceRecord>();
  const byName = new Map<string, ResourceRecord>();
  for (const r of records) {
    byId.set(r.id, r);
    if (r.arn) byId.set(r.arn, r);
    byName.set(r.name, r);
  }
  return { byId, byName };
}
