import { FlowReferenceKind, parseFlowArn } from "./arn";
import { FlowDocument, mapFlowStrings, parseFlowDocument } from "./flow-document";
import { childPath } from "./json-path";

/** How a reference is written in the flow. */
export type FlowReferenceForm =
  /** A full ARN (possibly with `$.AwsRegion` or template placeholders in it). */
  | "arn"
  /** A run-time expression (`$.FlowAttributes.x`, `$.Attributes.y`) resolved when the flow runs. */
  | "dynamic"
  /** Some other literal in a reference parameter, e.g. a deploy-time placeholder `%%FN_ARN%%`. */
  | "literal"
  /** A Lex V1 bot addressed by `Name` and `Region` rather than by ARN. */
  | "lex-v1-name"
  /** A block that uses a resource without naming it (CheckHoursOfOperation on the queue's hours). */
  | "implicit";

/** One place in a flow that refers to another resource. */
export interface FlowReference {
  readonly kind: FlowReferenceKind;
  readonly form: FlowReferenceForm;
  /** The ARN, expression, literal or bot name as written; null for implicit references. */
  readonly value: string | null;
  readonly path: string;
  /** Parsed from the ARN (or the Lex V1 `Region`) when there is one. */
  readonly region?: string;
  readonly accountId?: string;
  readonly resourceId?: string;
  readonly instanceId?: string;
  /** Display name exported beside the ARN (legacy `resourceName`), when present. */
  readonly label?: string;
}

/** Flow-language block parameters that hold a reference, by the last keys of their path. */
const PARAMETER_KINDS: readonly { readonly keys: readonly string[]; readonly kind: FlowReferenceKind }[] = [
  { keys: ["LambdaFunctionARN"], kind: "lambda" },
  { keys: ["LexV2Bot", "AliasArn"], kind: "lex" },
  { keys: ["QueueId"], kind: "queue" },
  { keys: ["ContactFlowId"], kind: "flow" },
  { keys: ["FlowModuleId"], kind: "flow" },
  { keys: ["PromptId"], kind: "prompt" },
  { keys: ["HoursOfOperationId"], kind: "hours" },
];

/** Legacy export parameters (`{name, value}` pairs) that hold a reference. */
const LEGACY_PARAMETER_KINDS: Readonly<Record<string, FlowReferenceKind>> = {
  FunctionArn: "lambda",
  Queue: "queue",
  ContactFlowId: "flow",
  AudioPrompt: "prompt",
};

function parameterKind(keys: readonly (string | number)[], parent: unknown): FlowReferenceKind | undefined {
  const params = keys.indexOf("Parameters");
  if (keys[0] === "Actions" && params === 2) {
    const inner = keys.slice(params + 1);
    // Event hooks (`EventHooks.CustomerQueue`, `EventHooks.AgentWhisper`, ...) each name a flow.
    if (inner.length === 2 && inner[0] === "EventHooks") return "flow";
    const match = PARAMETER_KINDS.find((p) => p.keys.length <= inner.length && p.keys.every((k, i) => inner[inner.length - p.keys.length + i] === k));
    return match?.kind;
  }
  if (keys[0] === "modules" && keys[2] === "parameters" && keys[keys.length - 1] === "value") {
    const name = (parent as Record<string, unknown>).name;
    return typeof name === "string" ? LEGACY_PARAMETER_KINDS[name] : undefined;
  }
  return undefined;
}

function isRuntimeExpression(value: string): boolean {
  return value.startsWith("$.") || value.startsWith("$[");
}

/** CheckHoursOfOperation blocks with no hours reference of their own use the current queue's hours. */
function implicitHoursReferences(document: FlowDocument, explicit: readonly FlowReference[]): FlowReference[] {
  const listKey = document.format === "flow-language" ? "Actions" : "modules";
  const blocks = document.flow[listKey] as Record<string, unknown>[];
  const found: FlowReference[] = [];
  blocks.forEach((block, i) => {
    if ((block.Type ?? block.type) !== "CheckHoursOfOperation") return;
    const path = childPath(childPath(document.flowPath, listKey), i);
    const named = explicit.some((r) => r.kind === "hours" && (r.path.startsWith(`${path}.`) || r.path.startsWith(`${path}[`)));
    if (!named) found.push({ kind: "hours", form: "implicit", value: null, path });
  });
  return found;
}

/**
 * Lists every reference a flow makes to Lambda functions, Lex bots, queues, flows and flow
 * modules, prompts and hours of operation: ARNs anywhere in the flow (including the copies the
 * console keeps in metadata, so a restore can remap all of them), run-time expressions and other
 * literals in reference parameters, Lex V1 bots by name, and CheckHoursOfOperation blocks that use
 * the queue's hours. Occurrences come in document order, one per path, then the implicit ones.
 *
 * @throws FlowContentError when `content` is not valid flow JSON (names the flow and JSON path).
 */
export function listFlowReferences(content: string, flowName: string): FlowReference[] {
  const document = parseFlowDocument(content, flowName);
  const references: FlowReference[] = [];
  mapFlowStrings(document.flow, document.flowPath, ({ value, path, key, keys, parent }) => {
    const arn = parseFlowArn(value);
    if (arn) {
      const label = !Array.isArray(parent) && typeof parent.resourceName === "string" ? parent.resourceName : undefined;
      references.push({
        kind: arn.kind,
        form: "arn",
        value,
        path,
        region: arn.region,
        accountId: arn.accountId,
        resourceId: arn.resourceId,
        ...(arn.instanceId ? { instanceId: arn.instanceId } : {}),
        ...(label ? { label } : {}),
      });
      return undefined;
    }
    if (key === "Name" && keys[keys.length - 2] === "LexBot" && !Array.isArray(parent)) {
      const region = typeof parent.Region === "string" ? parent.Region : undefined;
      references.push({ kind: "lex", form: "lex-v1-name", value, path, resourceId: value, ...(region ? { region } : {}) });
      return undefined;
    }
    const kind = parameterKind(keys, parent);
    if (kind && value !== "") references.push({ kind, form: isRuntimeExpression(value) ? "dynamic" : "literal", value, path });
    return undefined;
  });
  return [...references, ...implicitHoursReferences(document, references)];
}
