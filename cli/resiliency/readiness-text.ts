import type { ReadinessReport } from "./readiness";

const seconds = (s: number | undefined) => (s === undefined ? "unbounded" : `${s} s`);

/** A readiness report as text for a terminal: one line per path with its terms, then the gaps. */
export function readinessText(stack: string, report: ReadinessReport, indent = ""): string[] {
  const lines = [`${indent}${stack}: ${report.ready ? "READY" : "GAPS FOUND"} (worst RPO ${seconds(report.worstRpoSeconds)}, worst RTO ${seconds(report.worstRtoSeconds)})`];
  for (const p of report.paths) {
    lines.push(`${indent}  ${p.meetsTarget ? "ok  " : "GAP "} ${p.kind.toUpperCase()} ${p.path}: ${seconds(p.seconds)} (target ${p.targetSeconds} s)`);
    for (const t of p.terms) lines.push(`${indent}         ${t.seconds} s  ${t.label}`);
  }
  for (const p of report.paths.filter((x) => x.gap)) lines.push(`${indent}  gap: ${p.gap}`);
  return lines;
}

/** A readiness report as a Markdown table. */
export function readinessMarkdown(stack: string, report: ReadinessReport): string[] {
  return [
    `#### DR readiness of \`${stack}\`: ${report.ready ? "ready" : "gaps found"}`,
    "",
    "| Kind | Path | Seconds | Target | Met |",
    "|---|---|---:|---:|---|",
    ...report.paths.map((p) => `| ${p.kind.toUpperCase()} | ${p.path} | ${seconds(p.seconds)} | ${p.targetSeconds} | ${p.meetsTarget ? "yes" : `no: ${p.gap}`} |`),
  ];
}
