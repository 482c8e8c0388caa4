import * as fs from "node:fs";
import * as path from "node:path";
import { FlowContentError, listFlowReferences, makeRegionNeutral, parseFlowDocument } from "../../components/runtime";
import { type ConfigProblem, formatKeyPath } from "./config-problem";

/** A flow entry of `connect.flows` as far as its file is concerned. */
export interface FlowFileRef {
  readonly name: string;
  readonly path: string;
  /** The flow type the config declares, compared with an export envelope's `Type`. */
  readonly type?: string;
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
    const problem = flowLanguageProblem(text, flow.type);
    if (problem) problems.push({ path: where, found: flow.path, allowed: `a file holding an Amazon Connect flow export; this one ${problem}` });
    else contents[flow.name] = text;
  });
  return { contents, problems };
}

/**
 * Why `text` is not a flow this project can deploy to both Regions, or `undefined` when it is one:
 * Flow language (`Version` "2019-10-30", `Actions`, a `StartAction` naming one of them), bare or in an
 * export envelope (`{Name, Type, Content}` or a `describe-contact-flow` response) whose `Type` matches
 * `type`, and no reference pinned to one Region (a Lex V1 bot by name and Region). Parsing is shared
 * with `ConnectRegion` (`flows/`), so what passes here is what the component accepts.
 */
export function flowLanguageProblem(text: string, type?: string): string | undefined {
  try {
    const document = parseFlowDocument(text, "flow");
    if (document.format === "legacy") return "is a legacy console export (modules/start); re-export it in Flow language";
    const version = document.flow.Version;
    if (version !== "2019-10-30") return `has Version ${JSON.stringify(version)}, not "2019-10-30"`;
    const exported = envelopeType(document.root);
    if (type !== undefined && exported !== undefined && exported !== type) return `declares Type ${JSON.stringify(exported)}, not ${JSON.stringify(type)}`;
    const pinned = makeRegionNeutral(text, "flow").pinned[0];
    if (pinned) return `cannot run in both Regions: ${pinned.path} = ${JSON.stringify(pinned.value)}: ${pinned.reason}`;
    return undefined;
  } catch (error) {
    if (error instanceof FlowContentError) return `is not valid flow JSON at ${error.path}: ${error.problem}`;
    throw error;
  }
}

/** The flow type an export envelope declares (`Type` or `ContactFlow.Type`), if any. */
function envelopeType(root: Record<string, unknown>): string | undefined {
  const holder = (typeof root.ContactFlow === "object" && root.ContactFlow !== null ? root.ContactFlow : root) as Record<string, unknown>;
  return "Content" in holder && typeof holder.Type === "string" ? holder.Type : undefined;
}

/**
 * Flows that call an auto-scaled function without its alias: the provisioned concurrency lives on the
 * alias, so such a call lands on unprovisioned capacity. One problem per call.
 */
export function unaliasedLambdaCalls(
  flows: readonly FlowFileRef[],
  contents: Readonly<Record<string, string>>,
  autoScaled: { readonly functionNames: readonly string[]; readonly aliasName: string },
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  flows.forEach((flow, index) => {
    const text = contents[flow.name];
    if (text === undefined) return;
    for (const reference of listFlowReferences(text, flow.name)) {
      if (reference.kind !== "lambda" || reference.value === null) continue;
      const call = /:function:([^:]+)(?::([^:]+))?$/.exec(reference.value);
      if (!call || !autoScaled.functionNames.includes(call[1]) || call[2] === autoScaled.aliasName) continue;
      problems.push({
        path: formatKeyPath(["connect", "flows", index, "path"]),
        found: reference.value,
        allowed: `a call to ...:function:${call[1]}:${autoScaled.aliasName} (at ${reference.path}): lambdaAutoScaling keeps the provisioned concurrency on that alias`,
      });
    }
  });
  return problems;
}
