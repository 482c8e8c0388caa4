import * as fs from "node:fs";
import * as path from "node:path";

/** The shared folder of real Connect flow exports (never copied into the repo). */
export const REFERENCE_FLOWS_DIR = path.resolve(__dirname, "../../../../../shared/reference/connect-flows");

/** True when the reference exports are present; specs skip with a notice otherwise. */
export function referenceFlowsPresent(): boolean {
  return fs.existsSync(REFERENCE_FLOWS_DIR);
}

/** Every `.json` export in the reference folder, by file name, read as text. */
export function readReferenceFlows(): Map<string, string> {
  const flows = new Map<string, string>();
  for (const file of fs.readdirSync(REFERENCE_FLOWS_DIR).filter((f) => f.endsWith(".json")).sort()) {
    flows.set(file, fs.readFileSync(path.join(REFERENCE_FLOWS_DIR, file), "utf8"));
  }
  return flows;
}
