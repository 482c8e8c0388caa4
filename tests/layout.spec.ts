import { expect } from "chai";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");

/** The products and where other products may enter them (CONTRIBUTING.md, "Where things live"). */
const ENTRIES: Readonly<Record<string, readonly string[]>> = {
  components: ["components/index.ts", "components/runtime.ts"],
  program: ["index.ts", "program/config/index.ts"],
  policies: ["policies/index.ts"],
  cli: ["cli/index.ts"],
  handlers: ["handlers/index.ts"],
};
/**
 * The one product file that reaches a development tool: the load test's local mode loads the
 * repository's simulator when it runs, and says plainly when an installation lacks it.
 */
const ALLOWED_CROSSINGS = ["cli/commands/loadtest.ts -> tools/simulator/index.ts"];
/** Development tools and specs exercise products from inside; nothing ships them. */
const INSIDERS = ["tools", "tests"];

const productOf = (file: string) => (file.includes("/") ? file.split("/")[0] : "program");

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.name === "node_modules") continue;
    if (entry.isDirectory()) out.push(...sources(rel));
    else if (/\.ts$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  return [base, `${base}.ts`, `${base}/index.ts`].find((c) => fs.existsSync(path.join(ROOT, c)) && fs.statSync(path.join(ROOT, c)).isFile());
}

describe("the repository layout shows the products", () => {
  it("holds at the root only the products, their tools, specs and docs", () => {
    const folders = fs
      .readdirSync(ROOT, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith(".") && !["node_modules", "dist"].includes(e.name))
      .map((e) => e.name)
      .sort();
    expect(folders).to.deep.equal(["cli", "components", "docs", "handlers", "policies", "program", "tests", "tools"]);
  });

  it("keeps the library one folder per concern, each with at least one component", () => {
    const concerns = fs.readdirSync(path.join(ROOT, "components"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    const withoutComponent = concerns.filter((c) => !sources(`components/${c}`).some((f) => /extends pulumi\.(ComponentResource|dynamic\.Resource)\b/.test(fs.readFileSync(path.join(ROOT, f), "utf8"))));
    expect(withoutComponent).to.deep.equal([]);
    expect(sources("components").filter((f) => f.split("/").length === 2).sort()).to.deep.equal(["components/argument-error.ts", "components/index.ts", "components/runtime.ts"]);
  });

  it("imports across products only through each product's entry", () => {
    const crossings: string[] = [];
    for (const product of Object.keys(ENTRIES)) {
      const files = product === "program" ? [...sources("program"), "index.ts"] : sources(product);
      for (const file of files) {
        const text = fs.readFileSync(path.join(ROOT, file), "utf8");
        for (const m of text.matchAll(/(?:from|import|require)\s*\(?\s*["'](\.[^"']+)["']/g)) {
          const target = resolveImport(file, m[1]);
          if (!target || productOf(target) === product) continue;
          if (INSIDERS.includes(productOf(target)) || !(ENTRIES[productOf(target)] ?? []).includes(target)) crossings.push(`${file} -> ${target}`);
        }
      }
    }
    expect([...new Set(crossings)].filter((c) => !ALLOWED_CROSSINGS.includes(c))).to.deep.equal([]);
  });

  it("keeps the library's runtime entry free of Pulumi, so the CLI and the Lambda bundles never load it", () => {
    const loaded = execFileSync(process.execPath, ["--require", "tsx/cjs", "-e", "require('./components/runtime'); console.log(JSON.stringify(Object.keys(require.cache)))"], { cwd: ROOT, encoding: "utf8" });
    const modules = JSON.parse(loaded) as string[];
    expect(modules.filter((m) => m.includes(`${path.sep}@pulumi${path.sep}`))).to.deep.equal([]);
    expect(modules.length).to.be.greaterThan(1);
  });
});
