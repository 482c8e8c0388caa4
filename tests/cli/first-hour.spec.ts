import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../cli/index";
import type { CliIo } from "../../cli/io";
import { DEMO_COMMANDS, fillDemoPlaceholders } from "../../tools/simulator/demo";
import { runSimulatorCli } from "../../tools/simulator/main";
import type { Simulator } from "../../tools/simulator/server";
import { auditModelTraffic } from "../support/model-audit";

const ROOT = path.resolve(__dirname, "../..");

/** Splits a documented command line the way a POSIX shell would (double quotes only, as the docs use). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|(\S+)/g)) words.push(m[1] ?? m[2]!);
  return words;
}

/** The `npx connect-dr` lines of the fenced block that follows `marker` in a Markdown file. */
function documentedSimulatorCommands(file: string, marker: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const at = text.indexOf(marker);
  expect(at, `${file} has "${marker}"`).to.be.greaterThan(-1);
  const block = /```sh\n([\s\S]*?)```/.exec(text.slice(at))?.[1] ?? "";
  return block.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("npx connect-dr "));
}

async function run(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: process.env, cwd };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe("first hour: npm run simulator -- --demo, then the documented commands", function () {
  auditModelTraffic();
  this.timeout(60_000);
  let simulator: Simulator;
  let banner = "";
  let workDir: string;
  const savedEnv = { ...process.env };

  before(async () => {
    // A newcomer's shell: the banner's credentials, no Region (the ARNs carry it).
    process.env.AWS_ACCESS_KEY_ID = "demo";
    process.env.AWS_SECRET_ACCESS_KEY = "demo";
    delete process.env.AWS_PROFILE;
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    simulator = await runSimulatorCli(["--demo", "--port", "0"], (text) => (banner += text));
    // The repository's stack files (readiness reads them), in a folder the backup can be written to.
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), "first-hour-"));
    for (const f of fs.readdirSync(ROOT).filter((f) => /^Pulumi(\..+)?\.yaml$/.test(f))) fs.copyFileSync(path.join(ROOT, f), path.join(workDir, f));
    fs.cpSync(path.join(ROOT, "program/flows"), path.join(workDir, "program/flows"), { recursive: true });
  });
  after(async () => {
    for (const key of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION"]) {
      if (savedEnv[key] === undefined) delete process.env[key];
      else process.env[key] = savedEnv[key];
    }
    await simulator?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  const ids = () => {
    const instanceArn = /source instance\s+(\S+)/.exec(banner)?.[1] ?? "";
    const replicaArn = /replica instance\s+(\S+)/.exec(banner)?.[1] ?? "";
    return { endpoint: simulator.endpoint, instanceArn, replicaArn };
  };

  it("prints the endpoint, the ids of the replicated centre and the exact commands to try", () => {
    expect(JSON.parse(banner.split("\n")[0]!)).to.include({ endpoint: simulator.endpoint });
    const { instanceArn, replicaArn } = ids();
    expect(instanceArn).to.match(/^arn:aws:connect:us-east-1:111122223333:instance\/[0-9a-f-]{36}$/);
    expect(replicaArn).to.equal(instanceArn.replace(":us-east-1:", ":us-west-2:"));
    expect(banner).to.match(/traffic distribution group arn:aws:connect:us-east-1:111122223333:traffic-distribution-group\/\S+/);
    expect(banner).to.contain("phone number +12065550123");
    expect(banner).to.contain("agents agent.one, agent.two (in the group)");
    const printed = banner.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("npx connect-dr "));
    expect(printed).to.deep.equal(DEMO_COMMANDS.map((c) => fillDemoPlaceholders(c.line, ids())));
  });

  it("README.md and docs/operations.md document exactly the commands the demo prints", () => {
    const expected = DEMO_COMMANDS.map((c) => c.line);
    expect(documentedSimulatorCommands("README.md", "npm run simulator -- --demo")).to.deep.equal(expected);
    expect(documentedSimulatorCommands("docs/operations.md", "npm run simulator -- --demo")).to.deep.equal(expected);
  });

  it("every documented command works as written against the demo, in order, with its exit code", async () => {
    const results: string[] = [];
    for (const c of DEMO_COMMANDS) {
      const words = shellWords(fillDemoPlaceholders(c.line, ids()));
      expect(words.slice(0, 2)).to.deep.equal(["npx", "connect-dr"]);
      const began = Date.now();
      const result = await run(words.slice(2), workDir);
      if (process.env.FIRST_HOUR_TIMES) console.log(`      ${Date.now() - began} ms ${c.line}`);
      results.push(`${c.line} -> ${result.code}${result.code === c.exit ? "" : `\n${result.stderr}${result.stdout}`}`);
    }
    const unexpected = results.filter((r, i) => r !== `${DEMO_COMMANDS[i]!.line} -> ${DEMO_COMMANDS[i]!.exit}`);
    expect(unexpected.join("\n\n"), "commands with another exit code than documented").to.equal("");
  });
});
