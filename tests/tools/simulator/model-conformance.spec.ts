/**
 * The simulator against AWS's model, with requests built from the model (model-requests.ts), not
 * from the simulator's code: for every operation it implements, a valid request passes validation,
 * and requests that break each kind of constraint the operation's input declares (a sample: at most
 * three per kind and operation) are refused, through the real SDK over HTTP, with an error the
 * operation's model lists, at that error's HTTP status, naming the member.
 */
import { expect } from "chai";
import * as connectSdk from "@aws-sdk/client-connect";
import type { ConnectClient } from "@aws-sdk/client-connect";
import type { Simulator } from "../../../tools/simulator";
import { HANDLERS } from "../../../tools/simulator/handlers/registry";
import { CONNECT_MODEL } from "../../../tools/simulator/model/connect-model";
import { checkRequest } from "../../../tools/simulator/model/verdicts";
import { auditModelTraffic } from "../../support/model-audit";
import { validValue, violations, type ConstraintKind, type Violation } from "./model-requests";
import { clientFor, startTestSimulator } from "./support";

const PER_KIND = 3;

function sample<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.round((i * (items.length - 1)) / (n - 1))]!);
}

async function send(client: ConnectClient, operation: string, input: Record<string, unknown>): Promise<{ name?: string; status?: number; message?: string }> {
  const Command = (connectSdk as unknown as Record<string, new (i: unknown) => Parameters<ConnectClient["send"]>[0]>)[`${operation}Command`]!;
  try {
    await client.send(new Command(input));
    return {};
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, ...(e.$metadata?.httpStatusCode !== undefined ? { status: e.$metadata.httpStatusCode } : {}) };
  }
}

/** Runs `work` over `items`, `width` at a time. */
async function pool<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  }));
  return results;
}

const operations = Object.keys(HANDLERS).filter((op) => CONNECT_MODEL.operations[op]?.input).sort();

describe("the simulator against requests built from AWS's model", function () {
  this.timeout(60_000);
  // The requests here break the model on purpose; the answers must still keep to it.
  auditModelTraffic({ requests: false });
  let sim: Simulator;
  let client: ConnectClient;
  const valid = new Map<string, Record<string, unknown>>();
  for (const op of operations) valid.set(op, validValue(CONNECT_MODEL, CONNECT_MODEL.operations[op]!.input!) as Record<string, unknown>);

  before(async () => {
    sim = await startTestSimulator();
    client = clientFor(sim);
  });
  after(() => sim.close());

  it(`builds a valid request for each of the ${operations.length} operations the simulator implements, and the model accepts it`, () => {
    const unbuilt = operations.filter((op) => valid.get(op) === undefined);
    expect(unbuilt).to.deep.equal([]);
    const refused = operations.flatMap((op) => checkRequest(op, valid.get(op)!).map((p) => `${op} ${p.path}: ${p.constraint}`));
    expect(refused).to.deep.equal([]);
  });

  it("passes those valid requests through the wire to the handler (no validation error, no simulator crash)", async () => {
    const answers = await pool(operations, 8, async (op) => ({ op, answer: await send(client, op, valid.get(op)!) }));
    const validationErrors = answers.filter((a) => /validation errors? detected/.test(a.answer.message ?? "")).map((a) => `${a.op}: ${a.answer.message}`);
    expect(validationErrors).to.deep.equal([]);
    const crashes = answers.filter((a) => (a.answer.message ?? "").startsWith("Simulator error")).map((a) => `${a.op}: ${a.answer.message}`);
    expect(crashes).to.deep.equal([]);
  });

  it("refuses every request that breaks a constraint with an error the operation lists, naming the member", async () => {
    const cases: { op: string; v: Violation }[] = [];
    for (const op of operations) {
      const all = violations(CONNECT_MODEL, CONNECT_MODEL.operations[op]!.input!, valid.get(op)!);
      const byKind = new Map<ConstraintKind, Violation[]>();
      for (const v of all) byKind.set(v.kind, [...(byKind.get(v.kind) ?? []), v]);
      for (const list of byKind.values()) for (const v of sample(list, PER_KIND)) cases.push({ op, v });
    }
    const answers = await pool(cases, 8, async (c) => ({ ...c, answer: await send(client, c.op, c.v.input) }));
    const wrong = answers.flatMap(({ op, v, answer }) => {
      const listed = CONNECT_MODEL.operations[op]!.errors;
      const where = v.kind === "union" ? "Exactly one member" : `at '${v.path}'`;
      const ok = answer.name !== undefined && listed.includes(answer.name) && answer.status === CONNECT_MODEL.errors[answer.name] && (answer.message ?? "").includes(where);
      return ok ? [] : [`${op} ${v.kind} ${v.path}: ${answer.name ?? "accepted"} ${answer.status ?? ""} ${answer.message ?? ""}`];
    });
    const kinds = new Map<string, number>();
    for (const c of cases) kinds.set(c.v.kind, (kinds.get(c.v.kind) ?? 0) + 1);
    console.log(`      ${cases.length - wrong.length} of ${cases.length} model-invalid requests over ${operations.length} operations refused with a listed error (${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")})`);
    expect(wrong, wrong.slice(0, 200).join("\n")).to.deep.equal([]);
    // Every kind the implemented operations' inputs declare (no union shape among them today).
    expect([...kinds.keys()].sort()).to.deep.equal(["enum", "maxItems", "maxLength", "maxValue", "minItems", "minLength", "minValue", "pattern", "required"]);
  });
});
