/**
 * Records every AWS SDK v3 command the project's own code sends while specs run: the service, the
 * command, and the project file that sent it (the first stack frame in the project's source outside
 * `tests/`, the simulator and the benches, which build fixtures). Installed once by tests/setup.ts by wrapping the one `Client.prototype.send` every SDK
 * client inherits from @smithy/core; the call inventory spec compares what was sent with what the
 * inventory declares, so a new call cannot go unlisted.
 */
import * as path from "node:path";
import { Client } from "@smithy/core/client";

/** One distinct call site seen: `file` relative to the project root, `call` as `Service.Command`. */
export interface RecordedCall {
  readonly file: string;
  readonly call: string;
}

const ROOT = path.resolve(__dirname, "../..");
const seen = new Map<string, RecordedCall>();
/** Files that only relay a command named elsewhere; the caller one frame further is the call site. */
const RELAYS = new Set(["cli/operations/connect/send.ts"]);

function callSite(stack: string): string | undefined {
  for (const line of stack.split("\n").slice(2)) {
    const match = /\(?((?:\/|[A-Za-z]:\\)[^():]+\.ts):\d+:\d+\)?$/.exec(line.trim());
    if (!match) continue;
    const file = path.relative(ROOT, match[1]).split(path.sep).join("/");
    if (file.startsWith("..") || /^(node_modules|tests|tools)\//.test(file) || RELAYS.has(file)) continue;
    return file;
  }
  return undefined;
}

let installed = false;

/** Wraps `Client.prototype.send` once per process. */
export function installSdkCallRecorder(): void {
  if (installed) return;
  installed = true;
  const send = Client.prototype.send;
  Client.prototype.send = function (this: Client<any, any, any, any>, command: { constructor: { name: string } }, ...rest: unknown[]) {
    const file = callSite(new Error().stack ?? "");
    if (file) {
      const service = String((this as unknown as { config?: { serviceId?: string } }).config?.serviceId ?? this.constructor.name.replace(/Client$/, ""));
      const call = `${service}.${command.constructor.name.replace(/Command$/, "")}`;
      seen.set(`${file} ${call}`, { file, call });
    }
    return (send as (...args: unknown[]) => unknown).call(this, command, ...rest);
  } as typeof send;
}

/** Every distinct call site recorded so far, sorted. */
export function recordedCalls(): RecordedCall[] {
  return [...seen.values()].sort((a, b) => `${a.file} ${a.call}`.localeCompare(`${b.file} ${b.call}`));
}
