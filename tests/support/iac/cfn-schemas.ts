/**
 * Checks generated CloudFormation against AWS's own AWS::Connect::* registry schemas
 * (../shared/reference/cloudformation/connect, as cfn-lint ships them): each resource's properties,
 * with intrinsic functions resolved to values of the right shape, validate against its schema; no
 * read-only property is set; every Ref and GetAtt names a parameter or resource that exists and an
 * attribute that resource's schema declares.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { referencesIn, resolveValue } from "./cfn-intrinsics";

type J = Record<string, unknown>;

export const CFN_SCHEMA_DIR = join(__dirname, "../../../../shared/reference/cloudformation/connect");
export const haveSchemas = () => existsSync(CFN_SCHEMA_DIR);

interface Loaded {
  readonly schema: J;
  readonly validate: ReturnType<Ajv["compile"]>;
  readonly readOnly: Set<string>;
  readonly attributes: Set<string>;
}

let cache: Map<string, Loaded> | undefined;

export function connectSchemas(): Map<string, Loaded> {
  if (cache) return cache;
  cache = new Map();
  // The registry schemas write some patterns for Java (`\_`, `\@` are invalid escapes under `u`):
  // those compile without the `u` flag; the rest (`\P{C}`) need it.
  const regExp = (p: string, f: string) => {
    try {
      return new RegExp(p, f);
    } catch {
      return new RegExp(p, f.replace("u", ""));
    }
  };
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, code: { regExp: regExp as never } });
  for (const f of readdirSync(CFN_SCHEMA_DIR).filter((x) => x.endsWith(".json"))) {
    const schema = JSON.parse(readFileSync(join(CFN_SCHEMA_DIR, f), "utf8")) as J;
    const { typeName, ...rest } = schema;
    const body = { ...rest, $id: undefined, $schema: undefined };
    const readOnly = new Set(((schema.readOnlyProperties as string[] | undefined) ?? []).map((p) => p.replace(/^\/properties\//, "")));
    cache.set(String(typeName), { schema, validate: ajv.compile(body), readOnly, attributes: readOnly });
  }
  return cache;
}

/** A value of the right shape for each attribute: ARNs with the resource's ARN path segment. */
const SEGMENT: Record<string, string> = {
  HoursOfOperationArn: "operating-hours", QueueArn: "queue", ContactFlowArn: "contact-flow", ContactFlowModuleArn: "flow-module",
  RoutingProfileArn: "routing-profile", QuickConnectArn: "transfer-destination", SecurityProfileArn: "security-profile",
  UserHierarchyGroupArn: "agent-group", UserArn: "agent", AgentStatusArn: "agent-state", PromptArn: "prompt",
};
const INSTANCE = "arn:aws:connect:us-west-2:123456789012:instance/0a1b2c3d-0000-4000-8000-000000000001";
const uuid = (n: number) => `0a1b2c3d-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** Stand-in attributes for a resource, for shape validation. */
export function sampleAttributes(id: string, type: string, n: number): Record<string, string> {
  const loaded = connectSchemas().get(type);
  const out: Record<string, string> = {};
  for (const a of loaded?.attributes ?? []) out[a] = SEGMENT[a] ? `${INSTANCE}/${SEGMENT[a]}/${uuid(n)}` : a.endsWith("Arn") ? `${INSTANCE}/x/${uuid(n)}` : uuid(n);
  if (type === "AWS::IAM::Role" || type === "AWS::Lambda::Function") out.Arn = `arn:aws:iam::123456789012:role/${id}`;
  out.Ref = Object.values(out)[0] ?? id;
  return out;
}

const EXISTING_SEGMENT: Record<string, string> = {
  Hours: "operating-hours", Queue: "queue", Flow: "contact-flow", FlowModule: "flow-module", RoutingProfile: "routing-profile", QuickConnect: "transfer-destination",
  SecurityProfile: "security-profile", HierarchyGroup: "agent-group", User: "agent", Prompt: "prompt", AgentStatus: "agent-state",
};

/** Sample parameter values: ARNs where the name says ARN, an S3 folder for prompts. */
export function sampleParameters(template: J): Record<string, string> {
  const out: Record<string, string> = {};
  let n = 1000;
  for (const name of Object.keys((template.Parameters ?? {}) as J)) {
    n++;
    if (name === "InstanceArn") out[name] = INSTANCE;
    else if (name.startsWith("Existing")) {
      // Existing<Prefix><Name>Arn: the ARN of that kind of resource in the target instance.
      const prefix = Object.keys(EXISTING_SEGMENT).sort((a, b) => b.length - a.length).find((p) => name.startsWith(`Existing${p}`));
      out[name] = `${INSTANCE}/${EXISTING_SEGMENT[prefix ?? "Queue"]}/${uuid(n)}`;
    }
    else if (name.startsWith("PhoneNumber")) out[name] = `arn:aws:connect:us-west-2:123456789012:phone-number/${uuid(n)}`;
    else if (name.startsWith("Lambda")) out[name] = `arn:aws:lambda:us-west-2:123456789012:function:f${n}`;
    else if (name.startsWith("Lex")) out[name] = `arn:aws:lex:us-west-2:123456789012:bot-alias/ABCDEFGHIJ/KLMNOPQRST`;
    else if (name === "PromptS3Prefix") out[name] = "s3://dr-prompts/connect";
    else out[name] = "value";
  }
  return out;
}

/** Every problem with a template, as `LogicalId: message` strings. */
export function checkTemplate(template: J): string[] {
  const problems: string[] = [];
  const schemas = connectSchemas();
  const resources = template.Resources as Record<string, J>;
  const params = new Set(Object.keys((template.Parameters ?? {}) as J));
  const pseudo = { AccountId: "123456789012", Partition: "aws", Region: "us-west-2", StackName: "dr" };
  const attributes = new Map<string, Record<string, string>>();
  Object.entries(resources).forEach(([id, r], i) => attributes.set(id, sampleAttributes(id, String(r.Type), i + 1)));
  const parameters = sampleParameters(template);

  for (const [id, r] of Object.entries(resources)) {
    const type = String(r.Type);
    // References: each names a parameter, a pseudo parameter or a resource, and a declared attribute.
    for (const ref of referencesIn(r.Properties)) {
      if (!params.has(ref) && !(ref in resources) && !ref.startsWith("AWS::")) problems.push(`${id}: references ${ref}, which is neither a parameter nor a resource`);
    }
    walkGetAtts(r.Properties, (target, attr) => {
      const t = resources[target];
      if (!t) return problems.push(`${id}: Fn::GetAtt ${target}.${attr}: no such resource`);
      const s = schemas.get(String(t.Type));
      if (s && !s.attributes.has(attr)) problems.push(`${id}: Fn::GetAtt ${target}.${attr}: ${t.Type} declares no such attribute (has ${[...s.attributes].join(", ")})`);
    });
    for (const d of (r.DependsOn as string[] | undefined) ?? []) if (!(d in resources)) problems.push(`${id}: DependsOn ${d}: no such resource`);
    if (!type.startsWith("AWS::Connect::")) continue;
    const s = schemas.get(type);
    if (!s) {
      problems.push(`${id}: no schema for ${type}`);
      continue;
    }
    const props = (r.Properties ?? {}) as J;
    for (const k of Object.keys(props)) if (s.readOnly.has(k)) problems.push(`${id}: sets read-only property ${k}`);
    let resolved: J;
    try {
      resolved = resolveValue(props, { parameters, pseudo, attributes }) as J;
    } catch (err) {
      problems.push(`${id}: ${(err as Error).message}`);
      continue;
    }
    if (!s.validate(resolved)) for (const e of s.validate.errors ?? []) problems.push(`${id} (${type}): ${e.instancePath || "/"} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`);
  }
  return problems;
}

function walkGetAtts(v: unknown, visit: (target: string, attr: string) => void): void {
  if (Array.isArray(v)) v.forEach((x) => walkGetAtts(x, visit));
  else if (v && typeof v === "object") {
    const o = v as J;
    if (Array.isArray(o["Fn::GetAtt"])) {
      const [t, a] = o["Fn::GetAtt"] as [string, string];
      visit(t, a);
    }
    const sub = o["Fn::Sub"];
    if (sub !== undefined) {
      const [text, vars] = typeof sub === "string" ? [sub, {}] : (sub as [string, J]);
      for (const m of text.matchAll(/\$\{([^!}.]+)\.([^}]+)\}/g)) if (!m[1]!.startsWith("AWS::")) visit(m[1]!, m[2]!);
      walkGetAtts(vars, visit);
    } else Object.values(o).forEach((x) => walkGetAtts(x, visit));
  }
}
