import { createHash } from "node:crypto";
import type { Kind } from "../model/kinds";
import { canonicalJson } from "./projection";

/**
 * A ClientToken for APIs that take one: derived from the target instance, the kind and the
 * request's content, so a write retried after a lost response (by the SDK, or by a re-run after a
 * kill) is the same request to the service, and a different write never reuses a token.
 */
export function clientTokenFor(instanceId: string, kind: Kind, identity: unknown): string {
  return `connect-dr-${createHash("sha256").update(`${instanceId}\u0000${kind}\u0000${canonicalJson(identity)}`).digest("hex").slice(0, 40)}`;
}
