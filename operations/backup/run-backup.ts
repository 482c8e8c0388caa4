import type { ConnectClient } from "@aws-sdk/client-connect";
import type { Kind } from "../model/kinds";
import type { Snapshot } from "../model/snapshot";
import type { BackupStore } from "../store/backup-store";
import { writeBackup } from "./backup-io";
import type { Manifest } from "./manifest";
import { readInstance } from "./read-instance";

export interface BackupProgress {
  readonly phase: "read" | "write";
  readonly done: number;
  readonly total: number;
}

/** Reads an instance and writes it to a store, manifest last. */
export async function runBackup(options: {
  client: ConnectClient;
  instanceId: string;
  store: BackupStore;
  kinds?: readonly Kind[];
  onProgress?: (p: BackupProgress) => void;
}): Promise<{ manifest: Manifest; snapshot: Snapshot }> {
  const snapshot = await readInstance(options.client, options.instanceId, {
    ...(options.kinds ? { kinds: options.kinds } : {}),
    onProgress: (p) => options.onProgress?.({ phase: "read", done: p.done, total: p.total }),
  });
  const manifest = await writeBackup(options.store, snapshot, { onProgress: (done, total) => options.onProgress?.({ phase: "write", done, total }) });
  return { manifest, snapshot };
}
