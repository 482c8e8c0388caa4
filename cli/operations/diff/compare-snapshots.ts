import { ARN_SEGMENT, KINDS, type Kind } from "../model/kinds";
import { LINKS } from "../references/links";
import { recordsOf, type Snapshot } from "../model/snapshot";
import { remapText, type RemapContext } from "../references/remap";
import { canonicalJson, project } from "../restore/projection";
import { structuralDiff, type Difference } from "./structural-diff";

/** Kinds compared unless the caller names others: the `instance` record is per-instance by nature. */
export const DEFAULT_DIFF_KINDS: readonly Kind[] = KINDS.filter((k) => k !== "instance");

export interface KindDiff {
  readonly kind: Kind;
  readonly onlyLeft: string[];
  readonly onlyRight: string[];
  readonly changed: { name: string; differences: Difference[] }[];
}

export interface SnapshotDiff {
  readonly equal: boolean;
  readonly kinds: KindDiff[];
  /** Kinds requested but absent on one side (a backup that did not export them). */
  readonly notCompared: Kind[];
}

/** Same-name convention for Lambda: the function name is what identifies it across Regions. */
const PLACE = { accountId: "<account>", region: "<region>", instanceId: "<instance>" };

/**
 * A snapshot in name space: every id replaced by `<kind:name>`, the instance's Region, account and
 * instance id by placeholders, so two instances (or an instance and a backup) compare by names.
 */
export function normalizeSnapshot(
  s: Snapshot,
  kinds: readonly Kind[],
  externals: Pick<RemapContext, "lambda" | "lex" | "accounts" | "storage" | "integrations"> & { phoneNumbers?: ReadonlyMap<string, string> } = {},
): Map<Kind, Map<string, unknown>> {
  const ids = new Map<string, string>();
  for (const kind of s.kinds) for (const r of recordsOf(s, kind)) if (!r.id.startsWith("arn:")) ids.set(r.id, `<${kind}:${r.name}>`);
  const ctx: RemapContext = { source: s.source, target: PLACE, ids, ...externals };
  const out = new Map<Kind, Map<string, unknown>>();
  for (const kind of kinds) {
    if (!s.kinds.includes(kind)) continue;
    const m = new Map<string, unknown>();
    for (const r of recordsOf(s, kind)) {
      // Lambda functions and Lex bots are identified by their (normalized) ARN; numbers by the
      // number they are mapped to; integrations by type and mapped ARN.
      const mappedNumber = (n: string) => externals.phoneNumbers?.get(n) ?? n;
      const key =
        kind === "lambdaFunctions" || kind === "lexBots" ? remapText(r.id, ctx).text
        : kind === "phoneNumbers" ? mappedNumber(r.name)
        : kind === "integrations" ? `${String(r.data.IntegrationType)}:${externals.integrations?.get(String(r.data.IntegrationArn)) ?? String(r.data.IntegrationArn)}`
        : r.name;
      let projected = project(kind, r.data);
      if (kind === "phoneNumbers") projected = { ...projected, PhoneNumber: mappedNumber(String(projected.PhoneNumber)) };
      if (kind === "integrations") projected = { ...projected, IntegrationArn: externals.integrations?.get(String(projected.IntegrationArn)) ?? projected.IntegrationArn };
      if (kind === "storageConfigs") projected = JSON.parse(JSON.stringify(projected), (_k, v: unknown) => (typeof v === "string" ? (externals.storage?.get(v) ?? v) : v)) as typeof projected;
      m.set(key, sortSets(JSON.parse(remapText(JSON.stringify(projected), ctx).text)));
    }
    out.set(kind, m);
  }
  return out;
}

/** Arrays that are sets: their order carries no meaning, so they are sorted after ids become names. */
const SET_FIELDS = new Set(["QueueConfigs", "QuickConnectIds", "MediaConcurrencies", "Config", "SecurityProfileIds", "Permissions", "QuickConnects", "Applications", "TagRestrictedResources", "HierarchyRestrictedResources"]);

