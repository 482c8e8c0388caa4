/**
 * Synthesizes several stacks concurrently, one worker process each, serving each StackReference from
 * the referenced stack's synthesized outputs (and refusing cycles).
 */
import { fork, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import type { FromWorker, SynthesizedRead, SynthesizedResource, ToWorker } from "./synthesis-messages";

/** One stack to synthesize. */
export interface StackJob {
  readonly stack: string;
  readonly config: Readonly<Record<string, string>>;
}

/** How to synthesize. */
export interface SynthesizeOptions {
  readonly project: string;
  /** Program module (its exports are the stack outputs), e.g. `<project>/index.ts`. */
  readonly program: string;
  /** Working directory of the program (Pulumi runs programs in the project folder). */
  readonly projectDir: string;
  readonly jobs: readonly StackJob[];
  /** Called with each batch of resources as the engine registers them (lets analysis overlap). */
  readonly onResources?: (stack: string, batch: readonly SynthesizedResource[]) => void;
  /** Called when a stack has finished (all its resources were passed to `onResources`). */
  readonly onDone?: (result: SynthesizedStack) => void;
}

/** A stack's synthesis result. */
export interface SynthesizedStack {
  readonly stack: string;
  readonly resources: readonly SynthesizedResource[];
  /** Resources read rather than registered (StackReference), in the order they came. */
  readonly reads: readonly SynthesizedRead[];
  readonly outputs: Record<string, unknown>;
  readonly milliseconds: number;
  /** Stacks its StackReferences read. */
  readonly references: readonly string[];
}

/** Synthesis failed for a reason the user can fix (config, data source, stack reference). */
export class SynthesisError extends Error {
  constructor(
    readonly stackName: string,
    message: string,
  ) {
    super(`stack '${stackName}': ${message}`);
    this.name = "SynthesisError";
  }
}

const WORKER = path.join(__dirname, "synthesis-worker.ts");

/** The stack name a fully qualified reference (`org/project/stack`) or a bare name points at. */
export function referencedStack(name: string): string {
  return name.split("/").pop()!;
}

/** Runs every job; rejects with {@link SynthesisError} on the first failure. */
export function synthesizeStacks(options: SynthesizeOptions): Promise<SynthesizedStack[]> {
  const results = new Map<string, Promise<SynthesizedStack>>();
  const waitsFor = new Map<string, Set<string>>();
  const children: ChildProcess[] = [];

  const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
    if (from === to) return true;
    if (seen.has(from)) return false;
    seen.add(from);
    return [...(waitsFor.get(from) ?? [])].some((next) => reaches(next, to, seen));
  };

  const start = (job: StackJob): Promise<SynthesizedStack> =>
    new Promise((ok, ko) => {
      const resources: SynthesizedResource[] = [];
      const references = new Set<string>();
      const child = fork(WORKER, [], {
        cwd: options.projectDir,
        execArgv: ["--require", require.resolve("tsx/cjs")],
        stdio: ["ignore", "ignore", "pipe", "ipc"],
      });
      children.push(child);
      let stderr = "";
      child.stderr!.on("data", (d) => (stderr += d));
      let settled = false;
      const finish = (error?: Error, value?: SynthesizedStack) => {
        if (settled) return;
        settled = true;
        if (error) ko(error);
        else ok(value!);
      };
      child.on("message", (message: FromWorker) => {
        switch (message.kind) {
          case "resources":
            resources.push(...message.batch);
            options.onResources?.(job.stack, message.batch);
            break;
          case "need-stack": {
            const target = referencedStack(message.name);
            const reply = (m: ToWorker) => child.connected && child.send(m);
            const other = results.get(target);
            if (!other) {
              reply({ kind: "stack-outputs", name: message.name, error: `StackReference '${message.name}': stack '${target}' is not among the stacks synthesized (${[...results.keys()].join(", ")})` });
              break;
            }
            if (reaches(target, job.stack)) {
              reply({ kind: "stack-outputs", name: message.name, error: `StackReference '${message.name}' makes a cycle: '${target}' already waits for '${job.stack}'` });
              break;
            }
            (waitsFor.get(job.stack) ?? waitsFor.set(job.stack, new Set()).get(job.stack)!).add(target);
            references.add(target);
            other.then(
              (s) => reply({ kind: "stack-outputs", name: message.name, outputs: s.outputs }),
              (e: Error) => reply({ kind: "stack-outputs", name: message.name, error: `referenced stack failed: ${e.message}` }),
            );
            break;
          }
          case "done": {
            const result = { stack: job.stack, resources, reads: message.reads ?? [], outputs: message.outputs, milliseconds: message.milliseconds, references: [...references] };
            options.onDone?.(result);
            finish(undefined, result);
            break;
          }
            break;
          case "failed":
            finish(new SynthesisError(job.stack, message.message));
            break;
        }
      });
      child.on("close", (code) => finish(new SynthesisError(job.stack, `synthesis worker exited with code ${code} before finishing${stderr ? `:\n${stderr.trim()}` : ""}`)));
      child.send({ kind: "start", stack: job.stack, project: options.project, program: options.program, config: job.config } satisfies ToWorker);
    });

  for (const job of options.jobs) results.set(job.stack, start(job));
  const all = Promise.all(options.jobs.map((j) => results.get(j.stack)!));
  // On the first failure, stop the other workers (they may be waiting on the failed one).
  all.catch(() => children.forEach((c) => c.exitCode === null && c.kill()));
  return all;
}
