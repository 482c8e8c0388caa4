import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";

export type JournalEvent =
  | { readonly event: "begin"; readonly at: string; readonly backup: string; readonly target: string }
  | { readonly event: "created"; readonly key: string; readonly targetId: string }
  | { readonly event: "done"; readonly key: string; readonly writes: number }
  | { readonly event: "pruned"; readonly key: string; readonly targetId: string }
  | { readonly event: "complete"; readonly at: string; readonly writes: number };

/** What an earlier (possibly killed) run of the same restore recorded. */
export interface JournalState {
  readonly runs: number;
  readonly complete: boolean;
  readonly created: ReadonlyMap<string, string>;
  readonly done: ReadonlySet<string>;
}

/** Reads a journal; a torn last line (the process was killed mid-write) is ignored. */
export function readJournal(path: string): JournalState {
  let text = "";
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  return replayJournal(text);
}

/** Pure: folds journal lines into state. */
export function replayJournal(text: string): JournalState {
  const created = new Map<string, string>();
  const done = new Set<string>();
  let runs = 0;
  let complete = false;
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    let e: JournalEvent;
    try {
      e = JSON.parse(line) as JournalEvent;
    } catch {
      continue;
    }
    if (e.event === "begin") {
      runs += 1;
      complete = false;
    } else if (e.event === "created") created.set(e.key, e.targetId);
    else if (e.event === "done") done.add(e.key);
    else if (e.event === "complete") complete = true;
  }
  return { runs, complete, created, done };
}

/**
 * Append-only JSON-lines journal, one fsync'ed line per event, so a restore killed at any point
 * (even SIGKILL) leaves a record of every write that completed.
 */
export class Journal {
  private fd: number | undefined;

  constructor(readonly path: string) {}

  append(event: JournalEvent): void {
    if (this.fd === undefined) {
      mkdirSync(dirname(this.path), { recursive: true });
      this.fd = openSync(this.path, "a");
    }
    writeSync(this.fd, `${JSON.stringify(event)}\n`);
    fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

