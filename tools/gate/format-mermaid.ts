/**
 * Mermaid flowchart of the architecture each stack declares: stack -> account -> Region subgraphs,
 * one node per component (with its resource count), edges for dependencies between components.
 */
import type { GateReport } from "./gate-report";
import { groupResources } from "./resource-tree";

const label = (text: string): string => text.replace(/"/g, "'");

/** `aws:s3/bucket:Bucket` -> `Bucket`; `pulumi-nodejs:dynamic/connect-dr:acgr:InstanceReplica` -> `InstanceReplica`. */
const shortType = (type: string): string => type.split(":").pop() ?? type;

function componentTitle(component: string, count: number): { title: string; detail: string } {
  const [type, name] = component.split("::");
  return { title: `${shortType(type)} ${name}`, detail: `${count} resource(s)` };
}

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
          // A resource outside any component (the ACGR replica, the traffic distribution group) is its
          // own node, named by its type and name: one "top level" box would hide what it is.
          const groups = component === "(stack)" ? resources.map((r) => ({ key: `${component}|${r.urn}`, members: [r], title: `${shortType(r.type)} ${r.name}`, detail: "no component" })) : [{ key: component, members: resources, ...componentTitle(component, resources.length) }];
          for (const group of groups) {
            const id = `c${++n}`;
            const key = `${stack.stack}|${account}|${region}|${group.key}`;
            nodeOfComponent.set(key, id);
            for (const r of group.members) componentOfUrn.set(`${stack.stack}|${r.urn}`, key);
            out.push(`        ${id}["${label(group.title)}<br/>${group.detail}"]`);
          }
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
