/**
 * Groups a stack's resources by account, Region and component: the shape every format prints.
 */
import type { ReportResource } from "./gate-report";

/** account -> Region -> component -> resources (custom resources only; components are the groups). */
export type ResourceTree = Map<string, Map<string, Map<string, ReportResource[]>>>;

/** Sorted, deterministic grouping of the provider-managed resources. */
export function groupResources(resources: readonly ReportResource[]): ResourceTree {
  const tree: ResourceTree = new Map();
  const sorted = resources
    .filter((r) => r.custom)
    .slice()
    .sort((a, b) => a.account.localeCompare(b.account) || a.region.localeCompare(b.region) || a.component.localeCompare(b.component) || a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
  for (const r of sorted) {
    const regions = tree.get(r.account) ?? tree.set(r.account, new Map()).get(r.account)!;
    const components = regions.get(r.region) ?? regions.set(r.region, new Map()).get(r.region)!;
    (components.get(r.component) ?? components.set(r.component, []).get(r.component)!).push(r);
  }
  return tree;
}
