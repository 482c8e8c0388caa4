import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline/promises";
import { runFailover, type FailoverOutcome, describeDistribution, planShift, sameDistribution, type TrafficDistribution } from "../components/runtime";
import type { CliContext } from "./command-module";
import { emit } from "./connect-options";
import { UsageError } from "./errors";
import { EXIT } from "./exit-codes";
import { failoverPortsFromFlags, groupArnFromFlags, pairClients, pairFromFlags, type PairFlags } from "./resiliency-options";

export interface ShiftFlags extends PairFlags {
  percent?: string;
  dryRun?: boolean;
  yes?: boolean;
  cooldownSeconds?: string;
}

export interface ShiftResult {
  readonly command: "failover" | "failback";
  readonly dryRun: boolean;
  readonly groupArn: string;
  readonly toRegion: string;
  readonly current: TrafficDistribution;
  readonly planned: TrafficDistribution;
  readonly outcome?: FailoverOutcome["action"];
  readonly after?: TrafficDistribution;
  readonly detail?: string;
  readonly elapsedSeconds?: number;
}

function parsePercent(value: string | undefined): number {
  if (value === undefined) return 100;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 100 || n % 10 !== 0) throw new UsageError(`--percent: found ${JSON.stringify(value)}; allowed: 0 to 100 in steps of 10`);
  return n;
}

async function confirm(ctx: CliContext, question: string): Promise<boolean> {
  if (!process.stdin.isTTY || !ctx.io.stderr.isTTY) {
    throw new UsageError("refusing to move traffic without confirmation: run on a terminal to be asked, or pass --yes");
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(`${question} Type "yes" to continue: `)).trim() === "yes";
  } finally {
    rl.close();
  }
}

/**
 * Moves telephony and agents (and sign-in on the default group) to `toRegion`: shows the current and
 * the planned distribution, asks for confirmation unless `--yes`, changes nothing with `--dry-run`,
 * and goes through the same lock, health check and audit as the automated failover.
 */
export async function shiftTraffic(ctx: CliContext, command: "failover" | "failback", flags: ShiftFlags, toRegionFlag: string | undefined): Promise<void> {
  const { instanceArn, pair, healthAlarms } = pairFromFlags(flags);
  const toRegion = toRegionFlag ?? pair[0];
  if (!pair.includes(toRegion)) throw new UsageError(`--to: found ${JSON.stringify(toRegion)}; allowed: ${pair.join(" or ")} (the instance's ACGR pair)`);
  const percent = parsePercent(flags.percent);
  const cooldownSeconds = flags.cooldownSeconds === undefined ? 300 : Number(flags.cooldownSeconds);
  if (!Number.isInteger(cooldownSeconds) || cooldownSeconds < 0) throw new UsageError(`--cooldown-seconds: found ${JSON.stringify(flags.cooldownSeconds)}; allowed: a whole number of seconds`);

  // Act from the Region that receives the traffic: it is the one known to be up.
  const connect = await pairClients(flags, ctx.io, pair);
  const groupArn = await groupArnFromFlags(flags, connect(toRegion), instanceArn);
  const ports = await failoverPortsFromFlags(flags, ctx.io, { pair, healthAlarms, groupArn, callRegion: toRegion }, connect);
  const current = await ports.distribution.read();
  const planned = planShift(current, { toRegion, percent }, pair);
  const base = { command, groupArn, toRegion, current, planned };
  const plan = `current: ${describeDistribution(current)}\nplanned: ${describeDistribution(planned)}\n`;

  if (flags.dryRun || sameDistribution(current, planned)) {
    const result: ShiftResult = { ...base, dryRun: Boolean(flags.dryRun), ...(sameDistribution(current, planned) ? { outcome: "already-in-place" as const } : {}) };
    emit(ctx.io, flags, result, () => `${plan}${sameDistribution(current, planned) ? "nothing to do: the planned distribution is in force\n" : "dry run: nothing changed\n"}`);
    ctx.setExit(EXIT.OK);
    return;
  }
  if (!flags.json) ctx.io.stdout.write(plan);
  if (!flags.yes && !(await confirm(ctx, `Move ${percent}% of new contacts and agents to ${toRegion}?`))) {
    ctx.io.stderr.write("not confirmed: nothing changed\n");
    ctx.setExit(EXIT.FAILURE);
    return;
  }
  const outcome = await runFailover(
    ports,
    { pair, cooldownSeconds },
    { eventId: `operator-${command}-${randomUUID()}`, toRegion, percent, reason: `operator ${command}`, respectCooldown: false },
  );
  const result: ShiftResult = { ...base, dryRun: false, outcome: outcome.action, after: outcome.after, detail: outcome.detail, elapsedSeconds: outcome.elapsedMilliseconds / 1000 };
  emit(ctx.io, flags, result, () => `${outcome.action}: ${outcome.detail}\n`);
  ctx.setExit(outcome.action === "shifted" || outcome.action === "already-in-place" ? EXIT.OK : EXIT.FAILURE);
}
