import { expect } from "chai";
import { kmsKeySameRegion } from "../../../policies/rules/kms-key-same-region";
import { type HarnessResource, runStackPolicy, UNKNOWN_STRING, urnOf } from "../support/policy-harness";

const frankfurt = { name: "eu-central-1", props: { region: "eu-central-1" } };
const london = { name: "eu-west-2", props: { region: "eu-west-2" } };
const KEY = "aws:kms/key:Key";
const REPLICA_KEY = "aws:kms/replicaKey:ReplicaKey";
const TABLE = "aws:dynamodb/table:Table";

const primaryKey: HarnessResource = { type: KEY, name: "data-key", props: { multiRegion: true }, provider: frankfurt };
const replicaKey: HarnessResource = { type: REPLICA_KEY, name: "data-key-dr", props: { primaryKeyArn: UNKNOWN_STRING }, provider: london };

/** A global table whose key ARNs are unknown (keys created in the same run), as preview sends it. */
function table(replicaKeyUrn: string): HarnessResource {
    return {
        type: TABLE,
        name: "state",
        provider: frankfurt,
        props: {
            serverSideEncryption: { enabled: true, kmsKeyArn: UNKNOWN_STRING },
            replicas: [{ regionName: "eu-west-2", kmsKeyArn: UNKNOWN_STRING }],
        },
        propertyDependencies: { serverSideEncryption: [urnOf(KEY, "data-key")], replicas: [replicaKeyUrn] },
    };
}

describe("policy kms-key-same-region", () => {
    it("passes a table keyed in its Region and a replica keyed by a replica key in the replica's Region", async () => {
        const result = await runStackPolicy(kmsKeySameRegion, [primaryKey, replicaKey, table(urnOf(REPLICA_KEY, "data-key-dr"))]);
        expect(result.violations).to.deep.equal([]);
    });

    it("passes known key ARNs in the resource's Region, and references it cannot resolve", async () => {
        const queue = { type: "aws:sqs/queue:Queue", name: "q", provider: frankfurt, props: { kmsMasterKeyId: "arn:aws:kms:eu-central-1:111111111111:key/k" } };
        const topic = { type: "aws:sns/topic:Topic", name: "t", provider: frankfurt, props: { kmsMasterKeyId: UNKNOWN_STRING } };
        expect((await runStackPolicy(kmsKeySameRegion, [queue, topic])).violations).to.deep.equal([]);
    });

    it("flags a replica pointed at the primary Region's key, found through property dependencies", async () => {
        const result = await runStackPolicy(kmsKeySameRegion, [primaryKey, replicaKey, table(urnOf(KEY, "data-key"))]);
        expect(result.violations).to.deep.equal([
            {
                message: "Table 'state' (replica in eu-west-2) is in eu-west-2 but its key is in eu-central-1.",
                urn: urnOf(TABLE, "state"),
                enforcementLevel: "mandatory",
            },
        ]);
    });

    it("follows an alias to its target key", async () => {
        const alias: HarnessResource = {
            type: "aws:kms/alias:Alias",
            name: "data-alias",
            provider: frankfurt,
            props: { name: "alias/connect-dr-data", targetKeyId: UNKNOWN_STRING },
            propertyDependencies: { targetKeyId: [urnOf(KEY, "data-key")] },
        };
        const logGroup: HarnessResource = {
            type: "aws:cloudwatch/logGroup:LogGroup",
            name: "dr-logs",
            provider: london,
            props: { kmsKeyId: UNKNOWN_STRING },
            propertyDependencies: { kmsKeyId: [urnOf("aws:kms/alias:Alias", "data-alias")] },
        };
        expect((await runStackPolicy(kmsKeySameRegion, [primaryKey, alias, logGroup])).violations.map(v => v.message)).to.deep.equal([
            "LogGroup 'dr-logs' (kmsKeyId) is in eu-west-2 but its key is in eu-central-1.",
        ]);
    });

    it("flags a known key ARN from another Region", async () => {
        const queue = { type: "aws:sqs/queue:Queue", name: "q", provider: london, props: { kmsMasterKeyId: "arn:aws:kms:eu-central-1:111111111111:key/k" } };
        expect((await runStackPolicy(kmsKeySameRegion, [queue])).violations.map(v => v.message)).to.deep.equal([
            "Queue 'q' (kmsMasterKeyId) is in eu-west-2 but its key is in eu-central-1.",
        ]);
    });
});
