/**
 * ClientToken idempotency. Operations with a `ClientToken` member (CreateInstance,
 * ReplicateInstance, ClaimPhoneNumber, ...) return the first call's result when the same token is
 * sent again with the same parameters, which is what makes the SDK's automatic retries safe after a
 * lost response. The same token with different parameters is an IdempotencyException (409), or the
 * operation's validation error where its model lists no IdempotencyException (CreateInstance).
 * Only successful results are remembered.
 */
import { listedError } from "./errors";

/** Remembered results keyed by (account, Region, operation, ClientToken). */
export class IdempotencyCache {
  private readonly entries = new Map<string, { fingerprint: string; output: unknown }>();

  private static key(account: string, region: string, operation: string, token: string): string {
    return `${account}|${region}|${operation}|${token}`;
  }

  private static fingerprint(input: Readonly<Record<string, unknown>>): string {
    const { ClientToken: _token, ...rest } = input;
    return JSON.stringify(rest);
  }

  /** The remembered output for a repeated token, undefined for a new one; throws on a reused token. */
  lookup(account: string, region: string, operation: string, input: Readonly<Record<string, unknown>>): { output: unknown } | undefined {
    const token = input["ClientToken"];
    if (typeof token !== "string") return undefined;
    const entry = this.entries.get(IdempotencyCache.key(account, region, operation, token));
    if (!entry) return undefined;
    if (entry.fingerprint !== IdempotencyCache.fingerprint(input)) {
      throw listedError(operation, ["IdempotencyException"], `ClientToken ${token} was already used with different parameters`);
    }
    return { output: entry.output };
  }

  /** Remembers a successful output for the input's token (no-op without one). */
  remember(account: string, region: string, operation: string, input: Readonly<Record<string, unknown>>, output: unknown): void {
    const token = input["ClientToken"];
    if (typeof token !== "string") return;
    this.entries.set(IdempotencyCache.key(account, region, operation, token), { fingerprint: IdempotencyCache.fingerprint(input), output });
  }

  /** Forgets everything. */
  reset(): void {
    this.entries.clear();
  }
}
