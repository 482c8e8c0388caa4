/**
 * A small interpreter of the CloudFormation intrinsic functions the export uses (Ref, Fn::GetAtt,
 * Fn::Sub in both forms, Fn::Select, Fn::Split), written from the CloudFormation User Guide's
 * "Intrinsic function reference", not from the code under test. It resolves a template's resources
 * in dependency order and hands each one, resolved, to `create`.
 */
type J = Record<string, unknown>;

export interface Scope {
  readonly parameters: Readonly<Record<string, string>>;
  readonly pseudo: Readonly<Record<string, string>>;
  /** Attributes of the resources created so far, by logical id. */
  readonly attributes: Map<string, Record<string, string>>;
}

export function resolveValue(v: unknown, scope: Scope): unknown {
  if (Array.isArray(v)) return v.map((x) => resolveValue(x, scope));
  if (!v || typeof v !== "object") return v;
  const o = v as J;
  const keys = Object.keys(o);
  if (keys.length === 1) {
    const [k] = keys;
    const arg = o[k!];
    if (k === "Ref") return ref(String(arg), scope);
    if (k === "Fn::GetAtt") {
      const [id, attr] = arg as [string, string];
      const a = scope.attributes.get(id);
      if (!a) throw new Error(`Fn::GetAtt: ${id} does not exist (yet)`);
      if (!(attr in a)) throw new Error(`Fn::GetAtt: ${id} has no attribute ${attr}`);
      return a[attr];
    }
    if (k === "Fn::Select") {
      const [index, list] = arg as [number, unknown];
      const items = resolveValue(list, scope) as unknown[];
      if (!Array.isArray(items) || index >= items.length) throw new Error(`Fn::Select: index ${index} out of range`);
      return items[index];
    }
    if (k === "Fn::Split") {
      const [sep, s] = arg as [string, unknown];
      return String(resolveValue(s, scope)).split(sep);
    }
    if (k === "Fn::Sub") {
      const [text, vars] = typeof arg === "string" ? [arg, {}] : (arg as [string, J]);
      const local = Object.fromEntries(Object.entries(vars).map(([n, x]) => [n, String(resolveValue(x, scope))]));
      return text.replace(/\$\{([^}]*)\}/g, (m, name: string) => {
        if (name.startsWith("!")) return `\${${name.slice(1)}}`;
        if (name in local) return local[name]!;
        if (name.includes(".") && !name.startsWith("AWS::")) {
          const [id, attr] = name.split(".") as [string, string];
          return String(resolveValue({ "Fn::GetAtt": [id, attr] }, scope));
        }
        return ref(name, scope);
      });
    }
    if (k!.startsWith("Fn::")) throw new Error(`the interpreter does not know ${k}`);
  }
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, resolveValue(x, scope)]));
}

function ref(name: string, scope: Scope): string {
  if (name.startsWith("AWS::")) {
    const p = scope.pseudo[name.slice(5)];
    if (p === undefined) throw new Error(`Ref: pseudo parameter ${name} not given`);
    return p;
  }
  if (name in scope.parameters) return scope.parameters[name]!;
  const a = scope.attributes.get(name);
  if (a?.Ref !== undefined) return a.Ref;
  throw new Error(`Ref: ${name} is neither a parameter nor a created resource`);
}

/** Logical ids a value references (Ref, GetAtt, and `${X}` / `${X.Attr}` inside Fn::Sub). */
export function referencesIn(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => referencesIn(x, out));
  else if (v && typeof v === "object") {
    const o = v as J;
    if (typeof o.Ref === "string") out.add(o.Ref);
    if (Array.isArray(o["Fn::GetAtt"])) out.add(String((o["Fn::GetAtt"] as string[])[0]));
    const sub = o["Fn::Sub"];
    if (sub !== undefined) {
      const [text, vars] = typeof sub === "string" ? [sub, {}] : (sub as [string, J]);
      for (const m of text.matchAll(/\$\{([^!}][^}]*)\}/g)) if (!(m[1]! in vars)) out.add(m[1]!.split(".")[0]!);
      referencesIn(vars, out);
    } else Object.values(o).forEach((x) => referencesIn(x, out));
  }
  return out;
}

/** Resource ids in an order where each comes after everything it references or DependsOn. */
export function creationOrder(resources: Record<string, J>): string[] {
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (id: string) => {
    if (state.get(id) === "done") return;
    if (state.get(id) === "visiting") throw new Error(`circular dependency through ${id}`);
    state.set(id, "visiting");
    const r = resources[id]!;
    const deps = new Set([...referencesIn(r.Properties), ...((r.DependsOn as string[] | undefined) ?? [])]);
    for (const d of [...deps].sort()) if (d in resources) visit(d);
    state.set(id, "done");
    order.push(id);
  };
  for (const id of Object.keys(resources)) visit(id);
  return order;
}

/** Creates every resource of `template` in dependency order; `create` returns the resource's attributes (`Ref` included). */
export async function deployTemplate(
  template: J,
  scope: Omit<Scope, "attributes">,
  create: (logicalId: string, type: string, properties: J) => Promise<Record<string, string>>,
): Promise<Map<string, Record<string, string>>> {
  const resources = template.Resources as Record<string, J>;
  const attributes = new Map<string, Record<string, string>>();
  const params: Record<string, string> = {};
  for (const [name, p] of Object.entries((template.Parameters ?? {}) as Record<string, J>)) {
    const v = scope.parameters[name] ?? (p.Default as string | undefined);
    if (v === undefined) throw new Error(`parameter ${name} has no value and no default`);
    params[name] = v;
  }
  for (const id of creationOrder(resources)) {
    const r = resources[id]!;
    const props = resolveValue(r.Properties ?? {}, { parameters: params, pseudo: scope.pseudo, attributes }) as J;
    attributes.set(id, await create(id, String(r.Type), props));
  }
  return attributes;
}
