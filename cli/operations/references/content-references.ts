import { connectResource, isDynamic, parseArn, type Arn } from "./arn";

/** A reference found inside flow content or another resource's JSON. */
export type Reference =
  | { readonly type: "connect"; readonly arn: string; readonly segment: string; readonly id: string; readonly instanceId: string }
  | { readonly type: "lambda"; readonly arn: string; readonly functionName: string; readonly dynamicRegion: boolean }
  | { readonly type: "lex"; readonly arn: string; readonly dynamicRegion: boolean }
  | { readonly type: "other-arn"; readonly arn: string }
  | { readonly type: "templated"; readonly arn: string };

/** Every ARN-looking token inside a text (flow content is JSON text; ARNs never contain quotes). */
export const ARN_TOKEN = /arn:aws[a-z-]*:[a-z0-9-]+:[^:"'\s\\]*:[^:"'\s\\]*:[^"'\s\\,}\]]+/g;

/** A bare Connect resource id (UUID). */
export const UUID_TOKEN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export function classifyArn(text: string): Reference {
  const arn = parseArn(text) as Arn;
  if (!arn) return { type: "other-arn", arn: text };
  if (arn.service === "lambda" && arn.resource.startsWith("function:")) {
    if (isDynamic(arn.account) || isDynamic(arn.resource)) return { type: "templated", arn: text };
    const functionName = arn.resource.split(":")[1] ?? "";
    return { type: "lambda", arn: text, functionName, dynamicRegion: isDynamic(arn.region) };
  }
  if (arn.service === "lex") {
    if (isDynamic(arn.account) || isDynamic(arn.resource)) return { type: "templated", arn: text };
    return { type: "lex", arn: text, dynamicRegion: isDynamic(arn.region) };
  }
  const res = connectResource(arn);
  if (res) {
    if (isDynamic(arn.account) || isDynamic(res.instanceId) || isDynamic(res.id) || isDynamic(arn.region) && !arn.region.startsWith("$.AwsRegion"))
      return { type: "templated", arn: text };
    return { type: "connect", arn: text, segment: res.segment, id: res.id, instanceId: res.instanceId };
  }
  return { type: "other-arn", arn: text };
}

/** The distinct references inside `text`, in order of first appearance. */
export function findReferences(text: string): Reference[] {
  const seen = new Set<string>();
  const out: Reference[] = [];
  for (const m of text.matchAll(ARN_TOKEN)) {
    if (seen.has(m[0])) continue;
    seen.add(m[0]);
    out.push(classifyArn(m[0]));
  }
  return out;
}

/** Distinct bare UUIDs inside `text` that are not part of an ARN. */
export function findBareIds(text: string): string[] {
  const withoutArns = text.replace(ARN_TOKEN, " ");
  return [...new Set([...withoutArns.matchAll(UUID_TOKEN)].map((m) => m[0]))];
}
