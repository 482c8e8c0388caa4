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

/** Kinds matched by name in the target but never created (ACGR mirrors them, or they carry secrets/audio). */
const MATCH_ONLY: readonly Kind[] = ["prompts", "users", "securityProfiles", "hierarchyGroups"];

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
  };
}

/**
 * The target resource a backed-up one corresponds to: by name; phone numbers by (mapped) number;
 * Lambda functions and Lex bots by the ARN they must have in the target (mapping file or convention).
 */
export function findTargetMatch(r: ResourceRecord, index: ReturnType<typeof indexRecords>, backup: Snapshot, target: Snapshot, mapping: MappingFile): ResourceRecord | undefined {
  if (r.kind === "phoneNumbers") return index.byName.get(mapping.phoneNumbers[r.name] ?? r.name);
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
  for (const kind of [...RESTORABLE_KINDS, ...MATCH_ONLY]) {
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
  for (const [key, r] of records) {
    const add = (sourceId: string, path: string) => {
      const to = keyOfSource.get(sourceId);
      if (to && creates.has(to)) edges.push({ from: key, to, patchable: isPatchable(r.kind, records.get(to)!.kind, path) });
    };
    for (const link of LINKS.filter((l) => l.kind === r.kind)) for (const v of valuesAt(r.data, link.path)) add(idOf(v), link.path);
    if (typeof r.data.Content === "string") {
      for (const ref of findReferences(r.data.Content)) if (ref.type === "connect") add(ref.id, "Content");
      for (const id of findBareIds(r.data.Content)) add(id, "Content");
    }
  }
  const sched = schedule([...records.keys()], edges);
  for (const cycle of sched.unbreakable) problems.push(`cannot order a reference cycle: ${cycle.join(" -> ")}`);

  const nodes: PlanNode[] = [];
  for (const [key, r] of records) {
    const waitFor = sched.waitFor.get(key) ?? [];
    const deferred = sched.deferred.get(key) ?? [];
    const existing = targetRec.get(key);
    const desired = desiredFor(r, ctx);
    const pending = new Set([...waitFor, ...deferred].map((k) => records.get(k)!.id));
    const dangling = desired.unresolved.filter((u) => ![...pending].some((id) => u.includes(id)));
    if (dangling.length) {
      nodes.push({ key, kind: r.kind, name: r.name, sourceId: r.id, op: "blocked", detail: dangling.map((d) => `unresolved reference ${d}`), waitFor, deferred, estimatedWrites: 0, ...(existing ? { targetId: existing.id } : {}) });
      continue;
    }
    if (!existing) {
      const base = 1 + followUpCalls(r.kind, "x", desired.value, target.source.instanceId).length;
      nodes.push({ key, kind: r.kind, name: r.name, sourceId: r.id, op: "create", detail: [], waitFor, deferred, estimatedWrites: base + (deferred.length ? 1 : 0) });
      continue;
    }
    const current = project(r.kind, existing.data);
    const t = { targetId: existing.id, ...(existing.arn ? { targetArn: existing.arn } : {}) };
    if (waitFor.length || deferred.length) {
      nodes.push({ key, kind: r.kind, name: r.name, sourceId: r.id, op: "update", detail: ["references resources created in this run"], waitFor, deferred, estimatedWrites: 1, ...t });
      continue;
    }
    const unwritable = unwritableDifferences(r.kind, current, desired.value);
    const changed = changedFields(current, desired.value).filter((f) => !unwritable.some((u) => u.startsWith(`${f}:`)));
    const calls = updateCalls(r.kind, existing.id, existing.arn, current, desired.value, target.source.instanceId);
    nodes.push({
      key, kind: r.kind, name: r.name, sourceId: r.id, op: calls.length ? "update" : "unchanged", detail: calls.length ? changed : [], waitFor, deferred, estimatedWrites: calls.length, ...t,
      ...(unwritable.length ? { notes: unwritable } : {}),
    });
  }
  // Nodes waiting on blocked nodes are blocked too.
  const blocked = new Set(nodes.filter((n) => n.op === "blocked").map((n) => n.key));
  let grew = true;
  while (grew) {
    grew = false;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      if (blocked.has(n.key)) continue;
      const on = [...n.waitFor, ...n.deferred].filter((k) => blocked.has(k));
      if (on.length) {
        nodes[i] = { ...n, op: "blocked", detail: on.map((k) => `depends on blocked ${k}`), estimatedWrites: 0 };
        blocked.add(n.key);
        grew = true;
      }
    }
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
