import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/** Files tsconfig.build.json compiles into the published package (everything outside these folders). */
const UNSHIPPED = /^(node_modules|dist|tests|bench|policies)\//;

function sourceFiles(dir: string, base = ""): string[] {
  return fs.readdirSync(path.join(dir, base), { withFileTypes: true }).flatMap((e) => {
    const rel = base ? `${base}/${e.name}` : e.name;
    if (e.isDirectory()) return e.name.startsWith(".") || UNSHIPPED.test(`${rel}/`) ? [] : sourceFiles(dir, rel);
    return rel.endsWith(".ts") ? [rel] : [];
  });
}

describe("licences of what the package ships", () => {
  it("installs no GPL-family package for users: every AGPL/GPL package in the lock file is a devDependency", () => {
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean; license?: string }> };
    const shipped = Object.entries(lock.packages).filter(([name, p]) => name !== "" && !p.dev && /\bA?GPL\b|GPL-/i.test(String(p.license)));
    expect(shipped.map(([name, p]) => `${name} ${p.license}`)).to.deep.equal([]);
  });

  it("imports the AGPL-licensed IAM simulator from specs only", () => {
    expect(sourceFiles(ROOT).length).to.be.greaterThan(100);
    const importers = sourceFiles(ROOT).filter((f) => /@cloud-copilot\/iam-(simulate|policy|utils)/.test(fs.readFileSync(path.join(ROOT, f), "utf8")));
    expect(importers).to.deep.equal([]);
  });
});
