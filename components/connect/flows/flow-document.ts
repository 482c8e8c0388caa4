import { FlowContentError } from "./flow-content-error";
import { childPath } from "./json-path";

/** How the flow is wrapped in the text it came from. */
export type FlowEnvelope =
  /** The flow itself, as `CreateContactFlow` takes it and the console exports it. */
  | "none"
  /** `{ Name, Type, Content: "<flow JSON>" }`, as CI pipelines and `create-contact-flow` inputs keep it. */
  | "content-wrapper"
  /** `{ ContactFlow: { Name, Type, Content: "<flow JSON>" } }`, a `describe-contact-flow` response. */
  | "describe-contact-flow";

/** Which flow language the document is written in. */
export type FlowFormat =
  /** The Amazon Connect Flow language (`Version: "2019-10-30"`, `Actions`). */
  | "flow-language"
  /** The legacy console export (`modules`, `version: "1"`, `start`). */
  | "legacy";

/** A parsed flow export: the whole document, and the flow object inside it. */
export interface FlowDocument {
  readonly flowName: string;
  readonly envelope: FlowEnvelope;
  readonly format: FlowFormat;
  /** The parsed text as a whole (the envelope when there is one). */
  readonly root: Record<string, unknown>;
  /** The flow object itself (the envelope's parsed `Content` when there is one). */
  readonly flow: Record<string, unknown>;
  /**
   * JSONPath of the flow inside the text: `$`, `$.Content` or `$.ContactFlow.Content`. Paths
   * inside an embedded flow continue through the JSON-encoded string, e.g. `$.Content.Actions[0]`.
   */
  readonly flowPath: string;
  /** Indentation of the original text (`""` when compact), kept when the flow is re-serialised. */
  readonly indent: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseJson(text: string, flowName: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new FlowContentError(flowName, path, `not valid JSON (${(err as Error).message})`);
  }
}

