import type { Check } from "./resiliency/validation";

/** Checks as an aligned text table (the terminal form of `validate` and of a drill's checks). */
export function formatChecks(checks: readonly Check[]): string {
  const rows = [["REGION", "CHECK", "RESULT", "DETAIL"], ...checks.map((c) => [c.region, c.name, c.status.toUpperCase(), c.detail])];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
  return `${rows.map((r) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join("  ")).join("\n")}\n`;
}
