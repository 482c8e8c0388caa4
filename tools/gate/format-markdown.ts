/** Markdown for a pull-request comment. */
import type { GateReport } from "./gate-report";
import { readinessMarkdown } from "../../cli/resiliency/readiness-text";
import { groupResources } from "./resource-tree";

const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, "<br>");

/** Renders the report as a PR comment: verdict, per-stack counts, violations, collapsed tree. */
export function formatMarkdown(report: GateReport): string {
  const s = report.summary;
  const out: string[] = [];
  out.push(`## ${s.passed ? "✅" : "❌"} connect-dr policy gate: ${s.passed ? "passed" : "failed"}`, "");
  out.push(`${s.violations} violation(s): ${s.mandatory} mandatory, ${s.advisory} advisory, across ${s.stacks} stack(s) and ${s.resources} resources and components. Pack \`${report.pack.name}\` ${report.pack.version}.`, "");
  out.push("| Stack | Resources | Mandatory | Advisory |", "|---|---:|---:|---:|");
  for (const stack of report.stacks) {
    const count = (level: string) => stack.violations.filter((v) => v.level === level).length;
    out.push(`| ${stack.stack} | ${stack.resources.filter((r) => r.custom).length} | ${count("mandatory")} | ${count("advisory")} |`);
  }
  const violations = report.stacks.flatMap((st) => st.violations);
  if (violations.length) {
    out.push("", "### Violations", "", "| Level | Rule | Stack | Resource | Finding | Controls | Remediation |", "|---|---|---|---|---|---|---|");
    for (const v of violations) {
      out.push(
        `| ${v.level} | \`${v.rule}\` | ${v.stack} | ${v.urn ? `\`${v.resourceName}\` (${v.resourceType})` : "whole stack"} | ${cell(v.message.split("\n").slice(1).join(" ") || v.message)} | ${cell(v.controls.map((c) => `${c.framework} ${c.id}`).join(", ") || "guardrail")} | ${cell(v.remediation)} |`,
      );
    }
  }
  for (const stack of report.stacks) {
    if (stack.readiness) out.push("", ...readinessMarkdown(stack.stack, stack.readiness));
  }
  for (const stack of report.stacks) {
    out.push("", `<details><summary>Resources declared by <code>${stack.stack}</code></summary>`, "");
    for (const [account, regions] of groupResources(stack.resources)) {
      for (const [region, components] of regions) {
        out.push(`- account \`${account}\`, ${region}`);
        for (const [component, resources] of components) out.push(`  - ${component}: ${resources.length} (${[...new Set(resources.map((r) => r.type))].join(", ")})`);
      }
    }
    out.push("", "</details>");
  }
  out.push("", `> ${report.scope}`);
  return out.join("\n");
}