function requireString(container: Record<string, unknown>, key: string, flowName: string, path: string): string {
  const value = container[key];
  if (typeof value !== "string" || value === "") {
    throw new FlowContentError(flowName, childPath(path, key), `expected a non-empty string, found ${describe(value)}`);
  }
  return value;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** Checks the parts of a Flow-language flow every consumer relies on: actions, ids, the start action. */
function validateFlowLanguage(flow: Record<string, unknown>, flowName: string, path: string): void {
  requireString(flow, "Version", flowName, path);
  const start = requireString(flow, "StartAction", flowName, path);
  const actions = flow.Actions;
  if (!Array.isArray(actions)) {
    throw new FlowContentError(flowName, childPath(path, "Actions"), `expected an array of actions, found ${describe(actions)}`);
  }
  const ids = new Set<string>();
  actions.forEach((action, i) => {
    const actionPath = childPath(childPath(path, "Actions"), i);
    if (!isObject(action)) throw new FlowContentError(flowName, actionPath, `expected an action object, found ${describe(action)}`);
    const id = requireString(action, "Identifier", flowName, actionPath);
    requireString(action, "Type", flowName, actionPath);
    if (action.Parameters !== undefined && !isObject(action.Parameters)) {
      throw new FlowContentError(flowName, childPath(actionPath, "Parameters"), `expected an object, found ${describe(action.Parameters)}`);
    }
    if (ids.has(id)) throw new FlowContentError(flowName, childPath(actionPath, "Identifier"), `duplicate action identifier "${id}"`);
    ids.add(id);
  });
  if (!ids.has(start)) {
    throw new FlowContentError(flowName, childPath(path, "StartAction"), `names "${start}", which is not the Identifier of any action`);
  }
}

/** Checks a legacy console export: modules with ids and types, and a start module that exists. */
function validateLegacy(flow: Record<string, unknown>, flowName: string, path: string): void {
  const modules = flow.modules as unknown[];
  const ids = new Set<string>();
  modules.forEach((module, i) => {
    const modulePath = childPath(childPath(path, "modules"), i);
    if (!isObject(module)) throw new FlowContentError(flowName, modulePath, `expected a module object, found ${describe(module)}`);
    ids.add(requireString(module, "id", flowName, modulePath));
    requireString(module, "type", flowName, modulePath);
  });
  const start = requireString(flow, "start", flowName, path);
  if (!ids.has(start)) {
    throw new FlowContentError(flowName, childPath(path, "start"), `names "${start}", which is not the id of any module`);
  }
}

function flowFormatOf(value: Record<string, unknown>): FlowFormat | undefined {
  if ("Actions" in value || "StartAction" in value) return "flow-language";
  if (Array.isArray(value.modules)) return "legacy";
  return undefined;
}

function parseFlowObject(text: string, flowName: string, path: string): { flow: Record<string, unknown>; format: FlowFormat } {
  const flow = parseJson(text, flowName, path);
  if (!isObject(flow)) throw new FlowContentError(flowName, path, `expected a flow object, found ${describe(flow)}`);
  const format = flowFormatOf(flow);
  if (!format) {
    throw new FlowContentError(flowName, path, "expected a flow with 'Version', 'StartAction' and 'Actions' (or a legacy export with 'modules')");
  }
  if (format === "flow-language") validateFlowLanguage(flow, flowName, path);
  else validateLegacy(flow, flowName, path);
  return { flow, format };
}

/**
 * Parses flow content as found in exports: a bare flow (Flow language or legacy), a
 * `{Name, Type, Content}` wrapper or a `describe-contact-flow` response. Throws
 * {@link FlowContentError} naming the flow and the JSON path when it is not valid flow JSON.
 */
export function parseFlowDocument(input: string, flowName: string): FlowDocument {
  // Editors on Windows save exports with a byte-order mark, which JSON.parse rejects.
  const text = input.replace(/^\uFEFF/, "");
  const root = parseJson(text, flowName, "$");
  if (!isObject(root)) throw new FlowContentError(flowName, "$", `expected a JSON object, found ${describe(root)}`);
  const indent = /^\{\r?\n([ \t]+)"/.exec(text)?.[1] ?? "";
  if (flowFormatOf(root)) {
    return { flowName, envelope: "none", ...parseFlowObject(text, flowName, "$"), root, flowPath: "$", indent };
  }
  if (isObject(root.ContactFlow)) {
    const flowPath = "$.ContactFlow.Content";
    const content = requireString(root.ContactFlow, "Content", flowName, "$.ContactFlow");
    return { flowName, envelope: "describe-contact-flow", ...parseFlowObject(content, flowName, flowPath), root, flowPath, indent };
  }
  if ("Content" in root) {
    const content = requireString(root, "Content", flowName, "$");
    return { flowName, envelope: "content-wrapper", ...parseFlowObject(content, flowName, "$.Content"), root, flowPath: "$.Content", indent };
  }
  throw new FlowContentError(
    flowName,
    "$",
    "expected a flow ('Version', 'StartAction', 'Actions'), a legacy export ('modules'), or an export wrapper with 'Content' or 'ContactFlow.Content'",
  );
}

/**
 * Serialises a flow back into the envelope it came from. The embedded `Content` stays a compact
 * JSON string (as Connect returns it); the outer document keeps its original indentation.
 */
export function serializeFlowDocument(document: FlowDocument, flow: Record<string, unknown>): string {
  const stringify = (value: unknown) => (document.indent ? JSON.stringify(value, null, document.indent) : JSON.stringify(value));
  switch (document.envelope) {
    case "none":
      return stringify(flow);
    case "content-wrapper":
      return stringify({ ...document.root, Content: JSON.stringify(flow) });
    case "describe-contact-flow":
      return stringify({ ...document.root, ContactFlow: { ...(document.root.ContactFlow as object), Content: JSON.stringify(flow) } });
  }
}

/** One string value met while walking a flow. */
export interface FlowStringVisit {
  readonly value: string;
  readonly path: string;
  /** The key (or index) the value sits under. */
  readonly key: string | number;
  /** The object or array holding the value. */
  readonly parent: Record<string, unknown> | unknown[];
  /** Keys from the flow root down to the value (indexes as numbers). */
  readonly keys: readonly (string | number)[];
}

/**
 * Visits every string value of a flow, depth first in document order. The visitor may return a
 * replacement string; the walk then returns a copy of the flow with those values replaced (the
 * input is never mutated).
 */
export function mapFlowStrings(
  flow: Record<string, unknown>,
  basePath: string,
  visit: (visit: FlowStringVisit) => string | undefined,
): Record<string, unknown> {
  const walk = (node: unknown, path: string, keys: (string | number)[]): unknown => {
    if (Array.isArray(node)) {
      return node.map((child, i) => walkChild(node, child, i, path, keys));
    }
    if (isObject(node)) {
      const copy: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node)) copy[key] = walkChild(node, child, key, path, keys);
      return copy;
    }
    return node;
  };
  const walkChild = (parent: Record<string, unknown> | unknown[], child: unknown, key: string | number, path: string, keys: (string | number)[]) => {
    const here = childPath(path, key);
    const hereKeys = [...keys, key];
    if (typeof child === "string") return visit({ value: child, path: here, key, parent, keys: hereKeys }) ?? child;
    return walk(child, here, hereKeys);
  };
  return walk(flow, basePath, []) as Record<string, unknown>;
}
