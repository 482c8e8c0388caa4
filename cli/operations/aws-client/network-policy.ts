/**
 * How every AWS client of the CLI meets the network: a short connection timeout, few retries when
 * the endpoint cannot be reached at all (the SDK's default retries a refused connection for 30-45 s
 * in silence), and errors that say which endpoint and Region were tried and what to check, instead of
 * a bare `ECONNREFUSED` or "inspect the hidden field $response".
 */

/** Time to establish a TCP (and TLS) connection before the attempt fails, ms. */
export const CONNECTION_TIMEOUT_MS = 2_000;
/** Attempts per call when the endpoint refuses or its name does not resolve. */
export const MAX_UNREACHABLE_ATTEMPTS = 3;
/** Attempts per call when connecting times out (each costs {@link CONNECTION_TIMEOUT_MS}). */
export const MAX_CONNECT_TIMEOUT_ATTEMPTS = 2;

const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"]);

/** Client configuration to spread into every AWS client's constructor config. */
export function networkClientConfig(): { requestHandler: { connectionTimeout: number } } {
  return { requestHandler: { connectionTimeout: CONNECTION_TIMEOUT_MS } };
}

/** Which service a client talks to, and the flag that points it elsewhere. */
export interface ServiceLabel {
  /** e.g. "Amazon Connect". */
  readonly name: string;
  /** e.g. "--endpoint-url". */
  readonly endpointFlag: string;
}

interface AttemptError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number; headers?: Record<string, string | undefined> };
}

/** `refused` / `timeout` for an error that means the endpoint could not be reached at all. */
export function unreachableKind(error: unknown): "refused" | "timeout" | undefined {
  const e = error as AttemptError | undefined;
  if (!e) return undefined;
  if (e.code && UNREACHABLE_CODES.has(e.code)) return "refused";
  if (e.name === "TimeoutError" && /without establishing a connection/.test(e.message ?? "")) return "timeout";
  return undefined;
}

/**
 * The HTTP status and content type of an answer that did not come from an AWS API: one the SDK could
 * not deserialize (an HTML page, a proxy's text), or an error without AWS's error type or request id.
 */
export function nonAwsResponse(error: unknown): { status?: number; contentType?: string } | undefined {
  const e = error as AttemptError | undefined;
  const response = e?.$response;
  if (!e || !response) return undefined;
  const headers = Object.fromEntries(Object.entries(response.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const contentType = headers["content-type"];
  const fromAws = ["x-amzn-errortype", "x-amzn-requestid", "x-amz-request-id", "x-amz-id-2"].some((h) => headers[h] !== undefined);
  const undeserializable = /Deserialization error/.test(e.message ?? "") || e.name === "SyntaxError";
  const unknown = (e.name === "Unknown" || e.name === "UnknownError") && !fromAws;
  const html = /html/i.test(contentType ?? "");
  if (!undeserializable && !unknown && !(html && !fromAws)) return undefined;
  return { ...(response.statusCode !== undefined ? { status: response.statusCode } : {}), ...(contentType ? { contentType } : {}) };
}

/** The endpoint could not be reached: names it, the Region and what to check. */
export class EndpointUnreachableError extends Error {
  constructor(readonly service: ServiceLabel, readonly endpoint: string, readonly region: string, cause: unknown, attempts: number) {
    const e = cause as AttemptError;
    const why = unreachableKind(cause) === "timeout" ? `no connection within ${CONNECTION_TIMEOUT_MS / 1000} s` : (e.code ?? e.message ?? String(cause));
    super(
      `cannot reach ${service.name} at ${endpoint} (Region ${region}): ${why}, ${attempts} attempt(s). ` +
        `Check ${service.endpointFlag} (is something listening there?), the Region, and your network, proxy or VPC endpoint`,
    );
    this.name = "EndpointUnreachableError";
  }
}

/** Something answered, but not an AWS API. */
export class NonAwsResponseError extends Error {
  constructor(readonly service: ServiceLabel, readonly endpoint: string, readonly region: string, answer: { status?: number; contentType?: string }) {
    const what = /html/i.test(answer.contentType ?? "") ? "a web page" : answer.contentType ? `a ${answer.contentType} document` : "a response";
    super(
      `${service.name} at ${endpoint} (Region ${region}) answered HTTP ${answer.status ?? "?"} with ${what}, not an AWS API response. ` +
        `Check ${service.endpointFlag}: it should name the service's API endpoint, not a web page, proxy or another service`,
    );
    this.name = "NonAwsResponseError";
  }
}

interface MiddlewareClient {
  readonly middlewareStack: { addRelativeTo(middleware: never, options: { relation: "after"; toMiddleware: string; name: string }): void };
  readonly config: { region: string | (() => Promise<string>) };
}

interface HttpRequestLike {
  protocol?: string;
  hostname?: string;
  port?: number;
}

function endpointOf(request: HttpRequestLike | undefined): string {
  if (!request?.hostname) return "(unknown endpoint)";
  return `${request.protocol ?? "https:"}//${request.hostname}${request.port ? `:${request.port}` : ""}`;
}

/**
 * Applies the policy to a client: bounded attempts when the endpoint cannot be reached, and errors
 * that name the endpoint and Region (unreachable, not an AWS API, a resource not found there).
 * Sits inside the SDK's retry loop, so it sees every attempt.
 */
export function applyNetworkPolicy<C extends MiddlewareClient>(client: C, service: ServiceLabel): C {
  const attempts = new WeakMap<object, number>();
  const region = async (): Promise<string> => {
    const r = client.config.region;
    try {
      return typeof r === "function" ? await r() : r;
    } catch {
      return "(none resolved)";
    }
  };
  client.middlewareStack.addRelativeTo(
    ((next: (args: unknown) => Promise<unknown>, context: object) => async (args: { request?: HttpRequestLike }) => {
      try {
        return await next(args);
      } catch (error) {
        const endpoint = endpointOf(args.request);
        const kind = unreachableKind(error);
        if (kind) {
          const n = (attempts.get(context) ?? 0) + 1;
          attempts.set(context, n);
          if (n < (kind === "timeout" ? MAX_CONNECT_TIMEOUT_ATTEMPTS : MAX_UNREACHABLE_ATTEMPTS)) throw error; // the SDK retries it
          throw new EndpointUnreachableError(service, endpoint, await region(), error, n);
        }
        const answer = nonAwsResponse(error);
        if (answer) throw new NonAwsResponseError(service, endpoint, await region(), answer);
        const e = error as AttemptError;
        if (e?.name === "ResourceNotFoundException" && typeof e.message === "string" && !e.message.includes(" (looked in ")) {
          e.message = `${e.message} (looked in ${await region()} at ${endpoint})`;
        }
        throw error;
      }
    }) as never,
    { relation: "after", toMiddleware: "retryMiddleware", name: "connectDrNetworkPolicy" },
  );
  return client;
}
