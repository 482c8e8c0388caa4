/**
 * The Amazon Connect API simulator: a node:http server speaking the service's restJson1 wire
 * protocol, so the unmodified `ConnectClient` works against it with
 * `endpoint: "http://127.0.0.1:<port>"`, any credentials and any Region.
 *
 * Request pipeline: admin paths (`/__simulator/...`) are served first and bypass everything else.
 * Otherwise the caller's Region comes from the SigV4 credential scope and the account from the
 * access key id mapping; the route is matched against the SDK-derived catalog; a Region in an outage
 * answers 5xx; the input is decoded and judged against AWS's model (`model/`); then fault injection
 * (drop, latency), the per-API token bucket (ThrottlingException 429), injected 5xx, the model's
 * verdict (a request that breaks it is answered with the operation's listed validation error),
 * ClientToken idempotency, and finally the operation handler. Every request's verdict is recorded
 * (`modelVerdicts`), with its answer's when responses are checked. Requests signed for the `sts`
 * service go to the AssumeRole stand-in (`sts.ts`); requests signed with the temporary credentials it
 * issued are checked for their session token and expiry first.
 *
 * Besides the shared endpoint, `regionEndpoint(region)` opens an endpoint of one Region (like
 * connect.<region>.amazonaws.com): during that Region's outage it refuses connections.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { handleAdmin, ADMIN_PREFIX } from "./admin";
import { routeCall, type CallRoute } from "./call-routing";
import { CallCounters, type OperationCounters } from "./counters";
import { ServiceError } from "./errors";
import { FaultInjector, type FaultConfig } from "./faults";
import { PromptAudioSource, type PromptS3Config } from "./prompt-audio";
import type { HandlerSettings, RequestContext } from "./handlers/context";
import { HANDLERS } from "./handlers/registry";
import { IdempotencyCache } from "./idempotency";
import { checkRequest, checkResponse, modelValidationError, verdictListenersActive, VerdictLog, type ModelVerdict } from "./model/verdicts";
import { operationCatalog } from "./protocol/operation-catalog";
import { decodeRequest } from "./protocol/request-decoder";
import { encodeOutput } from "./protocol/response-encoder";
import { Router } from "./protocol/router";
import { parseAuthorization } from "./protocol/sigv4";
import { QuotaEnforcer, type QuotaConfig } from "./quotas";
import { seedState, type SeedResult, type SeedSpec } from "./seeding";
import { StateStore } from "./state/store";
import { SessionStore } from "./sts";

/** Options of {@link startSimulator}. */
export interface SimulatorOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  readonly host?: string;
  /** Access key id -> account id. Unmapped keys use `defaultAccount`. @default {} */
  readonly accounts?: Readonly<Record<string, string>>;
  /** Account of callers whose access key id is not mapped. @default "111122223333" */
  readonly defaultAccount?: string;
  /** Region of requests without a SigV4 credential scope. @default "us-east-1" */
  readonly defaultRegion?: string;
  /** API quotas. @default 2 requests/s, burst 5, per operation per (account, Region) */
  readonly quotas?: QuotaConfig;
  /** Faults to inject from the start. @default none */
  readonly faults?: FaultConfig;
  /** Seed of the fault dice. @default 1 */
  readonly faultSeed?: number;
  /** How long ReplicateInstance leaves the replica CREATION_IN_PROGRESS, ms. @default 0 */
  readonly replicationDelayMs?: number;
  /** How long CreateInstance leaves the instance CREATION_IN_PROGRESS, ms. @default 0 */
  readonly instanceCreationDelayMs?: number;
  /** Seed of the metrics generator. @default 42 */
  readonly metricsSeed?: number;
  /** Give new instances the stock resources of a real instance. @default true */
  readonly defaultResources?: boolean;
  /**
   * The S3 endpoint CreatePrompt and UpdatePrompt read audio from (an s3rver in tests). @default none:
   * creating a prompt from an S3Uri fails with InvalidParameterException
   */
  readonly promptS3?: PromptS3Config;
  /** The clock. @default () => new Date() */
  readonly clock?: () => Date;
  /**
   * Check each answer against the model (output shape; errors the operation lists) and record the
   * findings with the request's verdict. @default true while an `onModelVerdict` listener is
   * subscribed (tests), else false
   */
  readonly checkResponses?: boolean;
}

