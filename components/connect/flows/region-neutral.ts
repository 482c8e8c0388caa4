import { isRegionCode, parseFlowArn, RUNTIME_REGION_EXPRESSIONS } from "./arn";
import { mapFlowStrings, parseFlowDocument, serializeFlowDocument } from "./flow-document";

/** The run-time Region expression written into rewritten ARNs. */
export const AWS_REGION_EXPRESSION = "$.AwsRegion";

/** One ARN whose Region segment was replaced. */
export interface ArnRewrite {
  readonly path: string;
  readonly kind: "lambda" | "lex";
  readonly from: string;
  readonly to: string;
}

/** A reference that stays tied to one Region and that this rewrite cannot fix. */
export interface PinnedReference {
  readonly path: string;
  readonly value: string;
  readonly reason: string;
}

/** What {@link makeRegionNeutral} did to one flow. */
export interface RegionNeutralResult {
  /** The rewritten text, in the same envelope; byte-identical to the input when nothing changed. */
  readonly content: string;
  readonly rewrites: readonly ArnRewrite[];
  /** Paths of Lambda/Lex ARNs that already used a run-time Region expression and were left as they were. */
  readonly alreadyNeutral: readonly string[];
  readonly pinned: readonly PinnedReference[];
}

/**
 * Makes a flow work unchanged in either Region of an Amazon Connect Global Resiliency pair.
 *
 * The flow language resolves `$.AwsRegion` at run time, and AWS supports it in Lambda and Lex ARNs
 * only, so every Lambda function ARN and Lex bot/alias ARN with a concrete Region gets
 * `$.AwsRegion` in its Region segment, wherever it appears (block parameters, flow attributes,
 * metadata). ACGR resolves Connect resource ARNs (queues, flows, prompts) itself, so those are
 * left alone, as are `$.AwsRegion`/`$['AwsRegion']` ARNs, template placeholders such as
 * `${REGION}`, and dynamic references (`$.FlowAttributes.x`). Lex V1 bots addressed by name and
 * Region cannot be expressed this way and are reported in `pinned`.
 *
 * @throws FlowContentError when `content` is not valid flow JSON (names the flow and JSON path).
 */
export function makeRegionNeutral(content: string, flowName: string): RegionNeutralResult {
  const document = parseFlowDocument(content, flowName);
  const rewrites: ArnRewrite[] = [];
  const alreadyNeutral: string[] = [];
  const pinned: PinnedReference[] = [];
  const flow = mapFlowStrings(document.flow, document.flowPath, ({ value, path, key, keys }) => {
    if (key === "Region" && keys[keys.length - 2] === "LexBot" && isRegionCode(value)) {
      pinned.push({ path, value, reason: "Lex V1 bot addressed by name and Region; move it to Lex V2 (with Lex Global Resiliency) to make it Region-neutral" });
      return undefined;
    }
    const arn = parseFlowArn(value);
    if (!arn || (arn.kind !== "lambda" && arn.kind !== "lex")) return undefined;
    if (RUNTIME_REGION_EXPRESSIONS.includes(arn.region)) {
      alreadyNeutral.push(path);
      return undefined;
    }
    if (!isRegionCode(arn.region)) return undefined;
    const to = value.replace(`:${arn.service}:${arn.region}:`, `:${arn.service}:${AWS_REGION_EXPRESSION}:`);
    rewrites.push({ path, kind: arn.kind, from: value, to });
    return to;
  });
  return {
    content: rewrites.length === 0 ? content : serializeFlowDocument(document, flow),
    rewrites,
    alreadyNeutral,
    pinned,
  };
}