export function sortSets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortSets);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const inner = sortSets(v);
      out[k] = SET_FIELDS.has(k) && Array.isArray(inner) ? [...inner].sort((a, b) => (canonicalJson(a) < canonicalJson(b) ? -1 : canonicalJson(a) > canonicalJson(b) ? 1 : 0)) : inner;
    }
    return out;
  }
  return value;
}

/**
 * The kinds to read so that `kinds` compare by name: each kind plus every kind its links and flow
 * content can point at (a quick connect's user, a user's profiles and group, ...). Ids of kinds not
 * read would stay raw and differ between any two instances.
 */
export function kindsToRead(kinds: readonly Kind[]): Kind[] {
  const out = new Set<Kind>(kinds);
  let grew = true;
  while (grew) {
    grew = false;
    for (const l of LINKS) if (out.has(l.kind) && !out.has(l.target)) (out.add(l.target), (grew = true));
    if ((out.has("flows") || out.has("flowModules")) && Object.keys(ARN_SEGMENT).some((k) => !out.has(k as Kind))) {
      for (const k of Object.keys(ARN_SEGMENT)) out.add(k as Kind);
      grew = true;
    }
  }
  return KINDS.filter((k) => out.has(k));
}

/** Lambda/Lex ARN pairs (left ARN or function name -> right ARN), as in a restore mapping file. */
export interface DiffMapping {
  readonly lambda?: Readonly<Record<string, string>>;
  readonly lex?: Readonly<Record<string, string>>;
  readonly accounts?: Readonly<Record<string, string>>;
  /** Left E.164 number -> right one (a DR Region's numbers differ). */
  readonly phoneNumbers?: Readonly<Record<string, string>>;
  /** Left bucket / stream / key -> right one. */
  readonly storage?: Readonly<Record<string, string>>;
  /** Left integration ARN -> right one. */
  readonly integrations?: Readonly<Record<string, string>>;
}

/**
 * Structural diff of two snapshots by name, after remapping ids, Region, account and instance.
 * With a mapping, the left side's Lambda/Lex ARNs are first translated to the right side's.
 */
export function compareSnapshots(left: Snapshot, right: Snapshot, kinds: readonly Kind[] = DEFAULT_DIFF_KINDS, mapping: DiffMapping = {}): SnapshotDiff {
  const rightCtx: RemapContext = { source: right.source, target: PLACE, ids: new Map() };
  const translate = (m?: Readonly<Record<string, string>>) => new Map(Object.entries(m ?? {}).map(([k, v]) => [k, remapText(v, rightCtx).text]));
  const l = normalizeSnapshot(left, kinds, {
    lambda: translate(mapping.lambda),
    lex: translate(mapping.lex),
    accounts: new Map(Object.entries(mapping.accounts ?? {}).map(([k, v]) => [k, v === right.source.accountId ? PLACE.accountId : v])),
    phoneNumbers: new Map(Object.entries(mapping.phoneNumbers ?? {})),
    storage: new Map(Object.entries(mapping.storage ?? {})),
    integrations: new Map(Object.entries(mapping.integrations ?? {})),
  });
  const r = normalizeSnapshot(right, kinds);
  const result: KindDiff[] = [];
  const notCompared: Kind[] = [];
  for (const kind of kinds) {
    const a = l.get(kind);
    const b = r.get(kind);
    if (!a || !b) {
      notCompared.push(kind);
      continue;
    }
    const onlyLeft = [...a.keys()].filter((k) => !b.has(k)).sort();
    const onlyRight = [...b.keys()].filter((k) => !a.has(k)).sort();
    const changed: KindDiff["changed"] = [];
    for (const name of [...a.keys()].filter((k) => b.has(k)).sort()) {
      const differences = structuralDiff(a.get(name), b.get(name));
      if (differences.length) changed.push({ name, differences });
    }
    if (onlyLeft.length || onlyRight.length || changed.length) result.push({ kind, onlyLeft, onlyRight, changed });
  }
  return { equal: result.length === 0, kinds: result, notCompared };
}
