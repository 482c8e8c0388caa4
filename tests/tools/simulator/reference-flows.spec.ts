/**
 * Loads every real flow export in ../shared/reference/connect-flows/ through CreateContactFlow.
 *
 * The simulator, like the service, rejects Connect ARNs that do not name an existing resource of
 * the target instance. So each export is tried twice: as exported (its ARNs name the author's
 * instance, so it must be refused with InvalidContactFlowException listing exactly those ARNs), and
 * as an import tool would load it: the instance part of each Connect ARN rewritten to the target
 * instance and the referenced queues, prompts, flows and modules seeded with the exported ids.
 * Legacy exports (`modules`/`version: "1"`) are refused: the API only accepts the flow language.
 */
import { expect } from "chai";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CreateContactFlowCommand, DescribeContactFlowCommand, InvalidContactFlowException } from "@aws-sdk/client-connect";
import type { SeedSpec, Simulator } from "../../../tools/simulator";
import { ACCOUNT_A, clientFor, rejectionOf, startTestSimulator } from "./support";
import { auditModelTraffic } from "../../support/model-audit";

const DIR = join(__dirname, "../../../../shared/reference/connect-flows");
const CONNECT_ARN = /arn:aws:connect:[a-z0-9-]+:\d+:instance\/[0-9a-zA-Z-]+\/([a-z-]+)\/([0-9a-zA-Z-]+)/g;

interface Export {
  readonly file: string;
  readonly type: string;
  readonly content: string;
}

function loadExports(): Export[] {
  return readdirSync(DIR).filter((f) => f.endsWith(".json")).sort().map((file) => {
    let doc = JSON.parse(readFileSync(join(DIR, file), "utf8")) as Record<string, unknown>;
    if (doc["ContactFlow"]) doc = doc["ContactFlow"] as Record<string, unknown>;
    if (typeof doc["Content"] === "string") return { file, type: String(doc["Type"] ?? "CONTACT_FLOW"), content: doc["Content"] };
    return { file, type: "CONTACT_FLOW", content: JSON.stringify(doc) };
  });
}

/** Connect ARNs inside the flow's Actions (Metadata is display-only and not validated). */
function actionArns(content: string): string[] {
  const actions = JSON.stringify((JSON.parse(content) as { Actions?: unknown }).Actions ?? []);
  return [...new Set([...actions.matchAll(CONNECT_ARN)].map((m) => m[0]))];
}

describe("simulator: the reference flow exports through CreateContactFlow", function () {
  if (!existsSync(DIR)) {
    it("skips: ../shared/reference/connect-flows/ is absent");
    return;
  }
  // Simulator specs send invalid requests on purpose; every answer must still keep to the model.
  auditModelTraffic({ requests: false });
  const exports = loadExports();
  let sim: Simulator;

  before(async () => {
    sim = await startTestSimulator();
  });
  after(() => sim.close());

  it("finds the nine exports", () => {
    expect(exports).to.have.length(9);
  });

  for (const flow of exports) {
    const legacy = (JSON.parse(flow.content) as { modules?: unknown }).modules !== undefined;
    if (legacy) {
      it(`${flow.file}: refused as legacy format`, async () => {
        const { instanceId } = sim.seed({ region: "us-east-1", instance: {} });
        const error = await rejectionOf(clientFor(sim).send(new CreateContactFlowCommand({ InstanceId: instanceId, Name: flow.file, Type: "CONTACT_FLOW", Content: flow.content })));
        expect(error).to.be.instanceOf(InvalidContactFlowException);
        expect((error as InvalidContactFlowException).problems).to.deep.equal([{ message: "Legacy flow format (modules) is not supported; use the Amazon Connect Flow language, Version 2019-10-30" }]);
      });
      continue;
    }

    it(`${flow.file}: as exported, refused exactly for its foreign Connect ARNs`, async () => {
      const { instanceId } = sim.seed({ region: "us-east-1", instance: {} });
      const foreign = actionArns(flow.content);
      const send = clientFor(sim).send(new CreateContactFlowCommand({ InstanceId: instanceId, Name: flow.file, Type: flow.type as never, Content: flow.content }));
      if (foreign.length === 0) {
        expect((await send).ContactFlowId).to.be.a("string");
        return;
      }
      const error = await rejectionOf(send);
      expect(error).to.be.instanceOf(InvalidContactFlowException);
      const named = new Set((error as InvalidContactFlowException).problems!.map((p) => /Resource (\S+) does not belong/.exec(p.message!)?.[1]));
      expect([...named].sort()).to.deep.equal([...foreign].sort());
    });

    it(`${flow.file}: accepted once its ARNs name seeded resources of the target instance`, async () => {
      const region = "us-west-2";
      const base = sim.seed({ region, instance: {} });
      const target = `arn:aws:connect:${region}:${ACCOUNT_A}:instance/${base.instanceId}`;
      const rewritten = flow.content.replace(CONNECT_ARN, (_all, type: string, id: string) => `${target}/${type}/${id}`);
      const refs = [...rewritten.matchAll(CONNECT_ARN)].map((m) => [m[1]!, m[2]!] as const);
      const spec: SeedSpec = {
        region,
        instance: { id: base.instanceId },
        queues: refs.filter(([t]) => t === "queue").map(([, id]) => ({ id, name: `queue-${id}` })),
        prompts: refs.filter(([t]) => t === "prompt").map(([, id]) => ({ id, name: `prompt-${id}` })),
        flowModules: refs.filter(([t]) => t === "flow-module").map(([, id]) => ({ id, name: `module-${id}` })),
        flows: refs.filter(([t]) => t === "contact-flow").map(([, id]) => ({ id, name: `flow-${id}` })),
      };
      const dedupe = <T extends { id?: string }>(list: readonly T[] | undefined) => [...new Map((list ?? []).map((x) => [x.id, x])).values()];
      sim.seed({ ...spec, queues: dedupe(spec.queues), prompts: dedupe(spec.prompts), flowModules: dedupe(spec.flowModules), flows: dedupe(spec.flows) });
      const client = clientFor(sim, region);
      const created = await client.send(new CreateContactFlowCommand({ InstanceId: base.instanceId, Name: flow.file, Type: flow.type as never, Content: rewritten }));
      const described = await client.send(new DescribeContactFlowCommand({ InstanceId: base.instanceId, ContactFlowId: created.ContactFlowId }));
      expect(described.ContactFlow!.Content).to.equal(rewritten);
      expect(described.ContactFlow!.Type).to.equal(flow.type);
    });
  }
});
