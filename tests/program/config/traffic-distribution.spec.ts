import { expect } from "chai";
import { checkStackConfig, formatProblem, parseStackConfig, StackConfigError } from "../../../program/config";
import { validRawConfig, validTrafficDistribution } from "./valid-config";

/** A valid secondary stack's raw config (what ACGR mirrors left out), with `trafficDistribution` edited. */
function secondary(edit: (td: Record<string, any>, raw: Record<string, any>) => void = () => {}): Record<string, any> {
  const raw = validRawConfig();
  raw.role = "secondary";
  for (const key of ["hoursOfOperation", "queues", "routingProfiles", "flows"]) delete raw.connect[key];
  raw.trafficDistribution = validTrafficDistribution();
  edit(raw.trafficDistribution, raw);
  return raw;
}
const lines = (raw: Record<string, unknown>) => checkStackConfig(raw).problems.map(formatProblem);

describe("config: the numbers and agents of the traffic distribution group (connect-dr:trafficDistribution)", () => {
  it("accepts claimed and moved numbers, by E.164 or ARN of the source Region, with agents by username and routing profile", () => {
    const config = parseStackConfig(
      secondary((td) => {
        td.phoneNumbers["toll-free"] = { claim: { countryCode: "US", type: "TOLL_FREE" }, flow: "Main" };
        td.phoneNumbers.legacy = { move: "+12065550100", flow: "Main", description: "the number on the website" };
        td.phoneNumbers.arn = { move: "arn:aws:connect:us-east-1:111122223333:phone-number/0f6d0a5e-1b7c-4a4e-9d3a-6c2f5e8b9a10", flow: "Main" };
        td.agents = { usernames: ["ana@example.com"], routingProfiles: ["Agents"] };
      }),
    );
    expect(config.trafficDistribution!.phoneNumbers.legacy).to.deep.equal({ move: "+12065550100", flow: "Main", description: "the number on the website" });
    expect(config.trafficDistribution!.agents).to.deep.equal({ usernames: ["ana@example.com"], routingProfiles: ["Agents"] });
    expect(config.peerProbe).to.deep.equal({ datapointsToAlarm: 3, evaluationPeriods: 5, timeoutMs: 3000 });
  });

  const cases: [string, (td: Record<string, any>, raw: Record<string, any>) => void, string[]][] = [
    [
      "a number both claimed and moved",
      (td) => (td.phoneNumbers["main-line"].move = "+12065550100"),
      [`connect-dr:trafficDistribution.phoneNumbers.main-line: found {"claim":{"countryCode":"US","type":"DID","prefix":"+1206"},"move":"+1206555010…; allowed: either claim (a new number claimed into the group) or move (an existing number), not both`],
    ],
    [
      "a number neither claimed nor moved",
      (td) => delete td.phoneNumbers["main-line"].claim,
      [`connect-dr:trafficDistribution.phoneNumbers.main-line: found {"flow":"Main"}; allowed: claim: { countryCode, type, prefix? } for a new number, or move: <E.164 or ARN> for an existing one`],
    ],
    [
      "a claimed number in neither Region's country",
      (td) => (td.phoneNumbers["main-line"].claim = { countryCode: "GB", type: "DID" }),
      [`connect-dr:trafficDistribution.phoneNumbers.main-line.claim.countryCode: found "GB"; allowed: "US" (the countries of us-east-1 and us-west-2)`],
    ],
    [
      "a claim prefix of another country",
      (td) => (td.phoneNumbers["main-line"].claim.prefix = "+44207"),
      [`connect-dr:trafficDistribution.phoneNumbers.main-line.claim.prefix: found "+44207"; allowed: digits of a US number, starting with its country code +1`],
    ],
    [
      "a moved number in neither Region's country",
      (td) => (td.phoneNumbers.uk = { move: "+442071838750", flow: "Main" }),
      [`connect-dr:trafficDistribution.phoneNumbers.uk.move: found "+442071838750"; allowed: a number of "US" (the countries of us-east-1 and us-west-2)`],
    ],
    [
      "the same number moved twice",
      (td) => {
        td.phoneNumbers.a = { move: "+12065550100", flow: "Main" };
        td.phoneNumbers.b = { move: "+12065550100", flow: "Main" };
      },
      [`connect-dr:trafficDistribution.phoneNumbers.b.move: found "+12065550100"; allowed: a number no other entry moves (trafficDistribution.phoneNumbers.a moves it too)`],
    ],
    [
      "a moved ARN claimed in the replica Region",
      (td) => (td.phoneNumbers.west = { move: "arn:aws:connect:us-west-2:111122223333:phone-number/0f6d0a5e-1b7c-4a4e-9d3a-6c2f5e8b9a10", flow: "Main" }),
      [`connect-dr:trafficDistribution.phoneNumbers.west.move: found "arn:aws:connect:us-west-2:111122223333:phone-number/0f6d0a5e-1b7c-4a4e-9d3a-6c…; allowed: a number claimed in the source Region us-east-1 by the workload account 111122223333 (only those can join the group)`],
    ],
    ["an empty group", (td) => (td.phoneNumbers = {}), [`connect-dr:trafficDistribution.phoneNumbers: found {}; allowed: at least one number, by key (an empty group moves no calls on failover)`]],
    [
      "no agents",
      (td) => (td.agents = { usernames: [] }),
      [`connect-dr:trafficDistribution.agents: found {"usernames":[]}; allowed: at least one username or routing profile: agents not associated with the group cannot sign in to the replica Region`],
    ],
    [
      "a number key that cannot name a resource",
      (td) => (td.phoneNumbers["Main Line"] = td.phoneNumbers["main-line"]),
      [`connect-dr:trafficDistribution.phoneNumbers.Main Line: found "Main Line"; allowed: a key of lower-case letters, digits and hyphens, at most 32 characters, such as main-line`],
    ],
    [
      "a probe alarm needing more failures than it evaluates",
      (_td, raw) => (raw.peerProbe = { datapointsToAlarm: 6, evaluationPeriods: 5 }),
      [`connect-dr:peerProbe.datapointsToAlarm: found 6; allowed: at most peerProbe.evaluationPeriods (5)`],
    ],
  ];
  for (const [title, edit, expected] of cases) it(`reports ${title}`, () => expect(lines(secondary(edit))).to.deep.equal(expected));

  it("requires the key in the secondary stack, which owns the group", () => {
    expect(lines(secondary((_td, raw) => delete raw.trafficDistribution))).to.deep.equal([
      `connect-dr:trafficDistribution: found nothing (key not set); allowed: the numbers and agents of the traffic distribution group: { phoneNumbers: { <key>: { claim | move, flow } }, agents: { usernames, routingProfiles } } (a group without numbers moves no calls on failover)`,
    ]);
  });

  it("refuses peerProbe in the primary stack", () => {
    const raw = validRawConfig();
    raw.peerProbe = { datapointsToAlarm: 2 };
    expect(lines(raw)).to.deep.equal([`connect-dr:peerProbe: found {"datapointsToAlarm":2}; allowed: nothing in the primary stack: the secondary stack owns the peer probes of both Regions, so only its config sets them`]);
  });

  it("refuses it in the primary stack", () => {
    const raw = validRawConfig();
    raw.trafficDistribution = validTrafficDistribution();
    expect(lines(raw)).to.deep.equal([
      `connect-dr:trafficDistribution: found {"phoneNumbers":{"main-line":{"claim":{"countryCode":"US","type":"DID","prefix"…; allowed: nothing in the primary stack: the secondary stack owns the traffic distribution group, so only its config lists its numbers and agents`,
    ]);
  });

  it("stops with ONE error listing every problem before anything is declared", () => {
    const raw = secondary((td) => {
      td.phoneNumbers["main-line"].move = "+12065550100";
      td.phoneNumbers.uk = { claim: { countryCode: "JP", type: "DID" }, flow: "Main" };
      td.agents = {};
    });
    expect(() => parseStackConfig(raw)).to.throw(StackConfigError, "Stack configuration has 3 problems:\n  connect-dr:trafficDistribution.agents:");
    try {
      parseStackConfig(raw);
    } catch (error) {
      expect((error as StackConfigError).problems.map((p) => p.path)).to.deep.equal([
        "connect-dr:trafficDistribution.phoneNumbers.main-line",
        "connect-dr:trafficDistribution.phoneNumbers.uk.claim.countryCode",
        "connect-dr:trafficDistribution.agents",
      ]);
    }
  });
});
