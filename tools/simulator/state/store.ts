/**
 * The state store: one {@link RegionState} per (account, Region), created on first use, as each
 * account/Region pair is an independent Connect control plane.
 */
import type { RegionState } from "./model";

/** All simulated accounts and Regions. */
export class StateStore {
  private readonly regions = new Map<string, RegionState>();

  /** The state of one account in one Region (created empty on first use). */
  region(account: string, region: string): RegionState {
    const key = `${account}|${region}`;
    let state = this.regions.get(key);
    if (!state) {
      state = { account, region, instances: new Map(), trafficDistributionGroups: new Map(), phoneNumbers: new Map(), contacts: new Map() };
      this.regions.set(key, state);
    }
    return state;
  }

  /** Every Region that holds state for `account`. */
  regionsOf(account: string): RegionState[] {
    return [...this.regions.values()].filter((r) => r.account === account);
  }

  /** Every (account, Region) with state. */
  all(): RegionState[] {
    return [...this.regions.values()];
  }

  /** Forgets everything. */
  reset(): void {
    this.regions.clear();
  }

  /**
   * A JSON-safe snapshot: `{ "<account>": { "<region>": { instances: {...}, ... } } }`. Maps become
   * objects and dates ISO strings. A replica's mirrored config appears under both Regions because it
   * is the same data.
   */
  dump(): Record<string, Record<string, unknown>> {
    const out: Record<string, Record<string, unknown>> = {};
    for (const state of this.regions.values()) {
      (out[state.account] ??= {})[state.region] = toPlain({
        instances: state.instances,
        trafficDistributionGroups: state.trafficDistributionGroups,
        phoneNumbers: state.phoneNumbers,
        contacts: state.contacts,
      });
    }
    return out;
  }
}

function toPlain(value: unknown): unknown {
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [k, toPlain(v)]));
  if (value instanceof Set) return [...value].map(toPlain);
  if (value instanceof Date) return value.toISOString();
  // Prompt audio: its size, not its bytes.
  if (value instanceof Uint8Array) return { bytes: value.byteLength };
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
  }
  return value;
}
