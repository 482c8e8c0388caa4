import { connectResource, formatArn, isDynamic, parseArn } from "./arn";
import { ARN_TOKEN, UUID_TOKEN } from "./content-references";

export interface Place {
  readonly accountId: string;
  readonly region: string;
  readonly instanceId: string;
}

/** Everything needed to move references from one instance to another. */
export interface RemapContext {
  readonly source: Place;
  readonly target: Place;
  /** Source resource id -> target resource id, for every instance-scoped kind. */
  readonly ids: ReadonlyMap<string, string>;
  /** Source Lambda ARN or function name -> target ARN (mapping file). Same-name convention otherwise. */
  readonly lambda?: ReadonlyMap<string, string>;
  /** Source Lex ARN (or `v1:<name>`) -> target ARN. Region/account substitution otherwise. */
  readonly lex?: ReadonlyMap<string, string>;
  /** Source account -> target account for ARNs of accounts other than the instance's. */
  readonly accounts?: ReadonlyMap<string, string>;
  /** Storage targets (bucket names, stream/firehose ARNs, KMS keys): source -> target (mapping file). */
  readonly storage?: ReadonlyMap<string, string>;
  /** Integration ARNs: source -> target (mapping file). */
  readonly integrations?: ReadonlyMap<string, string>;
}

export interface RemapResult {
  readonly text: string;
  /** Connect ARNs/ids of the source instance with no counterpart in `ids`. */
  readonly unresolved: string[];
}

function mapAccount(account: string, ctx: RemapContext): string {
  if (isDynamic(account)) return account;
  return ctx.accounts?.get(account) ?? (account === ctx.source.accountId ? ctx.target.accountId : account);
}

function mapRegion(region: string, ctx: RemapContext): string {
  // `$.AwsRegion` (and any template) stays: the flow resolves it in whichever Region it runs.
  if (isDynamic(region) || region === "") return region;
  return region === ctx.source.region ? ctx.target.region : region;
}

/** Rewrites one ARN; returns undefined when it names a source resource that has no target. */
export function remapArn(text: string, ctx: RemapContext): string | undefined {
  const arn = parseArn(text);
  if (!arn) return text;
  if (arn.service === "lambda") {
    const name = arn.resource.split(":")[1] ?? "";
    const mapped = ctx.lambda?.get(text) ?? ctx.lambda?.get(name);
    if (mapped) return mapped;
    return formatArn({ ...arn, region: mapRegion(arn.region, ctx), account: mapAccount(arn.account, ctx) });
  }
  if (arn.service === "lex") {
    const mapped = ctx.lex?.get(text);
    if (mapped) return mapped;
    return formatArn({ ...arn, region: mapRegion(arn.region, ctx), account: mapAccount(arn.account, ctx) });
  }
  if (arn.service !== "connect") return text;
  const parts = arn.resource.split("/");
  if (parts[0] !== "instance" || parts.length < 2) return text;
  if (isDynamic(parts[1]!) || isDynamic(arn.account)) return text;
  if (parts[1] !== ctx.source.instanceId) return text; // another instance's resource: not ours to move
  const res = connectResource(arn);
  const rest = parts.slice(2);
  if (res) {
    const id = ctx.ids.get(res.id);
    if (id === undefined) return undefined;
    rest[1] = id;
  }
  return formatArn({
    ...arn,
    region: mapRegion(arn.region, ctx),
    account: ctx.target.accountId,
    resource: ["instance", ctx.target.instanceId, ...rest].join("/"),
  });
}

/**
 * Rewrites every ARN and bare resource id inside `text` (flow content, or a JSON document) from the
 * source instance to the target. `$.AwsRegion` and other template expressions are left intact.
 */
export function remapText(text: string, ctx: RemapContext): RemapResult {
  const unresolved: string[] = [];
  const withArns = text.replace(ARN_TOKEN, (m) => {
    const out = remapArn(m, ctx);
    if (out === undefined) {
      unresolved.push(m);
      return m;
    }
    return out;
  });
  // Bare ids outside ARNs. ARNs were rewritten above, so their ids are already target ids; a target
  // id is never a source id (UUIDs), so a second replacement cannot happen.
  const pieces = withArns.split(ARN_TOKEN);
  const arns = [...withArns.matchAll(ARN_TOKEN)].map((m) => m[0]);
  let out = "";
  pieces.forEach((piece, i) => {
    out += piece.replace(UUID_TOKEN, (id) => {
      if (id === ctx.source.instanceId) return ctx.target.instanceId;
      return ctx.ids.get(id) ?? id;
    });
    if (i < arns.length) out += arns[i];
  });
  return { text: out, unresolved };
}

/** Rewrites a single id (a resource link such as `HoursOfOperationId`). */
export function remapId(id: string, ctx: RemapContext): string | undefined {
  if (id.startsWith("arn:")) return remapArn(id, ctx);
  return ctx.ids.get(id);
}