/** A running simulator. */
export interface Simulator {
  /** `http://host:port`, ready for `new ConnectClient({ endpoint })`. */
  readonly endpoint: string;
  readonly port: number;
  /** The access key id -> account mapping in force. */
  readonly accounts: Readonly<Record<string, string>>;
  readonly defaultAccount: string;
  /** The live state store (read it in tests; mutate through the API or `seed`). */
  readonly state: StateStore;
  /** Replaces the fault configuration. */
  setFaults(config: FaultConfig): void;
  /** Changes quotas (default and/or per operation). */
  setQuota(config: QuotaConfig): void;
  /** Points prompt audio reads at another S3 endpoint (undefined: none). */
  setPromptS3(config: PromptS3Config | undefined): void;
  /** Per-operation call counters. */
  counters(): Record<string, OperationCounters>;
  /** The model's verdict on each request served (see `model/verdicts.ts`); `reset` does not clear it. */
  modelVerdicts(): ReturnType<VerdictLog["snapshot"]>;
  /** Forgets the recorded verdicts. */
  clearModelVerdicts(): void;
  /** Creates an instance and resources directly (no quotas, no faults), optionally with fixed ids. */
  seed(spec: SeedSpec): SeedResult;
  /**
   * Where a call to `phoneNumber` lands now: the Region its distribution picks (`draw` in [0, 1) on
   * the cumulative percentages, default 0), answered only when that Region is up and has a flow
   * associated with the number.
   */
  routeCall(phoneNumber: string, draw?: number): CallRoute;
  /**
   * Starts an outage of `region`: every API request signed for it answers 500, its Region endpoint
   * (if opened) refuses connections, and calls routed there fail. Resolves once the endpoint is closed.
   */
  darkenRegion(region: string): Promise<void>;
  /** Ends an outage; resolves once the Region endpoint accepts connections again. */
  restoreRegion(region: string): Promise<void>;
  /** The Regions in an outage. */
  darkRegions(): string[];
  /** `http://host:port` serving only `region` (opened on first call), refused during its outage. */
  regionEndpoint(region: string): Promise<string>;
  /** Clears state, counters and quota buckets; faults are turned off (outages are not ended). */
  reset(): void;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/** Internals the admin endpoint works on. */
export interface SimulatorInternals {
  readonly simulator: Simulator;
  readonly faults: FaultInjector;
  readonly quotas: QuotaEnforcer;
  /** The simulator clock (prompt file URLs expire on it). */
  readonly clock: () => Date;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * What the pipeline answers. `drop`: the socket is destroyed instead (with a body when the request was
 * processed and only the response is lost). `injected`: a throttle or fault the test configured.
 */
interface Answer {
  readonly status?: number;
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly injected?: boolean;
  readonly drop?: boolean;
}

function errorAnswer(error: ServiceError, injected = false): Required<Omit<Answer, "drop">> {
  // The coral-style suffix is what the service sends; the SDK strips everything after ':'.
  return {
    status: error.status,
    body: JSON.stringify(error.body()),
    headers: { "x-amzn-errortype": `${error.errorType}:http://internal.amazon.com/coral/com.amazonaws.connect/` },
    injected,
  };
}

function sendJson(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "x-amzn-requestid": randomUUID(),
    ...headers,
  });
  res.end(body);
}

function sendError(res: ServerResponse, error: ServiceError): void {
  const answer = errorAnswer(error);
  sendJson(res, answer.status, answer.body, answer.headers);
}

