import type { Kind } from "../model/kinds";
import type { ResourceRecord, Snapshot } from "../model/snapshot";
import type { BackupStore } from "../store/backup-store";
import { buildManifest, MANIFEST_PATH, manifestSchema, objectPath, serialize, sha256, type Manifest, type ManifestObject } from "./manifest";

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
 * is incomplete, and verify says so.
 */
export async function writeBackup(
  store: BackupStore,
  snapshot: Snapshot,
  options: { now?: Date; onProgress?: (done: number, total: number) => void } = {},
): Promise<Manifest> {
  const records = snapshot.kinds.flatMap((k) => snapshot.resources[k] ?? []);
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
    await store.write(path, body);
    options.onProgress?.(++done, records.length);
    return { path, kind: r.kind, id: r.id, name: r.name, sha256: sha256(body), size: body.length };
  });
  const manifest = buildManifest({
    tool: TOOL,
    createdAt: (options.now ?? new Date()).toISOString(),
    source: snapshot.source,
    kinds: [...snapshot.kinds],
    objects,
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

/** Loads every record the manifest lists into a snapshot (no verification; call verifyBackup first). */
export async function loadSnapshot(store: BackupStore, manifest: Manifest): Promise<Snapshot> {
  const resources: Partial<Record<Kind, ResourceRecord[]>> = {};
  for (const k of manifest.kinds) resources[k] = [];
  const records = await mapLimit(manifest.objects, 16, async (o) => JSON.parse((await store.read(o.path)).toString("utf8")) as ResourceRecord);
  for (const r of records) (resources[r.kind] ??= []).push(r);
  return { source: manifest.source, kinds: manifest.kinds, resources };
}
