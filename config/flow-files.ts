import * as fs from "node:fs";
import * as path from "node:path";
import { type ConfigProblem, formatKeyPath } from "./config-problem";

/** A flow entry of `connect.flows` as far as its file is concerned. */
export interface FlowFileRef {
  readonly name: string;
  readonly path: string;
}

/** Reads a file's text; injected so the checks are testable without a disk. */
export type ReadText = (absolutePath: string) => string;

const readFromDisk: ReadText = (p) => fs.readFileSync(p, "utf8");

/**
 * Reads each flow's JSON export (path relative to `projectDir`) and checks it is Amazon Connect flow
 * language: a JSON object with `Version` "2019-10-30", a `StartAction` and a non-empty `Actions` list
 * that contains the start action. Returns the file contents by flow name, unchanged, and the problems.
 */
export function readFlowFiles(
  flows: readonly FlowFileRef[],
  projectDir: string,
  readText: ReadText = readFromDisk,
): { contents: Record<string, string>; problems: ConfigProblem[] } {
  const contents: Record<string, string> = {};
  const problems: ConfigProblem[] = [];
  flows.forEach((flow, index) => {
    const where = formatKeyPath(["connect", "flows", index, "path"]);
    let text: string;
    try {
      text = readText(path.resolve(projectDir, flow.path));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      problems.push({ path: where, found: flow.path, allowed: `a readable file relative to ${projectDir} (${reason})` });
      return;
    }
    const problem = flowLanguageProblem(text);
    if (problem) problems.push({ path: where, found: flow.path, allowed: `a file holding an Amazon Connect flow export; this one ${problem}` });
    else contents[flow.name] = text;
  });
  return { contents, problems };
}

/** Why `text` is not a 2019-10-30 flow-language document, or `undefined` when it is one. */
export function flowLanguageProblem(text: string): string | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return `is not JSON (${(error as Error).message})`;
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return "is not a JSON object";
  const flow = doc as Record<string, unknown>;
  if (flow.Version !== "2019-10-30") return `has Version ${JSON.stringify(flow.Version)}, not "2019-10-30"`;
  if (!Array.isArray(flow.Actions) || flow.Actions.length === 0) return "has no Actions";
  if (typeof flow.StartAction !== "string") return "has no StartAction";
  const ids = flow.Actions.map((a) => (typeof a === "object" && a !== null ? (a as Record<string, unknown>).Identifier : undefined));
  if (!ids.includes(flow.StartAction)) return `has StartAction ${JSON.stringify(flow.StartAction)} that names no action`;
  return undefined;
}
