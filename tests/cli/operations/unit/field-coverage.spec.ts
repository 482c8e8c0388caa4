/**
 * Every member of each restorable kind's Describe output is either restored or listed, with the
 * reason, as read-only, derived or not restorable. The member list comes from AWS's model
 * (botocore's `connect/2017-08-08/service-2.json`), never from the code; "restored" is then checked
 * against the code: the member changes the projection restore compares, and reaches a write.
 */
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { FIELD_COVERAGE } from "../../../../cli/operations/restore/field-coverage";
import { project } from "../../../../cli/operations/restore/projection";
import { createCall, createdState, followUpCalls, updateCalls } from "../../../../cli/operations/restore/write-calls";
import { canonicalJson } from "../../../../cli/operations/restore/projection";
import type { Kind } from "../../../../cli/operations/model/kinds";

interface Shape {
  type: string;
  members?: Record<string, { shape: string }>;
  required?: string[];
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  enum?: string[];
}

function botocoreConnect(): Record<string, Shape> | undefined {
  const run = spawnSync("python3", ["-c", "import botocore,os;print(os.path.dirname(botocore.__file__))"], { encoding: "utf8" });
  if (run.status !== 0) return undefined;
  const dir = join(run.stdout.trim(), "data/connect/2017-08-08");
  for (const [file, read] of [["service-2.json.gz", (b: Buffer) => gunzipSync(b)], ["service-2.json", (b: Buffer) => b]] as const) {
    try {
      return (JSON.parse(read(readFileSync(join(dir, file))).toString("utf8")) as { shapes: Record<string, Shape> }).shapes;
    } catch {
      /* try the next form */
    }
  }
  return undefined;
}

/** A value of `shape` that is not the projection's default (the last enum value, a non-zero number). */
function sample(shapes: Record<string, Shape>, name: string, depth = 0): unknown {
  const s = shapes[name]!;
  switch (s.type) {
    case "string":
      return s.enum ? s.enum[s.enum.length - 1] : `${name.toLowerCase()}-sample`;
    case "integer":
    case "long":
      return 3;
    case "boolean":
      return true;
    case "list":
      return depth > 4 ? [] : [sample(shapes, s.member!.shape, depth + 1)];
    case "map":
      return { team: "cc" };
    case "structure": {
      const out: Record<string, unknown> = {};
      if (depth > 4) return out;
      // The required members; a structure with none gets all of them, so it is not empty.
      const members = s.required?.length ? s.required : Object.keys(s.members!);
      for (const m of members) out[m] = sample(shapes, s.members![m]!.shape, depth + 1);
      return out;
    }
    default:
      return `${name}-sample`;
  }
}

/** Everything restore would send for `data`: the create, its follow-ups, and the update after it. */
function writesFor(kind: Kind, data: Record<string, unknown>): string {
  const desired = project(kind, data);
  // EXISTING_DIRECTORY: the one directory where CreateUser takes every member (DirectoryUserId too).
  const calls = [createCall(kind, desired, "I", { identityManagementType: "EXISTING_DIRECTORY" }), ...followUpCalls(kind, "T", desired, "I"), ...updateCalls(kind, "T", "arn:t", createdState(kind, desired), desired, "I")];
  return canonicalJson(calls);
}

describe("field coverage: every Describe member restored or listed with its reason (botocore's model)", () => {
  const shapes = botocoreConnect();
  before(function () {
    if (!shapes) {
      console.log("      skipped: python3 with botocore is not installed, so AWS's model cannot be read");
      this.skip();
    }
  });

  for (const [kind, cov] of Object.entries(FIELD_COVERAGE) as [Kind, NonNullable<(typeof FIELD_COVERAGE)[Kind]>][]) {
    it(`${kind} (${cov.shape}): the table lists exactly the model's members`, () => {
      const members = Object.keys(shapes![cov.shape]!.members!).sort();
      const listed = [...cov.restored, ...Object.keys(cov.notRestored).filter((k) => !k.includes("."))].sort();
      expect(listed, "restored + notRestored = the model's members").to.deep.equal(members);
      expect(cov.restored.filter((f) => f in cov.notRestored)).to.deep.equal([]);
    });

    it(`${kind}: every restored member (and each optional member inside it) is compared and written`, () => {
      const shape = shapes![cov.shape]!;
      const base: Record<string, unknown> = {};
      for (const f of cov.restored) base[f] = sample(shapes!, shape.members![f]!.shape);
      const insensitive: string[] = [];
      for (const f of cov.restored) {
        const without = { ...base };
        delete without[f];
        if (canonicalJson(project(kind, without)) === canonicalJson(project(kind, base))) insensitive.push(`${f}: not in the projection`);
        else if (writesFor(kind, without) === writesFor(kind, base)) insensitive.push(`${f}: never written`);
        // One level down: each optional member of a restored structure.
        const sub = shapes![shape.members![f]!.shape]!;
        if (sub.type !== "structure") continue;
        const required = Object.fromEntries((sub.required ?? []).map((m) => [m, sample(shapes!, sub.members![m]!.shape, 1)]));
        for (const m of Object.keys(sub.members!).filter((m) => !(sub.required ?? []).includes(m) && !(`${f}.${m}` in cov.notRestored))) {
          const withMember = { ...base, [f]: { ...required, [m]: sample(shapes!, sub.members![m]!.shape, 1) } };
          const withoutMember = { ...base, [f]: required };
          if (canonicalJson(project(kind, withMember)) === canonicalJson(project(kind, withoutMember))) insensitive.push(`${f}.${m}: not in the projection`);
        }
      }
      expect(insensitive).to.deep.equal([]);
    });
  }
});