/** Starts a simulator. Resolves once it listens. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const catalog = operationCatalog();
  const router = new Router(catalog.values());
  const store = new StateStore();
  const counters = new CallCounters();
  const quotas = new QuotaEnforcer(options.quotas);
  const faults = new FaultInjector(options.faults, options.faultSeed ?? 1);
  const idempotency = new IdempotencyCache();
  const dark = new Set<string>();
  const regional = new Map<string, { server: Server; port: number }>();
  const verdicts = new VerdictLog();
  const accounts = { ...(options.accounts ?? {}) };
  const defaultAccount = options.defaultAccount ?? "111122223333";
  const defaultRegion = options.defaultRegion ?? "us-east-1";
  const clock = options.clock ?? (() => new Date());
  const sessions = new SessionStore(clock);
  const settings: HandlerSettings = {
    instanceCreationDelayMs: options.instanceCreationDelayMs ?? 0,
    replicationDelayMs: options.replicationDelayMs ?? 0,
    metricsSeed: options.metricsSeed ?? 42,
    defaultResources: options.defaultResources ?? true,
    promptAudio: new PromptAudioSource(options.promptS3),
    endpoint: "",
  };

  const contextFor = (operation: string, account: string, region: string, fixedIds: string[] = []): RequestContext => ({
    operation,
    account,
    region,
    store,
    regionState: store.region(account, region),
    settings,
    now: clock,
    newId: () => fixedIds.shift() ?? randomUUID(),
  });

  let internals: SimulatorInternals;

  const handleApi = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const body = await readBody(req);
    const caller = parseAuthorization(req.headers.authorization);
    const region = caller?.region ?? defaultRegion;
    if (caller?.service === "sts") {
      counters.request("AssumeRole");
      const answer = sessions.serve(body);
      counters.outcome("AssumeRole", answer.status === 200 ? "succeeded" : "clientErrors");
      res.writeHead(answer.status, { "content-type": "text/xml", "content-length": Buffer.byteLength(answer.xml) });
      res.end(answer.xml);
      return;
    }
    const session = caller ? sessions.check(caller.accessKeyId, req.headers["x-amz-security-token"] as string | undefined) : undefined;
    if (session && "error" in session) {
      sendJson(res, session.error.status, JSON.stringify({ message: session.error.message }), { "x-amzn-errortype": session.error.code });
      return;
    }
    const account = session?.account ?? (caller && accounts[caller.accessKeyId]) ?? defaultAccount;
    const match = router.match(req.method ?? "GET", url.pathname);
    if (!match) {
      sendJson(res, 404, JSON.stringify({ message: `No operation matches ${req.method} ${url.pathname}` }), { "x-amzn-errortype": "UnknownOperationException" });
      return;
    }
    const name = match.operation.name;
    counters.request(name);
    if (dark.has(region)) {
      counters.outcome(name, "serverErrors");
      sendError(res, new ServiceError("InternalServiceException", `${region} is not answering (outage)`));
      return;
    }
    let decoded: { input: Record<string, unknown> } | { error: ServiceError };
    try {
      decoded = { input: decodeRequest(match.operation, match.labels, url.searchParams, req.headers, body) };
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      decoded = { error };
    }
    const verdict: ModelVerdict = {
      operation: name,
      account,
      region,
      request: "input" in decoded ? checkRequest(name, decoded.input) : [{ path: "(body)", constraint: decoded.error.message }],
    };
    const answer = await serve(name, match.operation.successCode, account, region, decoded, verdict);
    const errorType = answer.headers?.["x-amzn-errortype"]?.split(":")[0];
    if (errorType) verdict.errorType = errorType;
    if ((options.checkResponses ?? verdictListenersActive()) && answer.body !== undefined && !answer.injected && answer.status !== 501) {
      verdict.response = checkResponse(name, errorType ? { errorType } : { body: JSON.parse(answer.body) as unknown });
    }
    if (answer.drop) {
      req.socket.destroy();
    } else {
      verdict.status = answer.status;
      sendJson(res, answer.status!, answer.body!, answer.headers);
    }
    verdicts.record(verdict);
  };

  /** Faults, quotas, the model's verdict, idempotency and the handler, in that order. */
  const serve = async (
    name: string,
    successCode: number,
    account: string,
    region: string,
    decoded: { input: Record<string, unknown> } | { error: ServiceError },
    verdict: ModelVerdict,
  ): Promise<Answer> => {
    const fault = faults.decide(name);
    if (fault.drop) {
      counters.outcome(name, "dropped");
      return { drop: true };
    }
    if (fault.delayMs > 0) await sleep(fault.delayMs);
    if (!quotas.tryAcquire(account, region, name)) {
      counters.outcome(name, "throttled");
      return errorAnswer(new ServiceError("ThrottlingException", "Rate exceeded"), true);
    }
    if (fault.error) {
      counters.outcome(name, "serverErrors");
      return errorAnswer(new ServiceError("InternalServiceException", "Injected fault: internal service error"), true);
    }
    try {
      if ("error" in decoded) throw decoded.error;
      if (verdict.request.length > 0) throw modelValidationError(name, verdict.request);
      const handler = HANDLERS[name];
      if (!handler) {
        counters.outcome(name, "clientErrors");
        return { status: 501, body: JSON.stringify({ message: `The simulator does not implement ${name}` }), headers: { "x-amzn-errortype": "NotImplementedException" } };
      }
      const input = decoded.input;
      const repeated = idempotency.lookup(account, region, name, input);
      const output = repeated ? repeated.output : await (handler as (ctx: RequestContext, input: unknown) => unknown)(contextFor(name, account, region), input);
      if (!repeated) idempotency.remember(account, region, name, input, output);
      counters.outcome(name, fault.loseResponse ? "dropped" : "succeeded");
      return { status: successCode, body: encodeOutput(output), drop: fault.loseResponse };
    } catch (error) {
      if (error instanceof ServiceError) {
        counters.outcome(name, error.status >= 500 ? "serverErrors" : "clientErrors");
        return errorAnswer(error);
      }
      throw error;
    }
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://simulator");
    const work = url.pathname.startsWith(ADMIN_PREFIX) ? handleAdmin(internals, req, res, url, readBody) : handleApi(req, res, url);
    work.catch((error: unknown) => {
      if (res.headersSent) return;
      sendError(res, new ServiceError("InternalServiceException", `Simulator error: ${error instanceof Error ? error.message : String(error)}`));
    });
  };
  const server: Server = createServer(onRequest);
  server.keepAliveTimeout = 5_000;
  const listen = (target: Server, port: number) =>
    new Promise<void>((resolve, reject) => {
      target.once("error", reject);
      target.listen(port, options.host ?? "127.0.0.1", () => {
        target.off("error", reject);
        resolve();
      });
    });
  const stop = (target: Server) =>
    new Promise<void>((resolve) => {
      if (!target.listening) return resolve();
      target.close(() => resolve());
      target.closeAllConnections();
    });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = options.host ?? "127.0.0.1";
  settings.endpoint = `http://${host}:${address.port}`;

  const simulator: Simulator = {
    endpoint: `http://${host}:${address.port}`,
    port: address.port,
    accounts,
    defaultAccount,
    state: store,
    setFaults: (config) => faults.set(config),
    setQuota: (config) => quotas.configure(config),
    setPromptS3: (config) => settings.promptAudio.configure(config),
    counters: () => counters.snapshot(),
    modelVerdicts: () => verdicts.snapshot(),
    clearModelVerdicts: () => verdicts.clear(),
    seed: (spec) => seedState(spec, (operation, region, ids) => contextFor(operation, spec.account ?? defaultAccount, region, ids)),
    routeCall: (phoneNumber, draw) => routeCall(store, phoneNumber, { darkRegions: dark, now: clock().getTime(), ...(draw !== undefined ? { draw } : {}) }),
    darkenRegion: async (region) => {
      dark.add(region);
      const endpoint = regional.get(region);
      if (endpoint) await stop(endpoint.server);
    },
    restoreRegion: async (region) => {
      dark.delete(region);
      const endpoint = regional.get(region);
      if (endpoint && !endpoint.server.listening) await listen(endpoint.server, endpoint.port);
    },
    darkRegions: () => [...dark],
    regionEndpoint: async (region) => {
      let endpoint = regional.get(region);
      if (!endpoint) {
        const regionServer = createServer(onRequest);
        regionServer.keepAliveTimeout = 5_000;
        await listen(regionServer, 0);
        endpoint = { server: regionServer, port: (regionServer.address() as AddressInfo).port };
        regional.set(region, endpoint);
        if (dark.has(region)) await stop(regionServer);
      }
      return `http://${options.host ?? "127.0.0.1"}:${endpoint.port}`;
    },
    reset: () => {
      store.reset();
      sessions.reset();
      counters.reset();
      idempotency.reset();
      quotas.reset();
      faults.set({});
    },
    close: async () => {
      await Promise.all([...regional.values()].map((r) => stop(r.server)));
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
  internals = { simulator, faults, quotas, clock };
  return simulator;
}
