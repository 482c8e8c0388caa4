import { type CloudWatchClient, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";

/** A Connect metric that signals trouble after a recovery, and when its value is anomalous. */
interface Signal {
  readonly id: string;
  readonly metric: string;
  readonly metricGroup: string;
  readonly stat: "Sum" | "Maximum";
  readonly anomalous: (value: number) => boolean;
  readonly describe: (value: number) => string;
}

const SIGNALS: readonly Signal[] = [
  { id: "throttled", metric: "ThrottledCalls", metricGroup: "VoiceCalls", stat: "Sum", anomalous: (v) => v > 0, describe: (v) => `${v} throttled calls` },
  { id: "concurrency", metric: "ConcurrentCallsPercentage", metricGroup: "VoiceCalls", stat: "Maximum", anomalous: (v) => v >= 0.9, describe: (v) => `concurrent calls at ${Math.round(v * 100)}% of quota` },
  { id: "misconfigured", metric: "MisconfiguredPhoneNumbers", metricGroup: "VoiceCalls", stat: "Sum", anomalous: (v) => v > 0, describe: (v) => `${v} calls to misconfigured phone numbers` },
  { id: "recording", metric: "CallRecordingUploadError", metricGroup: "CallRecordings", stat: "Sum", anomalous: (v) => v > 0, describe: (v) => `${v} recording upload errors` },
];

/**
 * Post-recovery anomalies in a Region's AWS/Connect metrics over the last `minutes`: throttling,
 * concurrency near the quota, misconfigured numbers (a number whose flow did not follow the
 * failover) and recording upload errors.
 */
export function connectMetricAnomalies(clientFor: (region: string) => CloudWatchClient, instanceId: string, minutes = 15) {
  return async (region: string): Promise<string[]> => {
    const end = new Date();
    const start = new Date(end.getTime() - minutes * 60_000);
    const out = await clientFor(region).send(
      new GetMetricDataCommand({
        StartTime: start,
        EndTime: end,
        MetricDataQueries: SIGNALS.map((s) => ({
          Id: s.id,
          MetricStat: {
            Metric: { Namespace: "AWS/Connect", MetricName: s.metric, Dimensions: [{ Name: "InstanceId", Value: instanceId }, { Name: "MetricGroup", Value: s.metricGroup }] },
            Period: 60,
            Stat: s.stat,
          },
        })),
      }),
    );
    const anomalies: string[] = [];
    for (const signal of SIGNALS) {
      const values = out.MetricDataResults?.find((r) => r.Id === signal.id)?.Values ?? [];
      const worst = signal.stat === "Sum" ? values.reduce((a, b) => a + b, 0) : Math.max(0, ...values);
      if (signal.anomalous(worst)) anomalies.push(signal.describe(worst));
    }
    return anomalies;
  };
}
