/** Plain-text report for a terminal. */
import type { GateReport, ReportViolation } from "./gate-report";
import { readinessText } from "../../cli/resiliency/readiness-text";
import { groupResources } from "./resource-tree";

function controlsText(v: ReportViolation): string {
  return v.controls.length ? v.controls.map((c) => `${c.framework} ${c.id} (${c.title})`).join("; ") : "organization guardrail (no framework control)";
}

/** Renders the report for people: tree, violations, verdict. */
export function formatHuman(report: GateReport): string {
  const lines: string[] = [];
  lines.push(`connect-dr policy gate: pack ${report.pack.name} ${report.pack.version} (${report.pack.policies} policies)`);
  lines.push(report.scope, "");
  for (const stack of report.stacks) {
    lines.push(`Stack ${stack.stack}: ${stack.resources.filter((r) => r.custom).length} resources, ${stack.resources.filter((r) => !r.custom).length} components`);
    for (const [account, regions] of groupResources(stack.resources)) {
      lines.push(`  account ${account}`);
      for (const [region, components] of regions) {
        lines.push(`    ${region}`);
        for (const [component, resources] of components) {
          lines.push(`      ${component}`);
          for (const r of resources) lines.push(`        ${r.type}  ${r.name}`);
        }
      }
    }
    lines.push("");
  }
  const violations = report.stacks.flatMap((s) => s.violations);
  lines.push(violations.length ? `Violations (${violations.length}):` : "Violations: none");
  for (const v of violations) {
    lines.push(`  [${v.level.toUpperCase()}] ${v.rule}  stack ${v.stack}  ${v.urn ? `${v.resourceType ?? ""} ${v.resourceName ?? v.urn}`.trim() : "(whole stack)"}`);
    for (const line of v.message.split("\n")) lines.push(`      ${line}`);
    lines.push(`      controls: ${controlsText(v)}`);
    if (v.remediation) lines.push(`      remediation: ${v.remediation}`);
  }
  const ready = report.stacks.filter((st) => st.readiness);
  if (ready.length) {
    lines.push("", "DR readiness (RPO and RTO computed from each stack's configuration):");
    for (const st of ready) lines.push(...readinessText(st.stack, st.readiness!, "  "));
  }
  const s = report.summary;
  lines.push("");
  lines.push(
    `Summary: ${s.stacks} stack(s), ${s.resources} resources and components, ${s.violations} violation(s) ` +
      `(${s.mandatory} mandatory, ${s.advisory} advisory): ${s.passed ? "PASSED" : "FAILED"}`,
  );
  return lines.join("\n");
}
