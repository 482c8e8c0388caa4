import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildHandlerBundles } from "../../handlers/bundle";

describe("handler bundles: the disk cache between processes", () => {
  let dir: string;
  let entry: string;
  let cacheDir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bundle-cache-"));
    entry = path.join(dir, "handler.ts");
    cacheDir = path.join(dir, "cache");
    fs.writeFileSync(entry, 'export const handler = () => "first";\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("serves the cached bundle while the sources are unchanged, and rebuilds when one changes", () => {
    const first = buildHandlerBundles([entry], cacheDir)[entry]!;
    expect(first).to.include('"first"');
    const [cacheFile] = fs.readdirSync(cacheDir);
    // Mark the cached copy: a hit returns the mark, a rebuild does not.
    const cached = JSON.parse(fs.readFileSync(path.join(cacheDir, cacheFile!), "utf8"));
    cached.outputs[entry] = "/* from the cache */";
    fs.writeFileSync(path.join(cacheDir, cacheFile!), JSON.stringify(cached));
    expect(buildHandlerBundles([entry], cacheDir)[entry]).to.equal("/* from the cache */");
    fs.writeFileSync(entry, 'export const handler = () => "second, longer";\n');
    expect(buildHandlerBundles([entry], cacheDir)[entry]).to.include('"second, longer"');
  });

  it("rebuilds over a corrupt cache file", () => {
    const [cacheFile] = fs.readdirSync(cacheDir);
    fs.writeFileSync(path.join(cacheDir, cacheFile!), "{not json");
    expect(buildHandlerBundles([entry], cacheDir)[entry]).to.include('"second, longer"');
  });
});
