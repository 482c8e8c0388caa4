/**
 * What every operation handler receives, and the handler table type.
 */
import type { PromptAudioSource } from "../prompt-audio";
import type { StateStore } from "../state/store";
import type { RegionState } from "../state/model";

/** Timing and generator settings handlers consult. */
export interface HandlerSettings {
  /** How long a new instance stays CREATION_IN_PROGRESS, in ms. */
  instanceCreationDelayMs: number;
  /** How long ReplicateInstance keeps the replica (and default TDG) in progress, in ms. */
  replicationDelayMs: number;
  /** Seed of the metrics generator. */
  metricsSeed: number;
  /** Whether CreateInstance adds the resources a new Connect instance comes with. */
  defaultResources: boolean;
  /** Reads CreatePrompt/UpdatePrompt audio from the configured S3 endpoint. */
  promptAudio: PromptAudioSource;
  /** `http://host:port` of the simulator (GetPromptFile's URLs point at it). */
  endpoint: string;
}

/** One request as a handler sees it. */
export interface RequestContext {
  readonly operation: string;
  /** Account of the caller (from the access key id mapping). */
  readonly account: string;
  /** Region the caller signed for. */
  readonly region: string;
  readonly store: StateStore;
  /** Shorthand for `store.region(account, region)`. */
  readonly regionState: RegionState;
  readonly settings: HandlerSettings;
  /** The simulator clock. */
  now(): Date;
  /** Mints the id of a new resource (a UUID; seeding may supply a fixed id instead). */
  newId(): string;
}

/** An operation implementation: SDK input shape in, SDK output shape (without `$metadata`) out. */
export type Handler<I, O> = (ctx: RequestContext, input: I) => O | Promise<O>;

/** Handlers keyed by operation name. */
export type HandlerTable = Readonly<Record<string, Handler<never, unknown>>>;

/**
 * Declares a handler with the SDK's request and response types, e.g.
 * `op<CreateQueueRequest, CreateQueueResponse>((ctx, input) => ...)`, so shapes are type-checked
 * against the real API model.
 */
export function op<I, O>(fn: Handler<I, O>): Handler<never, unknown> {
  return fn as Handler<never, unknown>;
}
