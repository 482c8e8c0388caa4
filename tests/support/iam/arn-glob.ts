/**
 * Whether two ARN patterns can name the same ARN: an IAM policy's Resource (wildcards `*` and `?`)
 * against a resource type's ARN format from the Service Authorization Reference (`${Variable}`
 * placeholders). Both become token lists and a product automaton searches for a common string.
 */

type Token = { readonly kind: "char"; readonly char: string } | { readonly kind: "one" | "many"; readonly excluded: string };

/** Variables of ARN formats whose values may contain `/` (paths, object keys, secret and log names). */
const SLASH_VARIABLES = new Set(["ObjectName", "RoleNameWithPath", "UserNameWithPath", "PolicyNameWithPath", "InstanceProfileNameWithPath", "LogGroupName", "LogStreamName", "SecretId", "EventBusName", "AlarmName", "RelativeId"]);

/**
 * Variables whose values may contain `:` as well: S3 object keys, and Lambda function names, which the
 * Lambda Developer Guide ("Resources and conditions for Lambda actions") lets a policy qualify with a
 * version or alias (`function:name:alias`) where the reference's format shows only the name.
 */
const COLON_VARIABLES = new Set(["ObjectName", "FunctionName"]);

/** Tokens of a policy Resource: `*` any run, `?` any one character. */
export function policyTokens(pattern: string): Token[] {
  return [...pattern].map((c): Token => (c === "*" ? { kind: "many", excluded: "" } : c === "?" ? { kind: "one", excluded: "" } : { kind: "char", char: c }));
}

/**
 * Tokens of a reference ARN format: a `${Variable}` is one or more characters other than `:` (and
 * other than `/`, unless the variable names a path-like value). A literal `*` in a format (the
 * reference's "wildcard-queue" types) stands for any run.
 */
export function formatTokens(format: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < format.length; ) {
    if (format.startsWith("${", i)) {
      const end = format.indexOf("}", i);
      const name = format.slice(i + 2, end);
      const excluded = COLON_VARIABLES.has(name) ? "" : SLASH_VARIABLES.has(name) ? ":" : ":/";
      tokens.push({ kind: "one", excluded }, { kind: "many", excluded });
      i = end + 1;
    } else {
      tokens.push(format[i] === "*" ? { kind: "many", excluded: "" } : { kind: "char", char: format[i] });
      i += 1;
    }
  }
  return tokens;
}

function compatible(a: Token, b: Token): boolean {
  if (a.kind === "char" && b.kind === "char") return a.char === b.char;
  if (a.kind === "char") return !(b as { excluded: string }).excluded.includes(a.char);
  if (b.kind === "char") return !a.excluded.includes(b.char);
  return true; // two classes that each exclude a few characters share the rest
}

/** True when some string is matched by both token lists. */
export function tokensIntersect(a: readonly Token[], b: readonly Token[]): boolean {
  const seen = new Set<number>();
  const width = b.length + 1;
  const stack: [number, number][] = [[0, 0]];
  while (stack.length) {
    const [i, j] = stack.pop()!;
    const key = i * width + j;
    if (seen.has(key)) continue;
    seen.add(key);
    if (i === a.length && j === b.length) return true;
    if (i < a.length && a[i].kind === "many") stack.push([i + 1, j]);
    if (j < b.length && b[j].kind === "many") stack.push([i, j + 1]);
    if (i < a.length && j < b.length && compatible(a[i], b[j])) stack.push([a[i].kind === "many" ? i : i + 1, b[j].kind === "many" ? j : j + 1]);
  }
  return false;
}

/** Can the policy Resource `pattern` name an ARN of the reference format `format`? */
export function resourceMatchesFormat(pattern: string, format: string): boolean {
  return tokensIntersect(policyTokens(pattern), formatTokens(format));
}
