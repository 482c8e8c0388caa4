import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { MockCloud, settle } from "../../tools/synthesis/mock-cloud";

const ROOT = path.resolve(__dirname, "../..");

describe("the npm library (connect-dr/components)", () => {
  it("creates no resource when imported", async () => {
    for (const key of Object.keys(require.cache)) if (key.includes(`${path.sep}components${path.sep}`)) delete require.cache[key];
    const cloud = new MockCloud().install();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const library = require("../../components") as Record<string, unknown>;
    await settle();
    expect(cloud.resources).to.deep.equal([]);
    expect(Object.keys(library)).to.include.members([
      "ConnectRegion",
      "ReplicatedRecordings",
      "GlobalContactTable",
      "FailoverDns",
      "DirectConnectFailover",
      "FailoverAutomation",
      "InstanceReplica",
      "TrafficDistributionGroup",
      "OrgGuardrails",
    ]);
  });

  it("exports every component, from each concern folder, through the barrel", () => {
    const barrel = fs.readFileSync(path.join(ROOT, "components/index.ts"), "utf8");
    const files = (fs.readdirSync(path.join(ROOT, "components"), { recursive: true }) as string[])
      .map((f) => f.split(path.sep).join("/"))
      .filter((f) => f.endsWith(".ts") && /extends pulumi\.(ComponentResource|dynamic\.Resource)\b/.test(fs.readFileSync(path.join(ROOT, "components", f), "utf8")));
    expect(files.length).to.be.greaterThan(15);
    for (const file of files) expect(barrel, file).to.contain(`from "./${file.replace(/\.ts$/, "")}"`);
  });

  it("publishes built JavaScript with declarations and keeps @pulumi packages as peers", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(pkg.exports["./components"]).to.deep.equal({ types: "./dist/components/index.d.ts", default: "./dist/components/index.js" });
    // awsx is a peer like aws: its plugin's version must match the SDK the consumer's program loads.
    expect(Object.keys(pkg.peerDependencies).sort()).to.deep.equal(["@pulumi/aws", "@pulumi/awsx", "@pulumi/pulumi"]);
    expect(pkg.dependencies).to.not.have.any.keys("@pulumi/aws", "@pulumi/awsx", "@pulumi/pulumi");
    const build = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.build.json"), "utf8"));
    expect(build.compilerOptions).to.include({ declaration: true, outDir: "dist" });
  });
});
