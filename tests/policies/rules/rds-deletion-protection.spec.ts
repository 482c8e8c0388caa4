import { expect } from "chai";
import { rdsDeletionProtection } from "../../../policies/rules/rds-deletion-protection";
import { messages, runResourcePolicy, UNKNOWN_STRING } from "../support/policy-harness";

// RDS API (CreateDBInstance / CreateDBCluster / CreateGlobalCluster): DeletionProtection defaults to false.
const of = (type: string, props: Record<string, unknown>) => ({ type, props });
const INSTANCE = "aws:rds/instance:Instance";
const CLUSTER = "aws:rds/cluster:Cluster";
const GLOBAL = "aws:rds/globalCluster:GlobalCluster";

describe("policy rds-deletion-protection", () => {
    it("passes protected instances, clusters and global clusters", async () => {
        for (const type of [INSTANCE, CLUSTER, GLOBAL]) {
            expect(messages(await runResourcePolicy(rdsDeletionProtection, of(type, { deletionProtection: true }))), type).to.deep.equal([]);
        }
    });

    it("passes a value unknown during preview", async () => {
        expect(messages(await runResourcePolicy(rdsDeletionProtection, of(CLUSTER, { deletionProtection: UNKNOWN_STRING })))).to.deep.equal([]);
    });

    it("flags an instance left at the default", async () => {
        expect(messages(await runResourcePolicy(rdsDeletionProtection, of(INSTANCE, {})))).to.deep.equal([
            "The DB instance has deletion protection unset (off): set deletionProtection to true.",
        ]);
    });

    it("flags a cluster and a global cluster with protection turned off", async () => {
        expect(messages(await runResourcePolicy(rdsDeletionProtection, of(CLUSTER, { deletionProtection: false })))).to.deep.equal([
            "The Aurora cluster has deletion protection off: set deletionProtection to true.",
        ]);
        expect(messages(await runResourcePolicy(rdsDeletionProtection, of(GLOBAL, { deletionProtection: false })))).to.deep.equal([
            "The Aurora global cluster has deletion protection off: set deletionProtection to true.",
        ]);
    });

    it("stays in force, mandatory, when only PCI DSS is selected", async () => {
        const result = await runResourcePolicy(rdsDeletionProtection, of(CLUSTER, {}), { config: { frameworks: ["pci-dss"] } });
        expect(result.violations.map(v => v.enforcementLevel)).to.deep.equal(["mandatory"]);
    });

    it("ignores cluster instances, which take protection from their cluster", async () => {
        expect(messages(await runResourcePolicy(rdsDeletionProtection, of("aws:rds/clusterInstance:ClusterInstance", {})))).to.deep.equal([]);
    });
});
