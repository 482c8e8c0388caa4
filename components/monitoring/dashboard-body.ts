/**
 * The body of the contact centre's CloudWatch dashboard for one Region, as CloudWatch's dashboard body
 * structure (widgets on a 24-column grid). Pure: table-tested, and the component passes resolved values.
 */
import { ROUTE53_METRICS_REGION } from "../dns/health-check-alarm";

export interface DashboardInput {
  /** Region the dashboard and its metrics live in. */
  readonly region: string;
  /** Amazon Connect instance id (same in both Regions under ACGR). */
  readonly connectInstanceId: string;
  /** S3 replication of recordings: source bucket, destination bucket and replication rule id. @default no widget */
  readonly recordingsReplication?: { readonly sourceBucket: string; readonly destinationBucket: string; readonly ruleId: string };
  /** DynamoDB global table and the Regions it replicates to from this one. @default no widget */
  readonly globalTable?: { readonly tableName: string; readonly receivingRegions: readonly string[] };
  /** Route 53 health check ids by label (their metrics exist only in us-east-1). @default no widget */
  readonly healthCheckIds?: Readonly<Record<string, string>>;
  /** ARNs of the alarms that decide failover (the Regions' composite health alarms). @default no widget */
  readonly failoverAlarmArns?: readonly string[];
  /** Name of the failover Lambda function in this Region: its invocations and errors are failover events. @default no widget */
  readonly failoverFunctionName?: string;
}

export interface DashboardWidget {
  readonly type: "metric" | "alarm" | "text";
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly properties: Record<string, unknown>;
}

export interface DashboardBody {
  readonly start: string;
  readonly periodOverride: "inherit";
  readonly widgets: readonly DashboardWidget[];
}

const WIDTH = 12;
const HEIGHT = 6;

type MetricLine = readonly (string | Record<string, unknown>)[];

function metricWidget(title: string, region: string, metrics: readonly MetricLine[], extra: Record<string, unknown> = {}): Omit<DashboardWidget, "x" | "y"> {
  return {
    type: "metric",
    width: WIDTH,
    height: HEIGHT,
    properties: { title, region, view: "timeSeries", stacked: false, period: 60, metrics, ...extra },
  };
}

/** A SEARCH expression line, one series per matching metric. */
function search(expression: string, label: string, id: string): MetricLine {
  return [{ expression, label, id }];
}

/** The dashboard body; widgets appear only for the inputs given, two per row. */
export function contactCenterDashboardBody(input: DashboardInput): DashboardBody {
  const { region, connectInstanceId: instance } = input;
  const widgets: Omit<DashboardWidget, "x" | "y">[] = [
    metricWidget("Connect concurrency", region, [
      ["AWS/Connect", "ConcurrentCalls", "InstanceId", instance, "MetricGroup", "VoiceCalls", { stat: "Maximum" }],
      ["AWS/Connect", "ConcurrentCallsPercentage", "InstanceId", instance, "MetricGroup", "VoiceCalls", { stat: "Maximum", yAxis: "right" }],
      ["AWS/Connect", "CallsBreachingConcurrencyQuota", "InstanceId", instance, "MetricGroup", "VoiceCalls", { stat: "Sum" }],
      ["AWS/Connect", "ThrottledCalls", "InstanceId", instance, "MetricGroup", "VoiceCalls", { stat: "Sum" }],
    ]),
    metricWidget("Queues: size and longest wait", region, [
      search(`SEARCH('{AWS/Connect,InstanceId,MetricGroup,QueueName} MetricName="QueueSize" InstanceId="${instance}"', 'Maximum', 60)`, "QueueSize", "queueSize"),
      search(`SEARCH('{AWS/Connect,InstanceId,MetricGroup,QueueName} MetricName="LongestQueueWaitTime" InstanceId="${instance}"', 'Maximum', 60)`, "LongestQueueWaitTime", "longestWait"),
    ]),
    metricWidget("Flow errors", region, [
      search(`SEARCH('{AWS/Connect,ContactFlowName,InstanceId,MetricGroup} MetricName="ContactFlowErrors" InstanceId="${instance}"', 'Sum', 60)`, "ContactFlowErrors", "flowErrors"),
      search(`SEARCH('{AWS/Connect,ContactFlowName,InstanceId,MetricGroup} MetricName="ContactFlowFatalErrors" InstanceId="${instance}"', 'Sum', 60)`, "ContactFlowFatalErrors", "flowFatal"),
      ["AWS/Connect", "MissedCalls", "InstanceId", instance, "MetricGroup", "VoiceCalls", { stat: "Sum" }],
      ["AWS/Connect", "CallRecordingUploadError", "InstanceId", instance, "MetricGroup", "CallRecordings", { stat: "Sum" }],
    ]),
  ];
  if (input.recordingsReplication) {
    const { sourceBucket, destinationBucket, ruleId } = input.recordingsReplication;
    const dims = ["SourceBucket", sourceBucket, "DestinationBucket", destinationBucket, "RuleId", ruleId];
    widgets.push(
      metricWidget("Recordings replication (RTC bound: 15 min)", region, [
        ["AWS/S3", "ReplicationLatency", ...dims, { stat: "Maximum" }],
        ["AWS/S3", "BytesPendingReplication", ...dims, { stat: "Maximum", yAxis: "right" }],
        ["AWS/S3", "OperationsFailedReplication", ...dims, { stat: "Sum", yAxis: "right" }],
      ], { annotations: { horizontal: [{ label: "RTC 15 min", value: 900 }] } }),
    );
  }
  if (input.globalTable) {
    const { tableName, receivingRegions } = input.globalTable;
    widgets.push(
      metricWidget(
        "DynamoDB global table replication latency",
        region,
        receivingRegions.map((receiving) => ["AWS/DynamoDB", "ReplicationLatency", "TableName", tableName, "ReceivingRegion", receiving, { stat: "Average" }]),
      ),
    );
  }
  const healthChecks = Object.entries(input.healthCheckIds ?? {});
  if (healthChecks.length > 0) {
    widgets.push(
      metricWidget(
        "Route 53 health checks (1 = healthy)",
        ROUTE53_METRICS_REGION,
        healthChecks.map(([label, id]) => ["AWS/Route53", "HealthCheckStatus", "HealthCheckId", id, { stat: "Minimum", label }]),
        { yAxis: { left: { min: 0, max: 1 } } },
      ),
    );
  }
  if (input.failoverAlarmArns && input.failoverAlarmArns.length > 0) {
    widgets.push({ type: "alarm", width: WIDTH, height: HEIGHT, properties: { title: "Failover decision alarms", alarms: [...input.failoverAlarmArns] } });
  }
  if (input.failoverFunctionName !== undefined) {
    widgets.push(
      metricWidget("Failover events (handler runs)", region, [
        ["AWS/Lambda", "Invocations", "FunctionName", input.failoverFunctionName, { stat: "Sum" }],
        ["AWS/Lambda", "Errors", "FunctionName", input.failoverFunctionName, { stat: "Sum" }],
      ]),
    );
  }
  return {
    start: "-PT6H",
    periodOverride: "inherit",
    widgets: widgets.map((w, i) => ({ ...w, x: (i % 2) * WIDTH, y: Math.floor(i / 2) * HEIGHT }) as DashboardWidget),
  };
}
