import { runFailover, type FailoverOutcome, type FailoverPorts, describeDistribution, planShift, type TrafficDistribution } from "../../components/runtime";
import { validateService, validationPassed, type Check, type ValidationPorts, type ValidationTarget } from "./validation";

export interface DrillOptions {
  readonly target: ValidationTarget & { readonly groupArn: string };
  /** Region to fail over to. @default the secondary (regions[1]) */
  readonly toRegion?: string;
  /** Seconds to wait for steady state after each shift. @default 600 */
  readonly steadyStateTimeoutSeconds?: number;
  /** Seconds between steady-state probes. @default 10 */
  readonly pollSeconds?: number;
  /** Fail back at the end of the drill. @default true */
  readonly failBack?: boolean;
}

export interface DrillPorts extends Omit<FailoverPorts, "now"> {
  readonly validation: ValidationPorts;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface TimelineEntry {
  readonly at: string;
  readonly elapsedSeconds: number;
  readonly phase: string;
  readonly detail: string;
}

export interface ShiftMeasurement {
  readonly outcome: FailoverOutcome["action"];
  readonly distribution: string;
  /** Seconds from the shift request to the distribution read back in force. */
  readonly distributionSeconds: number;
  /** Seconds from the shift request to a passing validation (the measured RTO). */
  readonly steadyStateSeconds: number | undefined;
  readonly validation: readonly Check[];
}

export interface DrillReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly instanceId: string;
  readonly regions: readonly [string, string];
  readonly plan: readonly string[];
  readonly preChecks: readonly Check[];
  readonly failover?: ShiftMeasurement;
  readonly failback?: ShiftMeasurement;
  readonly timeline: readonly TimelineEntry[];
  readonly measuredRtoSeconds: number | undefined;
  readonly passed: boolean;
  readonly abortedBecause?: string;
}

/** The steps a drill takes, for `--dry-run` and the top of the report. */
export function drillPlan(options: DrillOptions, current?: TrafficDistribution): string[] {
  const [primary, secondary] = options.target.regions;
  const to = options.toRegion ?? secondary;
  const from = to === primary ? secondary : primary;
  const planned = current ? describeDistribution(planShift(current, { toRegion: to }, options.target.regions)) : `100% to ${to}`;
  return [
    `pre-checks: validate ${primary} and ${secondary}${current ? ` (now ${describeDistribution(current)})` : ""}`,
    `fail over: move telephony and agents to ${to} (${planned})`,
    `wait for steady state: distribution in force and validation passing (at most ${options.steadyStateTimeoutSeconds ?? 600} s)`,
    ...(options.failBack ?? true
      ? [`fail back: move telephony and agents to ${from}`, `wait for steady state again, then validate`]
      : [`leave traffic in ${to} (no failback)`]),
  ];
}

/**
 * A DR drill: pre-checks, failover, time to steady state, failback, validation again. The measured
 * RTO is the time from asking for the shift to the first passing validation with the new distribution
 * in force. A drill aborts, touching nothing, when the pre-checks fail.
 */
