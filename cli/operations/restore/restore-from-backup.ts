import type { ConnectClient } from "@aws-sdk/client-connect";
import { readInstance } from "../backup/read-instance";
import { RESTORABLE_KINDS, type Kind } from "../model/kinds";
import type { Snapshot } from "../model/snapshot";
import type { BackupStore } from "../store/backup-store";
import { verifyBackup, type VerifyFailure } from "../verify/verify-backup";
import { Journal, readJournal, type JournalState } from "./journal";
import { EMPTY_MAPPING, type MappingFile } from "./mapping-file";
import { buildPlan, type RestorePlan } from "./plan";
import { runRestore, type RestoreResult } from "./run-restore";
import { s3PromptUploader } from "./prompt-upload";
import { S3Client } from "@aws-sdk/client-s3";

/** Kinds read from the target: what restore writes, plus what it matches by name. */
export const TARGET_READ_KINDS: readonly Kind[] = ["instance", ...RESTORABLE_KINDS];

export interface RestoreOptions {
  readonly client: ConnectClient;
  readonly store: BackupStore;
  readonly targetInstanceId: string;
  readonly mapping?: MappingFile;
  readonly dryRun?: boolean;
  readonly prune?: boolean;
  readonly kinds?: readonly Kind[];
  /** Kinds to read from the target (narrow it when the API lacks some). @default TARGET_READ_KINDS */
  readonly targetKinds?: readonly Kind[];
  /** Journal file; a default under `.connect-dr/` is chosen by the CLI. */
  readonly journalPath?: string;
  /** S3 client for prompt audio uploads (mapping file `prompts.bucket`). @default an S3Client in the target's Region */
  readonly promptS3?: S3Client;
  readonly onPhase?: (phase: "verify" | "read-target" | "plan" | "apply", done: number, total: number, detail?: string) => void;
}

export type RestoreOutcome =
  | { readonly status: "invalid-backup"; readonly failures: VerifyFailure[] }
  | { readonly status: "planned"; readonly plan: RestorePlan; readonly resumed?: JournalState }
  | { readonly status: "applied"; readonly plan: RestorePlan; readonly result: RestoreResult; readonly resumed?: JournalState };

/**
 * Verify the backup, read the target, plan, and (unless dry-run) apply. Nothing is written to the
 * target before the backup has verified and the plan has been built.
 */
export async function restoreFromBackup(o: RestoreOptions): Promise<RestoreOutcome> {
  const report = await verifyBackup(o.store, { ...(o.mapping ? { externals: { lambda: Object.keys(o.mapping.lambda), lex: Object.keys(o.mapping.lex) } } : {}), onProgress: (d, t) => o.onPhase?.("verify", d, t) });
  if (!report.ok || !report.snapshot) return { status: "invalid-backup", failures: report.failures };
  const backup: Snapshot = report.snapshot;
  const targetKinds = (o.targetKinds ?? TARGET_READ_KINDS).filter((k) => backup.kinds.includes(k) || k === "instance");
  const target = await readInstance(o.client, o.targetInstanceId, { kinds: targetKinds, onProgress: (p) => o.onPhase?.("read-target", p.done, p.total) });
  const mapping = o.mapping ?? EMPTY_MAPPING;
  const plan = buildPlan(backup, target, { mapping, ...(o.prune ? { prune: true } : {}), ...(o.kinds ? { kinds: o.kinds } : {}) });
  o.onPhase?.("plan", 1, 1);
  const resumed = o.journalPath ? readJournal(o.journalPath) : undefined;
  const withResume = resumed && resumed.runs > 0 ? { resumed } : {};
  if (o.dryRun) return { status: "planned", plan, ...withResume };
  const journal = o.journalPath ? new Journal(o.journalPath) : undefined;
  journal?.append({ event: "begin", at: new Date().toISOString(), backup: o.store.location, target: o.targetInstanceId });
  try {
    const result = await runRestore({
      client: o.client, backup, target, plan, mapping, ...(journal ? { journal } : {}), ...(o.prune ? { prune: true } : {}),
      readBlob: (path) => o.store.read(path),
      ...(mapping.prompts ? { uploadPrompt: s3PromptUploader(o.promptS3 ?? new S3Client({ region: target.source.region }), mapping.prompts.bucket, mapping.prompts.prefix) } : {}),
      onProgress: (d, t, key) => o.onPhase?.("apply", d, t, key),
    });
    if (result.failed === 0) journal?.append({ event: "complete", at: new Date().toISOString(), writes: result.writes });
    return { status: "applied", plan, result, ...withResume };
  } finally {
    journal?.close();
  }
}
