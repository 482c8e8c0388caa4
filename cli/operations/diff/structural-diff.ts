/** One difference between two JSON values, at a JSON-path-like location. */
export interface Difference {
  readonly path: string;
  readonly left?: unknown;
  readonly right?: unknown;
  readonly change: "added" | "removed" | "changed";
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/**
 * Structural difference of two JSON values. Objects compare key by key, arrays index by index,
 * strings that hold JSON documents (flow content) are parsed and compared structurally.
 */
export function structuralDiff(left: unknown, right: unknown, path = "$"): Difference[] {
  if (typeof left === "string" && typeof right === "string" && left !== right) {
    const l = tryJson(left);
    const r = tryJson(right);
    if (l !== undefined && r !== undefined && (isObj(l) || Array.isArray(l))) return structuralDiff(l, r, path);
  }
  if (isObj(left) && isObj(right)) {
    const out: Difference[] = [];
    for (const k of [...new Set([...Object.keys(left), ...Object.keys(right)])].sort()) {
      const p = `${path}.${k}`;
      if (!(k in right)) out.push({ path: p, left: left[k], change: "removed" });
      else if (!(k in left)) out.push({ path: p, right: right[k], change: "added" });
      else out.push(...structuralDiff(left[k], right[k], p));
    }
    return out;
  }
  if (Array.isArray(left) && Array.isArray(right)) {
    const out: Difference[] = [];
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      const p = `${path}[${i}]`;
      if (i >= right.length) out.push({ path: p, left: left[i], change: "removed" });
      else if (i >= left.length) out.push({ path: p, right: right[i], change: "added" });
      else out.push(...structuralDiff(left[i], right[i], p));
    }
    return out;
  }
  if (Object.is(left, right)) return [];
  return [{ path, left, right, change: "changed" }];
}

function tryJson(s: string): unknown {
  const t = s.trimStart();
  if (!t.startsWith("{") && !t.startsWith("[")) return undefined;
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}
