import { SingleBar, Presets } from "cli-progress";
import type { CliIo } from "./io";

/** Progress of one long phase: counts and ETA. */
export interface Progress {
  update(done: number, total: number, detail?: string): void;
  stop(summary?: string): void;
}

export interface ProgressFactory {
  start(label: string): Progress;
}

/** No output (`--no-progress`). */
export const silentProgress: ProgressFactory = { start: () => ({ update() {}, stop() {} }) };

/** A cli-progress bar on stderr: label, bar, done/total, percent, ETA. */
function barProgress(io: CliIo, label: string): Progress {
  const bar = new SingleBar(
    {
      format: `${label.padEnd(18)} {bar} {value}/{total} {percentage}% | ETA {eta_formatted} | {detail}`,
      stream: io.stderr as NodeJS.WritableStream,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
      fps: 10,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, detail = "") {
      if (!started) {
        bar.start(Math.max(total, 1), done, { detail });
        started = true;
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(done, { detail: detail.slice(0, 40) });
    },
    stop(summary) {
      if (started) bar.stop();
      if (summary) io.stderr.write(`${label}: ${summary}\n`);
    },
  };
}

/** Plain lines for logs and CI: at most one every `intervalMs`, plus the final count. */
export function lineProgress(io: CliIo, label: string, intervalMs = 2000, now: () => number = Date.now): Progress {
  const startedAt = now();
  let last = Number.NEGATIVE_INFINITY;
  let lastDone = -1;
  return {
    update(done, total) {
      const t = now();
      if (t - last < intervalMs && done < total) return;
      if (done === lastDone) return;
      last = t;
      lastDone = done;
      const elapsed = (t - startedAt) / 1000;
      const eta = done > 0 && total > done ? ` eta ${Math.ceil((elapsed / done) * (total - done))}s` : "";
      io.stderr.write(`${label}: ${done}/${total}${eta}\n`);
    },
    stop(summary) {
      io.stderr.write(`${label}: ${summary ?? "done"} (${((now() - startedAt) / 1000).toFixed(1)}s)\n`);
    },
  };
}

/** Bars on a TTY, plain lines otherwise, nothing when disabled. */
export function progressFactory(io: CliIo, enabled: boolean): ProgressFactory {
  if (!enabled) return silentProgress;
  if (io.stderr.isTTY) return { start: (label) => barProgress(io, label) };
  return { start: (label) => lineProgress(io, label) };
}
