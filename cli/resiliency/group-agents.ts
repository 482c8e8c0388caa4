/**
 * The agents of an ACGR traffic distribution group. An agent signs in to the replica Region only once
 * associated with the group from the source Region (AssociateTrafficDistributionGroupUser, "can be
 * called only in the Region where the traffic distribution group is created"). Users come and go
 * outside Pulumi (SAML/SCIM provisioning), so the associations are reconciled by a command
 * (`connect-dr agents`) run after provisioning, and checked by `connect-dr validate`.
 */
import {
  AssociateTrafficDistributionGroupUserCommand,
  DescribeUserCommand,
  DisassociateTrafficDistributionGroupUserCommand,
  paginateListRoutingProfiles,
  paginateListTrafficDistributionGroupUsers,
  paginateListUsers,
  type ConnectClient,
} from "@aws-sdk/client-connect";

/** Which users the group should carry: by username, and every user of the named routing profiles. */
export interface AgentSelection {
  readonly usernames: readonly string[];
  readonly routingProfiles: readonly string[];
}

/** A user of the instance as the plan needs it. */
export interface DirectoryUser {
  readonly id: string;
  readonly username: string;
  /** Known only when routing profiles are selected (DescribeUser). */
  readonly routingProfileId?: string;
}

/** What reconciling the group's agents would do. */
export interface AgentPlan {
  /** Selected users, by username, in username order. */
  readonly selected: readonly DirectoryUser[];
  /** Configured usernames that no user of the instance has. */
  readonly unknownUsernames: readonly string[];
  /** Configured routing profiles the instance does not have. */
  readonly unknownRoutingProfiles: readonly string[];
  /** Selected users not yet associated. */
  readonly toAssociate: readonly DirectoryUser[];
  /** Associated users that are not selected (removed only with prune). */
  readonly notSelected: readonly DirectoryUser[];
}

/** The reconciliation plan. Pure: the listings come from the caller. */
export function planGroupAgents(
  selection: AgentSelection,
  users: readonly DirectoryUser[],
  routingProfiles: readonly { readonly id: string; readonly name: string }[],
  memberIds: readonly string[],
): AgentPlan {
  const byUsername = new Map(users.map((u) => [u.username, u]));
  const profileIds = new Map(routingProfiles.map((p) => [p.name, p.id]));
  const unknownUsernames = [...new Set(selection.usernames.filter((name) => !byUsername.has(name)))];
  const unknownRoutingProfiles = [...new Set(selection.routingProfiles.filter((name) => !profileIds.has(name)))];
  const wantedProfiles = new Set(selection.routingProfiles.map((name) => profileIds.get(name)).filter((id): id is string => id !== undefined));
  const selectedIds = new Set([
    ...selection.usernames.map((name) => byUsername.get(name)?.id).filter((id): id is string => id !== undefined),
    ...users.filter((u) => u.routingProfileId !== undefined && wantedProfiles.has(u.routingProfileId)).map((u) => u.id),
  ]);
  const members = new Set(memberIds);
  const byName = (a: DirectoryUser, b: DirectoryUser) => a.username.localeCompare(b.username);
  const selected = users.filter((u) => selectedIds.has(u.id)).sort(byName);
  const known = new Map(users.map((u) => [u.id, u]));
  return {
    selected,
    unknownUsernames,
    unknownRoutingProfiles,
    toAssociate: selected.filter((u) => !members.has(u.id)),
    notSelected: memberIds.filter((id) => !selectedIds.has(id)).map((id) => known.get(id) ?? { id, username: id }).sort(byName),
  };
}

/** One line naming what is wrong with the group's agents, or undefined when nothing is. */
export function agentProblems(plan: AgentPlan): string | undefined {
  const list = (names: readonly string[]) => (names.length > 5 ? `${names.slice(0, 5).join(", ")} and ${names.length - 5} more` : names.join(", "));
  const parts = [
    plan.toAssociate.length ? `not associated with the group: ${list(plan.toAssociate.map((u) => u.username))}` : "",
    plan.unknownUsernames.length ? `no such user: ${list(plan.unknownUsernames)}` : "",
    plan.unknownRoutingProfiles.length ? `no such routing profile: ${list(plan.unknownRoutingProfiles)}` : "",
  ].filter(Boolean);
  return parts.length ? parts.join("; ") : undefined;
}

async function collect<P, T>(pages: AsyncIterable<P>, items: (page: P) => readonly T[] | undefined): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...(items(page) ?? []));
  return all;
}

/**
 * Reads what the plan needs through `client` (either Region: users and routing profiles are mirrored,
 * and the group's members are listed by its ARN): the users (with their routing profile, one
 * DescribeUser each, only when routing profiles are selected), the routing profiles and the members.
 */
export async function readAgentPlan(client: ConnectClient, instanceId: string, groupArn: string, selection: AgentSelection, onUser?: (done: number, total: number) => void): Promise<AgentPlan> {
  const summaries = await collect(paginateListUsers({ client }, { InstanceId: instanceId }), (p) => p.UserSummaryList);
  const profiles = selection.routingProfiles.length
    ? (await collect(paginateListRoutingProfiles({ client }, { InstanceId: instanceId }), (p) => p.RoutingProfileSummaryList)).map((p) => ({ id: p.Id ?? "", name: p.Name ?? "" }))
    : [];
  const users: DirectoryUser[] = [];
  for (const s of summaries) {
    let routingProfileId: string | undefined;
    if (selection.routingProfiles.length) routingProfileId = (await client.send(new DescribeUserCommand({ InstanceId: instanceId, UserId: s.Id }))).User?.RoutingProfileId;
    users.push({ id: s.Id ?? "", username: s.Username ?? "", ...(routingProfileId ? { routingProfileId } : {}) });
    onUser?.(users.length, summaries.length);
  }
  const members = await collect(paginateListTrafficDistributionGroupUsers({ client }, { TrafficDistributionGroupId: groupArn }), (p) => p.TrafficDistributionGroupUserSummaryList);
  return planGroupAgents(selection, users, profiles, members.map((m) => m.UserId ?? ""));
}

/**
 * Associates the users the plan lacks, and with `prune` disassociates the members not selected, one
 * call at a time (the 2 requests/s quota), through a client of the group's own Region.
 */
export async function applyAgentPlan(
  client: ConnectClient,
  instanceId: string,
  groupArn: string,
  plan: AgentPlan,
  options: { readonly prune: boolean; readonly onChange?: (action: "associated" | "disassociated", user: DirectoryUser) => void },
): Promise<{ associated: number; disassociated: number }> {
  for (const user of plan.toAssociate) {
    await client.send(new AssociateTrafficDistributionGroupUserCommand({ TrafficDistributionGroupId: groupArn, InstanceId: instanceId, UserId: user.id }));
    options.onChange?.("associated", user);
  }
  const removed = options.prune ? plan.notSelected : [];
  for (const user of removed) {
    await client.send(new DisassociateTrafficDistributionGroupUserCommand({ TrafficDistributionGroupId: groupArn, InstanceId: instanceId, UserId: user.id }));
    options.onChange?.("disassociated", user);
  }
  return { associated: plan.toAssociate.length, disassociated: removed.length };
}
