import { expect } from "chai";
import * as vm from "node:vm";
import { triggerFromAlarmEvent, type AlarmStateChangeEvent } from "../../handlers/failover/alarm-event";
import { readHandlerSettings } from "../../handlers/failover/settings";
import { bundleHandler, FAILOVER_HANDLER_ENTRY } from "../../handlers/bundle";

const pair = ["us-east-1", "us-west-2"] as const;
const alarms = { "us-east-1": "connect-dr-us-east-1-health", "us-west-2": "connect-dr-us-west-2-health" };
const event = (alarmName: string, value: string, region = "us-east-1"): AlarmStateChangeEvent => ({
  id: "evt-1",
  region,
  "detail-type": "CloudWatch Alarm State Change",
  detail: { alarmName, state: { value } },
});

describe("failover handler: alarm events", () => {
  const cases: [string, AlarmStateChangeEvent, unknown][] = [
    ["the primary's health alarm moves traffic to the secondary", event("connect-dr-us-east-1-health", "ALARM"), { eventId: "evt-1", toRegion: "us-west-2", reason: "connect-dr-us-east-1-health is ALARM in us-east-1" }],
    ["the secondary's health alarm moves traffic to the primary", event("connect-dr-us-west-2-health", "ALARM", "us-west-2"), { eventId: "evt-1", toRegion: "us-east-1", reason: "connect-dr-us-west-2-health is ALARM in us-west-2" }],
    ["an unknown alarm counts for the Region it came from", event("other", "ALARM", "us-west-2"), { eventId: "evt-1", toRegion: "us-east-1", reason: "other is ALARM in us-west-2" }],
    ["OK changes nothing (failback is manual)", event("connect-dr-us-east-1-health", "OK"), { ignored: "alarm connect-dr-us-east-1-health is OK; only ALARM triggers a failover" }],
    ["a Region outside the pair changes nothing", event("other", "ALARM", "eu-west-2"), { ignored: "Region eu-west-2 is not in the pair us-east-1/us-west-2" }],
  ];
  for (const [name, e, expected] of cases) it(name, () => expect(triggerFromAlarmEvent(e, pair, alarms)).to.deep.equal(expected));

  // The dark-Region detector: us-west-2's alarm on its probes of us-east-1, raised in us-west-2.
  const liveness = { "connect-dr-us-east-1-unreachable-from-us-west-2": "us-east-1" };
  it("the surviving Region's peer-liveness alarm moves traffic to the surviving Region", () => {
    expect(triggerFromAlarmEvent(event("connect-dr-us-east-1-unreachable-from-us-west-2", "ALARM", "us-west-2"), pair, alarms, liveness)).to.deep.equal({
      eventId: "evt-1",
      toRegion: "us-west-2",
      reason: "connect-dr-us-east-1-unreachable-from-us-west-2 is ALARM in us-west-2: us-east-1 does not answer its probes",
    });
  });
  it("without the liveness map, the same alarm would be taken for trouble in us-west-2 (so the map is what makes it safe)", () => {
    expect(triggerFromAlarmEvent(event("connect-dr-us-east-1-unreachable-from-us-west-2", "ALARM", "us-west-2"), pair, alarms)).to.include({ toRegion: "us-east-1" });
  });
});

describe("failover handler: settings", () => {
  const env = {
    GROUP_ARN: "arn:aws:connect:us-east-1:111122223333:traffic-distribution-group/tdg",
    PAIR: "us-east-1,us-west-2",
    LOCK_TABLE: "connect-dr-lock",
    COOLDOWN_SECONDS: "300",
    TOPIC_ARN: "arn:aws:sns:us-west-2:111122223333:t",
    HEALTH_ALARMS: JSON.stringify(alarms),
  };
  it("parses a complete environment", () => {
    expect(readHandlerSettings(env)).to.deep.include({ PAIR: ["us-east-1", "us-west-2"], COOLDOWN_SECONDS: 300, HEALTH_ALARMS: alarms, LIVENESS_ALARMS: {} });
    expect(readHandlerSettings({ ...env, LIVENESS_ALARMS: '{"a":"us-east-1"}' }).LIVENESS_ALARMS).to.deep.equal({ a: "us-east-1" });
    expect(() => readHandlerSettings({ ...env, LIVENESS_ALARMS: "[1]" })).to.throw('LIVENESS_ALARMS: found "[1]"; a JSON object of alarm name -> Region');
  });
  it("names every bad variable with its value", () => {
    expect(() => readHandlerSettings({ ...env, GROUP_ARN: "tdg-1", COOLDOWN_SECONDS: "soon", HEALTH_ALARMS: "{" })).to.throw(
      'failover handler misconfigured:\nGROUP_ARN: found "tdg-1"; a traffic distribution group ARN\nCOOLDOWN_SECONDS: found "soon"; Invalid input: expected number, received NaN\nHEALTH_ALARMS: found "{"; a JSON object of Region -> alarm name',
    );
  });
});

describe("failover handler: the esbuild bundle", () => {
  it("is one self-contained CommonJS file exporting handler, failing clearly without its settings", () => {
    const code = bundleHandler(FAILOVER_HANDLER_ENTRY);
    // Only Node built-ins stay external (and the SDK's optional CRT signer, which it loads in a try).
    const external = [...new Set(code.match(/require\("[^"]+"\)/g))].filter((r) => !r.startsWith('require("node:'));
    expect(external).to.deep.equal(['require("@aws-sdk/signature-v4-crt")']);
    const module = { exports: {} as Record<string, unknown> };
    const run = () => vm.runInNewContext(code, { module, exports: module.exports, require, process: { ...process, env: {} }, console, setTimeout, clearTimeout, Buffer, URL, TextEncoder, TextDecoder });
    expect(run).to.throw(/failover handler misconfigured:\nGROUP_ARN: found undefined/);
  });
});
