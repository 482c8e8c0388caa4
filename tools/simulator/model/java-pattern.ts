/**
 * Translates the `pattern` constraints of AWS's service models (Java regular expressions, matched
 * against the WHOLE value as `Pattern.matches` does) into JavaScript `RegExp`s with the same meaning.
 *
 * Where the two dialects differ, the Java meaning wins:
 * - `\s` is Java's ASCII whitespace `[ \t\n\x0B\f\r]` (JavaScript's also matches Unicode spaces),
 *   `\S` its complement; inside a character class the complement is resolved exactly, since only
 *   six characters are outside `\S`.
 * - `.` excludes Java's line terminators `\n \r \u0085 \u2028 \u2029`.
 * - The result is anchored `^(?:...)$`: a value matches only when the whole of it does.
 * - Escaped punctuation (`\_`, `\@`) is a literal, as in Java (JavaScript's `u` mode refuses it).
 * Constructs the Connect model does not use and JavaScript cannot express the same way (possessive
 * quantifiers, `\Q..\E`, inline flags, class intersection) are refused with an error rather than
 * translated approximately.
 *
 * Two artifacts of the published model are undone first, each visible in the model itself:
 * - Some patterns are escaped twice (`PhoneNumber` is `\\+[1-9]\\d{1,14}$` while `SensitivePhoneNumber`
 *   is `\+[1-9]\d{1,14}$`; `S3Uri` mixes `\S` and `\\S`). Read literally they would refuse every
 *   phone number, so a doubled backslash is read as one.
 * - `Password` is written as a JavaScript literal `/^...$/`; the slashes are delimiters, not text.
 */

/** Java's `\s`: space, tab, newline, vertical tab, form feed, carriage return. */
const JAVA_SPACE_CHARS = [" ", "\t", "\n", "\x0B", "\f", "\r"];
const JAVA_SPACE_CLASS = "\\t\\n\\x0B\\f\\r ";
const JAVA_LINE_TERMINATORS = "\\n\\r\\u0085\\u2028\\u2029";
/** Characters JavaScript's `u` mode accepts (and needs) escaped. */
const SYNTAX_CHARS = new Set([..."^$\\.*+?()[]{}|/"]);
const CLASS_SYNTAX_CHARS = new Set([..."^$\\.*+?()[]{}|/-"]);
const SIMPLE_ESCAPES = new Set([..."dDwWtnrfbB"]);

/** Undoes the model's escaping artifacts (see the module comment). */
export function normalizeModelPattern(pattern: string): string {
  let p = pattern.replace(/\\\\/g, "\\");
  if (p.length > 1 && p.startsWith("/") && p.endsWith("/")) p = p.slice(1, -1);
  return p;
}

class Reader {
  i = 0;
  constructor(readonly text: string, readonly original: string) {}
  get done(): boolean {
    return this.i >= this.text.length;
  }
  peek(offset = 0): string {
    return this.text[this.i + offset] ?? "";
  }
  next(): string {
    return this.text[this.i++] ?? "";
  }
  fail(what: string): never {
    throw new Error(`Unsupported Java pattern construct (${what}) at ${this.i} in ${JSON.stringify(this.original)}`);
  }
}

/** Reads an escape after the backslash; returns JavaScript source, or `{ space }` for `\s`/`\S`. */
function readEscape(r: Reader): string | { space: "s" | "S" } {
  const c = r.next();
  if (c === "") r.fail("trailing backslash");
  if (c === "s" || c === "S") return { space: c };
  if (SIMPLE_ESCAPES.has(c)) return `\\${c}`;
  if (c === "p" || c === "P") {
    const m = /^\{([A-Za-z_]+)\}/.exec(r.text.slice(r.i));
    if (!m || !/^(L|Lu|Ll|Lt|Lm|Lo|M|N|Nd|Nl|No|P|S|Z|Zs|Zl|Zp|C|Cc|Cf|Co|Cn|Cs)$/.test(m[1]!)) r.fail(`\\${c} property`);
    r.i += m[0].length;
    return `\\${c}{${m[1]}}`;
  }
  if (c === "x") {
    const hex = r.text.slice(r.i, r.i + 2);
    if (!/^[0-9a-fA-F]{2}$/.test(hex)) r.fail("\\x escape");
    r.i += 2;
    return `\\x${hex}`;
  }
  if (c === "u") {
    const hex = r.text.slice(r.i, r.i + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) r.fail("\\u escape");
    r.i += 4;
    return `\\u${hex}`;
  }
  if (/[A-Za-z0-9]/.test(c)) r.fail(`\\${c}`);
  return c; // escaped punctuation: a literal; the caller escapes it for JavaScript where needed
}

