import { CloudWatchClient, DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { InvokeCommand, type LambdaClient } from "@aws-sdk/client-lambda";
import { ChangeResourceRecordSetsCommand, GetHealthCheckStatusCommand, ListResourceRecordSetsCommand, type ResourceRecordSet, Route53Client } from "@aws-sdk/client-route-53";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import type { DnsWeightsPort, RegionHealth } from "./failover";
import { route53Verdict, type ProbeResult } from "./validation";

/**
 * A Region is healthy while its health composite alarm is not in ALARM. The alarm is read in that
 * Region; if it cannot be read at all, the Region is treated as unhealthy (never move traffic into a
 * Region we cannot even observe).
 */
export function alarmRegionHealth(alarmNameByRegion: Readonly<Record<string, string>>, clientFor: (region: string) => CloudWatchClient) {
  return async (region: string): Promise<RegionHealth> => {
    const alarmName = alarmNameByRegion[region];
    if (!alarmName) return { healthy: false, reason: `no health alarm is configured for ${region}` };
    try {
      const out = await clientFor(region).send(new DescribeAlarmsCommand({ AlarmNames: [alarmName], AlarmTypes: ["CompositeAlarm", "MetricAlarm"] }));
      const state = out.CompositeAlarms?.[0]?.StateValue ?? out.MetricAlarms?.[0]?.StateValue;
      if (state === undefined) return { healthy: false, reason: `health alarm ${alarmName} not found in ${region}` };
      return { healthy: state !== "ALARM", reason: `${alarmName} is ${state}` };
    } catch (error) {
      return { healthy: false, reason: `cannot read ${alarmName} in ${region}: ${(error as Error).message}` };
    }
  };
}

/** The weighted records that follow the distribution: one set identifier per Region. */
export interface WeightedRecord {
  readonly hostedZoneId: string;
  readonly recordName: string;
  readonly recordType: string;
  readonly setIdentifierByRegion: Readonly<Record<string, string>>;
}

/** Moves Route 53 weights: read the current record sets, UPSERT them with only the weight changed. */
export class Route53Weights implements DnsWeightsPort {
  constructor(
    private readonly client: Route53Client,
    private readonly record: WeightedRecord,
  ) {}

  async shiftTo(toRegion: string, percent: number): Promise<void> {
    const name = this.record.recordName.endsWith(".") ? this.record.recordName : `${this.record.recordName}.`;
    const listed = await this.client.send(
      new ListResourceRecordSetsCommand({ HostedZoneId: this.record.hostedZoneId, StartRecordName: name, StartRecordType: this.record.recordType as ResourceRecordSet["Type"] }),
    );
    const ours = (listed.ResourceRecordSets ?? []).filter(
      (r) => r.Name === name && r.Type === this.record.recordType && Object.values(this.record.setIdentifierByRegion).includes(r.SetIdentifier ?? ""),
    );
    const changes = ours.map((r) => {
      const region = Object.entries(this.record.setIdentifierByRegion).find(([, id]) => id === r.SetIdentifier)![0];
      return { Action: "UPSERT" as const, ResourceRecordSet: { ...r, Weight: region === toRegion ? percent : 100 - percent } };
    });
    if (changes.length === 0) throw new Error(`no weighted records ${name} ${this.record.recordType} with set identifiers ${Object.values(this.record.setIdentifierByRegion).join(", ")}`);
    await this.client.send(
      new ChangeResourceRecordSetsCommand({ HostedZoneId: this.record.hostedZoneId, ChangeBatch: { Comment: `connect-dr failover to ${toRegion}`, Changes: changes } }),
    );
  }
}

/** Publishes failover notices to an SNS topic. */
export function snsNotifier(client: SNSClient, topicArn: string) {
  return async (subject: string, message: string): Promise<void> => {
    await client.send(new PublishCommand({ TopicArn: topicArn, Subject: subject.slice(0, 100), Message: message }));
  };
}

/**
 * What a function answered to `{"healthCheck": true}`: healthy when it returned without a function
 * error and said `"healthy": "true"` (the CRM lookups' health-check reply).
 */
export function healthCheckAnswer(out: { readonly FunctionError?: string; readonly Payload?: Uint8Array }): ProbeResult {
  const text = out.Payload ? new TextDecoder().decode(out.Payload) : "";
  let body: { healthy?: unknown; errorType?: unknown; errorMessage?: unknown } = {};
  try {
    body = JSON.parse(text || "{}");
  } catch {
    return { healthy: false, detail: `answered ${JSON.stringify(text.slice(0, 100))}, not JSON` };
  }
  if (out.FunctionError) return { healthy: false, detail: `${out.FunctionError} error: ${String(body.errorType ?? "")} ${String(body.errorMessage ?? text)}`.trim() };
  return body.healthy === "true" ? { healthy: true, detail: "answered healthy" } : { healthy: false, detail: `answered ${text.slice(0, 200)}` };
}

/** Invokes a function synchronously with the health-check event, in the Region's Lambda. */
export function lambdaHealthCheck(clientFor: (region: string) => LambdaClient) {
  return async (region: string, functionName: string): Promise<ProbeResult> =>
    healthCheckAnswer(await clientFor(region).send(new InvokeCommand({ FunctionName: functionName, Payload: new TextEncoder().encode(JSON.stringify({ healthCheck: true })) })));
}

/** Route 53's current verdict on a health check, from every checker's last observation. */
export function route53HealthCheck(client: Route53Client) {
  return async (healthCheckId: string): Promise<ProbeResult> => {
    const out = await client.send(new GetHealthCheckStatusCommand({ HealthCheckId: healthCheckId }));
    return route53Verdict((out.HealthCheckObservations ?? []).map((o) => o.StatusReport?.Status ?? ""));
  };
}
