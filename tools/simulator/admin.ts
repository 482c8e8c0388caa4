/**
 * The admin endpoint, under a path prefix the Connect API never uses. It lets a separate process
 * (a benchmark, the CLI, a shell) drive the simulator at run time:
 *
 * | Method | Path | Does |
 * |---|---|---|
 * | GET | `/__simulator/counters` | per-operation call counters |
 * | GET | `/__simulator/state` | full state dump |
 * | POST | `/__simulator/reset` | clear state, counters, buckets and faults |
 * | GET/PUT | `/__simulator/faults` | read / replace the {@link FaultConfig} |
 * | GET/PUT | `/__simulator/quotas` | read / change the {@link QuotaConfig} |
 * | POST | `/__simulator/seed` | apply a {@link SeedSpec}, returns the {@link SeedResult} |
 * | POST | `/__simulator/route-call` | `{ phoneNumber, draw? }`: where that call lands now ({@link CallRoute}) |
 * | GET/PUT | `/__simulator/outages` | the Regions in an outage / `{ region, dark }` starts or ends one |
 * | GET/DELETE | `/__simulator/model-verdicts` | AWS's model's verdict on each request served (see `model/verdicts.ts`) / forget them |
 * | PUT | `/__simulator/prompt-s3` | the {@link PromptS3Config} prompt audio is read from (`{}`: none) |
 * | GET | `/__simulator/prompt-files/<token>` | a prompt's audio: GetPromptFile's `PromptPresignedUrl` (see `prompt-files.ts`) |
 *
 * Admin requests are neither throttled nor faulted nor counted.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { ServiceError } from "./errors";
import type { CallRoute } from "./call-routing";
import type { FaultConfig } from "./faults";
import type { PromptS3Config } from "./prompt-audio";
import { PROMPT_FILES_ROUTE, servePromptFile } from "./prompt-files";
import type { QuotaConfig } from "./quotas";
import type { SeedSpec } from "./seeding";
import type { SimulatorInternals } from "./server";

/** Path prefix of the admin endpoint. */
export const ADMIN_PREFIX = "/__simulator/";

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body ?? {});
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** Serves one admin request. */
export async function handleAdmin(
  internals: SimulatorInternals,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  readBody: (req: IncomingMessage) => Promise<string>,
): Promise<void> {
  const route = `${req.method ?? "GET"} ${url.pathname.slice(ADMIN_PREFIX.length)}`;
  if (route.startsWith(`GET ${PROMPT_FILES_ROUTE}`)) {
    const answer = servePromptFile(internals.simulator.state, route.slice(`GET ${PROMPT_FILES_ROUTE}`.length), internals.clock());
    if (answer.status !== 200) return reply(res, answer.status, { message: answer.message });
    res.writeHead(200, { "content-type": "audio/wav", "content-length": answer.audio.byteLength });
    res.end(Buffer.from(answer.audio));
    return;
  }
  const body = await readBody(req);
  let json: unknown = {};
  try {
    json = body.trim() ? JSON.parse(body) : {};
  } catch {
    reply(res, 400, { message: "Body is not JSON" });
    return;
  }
  const { simulator, faults, quotas } = internals;
  try {
    switch (route) {
      case "GET counters": return reply(res, 200, simulator.counters());
      case "GET state": return reply(res, 200, simulator.state.dump());
      case "POST reset": simulator.reset(); return reply(res, 200, {});
      case "GET faults": return reply(res, 200, faults.get());
      case "PUT faults": faults.set(json as FaultConfig); return reply(res, 200, faults.get());
      case "GET quotas": return reply(res, 200, quotas.snapshot());
      case "PUT quotas": quotas.configure(json as QuotaConfig); return reply(res, 200, quotas.snapshot());
      case "POST seed": return reply(res, 200, simulator.seed(json as SeedSpec));
      case "POST route-call": {
        const { phoneNumber, draw } = json as { phoneNumber?: unknown; draw?: unknown };
        if (typeof phoneNumber !== "string") return reply(res, 400, { message: "phoneNumber (E.164) is required" });
        return reply(res, 200, simulator.routeCall(phoneNumber, typeof draw === "number" ? draw : undefined) satisfies CallRoute);
      }
      case "GET outages": return reply(res, 200, simulator.darkRegions());
      case "PUT outages": {
        const { region, dark } = json as { region?: unknown; dark?: unknown };
        if (typeof region !== "string" || typeof dark !== "boolean") return reply(res, 400, { message: "{ region: string, dark: boolean } is required" });
        await (dark ? simulator.darkenRegion(region) : simulator.restoreRegion(region));
        return reply(res, 200, simulator.darkRegions());
      }
      case "GET model-verdicts": return reply(res, 200, simulator.modelVerdicts());
      case "DELETE model-verdicts": simulator.clearModelVerdicts(); return reply(res, 200, {});
      case "PUT prompt-s3": {
        const config = json as Partial<PromptS3Config>;
        if (config.endpoint !== undefined && typeof config.endpoint !== "string") return reply(res, 400, { message: "{ endpoint: string, region?, forcePathStyle?, accessKeyId?, secretAccessKey? } is required" });
        simulator.setPromptS3(config.endpoint ? (config as PromptS3Config) : undefined);
        return reply(res, 200, {});
      }
      default: return reply(res, 404, { message: `Unknown admin route ${route}` });
    }
  } catch (error) {
    if (error instanceof ServiceError) return reply(res, error.status, { __type: error.errorType, ...error.body() });
    return reply(res, 400, { message: error instanceof Error ? error.message : String(error) });
  }
}
