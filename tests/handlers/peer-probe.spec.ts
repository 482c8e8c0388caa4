import { expect } from "chai";
import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import * as vm from "node:vm";
import { bundleHandler, PEER_PROBE_HANDLER_ENTRY } from "../../handlers/bundle";
import { readProbeSettings } from "../../handlers/probe/settings";
import { tcpConnect } from "../../handlers/probe/tcp-connect";
import { apiVerdict, peerAlive, probePeer, type ApiOutcome, type MetricDatum } from "../../components/resiliency/peer-liveness";

describe("peer probe: what counts as a dark peer", () => {
  const verdicts: [string, ApiOutcome, { ok: boolean; misconfigured?: true }][] = [
    ["an ACTIVE instance", { status: "ACTIVE" }, { ok: true }],
    ["an instance being deleted", { status: "DELETION_IN_PROGRESS" }, { ok: false }],
    ["a refused connection", { error: { name: "Error", code: "ECONNREFUSED", message: "connect ECONNREFUSED" } }, { ok: false }],
    ["a timeout", { error: { name: "TimeoutError", message: "Connection timed out after 3000 ms" } }, { ok: false }],
    ["a 500", { error: { name: "InternalServiceException", message: "boom", httpStatusCode: 500 } }, { ok: false }],
    ["a 503", { error: { name: "ServiceUnavailable", message: "", httpStatusCode: 503 } }, { ok: false }],
    ["throttling: the Region answers", { error: { name: "ThrottlingException", message: "Rate exceeded", httpStatusCode: 429 } }, { ok: true }],
    ["access denied: the Region answers; the probe is misconfigured", { error: { name: "AccessDeniedException", message: "no", httpStatusCode: 403 } }, { ok: true, misconfigured: true }],
  ];
  for (const [title, outcome, expected] of verdicts) {
    it(`${title}: ${expected.ok ? "alive" : "dark"}`, () => {
      const verdict = apiVerdict(outcome);
      expect({ ok: verdict.ok, ...(verdict.misconfigured ? { misconfigured: true } : {}) }).to.deep.equal(expected);
    });
  }

  it("is alive when the API answers and one SIP endpoint (if any) accepts a connection", () => {
    const ok = { ok: true, detail: "" };
    const bad = { ok: false, detail: "" };
    expect([peerAlive(ok, []), peerAlive(ok, [bad, ok]), peerAlive(ok, [bad, bad]), peerAlive(bad, [ok])]).to.deep.equal([true, true, false, false]);
  });

  it("publishes PeerAlive, ConnectApiReachable and SipEndpointsReachable in its own Region, dimensioned by the peer", async () => {
    let published: readonly MetricDatum[] = [];
    const at = new Date("2026-11-25T12:00:00Z");
    const report = await probePeer("us-east-1", [{ name: "carrier-a", host: "sbc", port: 5061 }], {
      describeInstance: async () => ({ error: { name: "InternalServiceException", message: "us-east-1 is not answering", httpStatusCode: 500 } }),
      tcpConnect: async () => ({ ok: false, detail: "sbc:5061: ECONNREFUSED" }),
      putMetrics: async (data) => void (published = data),
      now: () => at,
    });
    expect(report).to.deep.include({ peerRegion: "us-east-1", alive: false, at: "2026-11-25T12:00:00.000Z" });
    expect(published.map((d) => [d.MetricName, d.Value, d.Dimensions])).to.deep.equal([
      ["PeerAlive", 0, [{ Name: "PeerRegion", Value: "us-east-1" }]],
      ["ConnectApiReachable", 0, [{ Name: "PeerRegion", Value: "us-east-1" }]],
      ["SipEndpointsReachable", 0, [{ Name: "PeerRegion", Value: "us-east-1" }]],
    ]);
  });

  it("fails the invocation when it cannot publish (missing data, which the alarm treats as breaching)", async () => {
    const error = await probePeer("us-east-1", [], {
      describeInstance: async () => ({ status: "ACTIVE" }),
      tcpConnect: async () => ({ ok: true, detail: "" }),
      putMetrics: async () => Promise.reject(new Error("CloudWatch unreachable")),
      now: () => new Date(),
    }).catch((e: Error) => e);
    expect((error as Error).message).to.equal("CloudWatch unreachable");
  });
});

describe("peer probe: TCP connect to a SIP endpoint", () => {
  let server: Server;
  let port: number;
  before(async () => {
    server = createServer((socket) => socket.end());
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((ok) => server.close(() => ok())));

  it("succeeds on a listening port and fails, naming the error, on a closed one", async () => {
    expect(await tcpConnect({ name: "a", host: "127.0.0.1", port }, 1000)).to.deep.equal({ ok: true, detail: `127.0.0.1:${port} accepted a connection` });
    const closed = await new Promise<number>((ok) => {
      const probe = createServer();
      probe.listen(0, "127.0.0.1", () => {
        const p = (probe.address() as AddressInfo).port;
        probe.close(() => ok(p));
      });
    });
    expect(await tcpConnect({ name: "b", host: "127.0.0.1", port: closed }, 1000)).to.deep.equal({ ok: false, detail: `127.0.0.1:${closed}: ECONNREFUSED` });
  });
});

describe("peer probe: settings and the esbuild bundle", () => {
  const env = { PEER_REGION: "us-east-1", INSTANCE_ID: "11111111-2222-3333-4444-555555555555", SIP_ENDPOINTS: '[{"name":"carrier-a","host":"sbc1.example.net","port":5061}]', TIMEOUT_MS: "3000" };
  it("parses a complete environment and names every bad variable", () => {
    expect(readProbeSettings(env)).to.deep.include({ PEER_REGION: "us-east-1", TIMEOUT_MS: 3000, SIP_ENDPOINTS: [{ name: "carrier-a", host: "sbc1.example.net", port: 5061 }] });
    expect(() => readProbeSettings({ ...env, PEER_REGION: "east", SIP_ENDPOINTS: "{}" })).to.throw(
      'peer probe misconfigured:\nPEER_REGION: found "east"; an AWS Region code\nSIP_ENDPOINTS: found "{}"; a JSON list of { "name", "host", "port" }',
    );
  });

  it("is one self-contained CommonJS file exporting handler, failing clearly without its settings", () => {
    const code = bundleHandler(PEER_PROBE_HANDLER_ENTRY);
    const external = [...new Set(code.match(/require\("[^"]+"\)/g))].filter((r) => !r.startsWith('require("node:'));
    expect(external).to.deep.equal(['require("@aws-sdk/signature-v4-crt")']);
    const module = { exports: {} as Record<string, unknown> };
    const run = () => vm.runInNewContext(code, { module, exports: module.exports, require, process: { ...process, env: {} }, console, setTimeout, clearTimeout, Buffer, URL, TextEncoder, TextDecoder });
    expect(run).to.throw(/peer probe misconfigured:\nPEER_REGION: found undefined/);
  });
});
