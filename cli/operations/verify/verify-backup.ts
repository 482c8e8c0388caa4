import type { Kind } from "../model/kinds";
import { validateRecord } from "../model/schemas";
import type { BackupStore } from "../store/backup-store";
import { MissingObjectError } from "../store/backup-store";
import { loadSnapshot, mapLimit, readManifest } from "../backup/backup-io";
import { countsByKind, MANIFEST_PATH, objectsDigest, sha256, type Manifest } from "../backup/manifest";
import { checkReferences, type DeclaredExternals } from "./reference-check";
import { openChain } from "../backup/chain";
import type { Snapshot } from "../model/snapshot";

/** One verification failure, naming the file and (when known) the kind and reference. */
export interface VerifyFailure {
  readonly file: string;
  readonly kind?: Kind;
  readonly name?: string;
  readonly reference?: string;
  readonly problem: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly location: string;
  readonly objects: number;
  readonly failures: VerifyFailure[];
  readonly warnings: VerifyFailure[];
  readonly manifest?: Manifest;
  readonly snapshot?: Snapshot;
}

/**
 * Verifies a backup: the manifest's own shape and digest, every object's size and SHA-256, objects
 * present that the manifest does not list, each record's JSON shape, and referential integrity.
 * An incremental backup is verified as one backup with its chain: each linked earlier backup must
 * still hold the object list it had when referenced (a broken link fails, naming it), and the objects
 * read from it are checked like the backup's own.
 */
export async function verifyBackup(
  store: BackupStore,
  options: { externals?: DeclaredExternals; onProgress?: (done: number, total: number) => void } = {},
): Promise<VerifyReport> {
  const failures: VerifyFailure[] = [];
  const warnings: VerifyFailure[] = [];
  let manifest: Manifest;
  try {
    manifest = await readManifest(store);
  } catch (err) {
    const absence = err instanceof MissingObjectError ? await store.absence?.() : undefined;
    const problem = absence
      ? `no backup: ${store.location} ${absence}`
      : err instanceof MissingObjectError
        ? "manifest.json is missing (an incomplete or interrupted backup?)"
        : (err as Error).message;
    return { ok: false, location: store.location, objects: 0, failures: [{ file: MANIFEST_PATH, problem }], warnings };
  }
  if (objectsDigest(manifest.objects) !== manifest.objectsSha256) {
    failures.push({ file: MANIFEST_PATH, problem: "objectsSha256 does not match the object list (the manifest was edited)" });
  }
  const counts = countsByKind(manifest.kinds, manifest.objects);
  for (const [kind, n] of Object.entries(manifest.counts)) {
    if (counts[kind] !== n) failures.push({ file: MANIFEST_PATH, kind: kind as Kind, problem: `counts.${kind} is ${n} but ${counts[kind] ?? 0} objects are listed` });
  }
  for (const o of manifest.objects) {
    if (!manifest.kinds.includes(o.kind)) failures.push({ file: o.path, kind: o.kind, problem: `kind "${o.kind}" is not in the manifest's kinds` });
  }

  const chain = await openChain(store, manifest);
  for (const b of chain.broken) failures.push({ file: `${b.location}/${MANIFEST_PATH}`, problem: b.problem });

  const listed = new Set([...manifest.objects.filter((o) => !o.from).map((o) => o.path), ...manifest.blobs.map((b) => b.path)]);
  await mapLimit(manifest.blobs, 8, async (b) => {
    let body: Buffer;
    try {
      body = await store.read(b.path);
    } catch (err) {
      failures.push({ file: b.path, kind: b.kind, problem: err instanceof MissingObjectError ? "object is missing" : (err as Error).message });
      return;
    }
    if (body.length !== b.size) failures.push({ file: b.path, kind: b.kind, problem: `size ${body.length} bytes, manifest says ${b.size}` });
    const digest = sha256(body);
    if (digest !== b.sha256) failures.push({ file: b.path, kind: b.kind, problem: `SHA-256 ${digest} does not match the manifest's ${b.sha256}` });
  });
  for (const path of await store.list()) {
    if (path !== MANIFEST_PATH && !listed.has(path)) failures.push({ file: path, problem: "object is not listed in manifest.json" });
  }

  let done = 0;
  const validRecords = new Set<string>();
  await mapLimit(manifest.objects, 16, async (o) => {
    let body: Buffer;
    try {
      body = await chain.read(o);
    } catch (err) {
      const where = o.from ? ` in chain link ${o.from}` : "";
      failures.push({ file: o.path, kind: o.kind, name: o.name, problem: err instanceof MissingObjectError ? `object is missing${where}` : (err as Error).message });
      return;
    } finally {
      options.onProgress?.(++done, manifest.objects.length);
    }
    if (body.length !== o.size) failures.push({ file: o.path, kind: o.kind, name: o.name, problem: `size ${body.length} bytes, manifest says ${o.size}` });
    const digest = sha256(body);
    if (digest !== o.sha256) {
      failures.push({ file: o.path, kind: o.kind, name: o.name, problem: `SHA-256 ${digest} does not match the manifest's ${o.sha256}` });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch (err) {
      failures.push({ file: o.path, kind: o.kind, name: o.name, problem: `not valid JSON: ${(err as Error).message}` });
      return;
    }
    const shape = validateRecord(o.kind, json);
    for (const p of shape) failures.push({ file: o.path, kind: o.kind, name: o.name, problem: `shape: ${p}` });
    const rec = json as { id?: string; name?: string };
    if (shape.length === 0 && (rec.id !== o.id || rec.name !== o.name)) {
      failures.push({ file: o.path, kind: o.kind, name: o.name, problem: `record id/name (${rec.id}/${rec.name}) differ from the manifest (${o.id}/${o.name})` });
    }
    if (shape.length === 0) validRecords.add(o.path);
    const audio = (json as { data?: { Audio?: { path?: string; sha256?: string } } }).data?.Audio;
    if (audio?.path && !manifest.blobs.some((b) => b.path === audio.path && b.sha256 === audio.sha256)) {
      failures.push({ file: o.path, kind: o.kind, name: o.name, problem: `its audio ${audio.path} (SHA-256 ${audio.sha256}) is not among the manifest's blobs` });
    }
  });

  let snapshot: Snapshot | undefined;
  if (failures.length === 0) {
    snapshot = await loadSnapshot(store, manifest, chain.read);
    const pathOf = new Map(manifest.objects.map((o) => [`${o.kind}\u0000${o.id}`, o.path]));
    const refs = checkReferences(snapshot, options.externals);
    for (const p of refs.problems) failures.push({ file: pathOf.get(`${p.kind}\u0000${p.id}`) ?? "?", kind: p.kind, name: p.name, reference: p.reference, problem: p.problem });
    for (const p of refs.warnings) warnings.push({ file: pathOf.get(`${p.kind}\u0000${p.id}`) ?? "?", kind: p.kind, name: p.name, reference: p.reference, problem: p.problem });
  }
  failures.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    ok: failures.length === 0,
    location: store.location,
    objects: manifest.objects.length,
    failures,
    warnings,
    manifest,
    ...(failures.length === 0 && snapshot ? { snapshot } : {}),
  };
}
