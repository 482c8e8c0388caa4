import * as pulumi from "@pulumi/pulumi";

/** One resource as the program constructed it, before Pulumi serialized anything. */
export interface Registration {
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  /** The resource object, as the program holds it after its constructor returned. */
  readonly resource: pulumi.Resource;
  /** The properties exactly as the program passed them: plain values, Outputs and promises. */
  readonly props: Readonly<Record<string, unknown>>;
}

type RegisterResource = (res: pulumi.Resource, parent: unknown, t: string, name: string, custom: boolean, ...rest: unknown[]) => void;

/**
 * Records every resource registration of the running program with the props as the program passed
 * them. Serialization drops a property whose value is `undefined` (and an Output that resolves to
 * it), so the engine's inputs alone cannot tell "not passed" from "passed, but undefined"; these can.
 * Call `stop()` once the program has run.
 */
export function recordRegistrations(): { readonly registrations: Registration[]; stop(): void } {
  // The Resource constructor calls `registerResource` through this module's exports at call time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const runtime = require("@pulumi/pulumi/runtime/resource") as { registerResource: RegisterResource };
  const original = runtime.registerResource;
  const registrations: Registration[] = [];
  runtime.registerResource = (res, parent, t, name, custom, ...rest) => {
    // `props` is the 4th of the remaining arguments: remote, newDependency, props, opts, ...
    registrations.push({ type: t, name, custom, resource: res, props: { ...((rest[2] as Record<string, unknown> | undefined) ?? {}) } });
    return original(res, parent, t, name, custom, ...rest);
  };
  return {
    registrations,
    stop: () => {
      runtime.registerResource = original;
    },
  };
}
