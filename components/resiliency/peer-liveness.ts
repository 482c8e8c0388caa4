/**
 * The dark-Region detector: each Region probes its PEER every minute and publishes, in its OWN Region,
 * whether the peer is alive. A Region that goes dark publishes nothing and forwards nothing, so only
 * the surviving Region can notice; its liveness alarm on these probes (missing data breaching) invokes
 * its own failover handler.
 *
 * The peer is alive when its Connect API answers for the instance (DescribeInstance, short timeouts)
 * and, when SIP endpoints are configured, at least one of them accepts a TCP connection. Refused or
 * timed-out connections and 5xx answers are failures. A 4xx answer (throttling, access denied, an
 * unknown instance) proves the Region's control plane is up: it is reported as a probe problem, never
 * as a dark Region, so that an IAM mistake cannot fail over a healthy Region.
 */

/** The CloudWatch namespace of the probe's metrics (the probe may publish only here). */
export const PEER_PROBE_NAMESPACE = "ConnectDR/PeerProbe";
/** 1 when the peer answered, 0 when not: the liveness alarm's metric. */
export const PEER_ALIVE_METRIC = "PeerAlive";
/** Every minute: EventBridge's finest schedule, and the alarm's period. */
export const PEER_PROBE_PERIOD_SECONDS = 60;

/** The liveness alarm in Region `here` that says `peer` is unreachable (its failover handler's trigger). */
export function peerLivenessAlarmName(prefix: string, peer: string, here: string): string {
  return `${prefix}-${peer}-unreachable-from-${here}`;
}

/** One SIP signalling endpoint of the peer. */
export interface SipEndpoint {
  readonly name: string;
  readonly host: string;
  readonly port: number;
}

/** The outcome of one check. */
export interface CheckResult {
  readonly ok: boolean;
  readonly detail: string;
}

/** How a DescribeInstance call ended: an instance status, or an error. */
export type ApiOutcome = { readonly status: string | undefined } | { readonly error: { readonly name?: string; readonly code?: string; readonly message?: string; readonly httpStatusCode?: number } };

/** The verdict on the peer's Connect API from one DescribeInstance outcome. */
export function apiVerdict(outcome: ApiOutcome): CheckResult & { readonly misconfigured?: true } {
  if ("status" in outcome) {
    return outcome.status === "ACTIVE" ? { ok: true, detail: "instance ACTIVE" } : { ok: false, detail: `instance is ${outcome.status ?? "missing"}` };
  }
  const { name, code, message, httpStatusCode } = outcome.error;
  const what = [name, code].filter(Boolean).join("/") || "error";
  if (httpStatusCode !== undefined && httpStatusCode >= 400 && httpStatusCode < 500) {
    if (httpStatusCode === 429 || name === "ThrottlingException") return { ok: true, detail: `answered ${what} (throttled, but up)` };
    return { ok: true, misconfigured: true, detail: `answered ${what} ${httpStatusCode}: ${message ?? ""}; the Region is up, the probe's permissions or settings are wrong`.trim() };
  }
  return { ok: false, detail: `${what}${httpStatusCode ? ` ${httpStatusCode}` : ""}: ${message ?? "no answer"}` };
}

/** Alive: the API answered, and one SIP endpoint (if any are configured) accepted a connection. */
export function peerAlive(api: CheckResult, sip: readonly CheckResult[]): boolean {
  return api.ok && (sip.length === 0 || sip.some((s) => s.ok));
}

/** What the probe reads and writes; the handler binds these to the SDK and node:net. */
export interface PeerProbePorts {
  describeInstance(): Promise<ApiOutcome>;
  tcpConnect(endpoint: SipEndpoint): Promise<CheckResult>;
  putMetrics(data: readonly MetricDatum[]): Promise<void>;
  now(): Date;
}

/** One CloudWatch data point as PutMetricData takes it. */
export interface MetricDatum {
  readonly MetricName: string;
  readonly Dimensions: readonly { readonly Name: string; readonly Value: string }[];
  readonly Timestamp: Date;
  readonly Value: number;
  readonly Unit: "None" | "Count";
  readonly StorageResolution: 60;
}

export interface ProbeReport {
  readonly peerRegion: string;
  readonly alive: boolean;
  readonly api: CheckResult & { readonly misconfigured?: true };
  readonly sip: readonly (CheckResult & { readonly endpoint: string })[];
  readonly at: string;
}

/** The data points of one probe: PeerAlive (the alarm's), and the API and SIP results beside it. */
export function probeMetricData(peerRegion: string, report: Pick<ProbeReport, "alive" | "api" | "sip">, at: Date): MetricDatum[] {
  const datum = (MetricName: string, Value: number, Unit: MetricDatum["Unit"] = "None"): MetricDatum => ({
    MetricName,
    Dimensions: [{ Name: "PeerRegion", Value: peerRegion }],
    Timestamp: at,
    Value,
    Unit,
    StorageResolution: 60,
  });
  return [
    datum(PEER_ALIVE_METRIC, report.alive ? 1 : 0),
    datum("ConnectApiReachable", report.api.ok ? 1 : 0),
    datum("SipEndpointsReachable", report.sip.filter((s) => s.ok).length, "Count"),
  ];
}

/**
 * One probe of the peer: the API and every SIP endpoint at once (each bounded by its own timeout),
 * then the result published in this Region. A failure to publish propagates: a probe that cannot
 * report is missing data, which the liveness alarm treats as breaching.
 */
export async function probePeer(peerRegion: string, sipEndpoints: readonly SipEndpoint[], ports: PeerProbePorts): Promise<ProbeReport> {
  const at = ports.now();
  const [api, sip] = await Promise.all([
    ports.describeInstance().then(apiVerdict),
    Promise.all(sipEndpoints.map(async (e) => ({ endpoint: e.name, ...(await ports.tcpConnect(e)) }))),
  ]);
  const alive = peerAlive(api, sip);
  await ports.putMetrics(probeMetricData(peerRegion, { alive, api, sip }, at));
  return { peerRegion, alive, api, sip, at: at.toISOString() };
}

/**
 * Worst-case time from a Region going dark to its peer's liveness alarm in ALARM: the failure may begin
 * just after a successful probe (one period), then `datapointsToAlarm` failed probes, one a period.
 * CloudWatch evaluates a period once it has ended, which the first term covers.
 */
export function darkRegionDetectionTerms(alarm: { readonly datapointsToAlarm: number; readonly periodSeconds?: number }): { label: string; seconds: number }[] {
  const period = alarm.periodSeconds ?? PEER_PROBE_PERIOD_SECONDS;
  return [
    { label: "peer probe interval (the outage starts just after a good probe)", seconds: period },
    { label: `failed probes to alarm (${alarm.datapointsToAlarm} x ${period} s)`, seconds: alarm.datapointsToAlarm * period },
  ];
}
