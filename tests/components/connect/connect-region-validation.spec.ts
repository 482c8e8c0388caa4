import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../../../components/argument-error";
import { ConnectRegion, ConnectRegionArgs } from "../../../components/connect/connect-region";
import { isTimeZone } from "../../../components/connect/connect-region/time-zone";
import { nameSlug } from "../../../components/connect/connect-region/validate";
import { MockCloud, settle } from "../../../tools/synthesis/mock-cloud";


const ACCOUNT = "111122223333";
const FLOW = JSON.stringify({ Version: "2019-10-30", StartAction: "a1", Actions: [{ Identifier: "a1", Type: "DisconnectParticipant", Parameters: {}, Transitions: {} }] });

function validArgs(): ConnectRegionArgs {
  return {
    region: "eu-west-2",
    accountId: ACCOUNT,
    instanceAlias: "acme-uk",
    recordingsBucketName: "acme-recordings-eu-west-2",
    hoursOfOperation: [{ name: "Always", timeZone: "Europe/London", config: [{ day: "SUNDAY", startTime: { hours: 0, minutes: 0 }, endTime: { hours: 23, minutes: 59 } }] }],
    queues: [{ name: "Support", hoursOfOperationName: "Always" }],
    routingProfiles: [{
      name: "Agents",
      description: "All agents",
      defaultOutboundQueueName: "Support",
      mediaConcurrencies: [{ channel: "VOICE", concurrency: 1 }],
      queueConfigs: [{ queueName: "Support", channel: "VOICE", priority: 1, delay: 0 }],
    }],
    flows: [{ name: "Main", content: FLOW }],
    lambdaFunctionNames: ["lookup"],
    lexV2BotAliases: [{ botId: "ABCDEFGHIJ", botAliasId: "TSTALIASID" }],
  };
}

type Case = { name: string; args: (a: ConnectRegionArgs) => ConnectRegionArgs; argument: string; value: unknown; allowed: RegExp };

const profile = (a: ConnectRegionArgs) => a.routingProfiles![0];

