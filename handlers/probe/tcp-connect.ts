import { connect } from "node:net";
import type { CheckResult, SipEndpoint } from "../../components/runtime";

/** Opens (and closes) a TCP connection to a SIP endpoint: refused, reset or silent for `timeoutMs` fails. */
export function tcpConnect(endpoint: SipEndpoint, timeoutMs: number): Promise<CheckResult> {
  return new Promise((resolve) => {
    const socket = connect({ host: endpoint.host, port: endpoint.port });
    const done = (result: CheckResult) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done({ ok: false, detail: `${endpoint.host}:${endpoint.port} did not answer in ${timeoutMs} ms` }));
    socket.once("connect", () => done({ ok: true, detail: `${endpoint.host}:${endpoint.port} accepted a connection` }));
    socket.once("error", (error: NodeJS.ErrnoException) => done({ ok: false, detail: `${endpoint.host}:${endpoint.port}: ${error.code ?? error.message}` }));
  });
}
