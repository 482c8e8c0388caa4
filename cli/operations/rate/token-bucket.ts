/**
 * A token bucket as a pure function over a small state record.
 *
 * `reserve` always grants the request and returns how long the caller must wait before sending it.
 * Tokens may go negative: each reservation queues behind the previous ones, so callers that await
 * their delay are served first-in first-out at exactly `ratePerSecond` once the burst is spent.
 */
export interface BucketQuota {
  /** Sustained requests per second. */
  readonly ratePerSecond: number;
  /** Requests allowed back to back when the bucket is full. */
  readonly burst: number;
}

export interface BucketState {
  /** Tokens available at `atMs` (negative when reservations are queued). */
  readonly tokens: number;
  /** Time of the last refill, epoch milliseconds. */
  readonly atMs: number;
}

export interface Reservation {
  readonly state: BucketState;
  /** Milliseconds the caller must wait before sending. 0 when a token was available. */
  readonly waitMs: number;
}

/** A full bucket at `nowMs`. */
export function fullBucket(quota: BucketQuota, nowMs: number): BucketState {
  return { tokens: quota.burst, atMs: nowMs };
}

/** Tokens in the bucket at `nowMs`, capped at the burst. */
export function refill(state: BucketState, quota: BucketQuota, nowMs: number): BucketState {
  const elapsedMs = Math.max(0, nowMs - state.atMs);
  const tokens = Math.min(quota.burst, state.tokens + (elapsedMs * quota.ratePerSecond) / 1000);
  return { tokens, atMs: Math.max(nowMs, state.atMs) };
}

/** Take one token at `nowMs`; the caller sends after `waitMs`. */
export function reserve(state: BucketState, quota: BucketQuota, nowMs: number): Reservation {
  const refilled = refill(state, quota, nowMs);
  const tokens = refilled.tokens - 1;
  const waitMs = tokens >= 0 ? 0 : Math.ceil((-tokens * 1000) / quota.ratePerSecond);
  return { state: { tokens, atMs: refilled.atMs }, waitMs };
}

/** Checks a quota and throws an error naming the field when it is unusable. */
export function assertQuota(quota: BucketQuota, where: string): void {
  if (!Number.isFinite(quota.ratePerSecond) || quota.ratePerSecond <= 0) {
    throw new RangeError(`${where}: ratePerSecond must be a number > 0, got ${String(quota.ratePerSecond)}`);
  }
  if (!Number.isFinite(quota.burst) || quota.burst < 1) {
    throw new RangeError(`${where}: burst must be a number >= 1, got ${String(quota.burst)}`);
  }
}

export interface TakeResult {
  readonly state: BucketState;
  /** True when a token was taken. */
  readonly taken: boolean;
  /** When not taken: milliseconds until a token will be available. */
  readonly waitMs: number;
}

/**
 * Takes one token only if one is available at `nowMs` (a strict bucket: tokens never go negative).
 * Unlike `reserve`, time the caller spent not sending is not banked beyond the burst, so a stalled
 * event loop cannot release a backlog of "reserved" requests all at once.
 */
export function tryTake(state: BucketState, quota: BucketQuota, nowMs: number): TakeResult {
  const refilled = refill(state, quota, nowMs);
  if (refilled.tokens >= 1) return { state: { tokens: refilled.tokens - 1, atMs: refilled.atMs }, taken: true, waitMs: 0 };
  return { state: refilled, taken: false, waitMs: Math.max(1, Math.ceil(((1 - refilled.tokens) * 1000) / quota.ratePerSecond)) };
}
