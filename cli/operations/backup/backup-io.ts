import type { Kind } from "../model/kinds";
import type { ResourceRecord, Snapshot } from "../model/snapshot";
import type { BackupStore } from "../store/backup-store";
import { buildManifest, MANIFEST_PATH, manifestSchema, objectPath, serialize, sha256, type ChainLink, type Manifest, type ManifestObject } from "./manifest";
import type { ObjectReadPath, ReadPath } from "./read-paths";

/** The earlier backup an incremental backup is written against. */
export interface EarlierBackup {
  readonly location: string;
  readonly manifest: Manifest;
}

export const TOOL = { name: "connect-dr", version: "0.1.0" };

/** Runs `fn` over items with at most `limit` in flight. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * Writes every record as `<kind>/<id>.json`, then `manifest.json` last: a backup without a manifest
 * is incomplete, and verify says so. With `earlier` (an incremental backup), a record whose bytes
 * equal the earlier backup's object at the same path is not written: the manifest references it
 * (`from`: the backup that holds the bytes) and lists that backup in its `chain`.
 */
export async function writeBackup(
  store: BackupStore,
  snapshot: Snapshot,
  options: {
    now?: Date;
    onProgress?: (done: number, total: number) => void;
    readPath?: ReadPath;
    /** How each object was read, by `<kind>\u0000<id>`. */
    readPaths?: ReadonlyMap<string, ObjectReadPath>;
    earlier?: EarlierBackup;
  } = {},
): Promise<Manifest> {
  const records = snapshot.kinds.flatMap((k) => snapshot.resources[k] ?? []);
  const earlierObjects = new Map((options.earlier?.manifest.objects ?? []).map((o) => [o.path, o]));
  const earlierLinks = new Map((options.earlier?.manifest.chain ?? []).map((l) => [l.location, l]));
  const used = new Map<string, ChainLink>();
  // Audio first: a record names its audio's digest, so the audio must be there when the record is.
  const blobOwners = new Map<string, ResourceRecord>();
  for (const r of records) {
    const audio = r.data.Audio as { path?: string } | undefined;
    if (audio?.path) blobOwners.set(audio.path, r);
  }
  const blobs = await mapLimit([...(snapshot.blobs ?? new Map<string, Buffer>())].filter(([path]) => blobOwners.has(path)), 8, async ([path, body]) => {
    await store.write(path, body);
    const owner = blobOwners.get(path)!;
    return { path, kind: owner.kind, id: owner.id, sha256: sha256(body), size: body.length };
  });
  let done = 0;
  const objects = await mapLimit(records, 16, async (r): Promise<ManifestObject> => {
    const body = serialize(r);
    const path = objectPath(r.kind, r.id);
    const digest = sha256(body);
    const read = options.readPaths?.get(`${r.kind}\u0000${r.id}`);
    const base = { path, kind: r.kind, id: r.id, name: r.name, sha256: digest, size: body.length, ...(read ? { read } : {}) };
    const same = earlierObjects.get(path);
    if (options.earlier && same && same.sha256 === digest && same.size === body.length) {
      const e = options.earlier;
      const from = same.from ?? e.location;
      used.set(from, same.from ? earlierLinks.get(same.from)! : { location: e.location, createdAt: e.manifest.createdAt, objectsSha256: e.manifest.objectsSha256 });
      options.onProgress?.(++done, records.length);
      return { ...base, from };
    }
    await store.write(path, body);
    options.onProgress?.(++done, records.length);
    return base;
  });
  const e = options.earlier;
  const manifest = buildManifest({
    tool: TOOL,
    createdAt: (options.now ?? new Date()).toISOString(),
    source: snapshot.source,
    kinds: [...snapshot.kinds],
    objects,
    ...(options.readPath ? { readPath: options.readPath } : {}),
    ...(e ? { since: { location: e.location, createdAt: e.manifest.createdAt, objectsSha256: e.manifest.objectsSha256 } } : {}),
    ...(used.size > 0 ? { chain: [...used.values()].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)) } : {}),
    blobs,
  });
  await store.write(MANIFEST_PATH, serialize(manifest));
  return manifest;
}

export async function readManifest(store: BackupStore): Promise<Manifest> {
  const raw = await store.read(MANIFEST_PATH);
  let json: unknown;
  try {
    json = JSON.parse(raw.toString("utf8"));
  } catch (err) {
    throw new Error(`${MANIFEST_PATH}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`${MANIFEST_PATH}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}

/**
 * Loads every record the manifest lists into a snapshot (no verification; call verifyBackup first).
 * `read` finds objects an incremental backup references in earlier backups (see chain.ts).
 */
export async function loadSnapshot(store: BackupStore, manifest: Manifest, read: (o: ManifestObject) => Promise<Buffer> = (o) => store.read(o.path)): Promise<Snapshot> {
  const resources: Partial<Record<Kind, ResourceRecord[]>> = {};
  for (const k of manifest.kinds) resources[k] = [];
  const records = await mapLimit(manifest.objects, 16, async (o) => JSON.parse((await read(o)).toString("utf8")) as ResourceRecord);
  for (const r of records) (resources[r.kind] ??= []).push(r);
  return { source: manifest.source, kinds: manifest.kinds, resources };
}
