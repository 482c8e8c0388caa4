import { InvokeCommand, type LambdaClient } from "@aws-sdk/client-lambda";
import { GetHealthCheckStatusCommand, type Route53Client } from "@aws-sdk/client-route-53";
import { route53Verdict, type ProbeResult } from "./validation";

// The probes `validate` runs beside the failover ports: a function's health-check answer, a SIP endpoint's Route 53 verdict.

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
