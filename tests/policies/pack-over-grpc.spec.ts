/**
 * The real pack process, started as the engine starts it and driven over the Analyzer gRPC protocol.
 * One process serves the whole suite (ts-node type-checks the pack on start, ~8 s on 2 cores).
 */
import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
    type PolicyPackSession,
    type PolicyResource,
    PolicyPackConfigError,
    secret,
    startPolicyPack,
    UNKNOWN,
} from "../../tools/gate/policy-pack-process";
import { CONTROLS } from "../../policies/frameworks";
import { packConfigFor } from "../../policies/pack-config";
import { POLICIES } from "../../policies/registry";

const PACK_DIR = path.join(__dirname, "../../policies");
const STACK = "urn:pulumi:primary::connect-dr";
const KEY_ARN = "arn:aws:kms:eu-central-1:111111111111:key/0b0d7ad5-1111-2222-3333-444455556666";

const provider = (region: string) => ({
    type: "pulumi:providers:aws",
    urn: `${STACK}::pulumi:providers:aws::workload-${region}`,
    name: `workload-${region}`,
    properties: { region, assumeRoles: [{ roleArn: "arn:aws:iam::111111111111:role/deployer" }] },
});
const FRANKFURT = provider("eu-central-1");

function resource(type: string, name: string, properties: Record<string, unknown>, extra: Partial<PolicyResource> = {}): PolicyResource {
    return {
        urn: `${STACK}::connect-dr:data:Recordings$${type}::${name}`,
        type,
        name,
        properties,
        provider: FRANKFURT,
        parent: `${STACK}::connect-dr:data:Recordings::recordings`,
        options: { protect: true, ignoreChanges: ["tags"], customTimeouts: { createSeconds: 600 } },
        ...extra,
    };
}

const compliantKey = resource("aws:kms/key:Key", "data-key", { enableKeyRotation: true, deletionWindowInDays: 30 });
const compliantTable = resource("aws:dynamodb/table:Table", "state", {
    serverSideEncryption: { enabled: true, kmsKeyArn: UNKNOWN },
    pointInTimeRecovery: { enabled: true },
    deletionProtectionEnabled: true,
    replicas: [{ regionName: "eu-west-2", kmsKeyArn: UNKNOWN, pointInTimeRecovery: true, deletionProtectionEnabled: true }],
});
const compliantLogGroup = resource("aws:cloudwatch/logGroup:LogGroup", "flow-logs", { kmsKeyId: KEY_ARN, retentionInDays: 400 });

