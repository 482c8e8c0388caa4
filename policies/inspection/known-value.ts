import * as policyRuntime from "@pulumi/policy";

/**
 * A property read from policy args. During preview a value computed by another resource is unknown,
 * and @pulumi/policy's proxy throws `UnknownValueError` when a rule touches it; an uncaught throw
 * becomes an advisory "can't run policy during preview" note. Rules read through `read` instead, so
 * they can say precisely what to do with an unknown (usually: defer to the stack check or deploy).
 */
export type Read<T> = { readonly known: true; readonly value: T } | { readonly known: false };

// The class is exported at runtime but its declaration is stripped from the package's typings.
const UnknownValueError = (policyRuntime as unknown as { UnknownValueError: new (...args: never[]) => Error })
    .UnknownValueError;

/** True if `error` is @pulumi/policy's signal that a property is unknown during preview. */
export function isUnknownValueError(error: unknown): boolean {
    return error instanceof UnknownValueError;
}

/** Evaluates `get`, reporting an unknown value instead of throwing. */
export function read<T>(get: () => T): Read<T> {
    try {
        return { known: true, value: get() };
    } catch (error) {
        if (isUnknownValueError(error)) {
            return { known: false };
        }
        throw error;
    }
}

/** Reads a property of a plain or proxied object, treating anything non-object as absent. */
export function readProperty(holder: unknown, key: string): Read<unknown> {
    return read(() => (holder !== null && typeof holder === "object" ? (holder as Record<string, unknown>)[key] : undefined));
}

/** Reads a nested path, stopping at the first unknown segment. */
export function readPath(holder: unknown, path: readonly string[]): Read<unknown> {
    let current: unknown = holder;
    for (const key of path) {
        const next = readProperty(current, key);
        if (!next.known) {
            return next;
        }
        current = next.value;
    }
    return { known: true, value: current };
}

/** The elements of a (possibly proxied) array property; unknown if the array or any element is. */
export function readArray(holder: unknown, key: string): Read<unknown[]> {
    const value = readProperty(holder, key);
    if (!value.known) {
        return value;
    }
    if (!Array.isArray(value.value)) {
        return { known: true, value: [] };
    }
    const items = value.value;
    return read(() => items.map(item => item as unknown));
}
