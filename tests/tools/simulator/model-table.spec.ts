/**
 * The committed constraints table is botocore's Amazon Connect model, regenerated: when AWS changes
 * the API (a newer botocore), this fails until `npm run model:connect` is run and the diff committed.
 * Skipped, with a notice, where python3 or botocore is missing. The rest holds the simulator's own
 * tables to the model.
 */
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CONNECT_MODEL, type ModelShape } from "../../../tools/simulator/model/connect-model";
import { HANDLERS } from "../../../tools/simulator/handlers/registry";
import { PAGE_LIMITS } from "../../../tools/simulator/pagination";
import { httpStatusOf } from "../../../tools/simulator/errors";

const ROOT = join(__dirname, "../../..");
const GENERATOR = join(ROOT, "tools", "simulator", "model", "generate-constraints.py");
const TABLE = join(ROOT, "tools", "simulator", "model", "connect-constraints.json");

describe("the Connect constraints table", function () {
  this.timeout(60_000);

  describe("against the botocore model installed here", () => {
    let fresh: typeof CONNECT_MODEL;
    before(function () {
      const run = spawnSync("python3", [GENERATOR, "--stdout"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
      // Only a machine without python3 or botocore skips; a generator that fails otherwise fails the spec.
      if (run.error || (run.status !== 0 && /No module named ['"]?botocore/.test(run.stderr))) {
        console.log(`      skipped: no botocore to regenerate the table from (${run.error ? "python3 not found" : run.stderr.trim()})`);
        this.skip();
      }
      if (run.status !== 0) throw new Error(`${GENERATOR} failed: ${run.stderr.trim()}`);
      fresh = JSON.parse(run.stdout) as typeof CONNECT_MODEL;
    });

    it("is what generate-constraints.py writes from it (else: npm run model:connect)", () => {
      const committed = JSON.parse(readFileSync(TABLE, "utf8")) as typeof CONNECT_MODEL;
      const hint = `the committed table was generated from botocore ${committed.source.botocore}; this machine has ${fresh.source.botocore}: run npm run model:connect`;
      const changed = (a: Record<string, unknown>, b: Record<string, unknown>) =>
        [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).slice(0, 20);
      expect(changed(committed.errors, fresh.errors), hint).to.deep.equal([]);
      expect(changed(committed.operations, fresh.operations), hint).to.deep.equal([]);
      expect(changed(committed.shapes, fresh.shapes), hint).to.deep.equal([]);
    });
  });

  it("covers every operation the simulator implements (else it would judge none of their requests)", () => {
    expect(Object.keys(HANDLERS).filter((op) => !CONNECT_MODEL.operations[op])).to.deep.equal([]);
  });

  it("agrees with the SDK on every error's HTTP status", () => {
    const differing = Object.entries(CONNECT_MODEL.errors).filter(([name, status]) => httpStatusOf(name) !== status);
    expect(differing).to.deep.equal([]);
  });

  it("gives each paginated operation the MaxResults maximum the simulator's page table records", () => {
    const mismatched = Object.entries(PAGE_LIMITS).flatMap(([op, limits]) => {
      const input = CONNECT_MODEL.shapes[CONNECT_MODEL.operations[op]!.input!] as Extract<ModelShape, { type: "structure" }>;
      const max = (CONNECT_MODEL.shapes[input.members["MaxResults"]!] as { max?: number }).max;
      return max === limits.max ? [] : [`${op}: model ${max}, PAGE_LIMITS ${limits.max}`];
    });
    expect(mismatched).to.deep.equal([]);
  });
});
