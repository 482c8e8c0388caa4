/**
 * A complete, valid raw config (as `rawConfigFromMap` would give it) for tests to break one key at a
 * time. Returns a fresh deep copy each call.
 */
export function validRawConfig(): Record<string, any> {
  return structuredClone({
    role: "primary",
    primaryRegion: "us-east-1",
    secondaryRegion: "us-west-2",
    accounts: {
      management: { id: "123456789012", role: "OrganizationAccountAccessRole" },
      workload: { id: "111122223333", role: "ConnectDrDeployer" },
      network: { id: "444455556666", role: "arn:aws:iam::444455556666:role/network/ConnectDrDeployer" },
      backupVault: { id: "777788889999", role: "ConnectDrDeployer" },
    },
    connect: {
      instanceAlias: "example-corp",
      hoursOfOperation: [{ name: "Office", timeZone: "Europe/London", config: [{ day: "MONDAY", startTime: "09:00", endTime: "17:00" }] }],
      queues: [
        { name: "Sales", hoursOfOperation: "Office", maxContacts: 10 },
        { name: "Support", hoursOfOperation: "Office" },
      ],
      routingProfiles: [
        {
          name: "Agents",
          description: "All agents",
          defaultOutboundQueue: "Sales",
          queues: [
            { queue: "Sales", channel: "VOICE", priority: 1 },
            { queue: "Support", channel: "CHAT", priority: 2, delaySeconds: 10 },
          ],
          mediaConcurrencies: [
            { channel: "VOICE", concurrency: 1 },
            { channel: "CHAT", concurrency: 3 },
          ],
        },
      ],
      flows: [{ name: "Main", type: "CONTACT_FLOW", path: "program/flows/inbound-main.json" }],
      lambdaFunctionNames: ["lookup"],
      lexV2BotAliases: [{ botId: "ABCDEFGHIJ", botAliasId: "TSTALIASID" }],
    },
    recordings: { retentionDays: 90 },
    dns: { hostedZoneId: "Z0123456789ABC", hostedZoneName: "example.com", recordName: "contact.example.com", endpoints: { "us-east-1": "east.example.com", "us-west-2": "west.example.com" } },
    directConnect: { connectionId: "dxcon-fg5678gh", vlan: 100, customerBgpAsn: 65000, amazonSideAsn: 64600, vpnGatewayId: "vgw-0123456789abcdef0", allowedPrefixes: ["10.0.0.0/16"], vpnBackup: { customerGatewayIp: "93.184.216.34", bgpAsn: 65000 } },
    tags: { Owner: "platform" },
  });
}

/** What a valid secondary stack's traffic distribution group carries (the key only the secondary sets). */
export function validTrafficDistribution(): Record<string, any> {
  return {
    phoneNumbers: { "main-line": { claim: { countryCode: "US", type: "DID", prefix: "+1206" }, flow: "Main" } },
    agents: { routingProfiles: ["Agents"] },
  };
}
