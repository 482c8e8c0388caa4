import type { DistributionPort } from "./connect-distribution";
import type { AuditLog, FailoverLock } from "./failover-lock";
import { describeDistribution, isSplit, planShift, sameDistribution, type TrafficDistribution } from "./traffic-distribution";

/** Health of a Region as the handler sees it (its composite alarm's state). */
export interface RegionHealth {
  readonly healthy: boolean;
  readonly reason: string;
}

/** Route 53 weights that follow the distribution (optional: not every stack uses weighted DNS). */
export interface DnsWeightsPort {
  /** Sends `percent` of DNS answers to `toRegion` and the rest to the other Region. */
  shiftTo(toRegion: string, percent: number): Promise<void>;
}

export interface FailoverPorts {
  readonly distribution: DistributionPort;
  readonly lock: FailoverLock;
  readonly audit: AuditLog;
  readonly regionHealth: (region: string) => Promise<RegionHealth>;
  readonly dns?: DnsWeightsPort;
  readonly notify: (subject: string, message: string) => Promise<void>;
  readonly now?: () => number;
}

export interface FailoverSettings {
  /** The ACGR Region pair, primary first. */
  readonly pair: readonly [string, string];
  /** Seconds after a shift during which further triggers change nothing. */
  readonly cooldownSeconds: number;
}

/** Why a shift is asked for: an alarm event, or an operator. */
export interface FailoverTrigger {
  /** Unique per event (EventBridge event id, or an operator's request id). */
  readonly eventId: string;
  /** The Region to move traffic to. */
  readonly toRegion: string;
  /** @default 100 */
  readonly percent?: number;
  readonly reason: string;
  /**
   * False for an operator's deliberate move: it takes the lock even inside another shift's cooldown
   * (failback right after a failover). @default true
   */
  readonly respectCooldown?: boolean;
}

export type FailoverAction = "shifted" | "already-in-place" | "locked" | "refused";

export interface FailoverOutcome {
  readonly action: FailoverAction;
  readonly toRegion: string;
  readonly before: TrafficDistribution;
  readonly after: TrafficDistribution;
  readonly detail: string;
  /** Milliseconds from the trigger to the distribution read back in force (shifted only). */
  readonly elapsedMilliseconds: number;
}

/**
 * Moves telephony and agents (and sign-in, on the default group) to `trigger.toRegion`.
 *
 * Order matters: read first (a repeat event changes nothing and takes no lock), refuse an unhealthy
 * target, take the lock (so duplicate or concurrent triggers shift once), read again under the lock
 * (another handler may have finished meanwhile), apply, then DNS, audit and notification.
 */
export async function runFailover(ports: FailoverPorts, settings: FailoverSettings, trigger: FailoverTrigger): Promise<FailoverOutcome> {
  const now = ports.now ?? Date.now;
  const started = now();
  const percent = trigger.percent ?? 100;
  const finish = async (action: FailoverAction, before: TrafficDistribution, after: TrafficDistribution, detail: string): Promise<FailoverOutcome> => {
    await ports.audit.write({ at: new Date(now()).toISOString(), eventId: trigger.eventId, action, toRegion: trigger.toRegion, detail });
    return { action, toRegion: trigger.toRegion, before, after, detail, elapsedMilliseconds: now() - started };
  };

  const before = await ports.distribution.read();
  const planned = planShift(before, { toRegion: trigger.toRegion, percent }, settings.pair);
  if (sameDistribution(before, planned) && !isSplit(before)) {
    return finish("already-in-place", before, before, `already ${describeDistribution(before)}`);
  }

  const health = await ports.regionHealth(trigger.toRegion);
  if (!health.healthy) {
    const detail = `refused to move traffic into ${trigger.toRegion}, which is itself unhealthy: ${health.reason}`;
    await ports.notify(`connect-dr: failover to ${trigger.toRegion} refused`, detail);
    return finish("refused", before, before, detail);
  }

  if (!(await ports.lock.acquire(trigger.eventId, settings.cooldownSeconds, trigger.respectCooldown === false))) {
    return finish("locked", before, before, `another failover holds the lock (cooldown ${settings.cooldownSeconds} s)`);
  }

  const underLock = await ports.distribution.read();
  if (sameDistribution(underLock, planned) && !isSplit(underLock)) {
    return finish("already-in-place", underLock, underLock, `already ${describeDistribution(underLock)}`);
  }
  let after: TrafficDistribution;
  try {
    after = await ports.distribution.apply(planned);
  } catch (error) {
    // The shift did not happen: free the lock so the next trigger (or an operator) can act at once.
    await ports.lock.release(trigger.eventId);
    throw error;
  }
  const elapsed = now() - started;
  await ports.dns?.shiftTo(trigger.toRegion, percent);
  const detail = `${trigger.reason}: ${describeDistribution(underLock)} -> ${describeDistribution(after)}`;
  await ports.notify(`connect-dr: traffic moved to ${trigger.toRegion}`, detail);
  const outcome = await finish("shifted", underLock, after, detail);
  return { ...outcome, elapsedMilliseconds: elapsed };
}
