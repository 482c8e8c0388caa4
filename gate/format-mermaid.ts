/**
 * Mermaid flowchart of the architecture each stack declares: stack -> account -> Region subgraphs,
 * one node per component (with its resource count), edges for dependencies between components.
 */
import type { GateReport } from "./gate-report";
import { groupResources } from "./resource-tree";

const label = (text: string): string => text.replace(/"/g, "'");

/** Renders one flowchart covering every stack in the report. */
export function formatMermaid(report: GateReport): string {
  const dependencies = new Map(report.stacks.flatMap((s) => s.resources.map((r) => [`${s.stack}|${r.urn}`, r.dependsOn] as const)));
  const out = ["flowchart LR"];
  let n = 0;
  const nodeOfComponent = new Map<string, string>();
  const componentOfUrn = new Map<string, string>();
  for (const stack of report.stacks) {
    out.push(`  subgraph s${++n}["stack ${label(stack.stack)}"]`);
    for (const [account, regions] of groupResources(stack.resources)) {
      out.push(`    subgraph s${++n}["account ${label(account)}"]`);
      for (const [region, components] of regions) {
        out.push(`      subgraph s${++n}["${label(region)}"]`);
        for (const [component, resources] of components) {
          const id = `c${++n}`;
          const key = `${stack.stack}|${account}|${region}|${component}`;
          nodeOfComponent.set(key, id);
          for (const r of resources) componentOfUrn.set(`${stack.stack}|${r.urn}`, key);
          const [type, name] = component === "(stack)" ? ["top level", ""] : component.split("::");
          const short = type.split(":").pop();
          out.push(`        ${id}["${label(`${short}${name ? ` ${name}` : ""}`)}<br/>${resources.length} resource(s)"]`);
        }
        out.push("      end");
      }
      out.push("    end");
    }
    out.push("  end");
  }
  const edges = new Set<string>();
  for (const [key, deps] of dependencies) {
    const from = componentOfUrn.get(key);
    const stack = key.split("|")[0];
    for (const dep of deps) {
      const to = componentOfUrn.get(`${stack}|${dep}`);
      if (from && to && from !== to) edges.add(`  ${nodeOfComponent.get(from)} --> ${nodeOfComponent.get(to)}`);
    }
  }
  out.push(...[...edges].sort());
  return out.join("\n");
}
