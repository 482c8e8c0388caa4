/**
 * Per-operation call counters: how many requests arrived and how each ended. Benchmarks and
 * tests read them to prove, for example, that a rate-aware client never hit a 429.
 */

/** Outcome tallies of one operation. */
export interface OperationCounters {
  /** Requests routed to the operation (including throttled, faulted and dropped ones). */
  requests: number;
  /** 2xx responses. */
  succeeded: number;
  /** 4xx responses other than throttling. */
  clientErrors: number;
  /** ThrottlingException responses. */
  throttled: number;
  /** 5xx responses (injected or not). */
  serverErrors: number;
  /** Connections dropped by fault injection. */
  dropped: number;
}

/** The outcome kinds counted. */
export type Outcome = Exclude<keyof OperationCounters, "requests">;

/** Counters keyed by operation name. */
export class CallCounters {
  private readonly byOperation = new Map<string, OperationCounters>();

  private entry(operation: string): OperationCounters {
    let entry = this.byOperation.get(operation);
    if (!entry) {
      entry = { requests: 0, succeeded: 0, clientErrors: 0, throttled: 0, serverErrors: 0, dropped: 0 };
      this.byOperation.set(operation, entry);
    }
    return entry;
  }

  /** Counts an arriving request. */
  request(operation: string): void {
    this.entry(operation).requests += 1;
  }

  /** Counts how a request ended. */
  outcome(operation: string, outcome: Outcome): void {
    this.entry(operation)[outcome] += 1;
  }

  /** A copy of all counters, keyed by operation name. */
  snapshot(): Record<string, OperationCounters> {
    return Object.fromEntries([...this.byOperation].map(([op, c]) => [op, { ...c }]));
  }

  /** Zeroes everything. */
  reset(): void {
    this.byOperation.clear();
  }
}
