/**
 * The minimum-call ideal of a backup or restore: for each API the fewest calls that read (or write)
 * the instance, divided by that API's quota with the burst credited; the slowest API bounds the
 * phase. "Fewest calls" comes from the instance's counts and the APIs' page sizes, not from the
 * calls the tool chose to make.
 */
import { LIST_DESCRIBE } from "../../cli/operations/backup/export-specs";
import { SEARCH_READ, type ReadPath } from "../../cli/operations/backup/read-paths";
import type { Kind } from "../../cli/operations/model/kinds";
import { quotaFor, type QuotaTable } from "../../cli/operations/rate/quotas";

export interface Ideal {
  readonly seconds: number;
  /** The API that bounds the phase. */
  readonly api: string;
  readonly calls: number;
}

/** Seconds for `calls` to one API: the first `burst` go at once, the rest at the rate. */
export function apiSeconds(calls: number, quota: { ratePerSecond: number; burst: number }): number {
  return Math.max(0, calls - quota.burst) / quota.ratePerSecond;
}

/** The slowest API's seconds over a call table. */
export function idealOf(calls: ReadonlyMap<string, number>, quotas: QuotaTable): Ideal {
  let best: Ideal = { seconds: 0, api: "", calls: 0 };
  for (const [api, n] of calls) {
    const s = apiSeconds(n, quotaFor(quotas, api));
    if (s > best.seconds || (best.api === "" && n > 0)) best = { seconds: s, api, calls: n };
  }
  return best;
}

const add = (m: Map<string, number>, api: string, n: number) => {
  if (n > 0) m.set(api, (m.get(api) ?? 0) + n);
};

/**
 * The fewest calls that read the kinds with a Describe API, for a path. `changed`: per kind, the
 * objects an incremental backup must read per resource (undefined: a full backup). `withQueues`:
 * routing profiles that have queues (the others need no ListRoutingProfileQueues on the Search path).
 * APIs of other kinds (instance attributes, storage, Lambda, ...) are taken from `made`: each is one
 * page already.
 */
export function minimumReadCalls(args: {
  counts: Readonly<Record<string, number>>;
  path: ReadPath;
  withQueues: number;
  changed?: Readonly<Partial<Record<Kind, number>>>;
  made: ReadonlyMap<string, number>;
}): Map<string, number> {
  const out = new Map<string, number>();
  const covered = new Set<string>();
  for (const [kind, spec] of Object.entries(LIST_DESCRIBE) as [Kind, NonNullable<(typeof LIST_DESCRIBE)[Kind]>][]) {
    const n = args.counts[kind];
    if (n === undefined) continue;
    const search = SEARCH_READ[kind];
    covered.add(spec.listApi).add(spec.describeApi);
    for (const c of spec.children ?? []) covered.add(c.api);
    if (search) covered.add(search.searchApi);
    if (search?.changeListing) covered.add(search.changeListing.api);
    if (args.path === "describe" || !search) {
      add(out, spec.listApi, Math.max(1, Math.ceil(n / (spec.maxResults ?? 100))));
      add(out, spec.describeApi, n);
      for (const c of spec.children ?? []) add(out, c.api, n);
      continue;
    }
    add(out, search.searchApi, Math.max(1, Math.ceil(n / search.maxResults)));
    const perObject = args.changed ? Math.min(n, args.changed[kind] ?? 0) : n;
    if (args.changed && search.changeListing && search.changeFields) add(out, search.changeListing.api, Math.max(1, Math.ceil(n / search.changeListing.maxResults)));
    if (search.describeAlways) add(out, spec.describeApi, perObject);
    if (!args.changed || search.changeFields) {
      for (const c of spec.children ?? []) add(out, c.api, kind === "routingProfiles" && !args.changed ? args.withQueues : perObject);
    }
  }
  for (const [api, n] of args.made) if (!covered.has(api)) add(out, api, n);
  return out;
}
