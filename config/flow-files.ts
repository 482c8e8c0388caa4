import * as fs from "node:fs";
import * as path from "node:path";
import { FlowContentError, parseFlowDocument } from "../flows";
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
 * Reads each flow's JSON export (path relative to `projectDir`) and checks it is Amazon Connect Flow
 * language (see {@link flowLanguageProblem}). Returns the file contents by flow name, unchanged, and
 * the problems.
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

/**
 * Why `text` is not a flow `CreateContactFlow` accepts, or `undefined` when it is one: Flow language
 * (`Version` "2019-10-30", `Actions`, a `StartAction` naming one of them), bare or in an export
 * envelope (`{Name, Type, Content}` or a `describe-contact-flow` response). Parsing is shared with
 * `ConnectRegion` (`flows/flow-document.ts`), so what passes here is what the component accepts.
 */
export function flowLanguageProblem(text: string): string | undefined {
  let document;
  try {
    document = parseFlowDocument(text, "flow");
  } catch (error) {
    if (error instanceof FlowContentError) return `is not valid flow JSON at ${error.path}: ${error.problem}`;
    throw error;
  }
  if (document.format === "legacy") return "is a legacy console export (modules/start); re-export it in Flow language";
  const version = document.flow.Version;
  if (version !== "2019-10-30") return `has Version ${JSON.stringify(version)}, not "2019-10-30"`;
  return undefined;
}
