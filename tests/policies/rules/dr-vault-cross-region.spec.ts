import { expect } from "chai";
import { drVaultCrossRegion } from "../../../policies/rules/dr-vault-cross-region";
import { type HarnessResource, runStackPolicy, UNKNOWN_ARRAY } from "../support/policy-harness";
import { bucketUrn, classBucket, HOME, regionData, VAULT_REGION } from "../support/archive-fixtures";
import { replication, RTC_RULE } from "../support/s3-fixtures";

// CONTRACTS C: recordings -> recordings-replica and contact-records -> contact-records-replica, in ANOTHER Region.
const without = (...names: string[]) => regionData().filter(r => !names.includes(r.name ?? ""));
const messagesOf = async (resources: HarnessResource[]) => (await runStackPolicy(drVaultCrossRegion, resources)).violations.map(v => v.message);

describe("policy dr-vault-cross-region", () => {
    it("passes recordings and contact records replicating to vaults in the other Region", async () => {
        expect(await messagesOf(regionData())).to.deep.equal([]);
    });

    it("flags a vault in the same Region, attributed to the source bucket", async () => {
        const stack = [...without("archive-vault"), classBucket("archive-vault", "contact-records-replica", HOME)];
        expect((await runStackPolicy(drVaultCrossRegion, stack)).violations).to.deep.equal([
            {
                message:
                    `Bucket 'archive' (contact-records, ${HOME}) does not replicate to a vault in another Region ` +
                    `(rule 'recordings-to-dr': its destination 'archive-vault' is in the same Region (${HOME})).`,
                urn: bucketUrn("archive"),
                enforcementLevel: "mandatory",
            },
        ]);
    });

    it("flags a destination that is not a vault bucket of the matching class", async () => {
        const stack = [...without("recordings-vault"), classBucket("recordings-vault", "contact-records-replica", VAULT_REGION)];
        expect(await messagesOf(stack)).to.deep.equal([
            `Bucket 'recordings' (recordings, ${HOME}) does not replicate to a vault in another Region (rule 'recordings-to-dr': ` +
                `its destination 'recordings-vault' is not a vault bucket (connect-dr:data-class is "contact-records-replica", not "recordings-replica")).`,
        ]);
    });

    it("finds a destination named by its known ARN", async () => {
        const byArn = replication("recordings", [{ ...RTC_RULE, destination: { ...RTC_RULE.destination, bucket: "arn:aws:s3:::recordings-vault-a1b2c3d" } }]);
        const sameRegionVault = classBucket("recordings-vault", "recordings-replica", HOME);
        expect(await messagesOf([classBucket("recordings", "recordings", HOME), byArn, sameRegionVault])).to.deep.equal([
            `Bucket 'recordings' (recordings, ${HOME}) does not replicate to a vault in another Region ` +
                `(rule 'recordings-to-dr': its destination 'recordings-vault' is in the same Region (${HOME})).`,
        ]);
    });

    it("passes when one enabled rule reaches a vault in another Region, and ignores disabled rules", async () => {
        const to = (id: string, name: string, status = "Enabled") => ({ ...RTC_RULE, id, status, destination: { ...RTC_RULE.destination, bucket: `arn:aws:s3:::${name}-a1b2c3d` } });
        const buckets = [classBucket("recordings", "recordings", HOME), classBucket("copy", "recordings-replica", HOME), classBucket("recordings-vault", "recordings-replica", VAULT_REGION)];
        expect(await messagesOf([...buckets, replication("recordings", [to("local", "copy"), to("dr", "recordings-vault")])])).to.deep.equal([]);
        expect(await messagesOf([...buckets, replication("recordings", [to("local", "copy"), to("dr", "recordings-vault", "Disabled")])])).to.deep.equal([
            `Bucket 'recordings' (recordings, ${HOME}) does not replicate to a vault in another Region (rule 'local': its destination 'copy' is in the same Region (${HOME})).`,
        ]);
    });

    it("cannot tell for a destination outside the stack or unknown rules; leaves missing replication to the RTC rule", async () => {
        const external = replication("recordings", [{ ...RTC_RULE, destination: { ...RTC_RULE.destination, bucket: "arn:aws:s3:::vault-in-another-stack" } }]);
        expect(await messagesOf([classBucket("recordings", "recordings", HOME), external])).to.deep.equal([]);
        const unknownRules = { ...replication("recordings"), props: { bucket: "x", rules: UNKNOWN_ARRAY } };
        expect(await messagesOf([classBucket("recordings", "recordings", HOME), unknownRules, classBucket("recordings-vault", "recordings-replica", HOME)])).to.deep.equal([]);
        expect(await messagesOf([classBucket("recordings", "recordings", HOME)])).to.deep.equal([]);
    });

    it("stays in force when only PCI DSS is selected", async () => {
        const stack = [...without("archive-vault"), classBucket("archive-vault", "contact-records-replica", HOME)];
        const result = await runStackPolicy(drVaultCrossRegion, stack, { config: { frameworks: ["pci-dss"] } });
        expect(result.violations.map(v => v.enforcementLevel)).to.deep.equal(["mandatory"]);
    });
});
