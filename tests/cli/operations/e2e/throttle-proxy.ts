/**
 * A wire-level HTTP proxy in front of the simulator that answers a seeded fraction of requests with
 * Amazon Connect's real throttling response (429, `x-amzn-errortype: ThrottlingException`). The
 * simulator injects 5xx and dropped connections itself but has no "throttle a fraction" fault, so
 * tests that need a fixed throttle rate put this in between.
 */
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ThrottleProxy {
  readonly endpoint: string;
  /** Requests seen and requests answered with ThrottlingException. */
  stats(): { requests: number; throttled: number };
  close(): Promise<void>;
}

export async function startThrottleProxy(target: string, fraction: number, seed = 7): Promise<ThrottleProxy> {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const upstream = new URL(target);
  let requests = 0;
  let throttled = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    if (!req.url?.startsWith("/__simulator") && random() < fraction) {
      throttled++;
      req.resume();
      const body = JSON.stringify({ message: "Rate exceeded" });
      res.writeHead(429, { "content-type": "application/json", "x-amzn-errortype": "ThrottlingException", "content-length": Buffer.byteLength(body) });
      res.end(body);
      return;
    }
    const up = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on("error", () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stats: () => ({ requests, throttled }),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
