import { expect } from "chai";
import { ctrArchiveDelivery } from "../../../policies/rules/ctr-archive-delivery";
import { type HarnessResource, runStackPolicy, UNKNOWN_STRING, urnOf } from "../support/policy-harness";
import { classBucket, firehose, HOME, regionData, STREAM_TYPE, stream } from "../support/archive-fixtures";

// CONTRACTS C: each tagged CTR / agent-event stream is the kinesisSourceConfiguration.kinesisStreamArn of a
// FirehoseDeliveryStream (destination extended_s3) writing to a bucket tagged connect-dr:data-class=contact-records.
const without = (...names: string[]) => regionData().filter(r => !names.includes(r.name ?? ""));
const messagesOf = async (resources: HarnessResource[]) => (await runStackPolicy(ctrArchiveDelivery, resources)).violations.map(v => v.message);

describe("policy ctr-archive-delivery", () => {
    it("passes CTR and agent-event streams delivered to the contact-records bucket", async () => {
        expect(await messagesOf(regionData())).to.deep.equal([]);
    });

    it("flags a tagged stream no delivery stream reads, attributed to the stream", async () => {
        expect((await runStackPolicy(ctrArchiveDelivery, without("agent-events-archive"))).violations).to.deep.equal([
            {
                message: "Kinesis stream 'agent-events' (agent-events) is not archived: no Firehose delivery stream reads it.",
                urn: urnOf(STREAM_TYPE, "agent-events"),
                enforcementLevel: "mandatory",
            },
        ]);
    });

    it("flags a delivery stream writing elsewhere than extended_s3", async () => {
        expect(await messagesOf([...without("ctr-archive"), firehose("ctr-archive", "ctr", "archive", "http_endpoint")])).to.deep.equal([
            'Kinesis stream \'ctr\' (contact-trace-records) is not archived: Firehose \'ctr-archive\' delivers to "http_endpoint", not "extended_s3".',
        ]);
    });

    it("flags a delivery stream writing to a bucket that is not the contact-records archive", async () => {
        const stack = [...without("ctr-archive"), classBucket("logs", undefined, HOME), firehose("ctr-archive", "ctr", "logs")];
        expect(await messagesOf(stack)).to.deep.equal([
            "Kinesis stream 'ctr' (contact-trace-records) is not archived: Firehose 'ctr-archive' writes to bucket 'logs', whose " +
                'connect-dr:data-class is unset, not "contact-records".',
        ]);
    });

    it("follows known ARNs as well as property dependencies", async () => {
        const arn = "arn:aws:kinesis:us-east-1:111122223333:stream/ctr";
        const known: HarnessResource = {
            ...firehose("ctr-archive", "ctr", "archive"),
            props: { destination: "extended_s3", kinesisSourceConfiguration: { kinesisStreamArn: arn }, extendedS3Configuration: { bucketArn: "arn:aws:s3:::archive-a1b2c3d" } },
            propertyDependencies: {},
        };
        const withArn = { ...stream("ctr", "contact-trace-records"), props: { ...stream("ctr", "contact-trace-records").props, arn } };
        expect(await messagesOf([...without("ctr-archive", "ctr"), withArn, known])).to.deep.equal([]);
    });

    it("cannot tell while a delivery stream's source, destination or bucket is unknown and untraceable", async () => {
        const untraced = { ...firehose("ctr-archive", "ctr", "archive"), propertyDependencies: {} };
        expect(await messagesOf([...without("ctr-archive"), untraced])).to.deep.equal([]);
        const destinationUnknown = { ...firehose("ctr-archive", "ctr", "archive"), props: { ...firehose("ctr-archive", "ctr", "archive").props, destination: UNKNOWN_STRING } };
        expect(await messagesOf([...without("ctr-archive"), destinationUnknown])).to.deep.equal([]);
    });

    it("leaves streams without an archived data class (the stack on a branch without CONTRACTS C has nothing to check)", async () => {
        expect(await messagesOf([stream("ctr", undefined), stream("other", "telemetry")])).to.deep.equal([]);
    });

    it("stays in force when only PCI DSS is selected", async () => {
        const result = await runStackPolicy(ctrArchiveDelivery, without("ctr-archive"), { config: { frameworks: ["pci-dss"] } });
        expect(result.violations.map(v => v.enforcementLevel)).to.deep.equal(["mandatory"]);
    });
});