const cases: Case[] = [
  { name: "a Region without Global Resiliency", args: (a) => ({ ...a, region: "eu-west-1" }), argument: "region", value: "eu-west-1", allowed: /^one of us-east-1, us-west-2, eu-central-1, eu-west-2, ap-northeast-1, ap-northeast-3 \(the Regions Amazon Connect Global Resiliency supports\)$/ },
  { name: "an 11-digit account", args: (a) => ({ ...a, accountId: "11112222333" }), argument: "accountId", value: "11112222333", allowed: /12-digit AWS account id/ },
  { name: "an alias starting with d-", args: (a) => ({ ...a, instanceAlias: "d-acme" }), argument: "instanceAlias", value: "d-acme", allowed: /not starting with 'd-'/ },
  { name: "an alias of 46 characters", args: (a) => ({ ...a, instanceAlias: "a".repeat(46) }), argument: "instanceAlias", value: "a".repeat(46), allowed: /^1-45 letters/ },
  { name: "an instance ARN where the id belongs", args: (a) => ({ ...a, instanceId: `arn:aws:connect:eu-west-2:${ACCOUNT}:instance/abc`, manageRoutingConfiguration: false, hoursOfOperation: [], queues: [], routingProfiles: [], flows: [] }), argument: "instanceId", value: `arn:aws:connect:eu-west-2:${ACCOUNT}:instance/abc`, allowed: /the id, not the ARN/ },
  { name: "CONNECT_MANAGED identity", args: (a) => ({ ...a, identityManagementType: "CONNECT_MANAGED" }), argument: "identityManagementType", value: "CONNECT_MANAGED", allowed: /Global Resiliency requires SAML/ },
  { name: "a bucket prefix with a trailing slash", args: (a) => ({ ...a, recordingsBucketPrefix: "connect/" }), argument: "recordingsBucketPrefix", value: "connect/", allowed: /no leading or trailing '\/'/ },
  { name: "a log retention CloudWatch does not offer", args: (a) => ({ ...a, logRetentionInDays: 100 }), argument: "logRetentionInDays", value: 100, allowed: /^one of 1, 3, 5, .* 365, .* 3653$/ },
  { name: "a stream retention under 24 hours", args: (a) => ({ ...a, streamRetentionPeriodHours: 12 }), argument: "streamRetentionPeriodHours", value: 12, allowed: /^an integer from 24 to 8760 hours$/ },
  { name: "routing lists on a replica", args: (a) => ({ ...a, instanceId: "i-1", manageRoutingConfiguration: false }), argument: "hoursOfOperation", value: ["Always"], allowed: /none when manageRoutingConfiguration is false \(ACGR mirrors them/ },
  { name: "a day that is no day", args: (a) => ({ ...a, hoursOfOperation: [{ ...a.hoursOfOperation![0], config: [{ day: "FUNDAY", startTime: { hours: 1, minutes: 0 }, endTime: { hours: 2, minutes: 0 } }] }] }), argument: "hoursOfOperation[Always].config[0].day", value: "FUNDAY", allowed: /^one of MONDAY, TUESDAY/ },
  { name: "a time zone the IANA database does not have", args: (a) => ({ ...a, hoursOfOperation: [{ ...a.hoursOfOperation![0], timeZone: "Mars/Olympus" }] }), argument: "hoursOfOperation[Always].timeZone", value: "Mars/Olympus", allowed: /^an IANA time zone such as 'America\/New_York'$/ },
  { name: "a closing hour of 24", args: (a) => ({ ...a, hoursOfOperation: [{ ...a.hoursOfOperation![0], config: [{ day: "MONDAY", startTime: { hours: 1, minutes: 0 }, endTime: { hours: 24, minutes: 0 } }] }] }), argument: "hoursOfOperation[Always].config[0].endTime.hours", value: 24, allowed: /^an integer from 0 to 23$/ },
  { name: "a queue name over 127 characters", args: (a) => ({ ...a, queues: [{ name: "q".repeat(128), hoursOfOperationName: "Always" }] }), argument: "queues[0].name", value: "q".repeat(128), allowed: /^1-127 characters with at least one letter or digit$/ },
  { name: "a negative maxContacts", args: (a) => ({ ...a, queues: [{ name: "Support", hoursOfOperationName: "Always", maxContacts: -1 }] }), argument: "queues[Support].maxContacts", value: -1, allowed: /^an integer from 0 to 2147483647$/ },
  { name: "a queue naming unknown hours", args: (a) => ({ ...a, queues: [{ name: "Support", hoursOfOperationName: "Nights" }] }), argument: "queues[Support].hoursOfOperationName", value: "Nights", allowed: /^the name of an entry in hoursOfOperation \(Always\)$/ },
  { name: "two queues whose names collide as child names", args: (a) => ({ ...a, queues: [{ name: "Support", hoursOfOperationName: "Always" }, { name: "support!", hoursOfOperationName: "Always" }] }), argument: "queues[1].name", value: "support!", allowed: /collides with 'Support'/ },
  { name: "a profile's unknown outbound queue", args: (a) => ({ ...a, routingProfiles: [{ ...profile(a), defaultOutboundQueueName: "Sales" }] }), argument: "routingProfiles[Agents].defaultOutboundQueueName", value: "Sales", allowed: /^the name of an entry in queues \(Support\)$/ },
  { name: "voice concurrency of 2", args: (a) => ({ ...a, routingProfiles: [{ ...profile(a), mediaConcurrencies: [{ channel: "VOICE", concurrency: 2 }] }] }), argument: "routingProfiles[Agents].mediaConcurrencies[0].concurrency", value: 2, allowed: /^an integer from 1 to 1 for VOICE$/ },
  { name: "a channel Connect does not have", args: (a) => ({ ...a, routingProfiles: [{ ...profile(a), mediaConcurrencies: [{ channel: "FAX", concurrency: 1 }] }] }), argument: "routingProfiles[Agents].mediaConcurrencies[0].channel", value: "FAX", allowed: /^one of VOICE, CHAT, TASK, EMAIL$/ },
  { name: "a queue config on an undeclared channel", args: (a) => ({ ...a, routingProfiles: [{ ...profile(a), queueConfigs: [{ queueName: "Support", channel: "CHAT", priority: 1, delay: 0 }] }] }), argument: "routingProfiles[Agents].queueConfigs[0].channel", value: "CHAT", allowed: /declared in mediaConcurrencies \(VOICE\)/ },
  { name: "a priority of 0", args: (a) => ({ ...a, routingProfiles: [{ ...profile(a), queueConfigs: [{ queueName: "Support", channel: "VOICE", priority: 0, delay: 0 }] }] }), argument: "routingProfiles[Agents].queueConfigs[0].priority", value: 0, allowed: /^an integer from 1 to 99$/ },
  { name: "an unknown flow type", args: (a) => ({ ...a, flows: [{ name: "Main", type: "IVR", content: FLOW }] }), argument: "flows[Main].type", value: "IVR", allowed: /^one of CONTACT_FLOW, CUSTOMER_QUEUE/ },
  { name: "a type contradicting the export's Type", args: (a) => ({ ...a, flows: [{ name: "Main", type: "CONTACT_FLOW", content: JSON.stringify({ Name: "Main", Type: "QUEUE_TRANSFER", Content: FLOW }) }] }), argument: "flows[Main].type", value: "CONTACT_FLOW", allowed: /^the Type the export declares \(QUEUE_TRANSFER\), or unset$/ },
  { name: "flow content that is not flow JSON", args: (a) => ({ ...a, flows: [{ name: "Main", content: "{\"Version\":\"2019-10-30\",\"StartAction\":\"x\",\"Actions\":[]}" }] }), argument: "flows[Main].content", value: "$.StartAction", allowed: /^Amazon Connect flow JSON: names "x", which is not the Identifier of any action$/ },
  { name: "a legacy console export", args: (a) => ({ ...a, flows: [{ name: "Main", content: "{\"modules\":[{\"id\":\"m\",\"type\":\"Disconnect\"}],\"version\":\"1\",\"start\":\"m\"}" }] }), argument: "flows[Main].content", value: "legacy export (modules/version 1)", allowed: /re-export the flow from the flow designer/ },
  {
    name: "a flow pinned to a Lex V1 bot's Region",
    args: (a) => ({ ...a, flows: [{ name: "Main", content: JSON.stringify({ Version: "2019-10-30", StartAction: "a1", Actions: [{ Identifier: "a1", Type: "ConnectParticipantWithLexBot", Parameters: { LexBot: { Name: "QA", Region: "us-east-1", Alias: "prod" } } }] }) }] }),
    argument: "flows[Main].content", value: "$.Actions[0].Parameters.LexBot.Region = us-east-1", allowed: /^a flow that runs in either Region: Lex V1 bot/,
  },
  { name: "a Lambda ARN instead of a name", args: (a) => ({ ...a, lambdaFunctionNames: [`arn:aws:lambda:eu-west-2:${ACCOUNT}:function:lookup`] }), argument: "lambdaFunctionNames[0]", value: `arn:aws:lambda:eu-west-2:${ACCOUNT}:function:lookup`, allowed: /no ARN, version or alias/ },
  { name: "a lower-case Lex bot id", args: (a) => ({ ...a, lexV2BotAliases: [{ botId: "abcdefghij", botAliasId: "TSTALIASID" }] }), argument: "lexV2BotAliases[0].botId", value: "abcdefghij", allowed: /10 upper-case letters or digits/ },
  { name: "a concurrency threshold given in percent", args: (a) => ({ ...a, concurrentCallsPercentageThreshold: 80 }), argument: "concurrentCallsPercentageThreshold", value: 80, allowed: /Connect emits ConcurrentCallsPercentage as 0.8 for 80%/ },
  { name: "a throttled-calls threshold of 0", args: (a) => ({ ...a, throttledCallsThreshold: 0 }), argument: "throttledCallsThreshold", value: 0, allowed: /^an integer from 1 to 1000000 \(count in 5 minutes\)$/ },
  { name: "an alarm topic in the other Region", args: (a) => ({ ...a, alarmActions: [`arn:aws:sns:eu-central-1:${ACCOUNT}:alarms`] }), argument: "alarmActions[0]", value: `arn:aws:sns:eu-central-1:${ACCOUNT}:alarms`, allowed: /^a topic in eu-west-2: CloudWatch alarms only notify topics in their own Region$/ },
  { name: "an alarm action that is no SNS topic", args: (a) => ({ ...a, alarmActions: ["ops@example.com"] }), argument: "alarmActions[0]", value: "ops@example.com", allowed: /^an SNS topic ARN/ },
];

describe("ConnectRegion argument validation", () => {
  it("accepts the valid baseline (so each case below fails for its own reason)", async () => {
    const cloud = new MockCloud().install();
    new ConnectRegion("ok", validArgs(), { provider: new aws.Provider("workload-eu-west-2", { region: "eu-west-2", assumeRoles: [{ roleArn: `arn:aws:iam::${ACCOUNT}:role/ConnectDrDeployer` }] }) });
    await settle();
    expect(cloud.ofType("aws:connect/instance:Instance")).to.have.length(1);
  });

  for (const c of cases) {
    it(`rejects ${c.name}, naming ${c.argument}, before registering anything`, async () => {
      const cloud = new MockCloud().install();
      let caught: unknown;
      try {
        new ConnectRegion("bad", c.args(validArgs()));
      } catch (err) {
        caught = err;
      }
      expect(caught, "expected an ArgumentError").to.be.instanceOf(ArgumentError);
      const error = caught as ArgumentError;
      expect(error.component).to.equal("ConnectRegion");
      expect(error.argument).to.equal(c.argument);
      expect(error.value).to.deep.equal(c.value);
      expect(error.allowed).to.match(c.allowed);
      expect(error.message).to.equal(`ConnectRegion: invalid '${c.argument}' = ${JSON.stringify(c.value)}; ${error.allowed}`);
      await settle();
      expect(cloud.resources.filter((r) => r.name.startsWith("bad"))).to.deep.equal([]);
    });
  }
});

describe("nameSlug", () => {
  for (const [name, slug] of [["Sales", "sales"], ["Billing Support", "billing-support"], ["  Tier-2 / VIP  ", "tier-2-vip"], ["Create_Callback", "create-callback"], ["!!!", ""]]) {
    it(`${JSON.stringify(name)} -> ${JSON.stringify(slug)}`, () => expect(nameSlug(name)).to.equal(slug));
  }
});

describe("isTimeZone (ConnectRegion and stack config share it)", () => {
  for (const [zone, ok] of [["America/New_York", true], ["Europe/London", true], ["EST5EDT", true], ["UTC", true], ["America/Argentina/Buenos_Aires", true], ["Mars/Olympus", false], ["", false], ["America/New York", false]] as const) {
    it(`${JSON.stringify(zone)} -> ${ok}`, () => expect(isTimeZone(zone)).to.equal(ok));
  }
});
