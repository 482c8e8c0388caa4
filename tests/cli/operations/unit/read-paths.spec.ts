import { expect } from "chai";
import { missingFields, parseReadPath, SEARCH_READ, unchangedSince } from "../../../../cli/operations/backup/read-paths";
import { LIST_DESCRIBE } from "../../../../cli/operations/backup/export-specs";
import { apiSeconds, idealOf, minimumReadCalls } from "../../../../tools/bench/backup-ideal";
import { CONNECT_MODEL } from "../../../../tools/simulator/model/connect-model";

/** Members of an operation's output list item in AWS's model. */
function itemMembers(op: string, key: string): Record<string, string> {
  const out = CONNECT_MODEL.shapes[CONNECT_MODEL.operations[op]!.output!] as { members: Record<string, string> };
  const member = CONNECT_MODEL.shapes[out.members[key]!] as { type: string; member?: string };
  return (CONNECT_MODEL.shapes[member.type === "list" ? member.member! : out.members[key]!] as { members: Record<string, string> }).members;
}

describe("read paths: the per-kind table against AWS's model, and its pure rules", () => {
  it("marks a kind describe-always exactly when its Search item lacks (or narrows) a member its Describe object has", () => {
    for (const [kind, spec] of Object.entries(SEARCH_READ)) {
      const ld = LIST_DESCRIBE[kind as keyof typeof LIST_DESCRIBE]!;
      const search = itemMembers(spec.searchApi, spec.listKey);
      const describe = itemMembers(ld.describeApi, ld.describeKey);
      const narrower = Object.entries(describe).filter(([m, shape]) => search[m] !== shape).map(([m]) => m);
      expect(Boolean(spec.describeAlways), `${kind}: Search lacks ${narrower.join(", ")}`).to.equal(narrower.length > 0);
      for (const f of spec.required) expect(search, `${kind}.${f}`).to.have.property(f);
    }
  });

  it("flags items missing a required member (the page check)", () => {
    const cases: [Record<string, unknown>, string[], string[]][] = [
      [{ Id: "1", Name: "a", Content: "{}" }, ["Id", "Name", "Content"], []],
      [{ Id: "1", Name: "a" }, ["Id", "Name", "Content"], ["Content"]],
      [{ Id: "1", Name: "a", Content: null }, ["Content"], ["Content"]],
    ];
    for (const [item, required, missing] of cases) expect(missingFields(item, required)).to.deep.equal(missing);
  });

  it("treats an object as unchanged only when every change field is present and equal (Dates as stored)", () => {
    const t = new Date("2026-01-01T00:00:00.000Z");
    const cases: [Record<string, unknown>, Record<string, unknown> | undefined, string[], boolean][] = [
      [{ LastModifiedTime: t }, { LastModifiedTime: "2026-01-01T00:00:00.000Z" }, ["LastModifiedTime"], true],
      [{ LastModifiedTime: t }, { LastModifiedTime: "2026-01-02T00:00:00.000Z" }, ["LastModifiedTime"], false],
      [{ LastModifiedTime: t }, { LastModifiedTime: {} }, ["LastModifiedTime"], false], // backups before timestamps were kept
      [{}, { LastModifiedTime: "x" }, ["LastModifiedTime"], false],
      [{ LastModifiedTime: t }, undefined, ["LastModifiedTime"], false],
      [{ A: 1 }, { A: 1 }, [], false],
    ];
    for (const [cur, before, fields, want] of cases) expect(unchangedSince(cur, before, fields)).to.equal(want);
  });

  it("parses --read-path, naming the allowed values", () => {
    expect(parseReadPath("describe")).to.equal("describe");
    expect(() => parseReadPath("scan")).to.throw('--read-path "scan" is not allowed; allowed: search, describe');
  });

  it("computes the minimum-call ideal with the burst credited, slowest API bounding", () => {
    expect(apiSeconds(5, { ratePerSecond: 2, burst: 5 })).to.equal(0);
    expect(apiSeconds(305, { ratePerSecond: 2, burst: 5 })).to.equal(150);
    const quotas = { default: { ratePerSecond: 2, burst: 5 }, perApi: { DescribeUser: { ratePerSecond: 10, burst: 5 } } };
    expect(idealOf(new Map([["DescribeContactFlow", 305], ["DescribeUser", 505]]), quotas)).to.deep.equal({ seconds: 150, api: "DescribeContactFlow", calls: 305 });
    const counts = { flows: 300, queues: 100, routingProfiles: 50, users: 500, instanceAttributes: 7 };
    const made = new Map([["ListInstanceAttributes", 1], ["SearchContactFlows", 99]]);
    const search = minimumReadCalls({ counts, path: "search", withQueues: 40, made });
    expect(Object.fromEntries(search)).to.deep.equal({
      SearchQueues: 1, ListQueueQuickConnects: 100, SearchRoutingProfiles: 1, ListRoutingProfileQueues: 40, SearchContactFlows: 3, SearchUsers: 1, DescribeUser: 500, ListInstanceAttributes: 1,
    });
    const describe = minimumReadCalls({ counts, path: "describe", withQueues: 40, made });
    expect(describe.get("DescribeContactFlow")).to.equal(300);
    expect(describe.get("ListContactFlows")).to.equal(1);
    const incremental = minimumReadCalls({ counts, path: "search", withQueues: 0, changed: { flows: 3, queues: 2 }, made });
    expect(Object.fromEntries(incremental)).to.deep.equal({
      SearchQueues: 1, ListQueueQuickConnects: 2, SearchRoutingProfiles: 1, SearchContactFlows: 3, SearchUsers: 1, ListUsers: 1, ListInstanceAttributes: 1,
    });
  });
});
