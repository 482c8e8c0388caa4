import { expect } from "chai";
import { formatFound, formatKeyPath, formatProblem, formatProblems, listAllowed, valueAt } from "../../../program/config/config-problem";

describe("config: problem formatting", () => {
  const paths: [PropertyKey[], string][] = [
    [["role"], "connect-dr:role"],
    [["connect", "queues", 2, "hoursOfOperation"], "connect-dr:connect.queues[2].hoursOfOperation"],
    [["connect", "routingProfiles", 0, "queues", 1], "connect-dr:connect.routingProfiles[0].queues[1]"],
    [["tags", "Cost Centre"], "connect-dr:tags.Cost Centre"],
  ];
  for (const [segments, text] of paths) {
    it(`formats key path ${text}`, () => expect(formatKeyPath(segments)).to.equal(text));
  }

  const founds: [unknown, string][] = [
    [undefined, "nothing (key not set)"],
    ["us-east-1", `"us-east-1"`],
    [15, "15"],
    [false, "false"],
    [null, "null"],
    [["a", 1], `["a",1]`],
    [{ days: 3 }, `{"days":3}`],
    ["x".repeat(100), `"${"x".repeat(78)}…`],
  ];
  for (const [value, text] of founds) {
    it(`formats found value ${text.slice(0, 30)}`, () => expect(formatFound(value)).to.equal(text));
  }

  const lists: [unknown[], string][] = [
    [[], ""],
    [["SAML"], `"SAML"`],
    [["a", "b"], `"a" or "b"`],
    [[10, 30, 60], `10, 30 or 60`],
  ];
  for (const [values, text] of lists) {
    it(`lists allowed values ${JSON.stringify(values)}`, () => expect(listAllowed(values)).to.equal(text));
  }

  it("formats one line as <key path>: found <value>; allowed: <what>", () => {
    expect(formatProblem({ path: "connect-dr:dns.ttlSeconds", found: -1, allowed: "at least 1" })).to.equal("connect-dr:dns.ttlSeconds: found -1; allowed: at least 1");
  });

  it("formats many problems as one message sorted by key path", () => {
    const message = formatProblems([
      { path: "connect-dr:role", found: "x", allowed: `"primary" or "secondary"` },
      { path: "connect-dr:dns.ttlSeconds", found: undefined, allowed: "a whole number (required)" },
    ]);
    expect(message).to.equal(
      [
        "Stack configuration has 2 problems:",
        "  connect-dr:dns.ttlSeconds: found nothing (key not set); allowed: a whole number (required)",
        `  connect-dr:role: found "x"; allowed: "primary" or "secondary"`,
      ].join("\n"),
    );
    expect(formatProblems([{ path: "connect-dr:role", found: 1, allowed: "a string" }])).to.match(/^Stack configuration has 1 problem:\n/);
  });

  it("reads values at a path and gives undefined past a missing step", () => {
    const root = { a: { b: [{ c: 5 }] } };
    expect(valueAt(root, ["a", "b", 0, "c"])).to.equal(5);
    expect(valueAt(root, ["a", "x", 0])).to.equal(undefined);
    expect(valueAt("text", ["length"])).to.equal(undefined);
  });
});
