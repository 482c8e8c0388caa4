/**
 * The IPC protocol between the gate and a synthesis worker (one child process per stack, because the
 * Pulumi runtime is process-global state and cannot be reset between programs safely).
 */
import type { PolicyResource } from "./policy-pack-process";

/** A resource as synthesized: what the engine would send the analyzer, plus where it lives. */
export interface SynthesizedResource extends PolicyResource {
  /** Provider-managed (true) or a component (false). */
  readonly custom: boolean;
  /** Account of the explicit provider (from its assumed role ARN); undefined for components/default provider. */
  readonly account?: string;
  /** Region: the resource's own `region` input, else its provider's. */
  readonly region?: string;
  /** State the mock returned (inputs plus deterministic id/arn), sent as properties to stack analysis. */
  readonly outputs: Readonly<Record<string, unknown>>;
}

/**
 * A resource the program read rather than registered (a StackReference): the engine shows it as a
 * `read` step; it is not analyzed (the gate's tree and the pack see registrations only).
 */
export interface SynthesizedRead extends Pick<SynthesizedResource, "urn" | "type" | "name" | "properties" | "outputs" | "custom" | "parent" | "dependencies" | "propertyDependencies" | "provider" | "options"> {
  /** The id it was read by (a StackReference's is the stack name). */
  readonly id: string;
  /** How many registrations came before it. */
  readonly position: number;
}

/** Parent -> worker. */
export type ToWorker =
  | {
      readonly kind: "start";
      readonly stack: string;
      readonly project: string;
      readonly program: string;
      readonly config: Readonly<Record<string, string>>;
    }
  | { readonly kind: "stack-outputs"; readonly name: string; readonly outputs?: Record<string, unknown>; readonly error?: string };

/** Worker -> parent. */
export type FromWorker =
  | { readonly kind: "resources"; readonly batch: readonly SynthesizedResource[] }
  | { readonly kind: "need-stack"; readonly name: string }
  | { readonly kind: "done"; readonly outputs: Record<string, unknown>; readonly milliseconds: number; readonly reads?: readonly SynthesizedRead[] }
  | { readonly kind: "failed"; readonly message: string };
