/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`). Each violation is a
 * result located in the stack file it came from (code scanning needs a physical location) and, as a
 * logical location, at the resource URN.
 */
import type { GateReport, ReportViolation } from "./gate-report";

const LEVEL: Record<string, "error" | "warning" | "note" | "none"> = { mandatory: "error", remediate: "error", advisory: "warning", disabled: "none" };

/** The SARIF log object (serialize with JSON.stringify). */
export function toSarif(report: GateReport): Record<string, unknown> {
  const violations = report.stacks.flatMap((s) => s.violations);
  const ruleIds = [...new Set(violations.map((v) => v.rule))].sort();
  const first = (id: string): ReportViolation => violations.find((v) => v.rule === id)!;
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "connect-dr-policy-gate",
            version: report.pack.version,
            informationUri: "https://www.pulumi.com/docs/using-pulumi/crossguard/",
            rules: ruleIds.map((id) => {
              const v = first(id);
              return {
                id,
                name: id,
                shortDescription: { text: v.message.split("\n")[0] },
                help: { text: v.remediation || v.message.split("\n")[0] },
                properties: { tags: v.controls.map((c) => `${c.framework}:${c.id}`) },
              };
            }),
          },
        },
        results: violations.map((v) => ({
          ruleId: v.rule,
          ruleIndex: ruleIds.indexOf(v.rule),
          level: LEVEL[v.level] ?? "warning",
          message: { text: `${v.message.split("\n").slice(1).join(" ") || v.message}${v.remediation ? ` Remediation: ${v.remediation}` : ""}` },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri: `Pulumi.${v.stack}.yaml` }, region: { startLine: 1 } },
              logicalLocations: [{ fullyQualifiedName: v.urn ?? `stack:${v.stack}`, name: v.resourceName ?? v.stack, kind: v.urn ? "resource" : "module" }],
            },
          ],
          properties: { stack: v.stack, enforcementLevel: v.level, phase: v.phase, controls: v.controls.map((c) => `${c.framework} ${c.id}: ${c.title}`) },
        })),
        invocations: [{ executionSuccessful: true, properties: { scope: report.scope, passed: report.summary.passed } }],
      },
    ],
  };
}
