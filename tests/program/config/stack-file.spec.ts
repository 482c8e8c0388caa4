import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as yaml from "js-yaml";
import Ajv2020 from "ajv/dist/2020";
import { TOP_LEVEL_SCHEMAS, STRING_KEYS, checkStackConfig, formatProblem, parseStackConfig, rawConfigFromMap, readFlowFiles, readStackFileConfig } from "../../../program/config";

const PROJECT_DIR = path.resolve(__dirname, "../../..");
const SCHEMA = path.resolve(PROJECT_DIR, "../shared/reference/pulumi/project.schema.json");

function tempProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "connect-dr-stack-file-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe("config: Pulumi.yaml and the stack files", () => {
  it("Pulumi.yaml validates against Pulumi's published project schema", function () {
    if (!fs.existsSync(SCHEMA)) {
      console.log(`    skipped: Pulumi project schema not found at ${SCHEMA}`);
      this.skip();
    }
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, "utf8")));
    const project = yaml.load(fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), "utf8"));
    const ok = validate(project);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).to.deep.equal([]);
    expect(ok).to.equal(true);
    // The schema really checks: an object-typed declaration is refused.
    expect(validate({ name: "x", runtime: "nodejs", config: { accounts: { type: "object" } } })).to.equal(false);
  });

  it("Pulumi.yaml declares only simple keys, each one the program knows, with the schema's defaults", () => {
    const project = yaml.load(fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), "utf8")) as any;
    expect(project.name).to.equal("connect-dr");
    expect(project.runtime.name).to.equal("nodejs");
    const declared = Object.entries<any>(project.config);
    expect(declared.map(([k]) => k)).to.deep.equal(["role", "primaryRegion", "secondaryRegion", "primaryStackName", "rpoSeconds", "rtoSeconds", "complianceFrameworks", "gdprAllowedRegions"]);
    for (const [key, declaration] of declared) {
      expect(["string", "integer", "boolean", "array"]).to.include(declaration.type);
      expect(key in TOP_LEVEL_SCHEMAS, key).to.equal(true);
      expect(declaration.type === "string", key).to.equal((STRING_KEYS as readonly string[]).includes(key));
      if ("default" in declaration) {
        const zodDefault = (TOP_LEVEL_SCHEMAS as any)[key].parse(undefined);
        expect(declaration.default, `default of ${key}`).to.deep.equal(zodDefault);
      }
    }
  });

  for (const stack of ["primary", "secondary"]) {
    it(`Pulumi.${stack}.yaml gives a config that passes, with readable sample flows`, () => {
      const map = readStackFileConfig(stack, PROJECT_DIR);
      const { config, problems } = checkStackConfig(rawConfigFromMap(map));
      expect(problems.map(formatProblem)).to.deep.equal([]);
      expect(config!.role).to.equal(stack);
      expect(config!.primaryRegion).to.equal("us-east-1");
      expect(config!.secondaryRegion).to.equal("us-west-2");
      expect(readFlowFiles(config!.connect.flows, PROJECT_DIR).problems).to.deep.equal([]);
    });
  }

  it("the primary file defines the mirrored Connect resources and the secondary none", () => {
    const primary = parseStackConfig(rawConfigFromMap(readStackFileConfig("primary", PROJECT_DIR)));
    const secondary = parseStackConfig(rawConfigFromMap(readStackFileConfig("secondary", PROJECT_DIR)));
    expect(primary.connect.flows.map((f) => f.name)).to.deep.equal(["Main inbound", "Queue wait"]);
    expect(primary.connect.queues.map((q) => q.name)).to.deep.equal(["Sales", "Support", "Billing"]);
    expect(secondary.connect.queues).to.deep.equal([]);
    expect(secondary.connect.lambdaFunctionNames).to.deep.equal(primary.connect.lambdaFunctionNames);
    expect(secondary.accounts).to.deep.equal(primary.accounts);
    expect(secondary.connect.instanceAlias).to.not.equal(primary.connect.instanceAlias);
  });

  it("both files turn on monitoring, Lambda auto scaling of the two flow functions and Salesforce; only the secondary the SIP checks", () => {
    const primary = parseStackConfig(rawConfigFromMap(readStackFileConfig("primary", PROJECT_DIR)));
    const secondary = parseStackConfig(rawConfigFromMap(readStackFileConfig("secondary", PROJECT_DIR)));
    for (const config of [primary, secondary]) {
      expect(config.monitoring).to.not.equal(undefined);
      expect(Object.keys(config.lambdaAutoScaling!.functions)).to.deep.equal(config.connect.lambdaFunctionNames);
      expect(config.crm).to.deep.equal({ salesforce: { instanceUrl: "https://example-corp.my.salesforce.com", timeoutMs: 2500 }, logRetentionDays: 365 });
    }
    expect(primary.telephony).to.equal(undefined);
    expect(Object.keys(secondary.telephony!.endpoints)).to.deep.equal(["us-east-1", "us-west-2"]);
  });

  it("encodes values the way Pulumi passes them to a program", () => {
    const dir = tempProject({
      "Pulumi.yaml": "name: demo\nruntime: nodejs\nconfig:\n  size:\n    type: integer\n    default: 3\n  zones:\n    type: array\n    items:\n      type: string\n    default: [a]\n  aws:region: us-east-1\n",
      "Pulumi.dev.yaml": "config:\n  demo:name: web\n  demo:on: true\n  demo:size: 5\n  demo:obj:\n    a: [1, 2]\n",
    });
    expect(readStackFileConfig("dev", dir)).to.deep.equal({
      "demo:size": "5",
      "demo:zones": `["a"]`,
      "aws:region": "us-east-1",
      "demo:name": "web",
      "demo:on": "true",
      "demo:obj": `{"a":[1,2]}`,
    });
  });

  const errors: [string, string, string, RegExp][] = [
    ["a value of the wrong declared type", "name: demo\nruntime: nodejs\nconfig:\n  size:\n    type: integer\n", "config:\n  demo:size: big\n", /demo:size = "big" is not of the type 'integer' declared in/],
    ["a declared key without default left unset", "name: demo\nruntime: nodejs\nconfig:\n  size:\n    type: integer\n", "config: {}\n", /missing required configuration value 'demo:size'/],
    ["a key without namespace", "name: demo\nruntime: nodejs\n", "config:\n  size: 1\n", /config key 'size' must be namespaced, e.g. 'demo:size'/],
    ["a secret", "name: demo\nruntime: nodejs\n", "config:\n  demo:password:\n    secure: AAABAO==\n", /demo:password is a secret; secrets cannot be decrypted offline/],
  ];
  for (const [title, project, stack, message] of errors) {
    it(`refuses ${title}, naming the file and key`, () => {
      const dir = tempProject({ "Pulumi.yaml": project, "Pulumi.dev.yaml": stack });
      expect(() => readStackFileConfig("dev", dir)).to.throw(message);
    });
  }

  it("names the missing stack file", () => {
    const dir = tempProject({ "Pulumi.yaml": "name: demo\nruntime: nodejs\n" });
    expect(() => readStackFileConfig("prod", dir)).to.throw(`cannot read ${path.join(dir, "Pulumi.prod.yaml")}: ENOENT`);
  });
});
