import { createHash } from "node:crypto";
import { z } from "zod";
import { KINDS, type Kind } from "../model/kinds";

export const MANIFEST_FORMAT = "connect-dr-backup/1";
export const MANIFEST_PATH = "manifest.json";

export const manifestObjectSchema = z.object({
  path: z.string().min(1),
  kind: z.enum(KINDS),
  id: z.string().min(1),
  name: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  /** How the object was read (see `ObjectReadPath`). Absent in backups made before read paths. */
  read: z.enum(["search", "search+describe", "describe", "list", "unchanged"]).optional(),
  /**
   * An incremental backup's reference: the location of the earlier backup that holds this object's
   * bytes (same path, same SHA-256). Absent: the bytes are in this backup.
   */
  from: z.string().min(1).optional(),
});

/** One earlier backup an incremental backup references, as it was when referenced. */
export const chainLinkSchema = z.object({
  location: z.string().min(1),
  createdAt: z.string(),
  /** The linked manifest's `objectsSha256`: verify fails when the link no longer matches. */
  objectsSha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  tool: z.object({ name: z.string(), version: z.string() }),
  createdAt: z.string(),
  source: z.object({ accountId: z.string(), region: z.string(), instanceId: z.string(), instanceArn: z.string() }),
  kinds: z.array(z.enum(KINDS)),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  objects: z.array(manifestObjectSchema),
  /** How kinds with a Search API were read. Absent in backups made before read paths. */
  readPath: z.enum(["search", "describe"]).optional(),
  /** Incremental backups: the earlier backup this one was read against (`--since`). */
  since: chainLinkSchema.optional(),
  /** Incremental backups: every earlier backup an object's `from` names. */
  chain: z.array(chainLinkSchema).optional(),
  /** SHA-256 of the canonical object list (see `objectsDigest`). */
  objectsSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /**
   * Binary objects (prompt audio fetched through GetPromptFile): path, SHA-256 and size each. The
   * record that owns one names the same SHA-256 (prompts: `data.Audio.sha256`), so the object list's
   * digest covers the audio too.
   */
  blobs: z.array(z.object({ path: z.string().min(1), kind: z.enum(KINDS), id: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() })).default([]),
});

export type ManifestBlob = Manifest["blobs"][number];

export type ManifestObject = z.infer<typeof manifestObjectSchema>;
export type ChainLink = z.infer<typeof chainLinkSchema>;
export type Manifest = z.infer<typeof manifestSchema>;

export function sha256(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A stable file name for a resource id (ids may be ARNs). */
export function objectPath(kind: Kind, id: string): string {
  const safe = id.replace(/[^A-Za-z0-9._-]/g, "_");
  return safe === id ? `${kind}/${id}.json` : `${kind}/${safe.slice(-80)}-${sha256(id).slice(0, 12)}.json`;
}

/** Digest over the sorted object list: one `path\tsha256\tsize` line each (`\tfrom` appended for references). */
export function objectsDigest(objects: readonly ManifestObject[]): string {
  const lines = [...objects].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((o) => `${o.path}\t${o.sha256}\t${o.size}${o.from ? `\t${o.from}` : ""}\n`);
  return sha256(lines.join(""));
}

export function countsByKind(kinds: readonly Kind[], objects: readonly ManifestObject[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const k of kinds) counts[k] = 0;
  for (const o of objects) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
  return counts;
}

export function buildManifest(args: Omit<Manifest, "format" | "counts" | "objectsSha256" | "blobs"> & { blobs?: Manifest["blobs"] }): Manifest {
  const objects = [...args.objects].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const blobs = [...(args.blobs ?? [])].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { format: MANIFEST_FORMAT, ...args, objects, blobs, counts: countsByKind(args.kinds, objects), objectsSha256: objectsDigest(objects) };
}

/** Serialized record bytes: stable key order as produced, two-space indent, trailing newline. */
export function serialize(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, "utf8");
}