describe("policy pack over the Analyzer gRPC protocol", function () {
    this.timeout(60_000);
    let pack: PolicyPackSession;

    before(async () => {
        pack = await startPolicyPack({ packDir: PACK_DIR, stackTags: { "connect-dr:role": "primary" } });
    });

    after(async () => {
        await pack?.close();
    });

    afterEach(async () => {
        await pack.configure({});
    });

    it("describes itself with every policy, its kind, remediation, framework and config schema", () => {
        expect(pack.info).to.include({ name: "connect-dr", version: "0.1.0", supportsConfig: true });
        expect(pack.info.policies.map(p => p.name)).to.deep.equal(POLICIES.map(p => p.name));
        const versioning = pack.info.policies.find(p => p.name === "s3-bucket-versioning")!;
        expect(versioning).to.deep.include({ kind: "stack", enforcementLevel: "mandatory", remediationSteps: POLICIES[1].remediationSteps });
        const rotation = pack.info.policies.find(p => p.name === "kms-key-rotation")!;
        expect(rotation.kind).to.equal("resource");
        expect(rotation.framework).to.deep.equal({
            name: "PCI DSS",
            version: "4.0.1",
            reference: "https://docs-prv.pcisecuritystandards.org/PCI%20DSS/Standard/PCI-DSS-v4_0_1.pdf",
            specification: "3.7.4",
        });
        expect(rotation.tags).to.deep.equal(["pci-dss:3.7.4", "gdpr:Art. 32(1)(a)", "hipaa:§164.312(a)(2)(iv)", "family:compliance"]);
        expect(pack.info.policies.find(p => p.name === "dynamodb-table-pitr")!.tags).to.deep.equal(["gdpr:Art. 32(1)(c)", "hipaa:§164.312(c)(1)", "family:resilience"]);
    });

    it("configures every policy as the engine does: its default level and schema defaults", () => {
        expect(pack.configuration.get("dynamodb-table-deletion-protection")).to.deep.equal({
            enforcementLevel: "mandatory",
            properties: { frameworks: ["gdpr", "hipaa", "pci-dss"] },
        });
        // No default Regions: the pack chooses no geography.
        expect(pack.configuration.get("gdpr-data-residency")).to.deep.equal({
            enforcementLevel: "mandatory",
            properties: { frameworks: ["gdpr", "hipaa", "pci-dss"] },
        });
        expect(pack.configuration.get("region-choice")?.enforcementLevel).to.equal("advisory");
    });

    it("finds nothing wrong with compliant resources, including key ARNs unknown during preview", async () => {
        const result = await pack.analyze([compliantKey, compliantTable, compliantLogGroup]);
        expect(result.violations).to.deep.equal([]);
    });

    it("reports exact violations for non-compliant resources, attributed to each resource", async () => {
        const shortKey = resource("aws:kms/key:Key", "short-key", { enableKeyRotation: true, deletionWindowInDays: 7 });
        const queue = resource("aws:sqs/queue:Queue", "events", { kmsMasterKeyId: secret("alias/aws/sqs") });
        const result = await pack.analyze([shortKey, compliantTable, queue]);
        expect(result.violations.map(v => [v.policyName, v.urn, v.enforcementLevel, v.message])).to.deep.equal([
            [
                "kms-key-deletion-window",
                shortKey.urn,
                "mandatory",
                "KMS keys have a deletion window of at least 30 days.\n" +
                    "deletionWindowInDays is 7; it must be at least 30 so a mistaken deletion can be cancelled before the data becomes unreadable.",
            ],
            [
                "sqs-queue-cmk",
                queue.urn,
                "mandatory",
                "SQS queues are encrypted with a customer-managed KMS key.\n" +
                    "The SQS queue uses the AWS-managed key 'alias/aws/sqs' in `kmsMasterKeyId`; use a customer-managed key.",
            ],
        ]);
        const sqs = result.violations[1];
        expect(sqs).to.deep.include({ packName: "connect-dr", packVersion: "0.1.0", description: "SQS queues are encrypted with a customer-managed KMS key." });
        expect(sqs.remediation).to.equal("Set kmsMasterKeyId to a customer-managed key (not alias/aws/sqs) instead of sqsManagedSseEnabled.");
        expect(sqs.controls).to.deep.equal([
            CONTROLS.gdpr.encryption,
            CONTROLS.hipaa.encryptionAtRest,
            CONTROLS.pciDss.storedDataUnreadable,
            CONTROLS.pciDss.keyProtection,
        ]);
        // The SCP preview reads the whole stack (a Region-deny SCP the stack declares counts as a Region choice).
        await pack.configure(packConfigFor({ allowedRegions: ["eu-central-1", "eu-west-2"] }));
        const stack = await pack.analyzeStack([shortKey]);
        expect(stack.violations.map(v => [v.policyName, v.urn, v.enforcementLevel, v.message.split("\n")[1]])).to.deep.equal([
            [
                "scp-preview-denials",
                shortKey.urn,
                "mandatory",
                "The SCP DenyShortKmsDeletionWindow will deny kms:ScheduleKeyDeletion with a 7-day window, so deleting or replacing Key 'short-key' will fail.",
            ],
        ]);
    });

    it("checks Regions only with a Region choice, taking each resource's Region from the provider the engine sends", async () => {
        const queue = { ...resource("aws:sqs/queue:Queue", "us-events", { kmsMasterKeyId: UNKNOWN }), provider: provider("us-east-1") };
        const unchosen = await pack.analyzeStack([queue]);
        expect(unchosen.violations.map(v => [v.policyName, v.enforcementLevel, v.urn])).to.deep.equal([["region-choice", "advisory", undefined]]);
        expect(unchosen.notApplicable.map(n => n.policyName)).to.include("gdpr-data-residency");

        await pack.configure(packConfigFor({ allowedRegions: ["eu-central-1", "eu-west-2"] }));
        const chosen = await pack.analyzeStack([queue]);
        expect(chosen.violations.map(v => [v.policyName, v.enforcementLevel, v.urn, v.message.split("\n")[1]])).to.deep.equal([
            [
                "gdpr-data-residency",
                "mandatory",
                queue.urn,
                "Queue 'us-events' is in us-east-1 (from its provider); allowed Regions: eu-central-1, eu-west-2 (allowedRegions in pack config).",
            ],
            [
                "scp-preview-denials",
                "mandatory",
                queue.urn,
                "The Region-deny SCP will deny creating Queue 'us-events' in us-east-1: only eu-central-1, eu-west-2 are allowed for regional services (allowedRegions in pack config).",
            ],
        ]);
    });

    it("analyzes the stack, pairing S3 settings with their bucket through property dependencies", async () => {
        const bucketUrn = `${STACK}::aws:s3/bucket:Bucket::recordings`;
        const bucket = resource("aws:s3/bucket:Bucket", "recordings", { bucket: "recordings-a1b2c3d", tags: { "connect-dr:data-class": "recordings" } }, { urn: bucketUrn });
        const setting = (type: string, name: string, properties: Record<string, unknown>) =>
            resource(type, name, { bucket: UNKNOWN, ...properties }, { dependencies: [bucketUrn], propertyDependencies: { bucket: [bucketUrn] } });
        const encryption = setting("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "recordings-encryption", {
            rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN }, bucketKeyEnabled: true }],
        });
        const versioning = setting("aws:s3/bucketVersioning:BucketVersioning", "recordings-versioning", { versioningConfiguration: { status: "Enabled" } });
        const block = setting("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "recordings-pab", {
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        });
        const policy = setting("aws:s3/bucketPolicy:BucketPolicy", "recordings-policy", { policy: UNKNOWN });
        const replication = setting("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "recordings-replication", {
            rules: [
                {
                    id: "to-dr",
                    status: "Enabled",
                    destination: { bucket: UNKNOWN, replicationTime: { status: "Enabled", time: { minutes: 15 } }, metrics: { status: "Enabled" } },
                },
            ],
        });

        await pack.configure(packConfigFor({ allowedRegions: ["eu-central-1", "eu-west-2"] }));
        expect((await pack.analyzeStack([bucket, encryption, versioning, block, policy, replication])).violations).to.deep.equal([]);

        const result = await pack.analyzeStack([bucket, encryption, block]);
        expect(result.violations.map(v => [v.policyName, v.urn, v.message.split("\n")[1]])).to.deep.equal([
            ["s3-bucket-versioning", bucketUrn, "Bucket 'recordings' has no versioning configuration."],
            ["s3-bucket-tls-only", bucketUrn, "Bucket 'recordings' has no bucket policy denying requests without TLS."],
            ["s3-recordings-replication-rtc", bucketUrn, "Recordings bucket 'recordings' has no replication configuration."],
        ]);
    });

    it("applies pack config selecting frameworks and changing levels; a framework selection never turns off a DR control", async () => {
        const logGroup = resource("aws:cloudwatch/logGroup:LogGroup", "short-logs", { kmsKeyId: KEY_ARN, retentionInDays: 30 });
        const table = resource("aws:dynamodb/table:Table", "unprotected", { ...compliantTable.properties, deletionProtectionEnabled: false });
        const before = await pack.analyze([logGroup, table]);
        expect(before.violations.map(v => [v.policyName, v.enforcementLevel])).to.deep.equal([
            ["cloudwatch-log-group-retention", "mandatory"],
            ["dynamodb-table-deletion-protection", "mandatory"],
        ]);

        await pack.configure(packConfigFor({ frameworks: ["gdpr"], enforcementLevel: "advisory" }));
        expect(pack.configuration.get("cloudwatch-log-group-retention")?.enforcementLevel).to.equal("disabled");
        const gdprOnly = await pack.analyze([logGroup, table]);
        expect(gdprOnly.violations.map(v => [v.policyName, v.enforcementLevel])).to.deep.equal([["dynamodb-table-deletion-protection", "mandatory"]]);

        await pack.configure(packConfigFor({ levels: { "dynamodb-table-deletion-protection": "advisory" } }));
        const named = await pack.analyze([table]);
        expect(named.violations.map(v => [v.policyName, v.enforcementLevel])).to.deep.equal([["dynamodb-table-deletion-protection", "advisory"]]);
    });

    describe("done when (issue 14)", () => {
        const us = (r: PolicyResource, region = "us-east-1") => ({ ...r, provider: provider(region) });
        const US_KEY = "arn:aws:kms:us-east-1:111111111111:key/0b0d7ad5-1111-2222-3333-444455556666";
        const hardenedTable = us(resource("aws:dynamodb/table:Table", "contacts", {
            serverSideEncryption: { enabled: true, kmsKeyArn: US_KEY },
            pointInTimeRecovery: { enabled: true },
            deletionProtectionEnabled: true,
            replicas: [{ regionName: "us-west-2", kmsKeyArn: UNKNOWN, pointInTimeRecovery: true, deletionProtectionEnabled: true }],
        }));
        const hardenedCluster = us(resource("aws:rds/cluster:Cluster", "crm-db", {
            engine: "aurora-postgresql",
            storageEncrypted: true,
            kmsKeyId: US_KEY,
            backupRetentionPeriod: 7,
            deletionProtection: true,
        }));
        const all = async (resources: PolicyResource[]) => [...(await pack.analyze(resources)).violations, ...(await pack.analyzeStack(resources)).violations];

        it("with no config, hardened US resources (us-east-1, us-west-2) raise no mandatory violation, only the one Region advisory", async () => {
            const resources = [
                us(compliantKey),
                hardenedTable,
                hardenedCluster,
                us(resource("aws:cloudwatch/logGroup:LogGroup", "flow-logs", { kmsKeyId: US_KEY, retentionInDays: 400 })),
                us(resource("aws:sqs/queue:Queue", "events", { kmsMasterKeyId: UNKNOWN }), "us-west-2"),
                us(resource("aws:kms/key:Key", "west-key", { enableKeyRotation: true, deletionWindowInDays: 30 }), "us-west-2"),
            ];
            expect((await all(resources)).map(v => [v.policyName, v.enforcementLevel, v.message.split("\n")[1]])).to.deep.equal([
                [
                    "region-choice",
                    "advisory",
                    "No Region choice: allowedRegions is not configured and this stack declares no Region-deny SCP, so gdpr-data-residency and " +
                        "the Region check of scp-preview-denials did not run. This stack's regional resources are in us-east-1, us-west-2.",
                ],
            ]);
        });

        it("with the committed PCI-only config, a table without PITR, a table without deletion protection and a cluster with 1 day of backups each raise one", async () => {
            await pack.configure(JSON.parse(fs.readFileSync(path.join(PACK_DIR, "config", "primary.json"), "utf8")));
            expect(pack.configuration.get("kms-key-rotation")?.properties.frameworks).to.deep.equal(["pci-dss"]);
            const { pointInTimeRecovery: _p, ...noPitr } = hardenedTable.properties;
            const withoutPitr = { ...hardenedTable, urn: `${hardenedTable.urn}-no-pitr`, name: "no-pitr", properties: noPitr };
            const unprotected = { ...hardenedTable, urn: `${hardenedTable.urn}-unprotected`, name: "unprotected", properties: { ...hardenedTable.properties, deletionProtectionEnabled: false } };
            const oneDay = { ...hardenedCluster, properties: { ...hardenedCluster.properties, backupRetentionPeriod: 1 } };
            expect((await all([withoutPitr, unprotected, oneDay])).map(v => [v.policyName, v.urn, v.enforcementLevel, v.message.split("\n")[1]])).to.deep.equal([
                ["dynamodb-table-pitr", withoutPitr.urn, "mandatory", "Point-in-time recovery is off on the table: set pointInTimeRecovery.enabled to true."],
                ["dynamodb-table-deletion-protection", unprotected.urn, "mandatory", "Deletion protection is off on the table: set deletionProtectionEnabled to true."],
                ["rds-backup-retention", oneDay.urn, "mandatory", "backupRetentionPeriod is 1; keep at least 7 days (0 disables backups)."],
            ]);
        });
    });

    it("honours the engine's `all` key for every policy's level", async () => {
        await pack.configure({ all: "advisory" });
        const result = await pack.analyze([resource("aws:kms/key:Key", "no-rotation", {})]);
        expect(result.violations.map(v => [v.policyName, v.enforcementLevel])).to.deep.equal([["kms-key-rotation", "advisory"]]);
    });

    it("rejects config that fails a policy's schema, before sending it", async () => {
        let error: unknown;
        try {
            await pack.configure({ "kms-key-rotation": { frameworks: ["sox"] }, "sns-topic-cmk": "strict" as never });
        } catch (caught) {
            error = caught;
        }
        expect(error).to.be.instanceOf(PolicyPackConfigError);
        expect((error as PolicyPackConfigError).problems).to.deep.equal([
            'sns-topic-cmk: enforcement level "strict" is not one of advisory, mandatory, remediate, disabled',
            "kms-key-rotation.frameworks.0: must be equal to one of the allowed values",
        ]);
    });
});

describe("starting a policy pack that fails", function () {
    this.timeout(60_000);

    it("rejects with the pack's own error output", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "broken-pack-"));
        try {
            fs.symlinkSync(path.join(__dirname, "../../node_modules"), path.join(dir, "node_modules"));
            fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
            fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "broken", version: "1.0.0", main: "index.js" }));
            fs.writeFileSync(path.join(dir, "index.js"), 'throw new Error("pack failed to load: missing rule registry");\n');
            let error: Error | undefined;
            try {
                await startPolicyPack({ packDir: dir });
            } catch (caught) {
                error = caught as Error;
            }
            expect(error?.message).to.match(/^policy pack did not start: exited with code \d+\n/);
            expect(error?.message).to.contain("pack failed to load: missing rule registry");
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