function literal(c: string, inClass: boolean): string {
  return (inClass ? CLASS_SYNTAX_CHARS : SYNTAX_CHARS).has(c) ? `\\${c}` : c;
}

/** Reads a character class after `[`; returns JavaScript source for the whole class. */
function readClass(r: Reader): string {
  const negated = r.peek() === "^";
  if (negated) r.i += 1;
  const items: string[] = [];
  let complementOfSpace = false;
  let first = true;
  // Whether the last item is a single character that can start a range (not a set, not a range's end).
  let rangeStart = false;
  for (;;) {
    if (r.done) r.fail("unterminated class");
    const c = r.next();
    if (c === "]" && !first) break;
    first = false;
    if (c === "[") r.fail("nested class");
    if (c === "&" && r.peek() === "&") r.fail("class intersection");
    if (c === "-" && rangeStart && r.peek() !== "]") {
      items.push("-");
      rangeStart = false;
      continue;
    }
    const endsRange = items[items.length - 1] === "-";
    if (c === "\\") {
      const e = readEscape(r);
      if (typeof e !== "string") {
        if (e.space === "s") items.push(JAVA_SPACE_CLASS);
        else complementOfSpace = true;
        rangeStart = false;
        continue;
      }
      items.push(e.length === 1 ? literal(e, true) : e);
      rangeStart = !endsRange && (e.length === 1 || /^\\[xu]/.test(e));
    } else {
      items.push(literal(c, true));
      rangeStart = !endsRange;
    }
  }
  const body = items.join("");
  if (!complementOfSpace) return `[${negated ? "^" : ""}${body}]`;
  // [..\S..] is everything except the Java spaces the other items do not cover; [^..\S..] is those spaces.
  const others = body.length > 0 ? new RegExp(`^[${body}]$`, "u") : undefined;
  const uncovered = JAVA_SPACE_CHARS.filter((ch) => !others?.test(ch));
  const escaped = uncovered.map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
  if (negated) return `[${escaped}]`;
  return uncovered.length === 0 ? "[\\s\\S]" : `[^${escaped}]`;
}

function readQuantifierTail(r: Reader): string {
  if (r.peek() === "+") r.fail("possessive quantifier");
  if (r.peek() === "?") {
    r.i += 1;
    return "?";
  }
  return "";
}

/** JavaScript source (without anchors) for a normalized Java pattern. */
function translate(pattern: string, original: string): string {
  const r: Reader = new Reader(pattern, original);
  let out = "";
  while (!r.done) {
    const c = r.next();
    switch (c) {
      case "\\": {
        if (r.peek() === "Q") r.fail("\\Q quoting");
        const e = readEscape(r);
        if (typeof e === "string") out += e.length === 1 ? literal(e, false) : e;
        else out += e.space === "s" ? `[${JAVA_SPACE_CLASS}]` : `[^${JAVA_SPACE_CLASS}]`;
        break;
      }
      case "[":
        out += readClass(r);
        break;
      case ".":
        out += `[^${JAVA_LINE_TERMINATORS}]`;
        break;
      case "(":
        if (r.peek() === "?" && !/^\?(:|=|!|<=|<!)/.test(r.text.slice(r.i))) r.fail("group flags or named group");
        out += c;
        break;
      case "*":
      case "+":
      case "?":
        out += c + readQuantifierTail(r);
        break;
      case "{": {
        const m = /^(\d+)(,(\d*))?\}/.exec(r.text.slice(r.i));
        if (!m) r.fail("literal {");
        r.i += m[0].length;
        out += `{${m[0]}${readQuantifierTail(r)}`;
        break;
      }
      default:
        out += c;
    }
  }
  return out;
}

const cache = new Map<string, RegExp>();

/**
 * A `RegExp` that accepts exactly the strings the model's Java `pattern` accepts as a whole value.
 * @throws Error naming the construct, for Java syntax this translator does not support
 */
export function javaPatternToRegExp(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${translate(normalizeModelPattern(pattern), pattern)})$`, "u");
    cache.set(pattern, re);
  }
  return re;
}
