/**
 * The model's patterns are Java regular expressions matched against the whole value. The translator
 * is judged by Java itself: every pattern of the committed table, against a corpus of values chosen
 * where the dialects differ (Unicode spaces, line terminators, anchors, escapes), must match in
 * JavaScript exactly when `java.util.regex.Pattern.matches` says so. Skipped, with a notice, where
 * no `java` is installed.
 */
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { CONNECT_MODEL } from "../../../tools/simulator/model/connect-model";
import { javaPatternToRegExp, normalizeModelPattern } from "../../../tools/simulator/model/java-pattern";

const ORACLE = join(__dirname, "oracle", "JavaPatternOracle.java");
const UUID = "0b7c51e4-5f3c-4c4e-9a64-1b2c3d4e5f60";

/** Values where Java and JavaScript regular expressions part ways, plus realistic Connect values. */
const CORPUS = [
  "", "a", "A", "abc", "a b", " a", "a ", " ", "\t", "x\n", "\nx", "x\r\n", "x\u0085y", "x\u2028y", "a\u00a0b", "\u00a0", "\u2003",
  "é", "日本", "a_b", "a-b", "-a", "a-", "a--b", "d-1234567890", "d-123", "acme-cc", "Acme9", "9acme", "a.b", "..", ".", "$abc", "a/b",
  "aws:x", "AWS:x", "connect:x", "team", "cost center", "+12065550100", "12065550100", "+1", "+1206", "+0123", "\\+1", "us-east-1", "us-gov-west-1", "useast1",
  UUID, `arn:aws:connect:us-east-1:123456789012:instance/${UUID}`, `arn:aws:connect:us-east-1:123456789012:traffic-distribution-group/${UUID}`,
  `arn:aws:connect:us-east-1:123456789012:instance/${UUID}/queue/${UUID}`, "2024-01-31", "2024-01-31T12:00:00Z", "2024-01-31T12:00:00.123Z",
  "a@b.co", "a@b", "s3://bucket/key", "https://bucket.s3.us-east-1.amazonaws.com/key", "Passw0rd!", "password", "x".repeat(64), "A1".repeat(32),
  "\u0000", "\u200b", "tab\there", "(x)", "x'y", "a|b", "a=b", "a+b", "a@b", "404", "200", "604",
];

const patterns = [...new Set(Object.values(CONNECT_MODEL.shapes).flatMap((s) => ("pattern" in s && s.pattern !== undefined ? [s.pattern] : [])))];

describe("Java patterns of the model in JavaScript (judged by java.util.regex)", function () {
  this.timeout(60_000);
  const probe = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    it("skips: no java on PATH to judge the translation");
    return;
  }

  it(`matches exactly where Java does: ${patterns.length} patterns x ${CORPUS.length} values`, () => {
    const cases = patterns.flatMap((pattern) => CORPUS.map((value) => ({ pattern, value })));
    const input = cases.map((c) => `${Buffer.from(normalizeModelPattern(c.pattern)).toString("base64")} ${Buffer.from(c.value).toString("base64")}`).join("\n");
    const run = spawnSync("java", [ORACLE], { input, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
    expect(run.status, run.stderr).to.equal(0);
    const verdicts = run.stdout.trim().split("\n");
    expect(verdicts).to.have.length(cases.length);
    const disagreements = cases
      .map((c, i) => ({ ...c, java: verdicts[i] === "1", js: javaPatternToRegExp(c.pattern).test(c.value) }))
      .filter((c) => c.java !== c.js)
      .map((c) => `${JSON.stringify(c.pattern)} on ${JSON.stringify(c.value)}: Java ${c.java}, JavaScript ${c.js}`);
    expect(disagreements).to.deep.equal([]);
    // The corpus exercises both outcomes for most patterns (a pattern nothing matches would prove little).
    const bothWays = patterns.filter((p) => CORPUS.some((v) => javaPatternToRegExp(p).test(v)) && CORPUS.some((v) => !javaPatternToRegExp(p).test(v)));
    expect(bothWays.length).to.be.greaterThan(patterns.length * 0.8);
  });
});

describe("model pattern artifacts (read from the model itself)", () => {
  it("reads a doubled backslash as one: PhoneNumber is escaped twice where SensitivePhoneNumber is not", () => {
    const phone = CONNECT_MODEL.shapes["PhoneNumber"] as { pattern: string };
    const sensitive = CONNECT_MODEL.shapes["SensitivePhoneNumber"] as { pattern: string };
    expect(phone.pattern).to.equal("\\\\+[1-9]\\\\d{1,14}$");
    expect(normalizeModelPattern(phone.pattern)).to.equal(sensitive.pattern);
    expect(javaPatternToRegExp(phone.pattern).test("+12065550100")).to.equal(true);
  });

  it("drops the slashes of a pattern written as a JavaScript literal (Password)", () => {
    const password = CONNECT_MODEL.shapes["Password"] as { pattern: string };
    expect(password.pattern.startsWith("/^") && password.pattern.endsWith("$/")).to.equal(true);
    expect(javaPatternToRegExp(password.pattern).test("Passw0rd")).to.equal(true);
    expect(javaPatternToRegExp(password.pattern).test("password")).to.equal(false);
  });

  it("refuses Java constructs it cannot translate exactly, naming them", () => {
    expect(() => javaPatternToRegExp("a*+")).to.throw("possessive quantifier");
    expect(() => javaPatternToRegExp("(?i)a")).to.throw("group flags");
    expect(() => javaPatternToRegExp("[a-z&&[^b]]")).to.throw("class intersection");
    expect(() => javaPatternToRegExp("\\Qa.b\\E")).to.throw("\\Q quoting");
  });
});
