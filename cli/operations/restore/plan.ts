import { RESTORABLE_KINDS, type Kind } from "../model/kinds";
import { indexRecords, recordsOf, type ResourceRecord, type Snapshot } from "../model/snapshot";
import { findBareIds, findReferences } from "../references/content-references";
import { idOf, LINKS, valuesAt } from "../references/links";
import type { RemapContext } from "../references/remap";
import { schedule, type Edge } from "./dependency-graph";
import { desiredFor } from "./desired";
import type { MappingFile } from "./mapping-file";
import { project } from "./projection";
import { changedFields, deleteCall, followUpCalls, unwritableDifferences, updateCalls } from "./write-calls";

export type NodeOp = "create" | "update" | "unchanged" | "blocked";

export interface PlanNode {
  /** `<kind>/<name>`: stable across runs (the journal uses it). */
  readonly key: string;
  readonly kind: Kind;
  readonly name: string;
  readonly sourceId: string;
  /** The matching target resource, when one exists. */
  readonly targetId?: string;
  readonly targetArn?: string;
  readonly op: NodeOp;
  /** Fields that differ (update), or why the node is blocked. */
  readonly detail: string[];
  /** Nodes created in this run that must exist before this node's first write. */
  readonly waitFor: string[];
  /** Nodes referenced in a cycle: written as a stub first, completed in the second pass. */
  readonly deferred: string[];
  /** Writes this node is expected to make (exact for create/unchanged; at least this many for update). */
  readonly estimatedWrites: number;
  /** Differences that remain after the restore because no API can remove them, with the reason. */
  readonly notes?: string[];
  /** Blocked nodes: the operator action that unblocks this one (then re-run the restore). */
  readonly unblockedBy?: string[];
  /** Soft links left out because what they point at is blocked (`<kind>/<name>` keys). */
  readonly omitted?: string[];
}

export interface PruneItem {
  readonly kind: Kind;
  readonly name: string;
  readonly targetId: string;
  readonly api?: string;
}

export interface RestorePlan {
  readonly source: Snapshot["source"];
  readonly target: Snapshot["source"];
  readonly nodes: PlanNode[];
  readonly prune: PruneItem[];
  /** Resources the plan leaves alone, and why. */
  readonly skipped: { kind: Kind; name: string; reason: string }[];
  readonly problems: string[];
  readonly initialIds: ReadonlyMap<string, string>;
  readonly estimatedWrites: number;
}

/**
 * Soft links: when the resource linked to is blocked, the linking resource is restored without the
 * link (and gains it on the run after the operator's action), instead of being blocked with it.
 * An agent quick connect whose user is missing blocks that quick connect, never its queue.
 */
function isSoft(fromKind: Kind, path: string): boolean {
  return fromKind === "queues" && path === "QuickConnects[].Id";
}

/** Ordering that no id expresses: hierarchy groups need the structure's levels first. */
const ORDER_AFTER: Partial<Record<Kind, Kind>> = { hierarchyGroups: "hierarchyStructure" };

/**
 * What an operator does to unblock a node, from the references it could not resolve: the resource
 * missing from both the backup and the target must be created in the target (or backed up), a
 * storage or integration target named in the mapping file.
 */
export function unblockActions(unresolved: readonly string[], blocked: readonly string[]): string[] {
  const out: string[] = [];
  for (const u of unresolved) {
    const link = /^(\S+)=(\S+) \((\w+)\)$/.exec(u);
    if (link) out.push(`create the ${link[3]} resource ${link[2]} in the target (it is in neither the backup nor the target), or take a backup that holds it; then re-run`);
    else if (u.includes("mapping file")) out.push(u.replace(/^.*\((.*)\)$/, "$1"));
    else out.push(`create the resource ${u} refers to in the target, or take a backup that holds it; then re-run`);
  }
  for (const b of blocked) if (b.startsWith("depends on blocked ")) out.push(`unblock ${b.slice("depends on blocked ".length)} first`);
  return [...new Set(out)];
}

