import { expect } from "chai";
import { agentProblems, planGroupAgents, type DirectoryUser } from "../../../cli/resiliency/group-agents";

const users: DirectoryUser[] = [
  { id: "u-ana", username: "ana", routingProfileId: "rp-sales" },
  { id: "u-ben", username: "ben", routingProfileId: "rp-support" },
  { id: "u-cy", username: "cy", routingProfileId: "rp-sales" },
  { id: "u-dee", username: "dee", routingProfileId: "rp-back-office" },
];
const profiles = [
  { id: "rp-sales", name: "Sales agents" },
  { id: "rp-support", name: "Support agents" },
  { id: "rp-back-office", name: "Back office" },
];
const names = (list: readonly DirectoryUser[]) => list.map((u) => u.username);

describe("the agents a traffic distribution group should carry", () => {
  const cases: [string, { usernames: string[]; routingProfiles: string[] }, string[], { selected: string[]; toAssociate: string[]; notSelected: string[]; unknownUsernames: string[]; unknownRoutingProfiles: string[] }][] = [
    ["every user of a routing profile, one already associated", { usernames: [], routingProfiles: ["Sales agents"] }, ["u-ana"], { selected: ["ana", "cy"], toAssociate: ["cy"], notSelected: [], unknownUsernames: [], unknownRoutingProfiles: [] }],
    ["usernames and profiles together, once each", { usernames: ["ana", "ben"], routingProfiles: ["Sales agents"] }, [], { selected: ["ana", "ben", "cy"], toAssociate: ["ana", "ben", "cy"], notSelected: [], unknownUsernames: [], unknownRoutingProfiles: [] }],
    ["a user who left the profile stays a member until pruned", { usernames: [], routingProfiles: ["Support agents"] }, ["u-ben", "u-dee"], { selected: ["ben"], toAssociate: [], notSelected: ["dee"], unknownUsernames: [], unknownRoutingProfiles: [] }],
    ["a username and a routing profile that do not exist", { usernames: ["zed", "ana"], routingProfiles: ["Night shift"] }, ["u-ana"], { selected: ["ana"], toAssociate: [], notSelected: [], unknownUsernames: ["zed"], unknownRoutingProfiles: ["Night shift"] }],
  ];
  for (const [title, selection, members, expected] of cases) {
    it(title, () => {
      const plan = planGroupAgents(selection, users, profiles, members);
      expect({
        selected: names(plan.selected),
        toAssociate: names(plan.toAssociate),
        notSelected: names(plan.notSelected),
        unknownUsernames: plan.unknownUsernames,
        unknownRoutingProfiles: plan.unknownRoutingProfiles,
      }).to.deep.equal(expected);
    });
  }

  it("names every problem in one line, and none when the group carries exactly what is configured", () => {
    expect(agentProblems(planGroupAgents({ usernames: ["zed"], routingProfiles: ["Sales agents", "Night shift"] }, users, profiles, []))).to.equal(
      "not associated with the group: ana, cy; no such user: zed; no such routing profile: Night shift",
    );
    expect(agentProblems(planGroupAgents({ usernames: ["ana"], routingProfiles: [] }, users, profiles, ["u-ana", "u-dee"]))).to.equal(undefined);
  });
});
