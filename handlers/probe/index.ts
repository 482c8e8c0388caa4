import { CloudWatchClient, PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { ConnectClient, DescribeInstanceCommand } from "@aws-sdk/client-connect";
import { PEER_PROBE_NAMESPACE, probePeer, type ProbeReport } from "../../components/runtime";
import { readProbeSettings } from "./settings";
import { tcpConnect } from "./tcp-connect";

/**
 * Entry point, every minute: probe the PEER Region (its Connect API for our instance, and its SIP
 * endpoints) and publish the result in THIS Region, where the liveness alarm watches it. Clients live
 * outside the handler so that warm invocations reuse them. Two attempts of the peer call at most, each
 * bounded by TIMEOUT_MS: a dark Region must make the probe fail within the minute, not hang.
 */
const settings = readProbeSettings(process.env);
const timeouts = { connectionTimeout: settings.TIMEOUT_MS, requestTimeout: settings.TIMEOUT_MS };
const peer = new ConnectClient({
  region: settings.PEER_REGION,
  maxAttempts: 2,
  requestHandler: timeouts,
  ...(settings.PEER_CONNECT_ENDPOINT ? { endpoint: settings.PEER_CONNECT_ENDPOINT } : {}),
});
const cloudwatch = new CloudWatchClient({ region: process.env.AWS_REGION, maxAttempts: 3 });

export async function handler(): Promise<ProbeReport> {
  const report = await probePeer(settings.PEER_REGION, settings.SIP_ENDPOINTS, {
    describeInstance: async () => {
      try {
        return { status: (await peer.send(new DescribeInstanceCommand({ InstanceId: settings.INSTANCE_ID }))).Instance?.InstanceStatus };
      } catch (error) {
        const e = error as Error & { code?: string; $metadata?: { httpStatusCode?: number } };
        return { error: { name: e.name, ...(e.code ? { code: e.code } : {}), message: e.message, ...(e.$metadata?.httpStatusCode ? { httpStatusCode: e.$metadata.httpStatusCode } : {}) } };
      }
    },
    tcpConnect: (endpoint) => tcpConnect(endpoint, settings.TIMEOUT_MS),
    putMetrics: async (data) => {
      await cloudwatch.send(new PutMetricDataCommand({ Namespace: PEER_PROBE_NAMESPACE, MetricData: data.map((d) => ({ ...d, Dimensions: [...d.Dimensions] })) }));
    },
    now: () => new Date(),
  });
  console.log(JSON.stringify(report));
  return report;
}
