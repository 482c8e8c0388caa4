/**
 * A local HTTP server answering the calls validation makes beyond Connect, on the wire the unmodified
 * AWS SDK clients speak: Lambda Invoke (REST-JSON, `X-Amz-Function-Error`) and GetFunction, and
 * Route 53 GetHealthCheckStatus (REST-XML). It records which Region each Lambda call was signed for.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ProbeServer {
  readonly endpoint: string;
  /** `<region> <function>` per Invoke, in order. */
  readonly invocations: string[];
  /** `<region> <function>` per GetFunction, in order. */
  readonly lookups: string[];
  close(): Promise<void>;
}

export interface ProbeServerOptions {
  /**
   * Functions by `<region>/<function name>`: they exist (GetFunction) and answer Invoke with this
   * payload, and a function error if they failed.
   */
  readonly functions: Readonly<Record<string, { readonly payload: unknown; readonly functionError?: string }>>;
  /** Each checker's `StatusReport.Status` line by health check id. */
  readonly healthChecks: Readonly<Record<string, readonly string[]>>;
}

const signedRegion = (req: IncomingMessage) => /Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\//.exec(String(req.headers.authorization))?.[1] ?? "?";

export async function startProbeServer(options: ProbeServerOptions): Promise<ProbeServer> {
  const invocations: string[] = [];
  const lookups: string[] = [];
  // GetFunction takes a name or an ARN (`...:function:<name>[:qualifier]`).
  const functionName = (ref: string) => (ref.includes(":function:") ? ref.split(":function:")[1]!.split(":")[0]! : ref);
  const notFound = (res: ServerResponse, region: string, name: string) => {
    res.writeHead(404, { "content-type": "application/json", "x-amzn-errortype": "ResourceNotFoundException" });
    res.end(JSON.stringify({ Type: "User", Message: `Function not found: arn:aws:lambda:${region}:111122223333:function:${name}` }));
  };
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
          notFound(res, region, name);
          return;
        }
        res.writeHead(200, { "content-type": "application/json", "x-amz-executed-version": "$LATEST", ...(reply.functionError ? { "x-amz-function-error": reply.functionError } : {}) });
        res.end(JSON.stringify(reply.payload));
        return;
      }
      const lookup = /^\/2015-03-31\/functions\/([^/?]+)$/.exec(req.url ?? "");
      if (req.method === "GET" && lookup) {
        const name = functionName(decodeURIComponent(lookup[1]!));
        const region = signedRegion(req);
        lookups.push(`${region} ${name}`);
        if (!options.functions[`${region}/${name}`]) {
          notFound(res, region, name);
          return;
        }
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ Configuration: { FunctionName: name, FunctionArn: `arn:aws:lambda:${region}:111122223333:function:${name}` } }));
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
    lookups,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
