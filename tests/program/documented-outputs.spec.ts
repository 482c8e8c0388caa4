import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { main } from "../../cli/index";
import type { CliIo } from "../../cli/io";
import { TOP_LEVEL_SCHEMAS } from "../../program/config";

const ROOT = path.resolve(__dirname, "../..");

/** The functions whose returned object literal is (part of) a stack's outputs. */
const OUTPUT_FUNCTIONS: Record<string, string[]> = {
  "program/primary.ts": ["definePrimary"],
  "program/secondary.ts": ["defineSecondary"],
  "program/regional.ts": ["regionalOutputs", "optionalRegionalOutputs"],
};

/**
 * Every output name a stack can export, read from the program's source: the property names of the
 * object literals those functions return, including the conditional spreads (`...(x ? { a } : {})`),
 * so outputs that only exist with an optional key count too.
 */
function declaredOutputs(): Set<string> {
  const names = new Set<string>();
  // Computed names (`[PRIMARY_OUTPUTS.instanceId]`) resolve through the constant objects they name.
  const constants = new Map<string, string>();
  const nameOf = (name: ts.PropertyName): string | undefined => {
    if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
    if (ts.isComputedPropertyName(name) && ts.isPropertyAccessExpression(name.expression)) return constants.get(name.expression.getText());
    return undefined;
  };
  const collect = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      for (const property of node.properties) {
        if (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) {
          const name = nameOf(property.name);
          expect(name, `an output name the spec can read: ${property.name.getText()}`).to.be.a("string");
          names.add(name!);
        }
        if (ts.isSpreadAssignment(property)) collect(property.expression);
      }
      return;
    }
    if (ts.isParenthesizedExpression(node) || ts.isConditionalExpression(node)) ts.forEachChild(node, collect);
  };
  for (const [file, functions] of Object.entries(OUTPUT_FUNCTIONS)) {
    const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && /^[A-Z_]+$/.test(node.name.text)) {
        let init = node.initializer;
        if (init && ts.isAsExpression(init)) init = init.expression;
        if (init && ts.isObjectLiteralExpression(init)) {
          for (const p of init.properties) if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && ts.isStringLiteral(p.initializer)) constants.set(`${node.name.text}.${p.name.text}`, p.initializer.text);
        }
      }
      if (ts.isFunctionDeclaration(node) && node.name && functions.includes(node.name.text)) {
        const returns = node.body?.statements.filter(ts.isReturnStatement) ?? [];
        expect(returns, `${file}: ${node.name.text} returns its outputs`).to.have.length.greaterThan(0);
        for (const r of returns) if (r.expression) collect(r.expression);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return names;
}

/** Output names a text mentions: "stack output(s) X", "the primary's outputs `a` and `b`", "the `x` output". */
function mentionedOutputs(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/stack outputs?\s+`?([A-Za-z]+)`?/g)) found.push(m[1]);
  for (const m of text.matchAll(/outputs?\s+((?:`[A-Za-z]+`(?:,\s*|\s+and\s+|\s+or\s+)?)+)/g)) found.push(...[...m[1].matchAll(/`([A-Za-z]+)`/g)].map((x) => x[1]));
  for (const m of text.matchAll(/(?:the|through the|read through the)\s+`([A-Za-z]+)`\s+output/g)) found.push(m[1]);
  return found;
}

/** The backticked output names of docs/configuration.md's "## Outputs" section (config keys and paths aside). */
function outputsSection(): string[] {
  const text = fs.readFileSync(path.join(ROOT, "docs/configuration.md"), "utf8");
  const section = /\n## Outputs\n([\s\S]*?)\n## /.exec(text)?.[1];
  expect(section, "docs/configuration.md has an ## Outputs section").to.be.a("string");
  return [...section!.matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1]).filter((name) => !(name in TOP_LEVEL_SCHEMAS) || name === "role");
}

async function helpTexts(): Promise<Record<string, string>> {
  const run = async (args: string[]): Promise<string> => {
    let out = "";
    const io: CliIo = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (out += s) }, env: process.env, cwd: ROOT };
    expect(await main(args, io), `connect-dr ${args.join(" ")}`).to.equal(0);
    return out;
  };
  const root = await run(["--help"]);
  const commands = [...root.matchAll(/^\s{2}([a-z]+)\b/gm)].map((m) => m[1]).filter((c) => c !== "help");
  expect(commands).to.include.members(["failover", "validate", "drill"]);
  const texts: Record<string, string> = { "connect-dr --help": root };
  for (const c of commands) texts[`connect-dr ${c} --help`] = (await run([c, "--help"])).replace(/\s+/g, " ");
  return texts;
}

describe("documented stack outputs", () => {
  const declared = declaredOutputs();

  it("reads the outputs the program declares (both roles, optional ones included)", () => {
    expect(declared).to.include.keys("failoverLockTableName", "connectInstanceId", "telephonyHealthCheckIds", "recordingsBucketName", "crmKmsKeyArn");
    expect(declared.size).to.be.greaterThan(40);
  });

  it("every output name in the docs and README exists", () => {
    const files = ["README.md", ...fs.readdirSync(path.join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
    const wrong: string[] = [];
    let checked = 0;
    for (const file of files) {
      for (const name of mentionedOutputs(fs.readFileSync(path.join(ROOT, file), "utf8").replace(/\s+/g, " "))) {
        checked++;
        if (!declared.has(name)) wrong.push(`${file}: ${name}`);
      }
    }
    expect(wrong).to.deep.equal([]);
    expect(checked).to.be.greaterThan(5);
  });

  it("every output name in a command's --help exists", async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const [command, text] of Object.entries(await helpTexts())) {
      for (const name of mentionedOutputs(text)) {
        checked++;
        if (!declared.has(name)) wrong.push(`${command}: ${name}`);
      }
    }
    expect(wrong).to.deep.equal([]);
    expect(checked).to.be.greaterThan(1);
  });

  it("docs/configuration.md lists exactly the outputs the program declares", () => {
    const listed = new Set(outputsSection());
    expect([...listed].filter((n) => !declared.has(n)), "listed but not declared").to.deep.equal([]);
    expect([...declared].filter((n) => !listed.has(n)), "declared but not listed").to.deep.equal([]);
  });
});