export async function runDrill(options: DrillOptions, ports: DrillPorts): Promise<DrillReport> {
  const now = ports.now ?? Date.now;
  const sleep = ports.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const started = now();
  const timeline: TimelineEntry[] = [];
  const mark = (phase: string, detail: string) => timeline.push({ at: new Date(now()).toISOString(), elapsedSeconds: (now() - started) / 1000, phase, detail });
  const [primary, secondary] = options.target.regions;
  const to = options.toRegion ?? secondary;
  const from = to === primary ? secondary : primary;
  const current = await ports.distribution.read();
  const plan = drillPlan(options, current);

  mark("pre-checks", "validating both Regions");
  const preChecks = await validateService({ ...options.target, expectedDistribution: undefined }, ports.validation);
  const finish = (rest: Partial<DrillReport>): DrillReport => ({
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date(now()).toISOString(),
    instanceId: options.target.instanceId,
    regions: options.target.regions,
    plan,
    preChecks,
    timeline,
    measuredRtoSeconds: rest.failover?.steadyStateSeconds,
    passed: false,
    ...rest,
  });
  if (!validationPassed(preChecks)) {
    mark("aborted", "pre-checks failed; nothing was changed");
    return finish({ abortedBecause: `pre-checks failed: ${preChecks.filter((c) => c.status === "fail").map((c) => `${c.region} ${c.name}`).join(", ")}` });
  }

  const shift = async (toRegion: string, phase: string): Promise<ShiftMeasurement> => {
    const requested = now();
    mark(phase, `moving telephony and agents to ${toRegion}`);
    const outcome = await runFailover({ ...ports, now }, { pair: options.target.regions, cooldownSeconds: 0 }, {
      eventId: `drill-${phase}-${requested}`,
      toRegion,
      reason: `DR drill ${phase}`,
      respectCooldown: false,
    });
    const distributionSeconds = (now() - requested) / 1000;
    mark(phase, `${outcome.action}: ${describeDistribution(outcome.after)} after ${distributionSeconds.toFixed(3)} s`);
    const expected = planShift(outcome.before, { toRegion }, options.target.regions);
    const deadline = requested + (options.steadyStateTimeoutSeconds ?? 600) * 1000;
    let validation: Check[] = [];
    for (;;) {
      validation = await validateService({ ...options.target, expectedDistribution: expected }, ports.validation);
      if (validationPassed(validation)) {
        const steadyStateSeconds = (now() - requested) / 1000;
        mark(phase, `steady state after ${steadyStateSeconds.toFixed(3)} s`);
        return { outcome: outcome.action, distribution: describeDistribution(outcome.after), distributionSeconds, steadyStateSeconds, validation };
      }
      if (now() >= deadline) {
        mark(phase, `no steady state within ${options.steadyStateTimeoutSeconds ?? 600} s`);
        return { outcome: outcome.action, distribution: describeDistribution(outcome.after), distributionSeconds, steadyStateSeconds: undefined, validation };
      }
      await sleep((options.pollSeconds ?? 10) * 1000);
    }
  };

  const failover = await shift(to, "failover");
  const failback = options.failBack ?? true ? await shift(from, "failback") : undefined;
  mark("done", "drill finished");
  const passed = failover.steadyStateSeconds !== undefined && (failback === undefined || failback.steadyStateSeconds !== undefined);
  return finish({ failover, failback, passed });
}

/** The drill report as Markdown, for the change record or a PR comment. */
export function renderDrillMarkdown(report: DrillReport): string {
  const checks = (title: string, list: readonly Check[]) => [
    `#### ${title}`,
    "",
    "| Region | Check | Result | Detail |",
    "|---|---|---|---|",
    ...list.map((c) => `| ${c.region} | ${c.name} | ${c.status.toUpperCase()} | ${c.detail.replace(/\|/g, "\\|")} |`),
    "",
  ];
  const shift = (title: string, m?: ShiftMeasurement) =>
    m
      ? [
          `### ${title}`,
          "",
          `- Outcome: ${m.outcome}; ${m.distribution}`,
          `- Distribution in force after ${m.distributionSeconds.toFixed(3)} s`,
          `- Steady state after ${m.steadyStateSeconds === undefined ? "never (timed out)" : `${m.steadyStateSeconds.toFixed(3)} s`}`,
          "",
          ...checks("Validation", m.validation),
        ]
      : [];
  return [
    `# DR drill: ${report.passed ? "PASSED" : "FAILED"}`,
    "",
    `Instance ${report.instanceId}, Regions ${report.regions.join(" and ")}, ${report.startedAt} to ${report.finishedAt}.`,
    "",
    `**Measured RTO: ${report.measuredRtoSeconds === undefined ? "not reached" : `${report.measuredRtoSeconds.toFixed(3)} s`}**${report.abortedBecause ? ` (aborted: ${report.abortedBecause})` : ""}`,
    "",
    "## Plan",
    "",
    ...report.plan.map((s, i) => `${i + 1}. ${s}`),
    "",
    "## Timeline",
    "",
    "| Time | +s | Phase | Detail |",
    "|---|---|---|---|",
    ...report.timeline.map((t) => `| ${t.at} | ${t.elapsedSeconds.toFixed(3)} | ${t.phase} | ${t.detail} |`),
    "",
    ...checks("Pre-checks", report.preChecks),
    ...shift("Failover", report.failover),
    ...shift("Failback", report.failback),
  ].join("\n");
}
