import type { ConnectClient } from "@aws-sdk/client-connect";
import { send, type Json } from "../connect/send";
import { recordsOf, type ResourceRecord, type Snapshot } from "../model/snapshot";
import { desiredFor } from "./desired";
import type { Journal } from "./journal";
import type { MappingFile } from "./mapping-file";
import { remapContext, type PlanNode, type RestorePlan } from "./plan";
import { project } from "./projection";
import { createCall, createdArn, createdId, createdState, deleteCall, followUpCalls, updateCalls, type WriteCall } from "./write-calls";
import { findCreated, isAssociation, isDuplicate } from "./find-created";
import { initialPassword } from "./initial-password";
import type { PromptUploader } from "./prompt-upload";
import { clientTokenFor } from "./client-token";
import { randomUUID } from "node:crypto";
import type { Kind } from "../model/kinds";

export interface NodeResult {
  readonly key: string;
  readonly status: "created" | "updated" | "unchanged" | "failed" | "blocked";
  readonly writes: number;
  readonly targetId?: string;
  readonly error?: string;
}

export interface RestoreResult {
  readonly results: NodeResult[];
  readonly pruned: { kind: string; name: string; targetId: string }[];
  readonly writes: number;
  readonly failed: number;
}

export interface RunRestoreOptions {
  readonly client: ConnectClient;
  readonly backup: Snapshot;
  readonly target: Snapshot;
  readonly plan: RestorePlan;
  readonly mapping: MappingFile;
  readonly journal?: Journal;
  readonly prune?: boolean;
  readonly onProgress?: (done: number, total: number, key: string) => void;
  /** Reads a binary object of the backup (prompt audio). */
  readonly readBlob?: (path: string) => Promise<Buffer>;
  /** Uploads prompt audio for CreatePrompt/UpdatePrompt (mapping file `prompts.bucket`). */
  readonly uploadPrompt?: PromptUploader;
}

class Blocked extends Error {}

/** Kinds whose dependents wait for their update, not just their existence. */
const RESOLVE_AFTER_UPDATE = new Set<Kind>(["hierarchyStructure"]);

/**
 * Executes a plan. Every node runs as soon as the nodes it waits for exist; the per-API token
 * buckets pace the writes, so independent kinds proceed concurrently. Pass one creates (flows in a
 * cycle with stub content, queues without deferred links); pass two writes the full content once
 * every deferred reference exists. A failed node fails only the nodes that depend on it.
 */
