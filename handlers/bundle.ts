import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildSync, version as esbuildVersion, type BuildOptions } from "esbuild";

const cache = new Map<string, string>();

/** The failover handler's entry point, relative to this folder. */
export const FAILOVER_HANDLER_ENTRY = "failover/index.ts";

/** The peer probe's entry point, relative to this folder. */
export const PEER_PROBE_HANDLER_ENTRY = "probe/index.ts";

/**
 * Handlers deployed together (the failover automation of a Region and its peer probe): built in one
 * esbuild run, which parses the modules they share (the AWS SDK) once instead of twice.
 */
const BUILT_TOGETHER: readonly (readonly string[])[] = [[FAILOVER_HANDLER_ENTRY, PEER_PROBE_HANDLER_ENTRY]];

const OPTIONS: BuildOptions = { bundle: true, platform: "node", target: "node20", format: "cjs", minify: true, legalComments: "none", write: false, logLevel: "silent", metafile: true };

/** The file of an entry: the TypeScript source, or from the compiled library (dist/) its JavaScript. */
function entryFile(entry: string): string {
  const source = path.resolve(__dirname, entry);
  return fs.existsSync(source) ? source : source.replace(/\.ts$/, ".js");
}

/** What a build read: every input file with its size and modification time. */
type InputStamps = Record<string, [number, number]>;
interface CachedBuild {
  readonly inputs: InputStamps;
  readonly outputs: Record<string, string>;
}

function stamp(file: string): [number, number] | undefined {
  try {
    const s = fs.statSync(file);
    return [s.size, s.mtimeMs];
  } catch {
    return undefined;
  }
}

/**
 * A build's results kept on disk between processes (each synthesis, each gate worker, each test run
 * would otherwise rebuild the same bundles): valid while every file the build read is unchanged (size
 * and modification time, as make decides). Any problem reading or writing it just means a rebuild.
 */
function diskCache(entries: readonly string[], dir: string) {
  const key = createHash("sha256").update(JSON.stringify([esbuildVersion, OPTIONS, entries])).digest("hex").slice(0, 32);
  const file = path.join(dir, `${key}.json`);
  return {
    read(): Record<string, string> | undefined {
      try {
        const cached = JSON.parse(fs.readFileSync(file, "utf8")) as CachedBuild;
        const fresh = Object.entries(cached.inputs).every(([input, [size, mtime]]) => {
          const now = stamp(input);
          return now !== undefined && now[0] === size && now[1] === mtime;
        });
        return fresh && entries.every((e) => typeof cached.outputs[e] === "string") ? cached.outputs : undefined;
      } catch {
        return undefined;
      }
    },
    write(build: CachedBuild): void {
      try {
        fs.mkdirSync(dir, { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, JSON.stringify(build));
        fs.renameSync(temporary, file);
      } catch {
        // A read-only or full disk costs a rebuild next time, nothing else.
      }
    },
  };
}

/** The deepest folder holding every entry (esbuild's outbase, so that outputs mirror the entries). */
function commonFolder(files: readonly string[]): string {
  let folder = path.dirname(files[0]!);
  while (!files.every((f) => f.startsWith(folder + path.sep))) folder = path.dirname(folder);
  return folder;
}

function build(entries: readonly string[], cacheDir: string): Record<string, string> {
  const outbase = commonFolder(entries);
  const outdir = path.join(outbase, ".bundle");
  const result = buildSync({ ...OPTIONS, entryPoints: [...entries], outdir, outbase });
  const outputs: Record<string, string> = {};
  for (const file of entries) {
    const out = path.join(outdir, path.relative(outbase, file)).replace(/\.(ts|js)$/, ".js");
    const built = result.outputFiles!.find((f) => f.path === out);
    if (!built) throw new Error(`esbuild produced no output for ${file}`);
    outputs[file] = built.text;
  }
  // esbuild reports inputs relative to the working directory.
  const inputs: InputStamps = {};
  for (const input of Object.keys(result.metafile!.inputs)) {
    const absolute = path.resolve(input);
    const s = stamp(absolute);
    if (s) inputs[absolute] = s;
  }
  diskCache(entries, cacheDir).write({ inputs, outputs });
  return outputs;
}

/**
 * Bundles handler entry files (absolute paths) in one esbuild run, or takes the bundles from the disk
 * cache in `cacheDir` when nothing they were built from has changed. @returns entry file -> code
 */
export function buildHandlerBundles(entries: readonly string[], cacheDir = process.env.CONNECT_DR_BUNDLE_CACHE ?? path.join(os.tmpdir(), "connect-dr-bundles")): Record<string, string> {
  return diskCache(entries, cacheDir).read() ?? build(entries, cacheDir);
}

/**
 * Bundles a Lambda handler from this repository into one CommonJS file with esbuild, AWS SDK
 * included (the runtime's bundled SDK version is not ours to choose). Synchronous, so that a
 * component can declare the function without creating anything inside `apply`; cached per entry in
 * the process, and on disk while its sources are unchanged.
 */
export function bundleHandler(entry: string): string {
  const cached = cache.get(entryFile(entry));
  if (cached !== undefined) return cached;
  const entries = (BUILT_TOGETHER.find((group) => group.includes(entry)) ?? [entry]).map(entryFile);
  for (const [file, code] of Object.entries(buildHandlerBundles(entries))) cache.set(file, code);
  return cache.get(entryFile(entry))!;
}
