/**
 * The gate's result, the one model every output format renders.
 */
import type { FrameworkControl } from "../../policies/frameworks";
import type { ReadinessReport } from "../../cli/resiliency/readiness";
import type { EnforcementLevel } from "./policy-pack-process";

/** What the gate checks, said plainly in every format. */
export const GATE_SCOPE =
  "This gate checks what the program declares, offline: the program runs under mocks (deterministic fake ids and ARNs, " +
  "no credentials, no Pulumi CLI) and every resource goes to the real policy pack over the Analyzer gRPC protocol. " +
  "It cannot see the cloud's actual state, provider-computed values or drift, and is no substitute for a credentialed " +
  "`pulumi preview --policy-pack policies`.";

/** One resource in the tree. */
export interface ReportResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** Account of its provider; "-" for components and default-provider resources. */
  readonly account: string;
  /** Region from its `region` input or its provider; "-" when none. */
  readonly region: string;
  /** Nearest enclosing component as `type::name`, or "(stack)" at the top level. */
  readonly component: string;
  readonly custom: boolean;
  /** URNs it depends on (what the architecture diagram draws between components). */
  readonly dependsOn: readonly string[];
}

/** One violation, attributed. */
export interface ReportViolation {
  readonly stack: string;
  readonly rule: string;
  readonly level: EnforcementLevel;
  readonly severity?: string;
  /** URN of the resource in violation, or undefined for a stack-wide finding. */
  readonly urn?: string;
  readonly resourceName?: string;
  readonly resourceType?: string;
  readonly message: string;
  readonly remediation: string;
  readonly controls: readonly FrameworkControl[];
  /** `resource` (Analyze) or `stack` (AnalyzeStack). */
  readonly phase: "resource" | "stack";
}

/** One stack's part of the report. */
export interface StackReport {
  readonly stack: string;
  readonly resources: readonly ReportResource[];
  readonly violations: readonly ReportViolation[];
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly synthesisMilliseconds: number;
  /** RPO and RTO per path from the stack's configuration (absent when the configuration is invalid). */
  readonly readiness?: ReadinessReport;
}

/** The whole gate run. */
export interface GateReport {
  readonly scope: string;
  readonly pack: { readonly name: string; readonly version: string; readonly policies: number };
  readonly stacks: readonly StackReport[];
  readonly summary: {
    readonly stacks: number;
    readonly resources: number;
    readonly violations: number;
    readonly mandatory: number;
    readonly advisory: number;
    /** False when any mandatory violation was found: the gate fails. */
    readonly passed: boolean;
  };
  readonly milliseconds: number;
}

/** Summary counts and the pass/fail verdict for stack reports. */
export function summarize(stacks: readonly StackReport[]): GateReport["summary"] {
  const violations = stacks.flatMap((s) => s.violations);
  const mandatory = violations.filter((v) => v.level === "mandatory").length;
  return {
    stacks: stacks.length,
    resources: stacks.reduce((n, s) => n + s.resources.length, 0),
    violations: violations.length,
    mandatory,
    advisory: violations.filter((v) => v.level === "advisory").length,
    passed: mandatory === 0,
  };
}