/** Patchable links: filled in by a second pass when they sit in a cycle. */
function isPatchable(fromKind: Kind, toKind: Kind, path: string): boolean {
  if (fromKind === "flows" || fromKind === "flowModules") return toKind === "flows" || toKind === "flowModules";
  return fromKind === "queues" && (path === "OutboundCallerConfig.OutboundFlowId" || path === "QuickConnects[].Id");
}

export interface BuildPlanOptions {
  readonly mapping: MappingFile;
  readonly prune?: boolean;
  /** Restrict to these kinds (default: every restorable kind in the backup). */
  readonly kinds?: readonly Kind[];
}

export function remapContext(backup: Snapshot, target: Snapshot, ids: ReadonlyMap<string, string>, mapping: MappingFile): RemapContext {
  return {
    source: backup.source,
    target: target.source,
    ids,
    lambda: new Map(Object.entries(mapping.lambda)),
    lex: new Map(Object.entries(mapping.lex)),
    accounts: new Map(Object.entries(mapping.accounts)),
    storage: new Map(Object.entries(mapping.storage ?? {})),
    integrations: new Map(Object.entries(mapping.integrations ?? {})),
  };
}

/**
 * The target resource a backed-up one corresponds to: by name; phone numbers by (mapped) number;
 * Lambda functions and Lex bots by the ARN they must have in the target (mapping file or convention).
 */
export function findTargetMatch(r: ResourceRecord, index: ReturnType<typeof indexRecords>, backup: Snapshot, target: Snapshot, mapping: MappingFile): ResourceRecord | undefined {
  if (r.kind === "phoneNumbers") return index.byName.get(mapping.phoneNumbers[r.name] ?? r.name);
  if (r.kind === "integrations") {
    const arn = mapping.integrations[String(r.data.IntegrationArn)];
    return arn ? index.byName.get(`${String(r.data.IntegrationType)}:${arn}`) : undefined;
  }
  if (r.kind === "lambdaFunctions" || r.kind === "lexBots") {
    const want = desiredFor(r, remapContext(backup, target, new Map(), mapping)).value;
    const arn = (want.FunctionArn ?? (want.LexV2Bot as { AliasArn?: string } | undefined)?.AliasArn) as string | undefined;
    if (arn) return index.byId.get(arn);
    const v1 = want.LexBot as { Name?: string; LexRegion?: string } | undefined;
    return index.byId.get(`v1:${v1?.LexRegion}:${v1?.Name}`);
  }
  return index.byName.get(r.name);
}

/** Source id -> target id for every backed-up resource that already exists in the target. */
export function matchByName(backup: Snapshot, target: Snapshot, mapping: MappingFile): Map<string, string> {
  const ids = new Map<string, string>();
  for (const kind of RESTORABLE_KINDS) {
    const t = indexRecords(recordsOf(target, kind));
    for (const r of recordsOf(backup, kind)) {
      const match = findTargetMatch(r, t, backup, target, mapping);
      if (match) ids.set(r.id, match.id);
    }
  }
  return ids;
}

/**
 * The restore plan: which resources to create, update or leave, in which order, with which
 * references deferred to the second pass. Pure: reads two snapshots, writes nothing.
 */
