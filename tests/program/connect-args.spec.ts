import { expect } from "chai";
import { clockTime, flowSpecs, hoursOfOperationSpecs, queueSpecs, routingProfileSpecs } from "../../program/connect-args";

describe("program: connect config -> ConnectRegion args", () => {
  const times: [string, { hours: number; minutes: number }][] = [
    ["00:00", { hours: 0, minutes: 0 }],
    ["08:30", { hours: 8, minutes: 30 }],
    ["23:59", { hours: 23, minutes: 59 }],
  ];
  for (const [text, time] of times) it(`reads ${text}`, () => expect(clockTime(text)).to.deep.equal(time));

  it("maps hours, keeping the description only when set", () => {
    expect(
      hoursOfOperationSpecs({
        hoursOfOperation: [
          { name: "Office", timeZone: "Europe/London", description: "UK", config: [{ day: "MONDAY", startTime: "09:00", endTime: "17:30" }] },
          { name: "Bare", timeZone: "UTC", config: [{ day: "SUNDAY", startTime: "00:00", endTime: "23:59" }] },
        ],
      }),
    ).to.deep.equal([
      { name: "Office", timeZone: "Europe/London", description: "UK", config: [{ day: "MONDAY", startTime: { hours: 9, minutes: 0 }, endTime: { hours: 17, minutes: 30 } }] },
      { name: "Bare", timeZone: "UTC", config: [{ day: "SUNDAY", startTime: { hours: 0, minutes: 0 }, endTime: { hours: 23, minutes: 59 } }] },
    ]);
  });

  it("maps queues to the hours name the component expects", () => {
    expect(queueSpecs({ queues: [{ name: "Sales", hoursOfOperation: "Office", maxContacts: 5 }, { name: "B", hoursOfOperation: "X", description: "d" }] })).to.deep.equal([
      { name: "Sales", hoursOfOperationName: "Office", maxContacts: 5 },
      { name: "B", hoursOfOperationName: "X", description: "d" },
    ]);
  });

  it("maps routing profiles, queue configs and concurrencies", () => {
    expect(
      routingProfileSpecs({
        routingProfiles: [
          {
            name: "Agents",
            description: "All",
            defaultOutboundQueue: "Sales",
            queues: [{ queue: "Sales", channel: "CHAT", priority: 2, delaySeconds: 15 }],
            mediaConcurrencies: [{ channel: "CHAT", concurrency: 3 }],
          },
        ],
      }),
    ).to.deep.equal([
      {
        name: "Agents",
        description: "All",
        defaultOutboundQueueName: "Sales",
        mediaConcurrencies: [{ channel: "CHAT", concurrency: 3 }],
        queueConfigs: [{ queueName: "Sales", channel: "CHAT", priority: 2, delay: 15 }],
      },
    ]);
  });

  it("passes flow file contents through unchanged and refuses a flow that was not read", () => {
    const flows = [{ name: "Main", type: "CONTACT_FLOW" as const, path: "stacks/flows/main.json" }];
    expect(flowSpecs({ flows }, { Main: "{...}" })).to.deep.equal([{ name: "Main", type: "CONTACT_FLOW", content: "{...}" }]);
    expect(() => flowSpecs({ flows }, {})).to.throw("flow 'Main' was not read from stacks/flows/main.json");
  });
});
