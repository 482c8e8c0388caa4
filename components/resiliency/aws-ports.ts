import { CloudWatchClient, DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { ChangeResourceRecordSetsCommand, ListResourceRecordSetsCommand, type ResourceRecordSet, Route53Client } from "@aws-sdk/client-route-53";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import type { DnsWeightsPort, RegionHealth } from "./failover";

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