export function buildPlan(backup: Snapshot, target: Snapshot, options: BuildPlanOptions): RestorePlan {
  const kinds = RESTORABLE_KINDS.filter((k) => backup.kinds.includes(k) && (!options.kinds || options.kinds.includes(k)));
  const ids = matchByName(backup, target, options.mapping);
  const ctx = remapContext(backup, target, ids, options.mapping);
  const problems: string[] = [];
  const skipped: RestorePlan["skipped"] = [];

  const keyOfSource = new Map<string, string>();
  const records = new Map<string, ResourceRecord>();
  const targetRec = new Map<string, ResourceRecord>();
  for (const kind of kinds) {
    const t = indexRecords(recordsOf(target, kind));
    for (const r of recordsOf(backup, kind)) {
      if (kind === "phoneNumbers") {
        if (!r.data.ContactFlowId) continue;
        const number = options.mapping.phoneNumbers[r.name] ?? r.name;
        if (!t.byName.has(number)) {
          skipped.push({ kind, name: r.name, reason: `no phone number ${number} in the target instance (map it under "phoneNumbers" in the mapping file)` });
          continue;
        }
      }
      const key = `${kind}/${r.name}`;
      keyOfSource.set(r.id, key);
      records.set(key, r);
      const match = findTargetMatch(r, t, backup, target, options.mapping);
      if (match) targetRec.set(key, match);
    }
  }
  const creates = new Set([...records.keys()].filter((k) => !targetRec.has(k)));

  // Edges to nodes created in this run (existing targets already have ids).
  const edges: Edge[] = [];
  const softEdges = new Map<string, Set<string>>();
  for (const [key, r] of records) {
    const add = (sourceId: string, path: string) => {
      const to = keyOfSource.get(sourceId);
      if (!to || !creates.has(to)) return;
      edges.push({ from: key, to, patchable: isPatchable(r.kind, records.get(to)!.kind, path) });
      if (isSoft(r.kind, path)) (softEdges.get(key) ?? softEdges.set(key, new Set()).get(key)!).add(to);
    };
    for (const link of LINKS.filter((l) => l.kind === r.kind)) for (const v of valuesAt(r.data, link.path)) add(idOf(v), link.path);
    if (typeof r.data.Content === "string") {
      for (const ref of findReferences(r.data.Content)) if (ref.type === "connect") add(ref.id, "Content");
      for (const id of findBareIds(r.data.Content)) add(id, "Content");
    }
    const after = ORDER_AFTER[r.kind];
    if (after) for (const k of records.keys()) if (k.startsWith(`${after}/`)) edges.push({ from: key, to: k, patchable: false });
  }
  const sched = schedule([...records.keys()], edges);
  for (const cycle of sched.unbreakable) problems.push(`cannot order a reference cycle: ${cycle.join(" -> ")}`);

  // Which nodes are blocked: by references the target cannot satisfy, then by what they wait for
  // (soft links excepted: those are left out instead).
  const unresolvedOf = new Map<string, string[]>();
  for (const [key, r] of records) {
    const waits = [...(sched.waitFor.get(key) ?? []), ...(sched.deferred.get(key) ?? [])];
    const pending = new Set(waits.map((k) => records.get(k)!.id));
    const dangling = desiredFor(r, ctx).unresolved.filter((u) => ![...pending].some((id) => u.includes(id)));
    if (r.kind === "prompts" && !targetRec.has(key)) {
      if (!(r.data.Audio as { sha256?: string } | undefined)?.sha256) dangling.push("prompt audio: the backup holds none for this prompt (take a new backup)");
      else if (!options.mapping.prompts) dangling.push(`prompt audio (name an S3 bucket in the target account and Region under "prompts": {"bucket": "..."} in the mapping file)`);
    }
    if (dangling.length) unresolvedOf.set(key, dangling);
  }
  const blockedBy = new Map<string, string[]>();
  for (const [key, d] of unresolvedOf) blockedBy.set(key, d.map((u) => `unresolved reference ${u}`));
  const omittedOf = new Map<string, string[]>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const key of records.keys()) {
      if (blockedBy.has(key)) continue;
      const deps = [...(sched.waitFor.get(key) ?? []), ...(sched.deferred.get(key) ?? [])].filter((k) => blockedBy.has(k));
      const soft = deps.filter((k) => softEdges.get(key)?.has(k));
      const hard = deps.filter((k) => !softEdges.get(key)?.has(k));
      if (soft.length && soft.join() !== (omittedOf.get(key) ?? []).join()) omittedOf.set(key, soft);
      if (hard.length) {
        blockedBy.set(key, hard.map((k) => `depends on blocked ${k}`));
        grew = true;
      }
    }
  }

  const nodes: PlanNode[] = [];
  for (const [key, r] of records) {
    const omitted = omittedOf.get(key) ?? [];
    const omitIds = new Set(omitted.map((k) => records.get(k)!.id));
    const waitFor = (sched.waitFor.get(key) ?? []).filter((k) => !omitted.includes(k));
    const deferred = (sched.deferred.get(key) ?? []).filter((k) => !omitted.includes(k));
    const existing = targetRec.get(key);
    const withOmitted: { omitted?: string[]; notes?: string[] } = omitted.length ? { omitted, notes: omitted.map((k) => `${k} is left out until it is unblocked (see that entry); the next run adds it`) } : {};
    const blocked = blockedBy.get(key);
    if (blocked) {
      nodes.push({
        key, kind: r.kind, name: r.name, sourceId: r.id, op: "blocked", detail: blocked, waitFor, deferred, estimatedWrites: 0,
        unblockedBy: unblockActions(unresolvedOf.get(key) ?? [], blocked),
        ...(existing ? { targetId: existing.id } : {}),
      });
      continue;
    }
    const desired = desiredFor(r, ctx, { omit: omitIds });
    if (!existing) {
      const base = 1 + followUpCalls(r.kind, "x", desired.value, target.source.instanceId).length;
      nodes.push({ key, kind: r.kind, name: r.name, sourceId: r.id, op: "create", detail: [], waitFor, deferred, estimatedWrites: base + (deferred.length ? 1 : 0), ...withOmitted });
      continue;
    }
    const current = project(r.kind, existing.data);
    // Replacing a prompt's audio needs the bucket too; with one, the plan counts the UpdatePrompt.
    if (r.kind === "prompts" && desired.value.AudioSha256 && current.AudioSha256 !== desired.value.AudioSha256) {
      if (options.mapping.prompts) desired.value.S3Uri = `s3://${options.mapping.prompts.bucket}/${options.mapping.prompts.prefix}${String(desired.value.AudioSha256)}.audio`;
      else withOmitted.notes = [...(withOmitted.notes ?? []), `Audio differs from the backup's; name an S3 bucket under "prompts" in the mapping file to replace it`];
    }
    const t = { targetId: existing.id, ...(existing.arn ? { targetArn: existing.arn } : {}) };
    if (waitFor.some((k) => creates.has(k)) || deferred.length) {
      nodes.push({ key, kind: r.kind, name: r.name, sourceId: r.id, op: "update", detail: ["references resources created in this run"], waitFor, deferred, estimatedWrites: 1, ...t, ...withOmitted });
      continue;
    }
    const unwritable = unwritableDifferences(r.kind, current, desired.value);
    const changed = changedFields(current, desired.value).filter((f) => !unwritable.some((u) => u.startsWith(`${f}:`)));
    const calls = updateCalls(r.kind, existing.id, existing.arn, current, desired.value, target.source.instanceId);
    const notes = [...unwritable, ...(withOmitted.notes ?? [])];
    nodes.push({
      key, kind: r.kind, name: r.name, sourceId: r.id, op: calls.length ? "update" : "unchanged", detail: calls.length ? changed : [], waitFor, deferred, estimatedWrites: calls.length, ...t,
      ...(omitted.length ? { omitted } : {}),
      ...(notes.length ? { notes } : {}),
    });
  }

  const prune: PruneItem[] = [];
  if (options.prune) {
    for (const kind of [...kinds].reverse()) {
      const keep = new Set(recordsOf(backup, kind).map((r) => r.name));
      for (const t of recordsOf(target, kind)) {
        if (keep.has(t.name)) continue;
        const call = deleteCall(kind, t.id, target.source.instanceId);
        prune.push({ kind, name: t.name, targetId: t.id, ...(call ? { api: call.api } : {}) });
      }
    }
  }
  const order = new Map(kinds.map((k, i) => [k, i]));
  nodes.sort((a, b) => order.get(a.kind)! - order.get(b.kind)! || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const estimatedWrites = nodes.reduce((s, n) => s + n.estimatedWrites, 0) + prune.filter((p) => p.api).length;
  return { source: backup.source, target: target.source, nodes, prune, skipped, problems, initialIds: ids, estimatedWrites };
}
