import * as fs from "node:fs";
import * as path from "node:path";
import { buildSync } from "esbuild";

const cache = new Map<string, string>();

/**
 * Bundles a Lambda handler from this repository into one CommonJS file with esbuild, AWS SDK
 * included (the runtime's bundled SDK version is not ours to choose). Synchronous, so that a
 * component can declare the function without creating anything inside `apply`; cached per entry.
 */
export function bundleHandler(entry: string): string {
  // From the compiled library (dist/) the TypeScript entry is shipped as JavaScript.
  const source = path.resolve(__dirname, entry);
  const absolute = fs.existsSync(source) ? source : source.replace(/\.ts$/, ".js");
  const cached = cache.get(absolute);
  if (cached !== undefined) return cached;
  const result = buildSync({
    entryPoints: [absolute],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    minify: true,
    legalComments: "none",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].text;
  cache.set(absolute, code);
  return code;
}

/** The failover handler's entry point, relative to this folder. */
export const FAILOVER_HANDLER_ENTRY = "failover/index.ts";

/** The peer probe's entry point, relative to this folder. */
export const PEER_PROBE_HANDLER_ENTRY = "probe/index.ts";
