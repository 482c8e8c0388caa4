import type { ConnectClient } from "@aws-sdk/client-connect";
import type { Kind } from "../model/kinds";
import type { Snapshot } from "../model/snapshot";
import type { BackupStore } from "../store/backup-store";
import { verifyBackup } from "../verify/verify-backup";
import { writeBackup } from "./backup-io";
import type { Manifest } from "./manifest";
import type { ObjectReadPath, ReadPath } from "./read-paths";
import { readInstance } from "./read-instance";

export interface BackupProgress {
  readonly phase: "verify-earlier" | "read" | "write";
  readonly done: number;
  readonly total: number;
}

/** Counts of how objects were read (the manifest has them per object). */
export type ReadPathCounts = Partial<Record<ObjectReadPath, number>>;

/**
 * Reads an instance and writes it to a store, manifest last. With `since` (an earlier backup of the
 * same instance, verified first with its own chain), objects unchanged since are not read again
 * where a change field says so, and not written again where their bytes are equal: the new manifest
 * references them in the earlier backup.
 */
export async function runBackup(options: {
  client: ConnectClient;
  instanceId: string;
  store: BackupStore;
  kinds?: readonly Kind[];
  /** @default "search" */
  readPath?: ReadPath;
  since?: BackupStore;
  onProgress?: (p: BackupProgress) => void;
}): Promise<{ manifest: Manifest; snapshot: Snapshot; readPaths: ReadPathCounts }> {
  let earlier: { snapshot: Snapshot; manifest: Manifest; location: string } | undefined;
  if (options.since) {
    const report = await verifyBackup(options.since, { onProgress: (done, total) => options.onProgress?.({ phase: "verify-earlier", done, total }) });
    if (!report.ok || !report.snapshot || !report.manifest) {
      const first = report.failures[0];
      throw new Error(`--since ${options.since.location}: the earlier backup does not verify (${report.failures.length} problems; first: ${first?.file}: ${first?.problem})`);
    }
    const src = report.manifest.source;
    if (options.instanceId !== src.instanceId && options.instanceId !== src.instanceArn) {
      throw new Error(`--since ${options.since.location}: that backup is of instance ${src.instanceId} (${src.region}), not ${options.instanceId}`);
    }
    earlier = { snapshot: report.snapshot, manifest: report.manifest, location: options.since.location };
  }
  const readPath = options.readPath ?? "search";
  const paths = new Map<string, ObjectReadPath>();
  const snapshot = await readInstance(options.client, options.instanceId, {
    ...(options.kinds ? { kinds: options.kinds } : {}),
    readPath,
    ...(earlier ? { earlier: earlier.snapshot } : {}),
    onPath: (kind, id, path) => paths.set(`${kind}\u0000${id}`, path),
    onProgress: (p) => options.onProgress?.({ phase: "read", done: p.done, total: p.total }),
  });
  const manifest = await writeBackup(options.store, snapshot, {
    readPath,
    readPaths: paths,
    ...(earlier ? { earlier: { location: earlier.location, manifest: earlier.manifest } } : {}),
    onProgress: (done, total) => options.onProgress?.({ phase: "write", done, total }),
  });
  const readPaths: ReadPathCounts = {};
  for (const o of manifest.objects) if (o.read) readPaths[o.read] = (readPaths[o.read] ?? 0) + 1;
  return { manifest, snapshot, readPaths };
}
