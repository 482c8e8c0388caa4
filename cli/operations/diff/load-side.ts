import type { ConnectClient } from "@aws-sdk/client-connect";
import { readInstance } from "../backup/read-instance";
import type { Kind } from "../model/kinds";
import type { Snapshot } from "../model/snapshot";
import type { BackupStore } from "../store/backup-store";
import { verifyBackup } from "../verify/verify-backup";

/** One side of a diff: a live instance, or a backup (verified before use). */
export type DiffSide =
  | { readonly type: "instance"; readonly client: ConnectClient; readonly instanceId: string }
  | { readonly type: "backup"; readonly store: BackupStore };

export async function loadSide(side: DiffSide, kinds: readonly Kind[], onProgress?: (done: number, total: number) => void): Promise<Snapshot> {
  if (side.type === "instance") return readInstance(side.client, side.instanceId, { kinds, ...(onProgress ? { onProgress: (p) => onProgress(p.done, p.total) } : {}) });
  const report = await verifyBackup(side.store, onProgress ? { onProgress } : {});
  if (!report.snapshot) {
    throw new Error(`${side.store.location} failed verification: ${report.failures.slice(0, 5).map((f) => `${f.file}: ${f.problem}`).join("; ")}${report.failures.length > 5 ? "; ..." : ""}`);
  }
  return report.snapshot;
}
