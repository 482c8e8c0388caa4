import type { Kind } from "../model/kinds";

/**
 * The format-neutral model of an exported configuration. Values are JSON with reference tokens in
 * place of copied ids, so each emitter (CloudFormation, Terraform) turns them into its own references.
 */

/** A resource's ARN or id, by logical id. */
export interface ResourceToken {
  readonly $res: string;
  readonly attr: "arn" | "id";
}
/** A template parameter (Terraform variable). */
export interface ParamToken {
  readonly $param: string;
}
/** One `/`-separated segment of an ARN-valued token (`instance/<id>/queue/<id>`: 1 is the instance id). */
export interface SegmentToken {
  readonly $segment: Token;
  readonly index: number;
}
/** The account or partition the template is deployed into. */
export interface PseudoToken {
  readonly $pseudo: "AccountId" | "Partition";
}
/** A string built from literal text and tokens (flow content, S3 URIs). */
export interface JoinToken {
  readonly $join: readonly (string | Token)[];
}
export type Token = ResourceToken | ParamToken | SegmentToken | PseudoToken | JoinToken;

/** A JSON value that may hold tokens. */
export type Value = string | number | boolean | null | Token | readonly Value[] | { readonly [key: string]: Value };

export function isToken(v: unknown): v is Token {
  return !!v && typeof v === "object" && !Array.isArray(v) && ("$res" in v || "$param" in v || "$segment" in v || "$pseudo" in v || "$join" in v);
}

/** The kinds of exported resource, named after what they create. */
export type ResourceType =
  | "hours" | "queue" | "flow" | "flowModule" | "routingProfile" | "quickConnect" | "securityProfile"
  | "hierarchyStructure" | "hierarchyGroup" | "user" | "agentStatus" | "prompt"
  | "lambdaAssociation" | "lexV1Association" | "lexV2Association" | "phoneNumberFlow";

/** One resource to create. `properties` use CloudFormation's property names (the AWS::Connect schemas). */
export interface ModelResource {
  readonly logicalId: string;
  readonly type: ResourceType;
  /** Backup kind and name it comes from. */
  readonly kind: Kind;
  readonly name: string;
  readonly properties: { readonly [key: string]: Value };
  /** Explicit ordering where no reference implies it (hierarchy groups after the structure). */
  readonly dependsOn?: readonly string[];
}

/** A write made after every resource exists: what breaks a reference cycle. */
export interface DeferredWrite {
  readonly logicalId: string;
  readonly action: "UpdateContactFlowContent" | "UpdateContactFlowModuleContent" | "AssociateQueueQuickConnects";
  /** The resource written to. */
  readonly target: string;
  /** Content (flows, modules) or the quick-connect ARNs (queues). */
  readonly value: Value;
}

export interface ModelParameter {
  readonly name: string;
  readonly description: string;
  readonly default?: string;
  /** What the parameter stands for, so Terraform can look stock resources up by name. */
  readonly stock?: { readonly type: ResourceType; readonly name: string };
}

export interface TemplateModel {
  readonly description: string;
  readonly parameters: readonly ModelParameter[];
  readonly resources: readonly ModelResource[];
  readonly deferred: readonly DeferredWrite[];
  /** Things left out on purpose, with why (stock resources, instance settings). */
  readonly notes: readonly string[];
}

/** Every token inside a value, depth first. */
/** The instance ARN parameter every resource is created in. */
export const INSTANCE_ARN_PARAM = "InstanceArn";
export const INSTANCE_ID: SegmentToken = { $segment: { $param: INSTANCE_ARN_PARAM }, index: 1 };

/** Literal strings and tokens as one value: a plain string when no token is left. */
export function join(parts: readonly (string | Token)[]): string | Token {
  const out: (string | Token)[] = [];
  const flat = parts.flatMap((p) => (typeof p !== "string" && "$join" in p ? p.$join : [p]));
  for (const p of flat) {
    if (typeof p === "string" && typeof out[out.length - 1] === "string") out[out.length - 1] = (out[out.length - 1] as string) + p;
    else if (p !== "") out.push(p);
  }
  if (out.length === 0) return "";
  if (out.length === 1) return out[0]!;
  return { $join: out };
}

export function tokensIn(v: Value, out: Token[] = []): Token[] {
  if (isToken(v)) {
    out.push(v);
    if ("$join" in v) for (const p of v.$join) if (typeof p !== "string") tokensIn(p, out);
    if ("$segment" in v) tokensIn(v.$segment, out);
    return out;
  }
  if (Array.isArray(v)) for (const x of v) tokensIn(x as Value, out);
  else if (v && typeof v === "object") for (const x of Object.values(v)) tokensIn(x as Value, out);
  return out;
}
