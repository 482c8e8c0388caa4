import { DescribeTableCommand, GetItemCommand, ScanCommand, type AttributeValue, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { inParallel } from "../s3/object-listing";
import { DataPreconditionError } from "../precondition-error";
import { itemHash, keyOf } from "./item-hash";

export interface TableSide {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** For messages: the Region (or endpoint) this side is. */
  readonly label: string;
}

export interface CheckTableOptions {
  readonly source: TableSide;
  readonly replica: TableSide;
  /** Parallel scan segments per table (DynamoDB allows up to 1,000,000). @default 8 */
  readonly segments?: number;
  /** Differences re-read (consistent reads, both sides) before being reported: what replication settles in the meantime is not reported. @default 1000 */
  readonly maxRecheck?: number;
  readonly onProgress?: (scanned: number) => void;
}

export type TableProblemKind = "missing-in-replica" | "missing-in-source" | "different";

export interface TableProblem {
  readonly kind: TableProblemKind;
  /** The item's key, as JSON of the key attributes. */
  readonly key: string;
}

export interface CheckTableReport {
  readonly ok: boolean;
  readonly source: string;
  readonly replica: string;
  readonly items: { source: number; replica: number };
  readonly problems: Record<TableProblemKind, number>;
  /** Differences that a consistent re-read found settled (replication caught up). */
  readonly settled: number;
  readonly listed: TableProblem[];
  readonly segments: number;
}

async function keySchema(side: TableSide): Promise<string[]> {
  try {
    const t = (await side.client.send(new DescribeTableCommand({ TableName: side.tableName }))).Table!;
    return (t.KeySchema ?? []).sort((a, b) => (a.KeyType === "HASH" ? -1 : b.KeyType === "HASH" ? 1 : 0)).map((k) => k.AttributeName!);
  } catch (err) {
    if ((err as { name?: string }).name === "ResourceNotFoundException") {
      throw new DataPreconditionError(`table "${side.tableName}" does not exist in ${side.label}: pass the global table's name and the Regions of two of its replicas.`);
    }
    throw err;
  }
}

async function scanAll(side: TableSide, segments: number, each: (item: Record<string, AttributeValue>) => void): Promise<number> {
  let n = 0;
  await inParallel(Array.from({ length: segments }, (_, i) => i), segments, async (segment) => {
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await side.client.send(new ScanCommand({ TableName: side.tableName, Segment: segment, TotalSegments: segments, ExclusiveStartKey: start }));
      for (const item of page.Items ?? []) {
        n += 1;
        each(item);
      }
      start = page.LastEvaluatedKey;
    } while (start);
  });
  return n;
}

/**
 * Compares two replicas of a global table: both scanned in parallel segments, each item hashed
 * (canonical attribute text, SHA-256, without the legacy replication attributes). The source side is
 * held as key -> hash (about 80 bytes an item); the replica is streamed against it. Differences are
 * re-read with consistent reads on both sides, and only those still there are reported: a difference
 * that replication settles in the meantime is inside the replication window. Reads only.
 */
export async function checkTable(o: CheckTableOptions): Promise<CheckTableReport> {
  const segments = o.segments ?? 8;
  const [sourceKeys, replicaKeys] = await Promise.all([keySchema(o.source), keySchema(o.replica)]);
  if (sourceKeys.join(",") !== replicaKeys.join(",")) {
    throw new DataPreconditionError(`the tables have different keys (${sourceKeys.join(", ")} in ${o.source.label}, ${replicaKeys.join(", ")} in ${o.replica.label}): they are not replicas of one global table.`);
  }
  const keyAttributes = (item: Record<string, AttributeValue>) => Object.fromEntries(sourceKeys.map((k) => [k, item[k]]));
  const seen = new Map<string, { hash: string; key: Record<string, AttributeValue> }>();
  let scanned = 0;
  const sourceItems = await scanAll(o.source, segments, (item) => {
    seen.set(keyOf(item, sourceKeys), { hash: itemHash(item), key: keyAttributes(item) });
    if (++scanned % 1000 === 0) o.onProgress?.(scanned);
  });
  const suspects: { kind: TableProblemKind; key: Record<string, AttributeValue> }[] = [];
  const replicaItems = await scanAll(o.replica, segments, (item) => {
    const text = keyOf(item, sourceKeys);
    const known = seen.get(text);
    if (known === undefined) suspects.push({ kind: "missing-in-source", key: keyAttributes(item) });
    else {
      if (known.hash !== itemHash(item)) suspects.push({ kind: "different", key: known.key });
      seen.delete(text);
    }
    if (++scanned % 1000 === 0) o.onProgress?.(scanned);
  });
  for (const left of seen.values()) suspects.push({ kind: "missing-in-replica", key: left.key });
  seen.clear();
  const problems: Record<TableProblemKind, number> = { "missing-in-replica": 0, "missing-in-source": 0, different: 0 };
  const listed: TableProblem[] = [];
  let settled = 0;
  const maxRecheck = o.maxRecheck ?? 1000;
  const read = async (side: TableSide, key: Record<string, AttributeValue>) => (await side.client.send(new GetItemCommand({ TableName: side.tableName, Key: key, ConsistentRead: true }))).Item;
  await inParallel(suspects.slice(0, maxRecheck), 16, async (s) => {
    const [a, b] = await Promise.all([read(o.source, s.key), read(o.replica, s.key)]);
    const still = a === undefined || b === undefined ? a !== b : itemHash(a) !== itemHash(b);
    if (!still) {
      settled += 1;
      return;
    }
    const kind: TableProblemKind = a === undefined ? "missing-in-source" : b === undefined ? "missing-in-replica" : "different";
    problems[kind] += 1;
    listed.push({ kind, key: JSON.stringify(s.key) });
  });
  // Beyond the re-read budget: counted as found, without a second look.
  for (const s of suspects.slice(maxRecheck)) problems[s.kind] += 1;
  listed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return {
    ok: problems["missing-in-replica"] + problems["missing-in-source"] + problems.different === 0,
    source: `${o.source.tableName} (${o.source.label})`,
    replica: `${o.replica.tableName} (${o.replica.label})`,
    items: { source: sourceItems, replica: replicaItems },
    problems,
    settled,
    listed,
    segments,
  };
}
