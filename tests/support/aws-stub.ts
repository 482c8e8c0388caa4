/**
 * A local stand-in for the two AWS services the failover path uses besides Connect and DynamoDB, on
 * the wire the unmodified SDK clients speak: CloudWatch (AWS JSON 1.0, `x-amz-target:
 * GraniteServiceVersion20100801.<Operation>`: PutMetricData, DescribeAlarms) and SNS (AWS Query:
 * Publish). CloudWatch has no local server that evaluates alarms; this one records the data points and
 * answers DescribeAlarms with the states a test sets, and the test evaluates alarms itself
 * (components/resiliency/alarm-evaluation.ts). Every request is recorded with the Region it was signed for; a
 * Region can be made to answer 500 (an outage).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";

export interface RecordedMetric {
  readonly region: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface AwsStub {
  readonly endpoint: string;
  /** `<service> <operation> <region>` of every request, in order. */
  readonly requests: string[];
  readonly metrics: RecordedMetric[];
  readonly published: { readonly region: string; readonly topicArn: string; readonly subject: string; readonly message: string }[];
  /** The state DescribeAlarms reports for an alarm in a Region (a composite alarm). */
  setAlarmState(region: string, alarmName: string, state: "OK" | "ALARM" | "INSUFFICIENT_DATA"): void;
  /** Every request signed for `region` answers 500 while it is dark. */
  setDark(region: string, dark: boolean): void;
  close(): Promise<void>;
}

const signedRegion = (req: IncomingMessage) => /Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\//.exec(String(req.headers.authorization))?.[1] ?? "?";

export async function startAwsStub(): Promise<AwsStub> {
  const requests: string[] = [];
  const metrics: RecordedMetric[] = [];
  const published: AwsStub["published"][number][] = [];
  const alarms = new Map<string, string>();
  const dark = new Set<string>();
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": randomUUID() });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const region = signedRegion(req);
      const target = String(req.headers["x-amz-target"] ?? "");
      if (target.startsWith("GraniteServiceVersion20100801.")) {
        const operation = target.split(".")[1]!;
        requests.push(`cloudwatch ${operation} ${region}`);
        if (dark.has(region)) return json(res, 500, { __type: "InternalServiceFault", message: `${region} is not answering` });
        const input = JSON.parse(body || "{}");
        if (operation === "PutMetricData") {
          for (const d of input.MetricData ?? []) {
            metrics.push({ region, namespace: input.Namespace, metricName: d.MetricName, dimensions: Object.fromEntries((d.Dimensions ?? []).map((x: { Name: string; Value: string }) => [x.Name, x.Value])), value: d.Value });
          }
          return json(res, 200, {});
        }
        if (operation === "DescribeAlarms") {
          const names: string[] = input.AlarmNames ?? [];
          const found = names.filter((n) => alarms.has(`${region}|${n}`)).map((n) => ({ AlarmName: n, StateValue: alarms.get(`${region}|${n}`) }));
          return json(res, 200, { CompositeAlarms: found, MetricAlarms: [] });
        }
        return json(res, 400, { __type: "InvalidAction", message: `the stub does not serve ${operation}` });
      }
      const form = new URLSearchParams(body);
      if (form.get("Action") === "Publish") {
        requests.push(`sns Publish ${region}`);
        if (dark.has(region)) {
          res.writeHead(500, { "content-type": "text/xml" });
          return res.end(`<ErrorResponse><Error><Type>Receiver</Type><Code>InternalError</Code><Message>${region} is not answering</Message></Error><RequestId>1</RequestId></ErrorResponse>`);
        }
        published.push({ region, topicArn: form.get("TopicArn") ?? "", subject: form.get("Subject") ?? "", message: form.get("Message") ?? "" });
        res.writeHead(200, { "content-type": "text/xml" });
        return res.end(
          `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>${randomUUID()}</MessageId></PublishResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`,
        );
      }
      json(res, 400, { message: `aws stub: no route for ${req.method} ${req.url} ${target}` });
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    metrics,
    published,
    setAlarmState: (region, alarmName, state) => void alarms.set(`${region}|${alarmName}`, state),
    setDark: (region, isDark) => void (isDark ? dark.add(region) : dark.delete(region)),
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
