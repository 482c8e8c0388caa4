import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  StackConfigError,
  checkConfigMap,
  closestMatch,
  decodeConfigValue,
  editDistance,
  formatProblems,
  loadStackConfig,
  readStackFileConfig,
  suggestConfigKey,
  unknownNamespaceProblems,
} from "../../../program/config";
import { main } from "../../../cli/index";
import type { CliIo } from "../../../cli/io";
import { MockCloud } from "../../../tools/synthesis/mock-cloud";

const PROJECT_DIR = path.resolve(__dirname, "../../..");
const ALLOWED = "a key in the namespace connect-dr (this project) or aws, awsx, pulumi (providers)";

describe("config: namespaces nothing reads", () => {
  const distances: [string, string, number][] = [
    ["connect-dr", "connect-dr", 0],
    ["conect-dr", "connect-dr", 1],
    ["connectdr", "connect-dr", 1],
    ["conncet-dr", "connect-dr", 1], // adjacent swap counts once
    ["rtoSecs", "rtoSeconds", 3],
    ["", "aws", 3],
    ["gcp", "aws", 3],
  ];
  for (const [a, b, d] of distances) it(`edit distance ${JSON.stringify(a)} -> ${JSON.stringify(b)} is ${d}`, () => expect(editDistance(a, b)).to.equal(d));

  const suggestions: [string, string | undefined][] = [
    ["conect-dr:rtoSeconds", "connect-dr:rtoSeconds"],
    ["Connect-DR:rtoSeconds", "connect-dr:rtoSeconds"],
    ["connect_dr:rpoSeconds", "connect-dr:rpoSeconds"],
    ["conect-dr:rtoSecs", "connect-dr:rtoSeconds"],
    ["conect-dr:mystery", "connect-dr:mystery"],
    ["aw:region", "aws:region"],
    ["pulumni:tags", "pulumi:tags"],
    ["gcp:project", undefined],
    ["datadog:apiKey", undefined],
  ];
  for (const [key, suggestion] of suggestions) {
    it(`suggests ${suggestion ?? "nothing"} for ${key}`, () => expect(suggestConfigKey(key)).to.equal(suggestion));
  }

  it("suggests only close candidates, the closest first", () => {
    expect(closestMatch("rtoSecond", ["rpoSeconds", "rtoSeconds"])).to.equal("rtoSeconds");
    expect(closestMatch("dns", ["role", "tags"])).to.equal(undefined);
  });

  it("accepts the project's, the engine's and the providers' namespaces", () => {
    const all = { "connect-dr:rtoSeconds": "900", "aws:region": "us-east-1", "awsx:x": "1", "pulumi:tags": `{"a":"b"}` };
    expect(unknownNamespaceProblems(all, decodeConfigValue)).to.deep.equal([]);
  });

  it("reports every other namespace with the value found and a did-you-mean", () => {
    const all = { "conect-dr:rtoSeconds": "900", "gcp:project": "acme", "conect-dr:role": "primary" };
    expect(formatProblems(unknownNamespaceProblems(all, decodeConfigValue))).to.equal(
      [
        "Stack configuration has 3 problems:",
        `  conect-dr:role: found "primary"; allowed: ${ALLOWED}; did you mean connect-dr:role?`,
        `  conect-dr:rtoSeconds: found 900; allowed: ${ALLOWED}; did you mean connect-dr:rtoSeconds?`,
        `  gcp:project: found "acme"; allowed: ${ALLOWED}`,
      ].join("\n"),
    );
  });

  it("suggests the nearest known key for an unknown project key too", () => {
    const { problems } = checkConfigMap({ ...readStackFileConfig("primary", PROJECT_DIR), "connect-dr:rtoSecond": "900" });
    expect(problems.map((p) => p.allowed)).to.have.length(1);
    expect(problems[0].allowed).to.match(/^no such key; did you mean rtoSeconds\? known keys: role, /);
  });

  /** A copy of the project's stack files with `conect-dr:rtoSeconds: 900` written in the primary's. */
  function projectWithTypo(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "namespace-typo-"));
    fs.copyFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    const stackFile = fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.primary.yaml"), "utf8");
    const edited = stackFile.replace("  connect-dr:rtoSeconds: 900\n", "  conect-dr:rtoSeconds: 900\n").replace("    ttlSeconds: 60\n", "    ttlSeconds: -1\n");
    expect(edited).to.not.equal(stackFile);
    fs.writeFileSync(path.join(dir, "Pulumi.primary.yaml"), edited);
    fs.cpSync(path.join(PROJECT_DIR, "program/flows"), path.join(dir, "program/flows"), { recursive: true });
    return dir;
  }

  it("stops the program with ONE error listing the namespace typo with the other problems", () => {
    const dir = projectWithTypo();
    try {
      new MockCloud({ config: readStackFileConfig("primary", dir) }).install();
      expect(() => loadStackConfig({ projectDir: dir }))
        .to.throw(StackConfigError)
        .with.property("message")
        .that.equals(
          [
            "Stack configuration has 2 problems:",
            `  conect-dr:rtoSeconds: found 900; allowed: ${ALLOWED}; did you mean connect-dr:rtoSeconds?`,
            `  connect-dr:dns.ttlSeconds: found -1; allowed: at least 0`,
          ].join("\n"),
        );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("stops the program on a namespace typo alone, though the rest is valid (the RTO would silently be the default)", () => {
    const config = readStackFileConfig("primary", PROJECT_DIR);
    config["conect-dr:rtoSeconds"] = config["connect-dr:rtoSeconds"];
    delete config["connect-dr:rtoSeconds"];
    new MockCloud({ config }).install();
    expect(() => loadStackConfig({ projectDir: PROJECT_DIR })).to.throw(
      StackConfigError,
      `Stack configuration has 1 problem:\n  conect-dr:rtoSeconds: found 900; allowed: ${ALLOWED}; did you mean connect-dr:rtoSeconds?`,
    );
  });

  it("is refused by the CLI commands that read stack files (readiness), exit 2", async () => {
    const dir = projectWithTypo();
    try {
      let stdout = "";
      let stderr = "";
      const io: CliIo = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: process.env, cwd: dir };
      const code = await main(["readiness", "--stack", "primary", "--project-dir", dir], io);
      expect({ code, stdout }).to.deep.equal({ code: 2, stdout: "" });
      expect(stderr).to.contain(`  conect-dr:rtoSeconds: found 900; allowed: ${ALLOWED}; did you mean connect-dr:rtoSeconds?\n`);
      expect(stderr).to.contain(`  connect-dr:dns.ttlSeconds: found -1; allowed: at least 0`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
