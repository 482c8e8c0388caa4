import type { FailoverTrigger } from "../../components/runtime";

/** The EventBridge event for a CloudWatch alarm state change (only the fields used). */
export interface AlarmStateChangeEvent {
  readonly id: string;
  readonly region: string;
  readonly "detail-type": string;
  readonly detail: { readonly alarmName: string; readonly state: { readonly value: string; readonly reason?: string } };
}

/**
 * What an alarm event asks for: a failover trigger (move traffic away from the Region whose health
 * alarm fired, or that this Region's peer-liveness alarm declares unreachable), or the reason it asks
 * for nothing.
 */
export function triggerFromAlarmEvent(
  event: AlarmStateChangeEvent,
  pair: readonly [string, string],
  healthAlarms: Readonly<Record<string, string>>,
  livenessAlarms: Readonly<Record<string, string>> = {},
): FailoverTrigger | { ignored: string } {
  if (event.detail?.state?.value !== "ALARM") {
    return { ignored: `alarm ${event.detail?.alarmName} is ${event.detail?.state?.value}; only ALARM triggers a failover` };
  }
  // A liveness alarm is raised in the surviving Region about its peer: the name says which is dark.
  const dark = livenessAlarms[event.detail.alarmName];
  // A health alarm's name says which Region is unhealthy; the event's own Region is where it was raised.
  const failing = dark ?? Object.entries(healthAlarms).find(([, name]) => name === event.detail.alarmName)?.[0] ?? event.region;
  if (!pair.includes(failing)) return { ignored: `Region ${failing} is not in the pair ${pair.join("/")}` };
  const toRegion = pair[0] === failing ? pair[1] : pair[0];
  const reason = dark ? `${event.detail.alarmName} is ALARM in ${event.region}: ${dark} does not answer its probes` : `${event.detail.alarmName} is ALARM in ${failing}`;
  return { eventId: event.id, toRegion, reason };
}
