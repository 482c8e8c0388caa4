import * as vm from "node:vm";

/**
 * Loads a Lambda bundle (the esbuild output the components deploy) as the Lambda Node.js runtime
 * would: a CommonJS module evaluated once (its cold start reads `process.env`), whose `handler` is
 * then invoked per event. It runs in its own context with its own environment, so several handlers
 * with different settings coexist in one test process.
 */
export function loadBundledHandler<E, R>(code: string, env: Readonly<Record<string, string>>): (event: E) => Promise<R> {
  const module = { exports: {} as { handler?: (event: E) => Promise<R> } };
  vm.runInNewContext(code, {
    module,
    exports: module.exports,
    require,
    process: { ...process, env: { ...env } },
    console: { log: () => undefined, error: console.error, warn: () => undefined, info: () => undefined, debug: () => undefined },
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    setImmediate,
    clearImmediate,
    queueMicrotask,
    Buffer,
    URL,
    URLSearchParams,
    TextEncoder,
    TextDecoder,
    AbortController,
    AbortSignal,
    performance,
    structuredClone,
  });
  const handler = module.exports.handler;
  if (typeof handler !== "function") throw new Error("the bundle exports no handler");
  return handler;
}
