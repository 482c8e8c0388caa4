import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { ConnectClient } from "@aws-sdk/client-connect";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Route53Client } from "@aws-sdk/client-route-53";
import { SNSClient } from "@aws-sdk/client-sns";
import { alarmRegionHealth, Route53Weights, snsNotifier, type WeightedRecord, ConnectDistribution, runFailover, type FailoverOutcome, DynamoDbFailoverStore } from "../../components/runtime";
import { triggerFromAlarmEvent, type AlarmStateChangeEvent } from "./alarm-event";
import { readHandlerSettings } from "./settings";

/**
 * Entry point: an alarm said a Region is unhealthy (its forwarded health alarm), or this Region's
 * liveness alarm said the peer is dark; move new contacts and agents to the other Region. Everything it
 * calls is in this Region (Connect by the group's ARN, the lock table's replica here, this Region's
 * health alarm, SNS here), so it needs nothing from a dark peer. Clients live outside the handler so
 * that warm invocations reuse connections.
 */
const settings = readHandlerSettings(process.env);
const home = process.env.AWS_REGION;
const connect = new ConnectClient({ region: home, retryMode: "adaptive", maxAttempts: 6 });
const dynamo = new DynamoDBClient({ region: home });
const sns = new SNSClient({ region: home });
const cloudwatch = new Map<string, CloudWatchClient>();
const cloudwatchIn = (region: string) => cloudwatch.get(region) ?? cloudwatch.set(region, new CloudWatchClient({ region, maxAttempts: 2 })).get(region)!;
const store = new DynamoDbFailoverStore(dynamo, settings.LOCK_TABLE, settings.GROUP_ARN);
const dnsRecord: WeightedRecord | undefined = settings.DNS_RECORD ? JSON.parse(settings.DNS_RECORD) : undefined;

export async function handler(event: AlarmStateChangeEvent): Promise<FailoverOutcome | { action: "ignored"; detail: string }> {
  const trigger = triggerFromAlarmEvent(event, settings.PAIR, settings.HEALTH_ALARMS, settings.LIVENESS_ALARMS);
  if ("ignored" in trigger) return { action: "ignored", detail: trigger.ignored };
  const outcome = await runFailover(
    {
      distribution: new ConnectDistribution(connect, settings.GROUP_ARN),
      lock: store,
      audit: store,
      regionHealth: alarmRegionHealth(settings.HEALTH_ALARMS, cloudwatchIn),
      // Route 53's control plane is served from us-east-1.
      dns: dnsRecord ? new Route53Weights(new Route53Client({ region: "us-east-1" }), dnsRecord) : undefined,
      notify: snsNotifier(sns, settings.TOPIC_ARN),
    },
    { pair: settings.PAIR, cooldownSeconds: settings.COOLDOWN_SECONDS },
    trigger,
  );
  console.log(JSON.stringify({ event: event.id, ...outcome }));
  return outcome;
}
