/** The resources a flow can reference, as the backup/restore and DR tooling group them. */
export type FlowReferenceKind = "lambda" | "lex" | "queue" | "flow" | "prompt" | "hours";

/** An ARN found in flow content, split into the parts DR tooling needs. */
export interface FlowArn {
  readonly kind: FlowReferenceKind;
  readonly partition: string;
  readonly service: "lambda" | "lex" | "connect";
  /** The Region segment as written: a Region code, `$.AwsRegion`, or a template placeholder. */
  readonly region: string;
  /** The account segment as written (exports may carry placeholders or sanitised accounts). */
  readonly accountId: string;
  /** Function name, `botId/aliasId`, or the Connect resource id (last path segment). */
  readonly resourceId: string;
  /** The Connect instance id for Connect resources. */
  readonly instanceId?: string;
}

/**
 * Region segments the flow language resolves at run time to the Region the flow runs in.
 * Both spellings are documented for Amazon Connect Global Resiliency.
 */
export const RUNTIME_REGION_EXPRESSIONS: readonly string[] = ["$.AwsRegion", "$['AwsRegion']"];

/** A concrete AWS Region code such as `us-east-1` or `us-gov-west-1`. */
const REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d+$/;

// Split on the first five colons only: the account may be a `${ACCT_ID}` placeholder and the
// resource part may itself contain colons (`function:name:alias`). `$['AwsRegion']` has no colon.
const ARN = /^arn:([^:]+):(lambda|lex|connect):([^:]*):([^:]*):(.+)$/;

/** Connect resource path segments (`instance/ID/<segment>/ID`) and the kind each one is. */
const CONNECT_RESOURCE_KINDS: Readonly<Record<string, FlowReferenceKind>> = {
  queue: "queue",
  "contact-flow": "flow",
  "flow-module": "flow",
  prompt: "prompt",
  "operating-hours": "hours",
};

/** True for a concrete Region code (not a run-time expression or a template placeholder). */
export function isRegionCode(value: string): boolean {
  return REGION_CODE.test(value);
}

/**
 * Classifies a whole string as an ARN a flow can reference (Lambda function, Lex bot or alias,
 * Connect queue, flow, flow module, prompt or hours), or returns undefined. Other Connect
 * resources (agents, routing profiles, quick connects) are not flow references and are ignored.
 */
export function parseFlowArn(value: string): FlowArn | undefined {
  const match = ARN.exec(value);
  if (!match) return undefined;
  const [, partition, service, region, accountId, resource] = match;
  if (service === "lambda") {
    const fn = /^function:([^:]+)(:.*)?$/.exec(resource);
    return fn ? { kind: "lambda", partition, service, region, accountId, resourceId: fn[1] } : undefined;
  }
  if (service === "lex") {
    const bot = /^(?:bot-alias\/([^/]+\/[^/]+)|bot:(.+)|bot\/(.+))$/.exec(resource);
    return bot ? { kind: "lex", partition, service, region, accountId, resourceId: bot[1] ?? bot[2] ?? bot[3] } : undefined;
  }
  const connect = /^instance\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(resource);
  const kind = connect ? CONNECT_RESOURCE_KINDS[connect[2]] : undefined;
  if (!connect || !kind) return undefined;
  return { kind, partition, service: "connect", region, accountId, resourceId: connect[3], instanceId: connect[1] };
}