export async function runRestore(options: RunRestoreOptions): Promise<RestoreResult> {
  const { client, backup, target, plan } = options;
  const instanceId = target.source.instanceId;
  const ids = new Map(plan.initialIds);
  const ctx = remapContext(backup, target, ids, options.mapping);
  const recordOf = new Map<string, ResourceRecord>();
  for (const kind of backup.kinds) for (const r of recordsOf(backup, kind)) recordOf.set(`${kind}/${r.name}`, r);
  const instanceRecord = recordsOf(target, "instance")[0];
  const env = { identityManagementType: (instanceRecord?.data.IdentityManagementType as string | undefined) ?? "CONNECT_MANAGED" };
  const targetById = new Map<string, ResourceRecord>();
  for (const kind of target.kinds) for (const r of recordsOf(target, kind)) targetById.set(`${kind}/${r.id}`, r);

  const created = new Map<string, { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void }>();
  for (const n of plan.nodes) {
    let resolve!: () => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
    promise.catch(() => undefined);
    created.set(n.key, { promise, resolve, reject });
  }
  const waitAll = async (keys: readonly string[]) => {
    for (const k of keys) {
      try {
        await created.get(k)!.promise;
      } catch {
        throw new Blocked(`depends on ${k}, which failed`);
      }
    }
  };
  let done = 0;
  let writes = 0;
  // One ClientToken per write of this run: the SDK's retries of a write (after a lost response)
  // carry the same token, while a later run's write (after drift) is a new request, not a replay.
  const runId = randomUUID();
  const write = async (call: WriteCall): Promise<Json> => {
    writes += 1;
    const input = "ClientToken" in call.input ? { ...call.input, ClientToken: clientTokenFor(instanceId, "instance", { run: runId, api: call.api, input: call.input }) } : call.input;
    return send(client, call.api, input);
  };

  const uploadAudio = async (r: ResourceRecord): Promise<string> => {
    const audio = r.data.Audio as { path?: string; sha256?: string } | undefined;
    if (!audio?.path || !audio.sha256) throw new Error(`the backup holds no audio for prompt ${r.name} (take a new backup)`);
    if (!options.uploadPrompt || !options.readBlob) throw new Blocked(`prompt audio needs an S3 bucket: name one under "prompts": {"bucket": ...} in the mapping file`);
    return options.uploadPrompt(audio.sha256, await options.readBlob(audio.path));
  };

  const runNode = async (n: PlanNode): Promise<NodeResult> => {
    const gate = created.get(n.key)!;
    const r = recordOf.get(n.key)!;
    let nodeWrites = 0;
    const omitIds = new Set((n.omitted ?? []).map((k) => recordOf.get(k)!.id));
    try {
      if (n.op === "blocked") throw new Blocked(n.detail.join("; "));
      await waitAll(n.waitFor);
      let targetId = n.targetId;
      let targetArn = n.targetArn;
      let current: Json | undefined;
      let status: NodeResult["status"] = "unchanged";
      if (!targetId) {
        const deferredIds = new Set(n.deferred.map((k) => recordOf.get(k)!.id));
        const first = desiredFor(r, ctx, { stub: n.deferred.length > 0, omit: new Set([...deferredIds, ...omitIds]) });
        const missing = first.unresolved.filter((u) => ![...deferredIds].some((id) => u.includes(id)));
        if (missing.length) throw new Error(`unresolved references: ${missing.join(", ")}`);
        if (r.kind === "prompts") first.value.S3Uri = await uploadAudio(r);
        const made = createCall(r.kind, first.value, instanceId, env);
        // CONNECT_MANAGED users need a password: a random one, sent once and kept nowhere.
        const call = made.api === "CreateUser" && env.identityManagementType === "CONNECT_MANAGED" ? { ...made, input: { ...made.input, Password: initialPassword() } } : made;
        let out: Json | undefined;
        try {
          out = await write(call);
          nodeWrites++;
        } catch (err) {
          // A create whose response was lost and that the SDK retried (or a re-run after a kill
          // that the journal had not yet recorded) meets the resource it made: find it by name.
          if (!isDuplicate(err)) throw err;
          nodeWrites++;
          if (isAssociation(r.kind)) out = {};
          else {
            const found = await findCreated(client, instanceId, r.kind, n.name);
            if (!found) throw err;
            targetId = found.id;
            targetArn = found.arn;
            current = project(r.kind, found.data);
          }
        }
        if (out) {
          targetId = createdId(r.kind, out, first.value);
          targetArn = createdArn(r.kind, out);
        }
        ids.set(r.id, targetId!);
        options.journal?.append({ event: "created", key: n.key, targetId: targetId! });
        if (out) {
          for (const f of followUpCalls(r.kind, targetId!, first.value, instanceId)) {
            await write(f);
            nodeWrites++;
          }
          current = createdState(r.kind, first.value);
        }
        status = "created";
      } else {
        const t = targetById.get(`${n.kind}/${targetId}`);
        current = t ? project(r.kind, t.data) : {};
      }
      // Hierarchy groups need the structure's new levels: its gate opens after its update.
      if (!RESOLVE_AFTER_UPDATE.has(r.kind)) gate.resolve();
      // Second pass (or the only pass for an existing resource): write what still differs.
      await waitAll(n.deferred);
      const full = desiredFor(r, ctx, { omit: omitIds });
      if (r.kind === "prompts" && full.value.AudioSha256 && current!.AudioSha256 !== full.value.AudioSha256) full.value.S3Uri = await uploadAudio(r);
      if (full.unresolved.length) throw new Error(`unresolved references: ${full.unresolved.join(", ")}`);
      for (const call of updateCalls(r.kind, targetId!, targetArn, current!, full.value, instanceId)) {
        await write(call);
        nodeWrites++;
        if (status === "unchanged") status = "updated";
      }
      gate.resolve();
      options.journal?.append({ event: "done", key: n.key, writes: nodeWrites });
      return { key: n.key, status, writes: nodeWrites, targetId };
    } catch (err) {
      gate.reject(err as Error);
      const e = err as Error & { name?: string };
      return { key: n.key, status: err instanceof Blocked ? "blocked" : "failed", writes: nodeWrites, error: err instanceof Blocked ? e.message : `${e.name ?? "Error"}: ${e.message}` };
    } finally {
      options.onProgress?.(++done, plan.nodes.length + (options.prune ? plan.prune.length : 0), n.key);
    }
  };

  const results = await Promise.all(plan.nodes.map(runNode));
  const pruned: RestoreResult["pruned"] = [];
  if (options.prune) {
    for (const p of plan.prune) {
      const call = deleteCall(p.kind, p.targetId, instanceId);
      if (call) {
        await write(call);
        options.journal?.append({ event: "pruned", key: `${p.kind}/${p.name}`, targetId: p.targetId });
        pruned.push({ kind: p.kind, name: p.name, targetId: p.targetId });
      }
      options.onProgress?.(++done, plan.nodes.length + plan.prune.length, `prune ${p.kind}/${p.name}`);
    }
  }
  return { results, pruned, writes, failed: results.filter((r) => r.status === "failed" || r.status === "blocked").length };
}
