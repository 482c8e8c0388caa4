/**
 * A local HTTP server answering the two calls validation's probes make, on the wire the unmodified
 * AWS SDK clients speak: Lambda Invoke (REST-JSON, `X-Amz-Function-Error`) and Route 53
 * GetHealthCheckStatus (REST-XML). It records which Region each Invoke was signed for.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface ProbeServer {
  readonly endpoint: string;
  /** `<region> <function>` per Invoke, in order. */
  readonly invocations: string[];
  close(): Promise<void>;
}

export interface ProbeServerOptions {
  /** Reply of a function by `<region>/<function name>`: its payload, and a function error if it failed. */
  readonly functions: Readonly<Record<string, { readonly payload: unknown; readonly functionError?: string }>>;
  /** Each checker's `StatusReport.Status` line by health check id. */
  readonly healthChecks: Readonly<Record<string, readonly string[]>>;
}

const signedRegion = (req: IncomingMessage) => /Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\//.exec(String(req.headers.authorization))?.[1] ?? "?";

export async function startProbeServer(options: ProbeServerOptions): Promise<ProbeServer> {
  const invocations: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const invoke = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(req.url ?? "");
      if (req.method === "POST" && invoke) {
        const name = decodeURIComponent(invoke[1]!);
        const region = signedRegion(req);
        invocations.push(`${region} ${name}`);
        const reply = options.functions[`${region}/${name}`];
        if (!reply) {
          res.writeHead(404, { "content-type": "application/json", "x-amzn-errortype": "ResourceNotFoundException" });
          res.end(JSON.stringify({ Type: "User", Message: `Function not found: arn:aws:lambda:${region}:111122223333:function:${name}` }));
          return;
        }
        res.writeHead(200, { "content-type": "application/json", "x-amz-executed-version": "$LATEST", ...(reply.functionError ? { "x-amz-function-error": reply.functionError } : {}) });
        res.end(JSON.stringify(reply.payload));
        return;
      }
      const status = /^\/2013-04-01\/healthcheck\/([^/]+)\/status$/.exec(req.url ?? "");
      if (req.method === "GET" && status) {
        const id = decodeURIComponent(status[1]!);
        const lines = options.healthChecks[id];
        res.setHeader("content-type", "text/xml");
        if (!lines) {
          res.writeHead(404);
          res.end(`<?xml version="1.0"?>\n<ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Error><Type>Sender</Type><Code>NoSuchHealthCheck</Code><Message>A health check with id ${id} does not exist.</Message></Error><RequestId>1</RequestId></ErrorResponse>`);
          return;
        }
        const observations = lines
          .map((s, i) => `<HealthCheckObservation><Region>us-east-1</Region><IPAddress>15.177.2.${i + 1}</IPAddress><StatusReport><Status>${s}</Status><CheckedTime>2026-11-25T12:00:00Z</CheckedTime></StatusReport></HealthCheckObservation>`)
          .join("");
        res.writeHead(200);
        res.end(`<?xml version="1.0"?>\n<GetHealthCheckStatusResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><HealthCheckObservations>${observations}</HealthCheckObservations></GetHealthCheckStatusResponse>`);
        return;
      }
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: `probe server: no route for ${req.method} ${req.url}` }));
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    invocations,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
