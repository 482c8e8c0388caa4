import { expect } from "chai";
import * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { runResourcePolicy, runStackPolicy, UNKNOWN_STRING, urnOf } from "./support/policy-harness";

/** A policy that reports what it was given, to check the args the harness builds. */
function probe(check: ResourceValidationPolicy["validateResource"]): ResourceValidationPolicy {
    return { name: "probe", description: "Probe.", enforcementLevel: "mandatory", validateResource: check };
}

describe("policy harness (faithful to @pulumi/policy 1.21's server)", () => {
    it("gives isType and asType that honour their argument", async () => {
        const result = await runResourcePolicy(
            probe((args, report) => {
                report(`bucket=${args.isType(aws.s3.Bucket)} table=${args.isType(aws.dynamodb.Table)}`);
                report(`asType=${JSON.stringify(args.asType(aws.s3.Bucket))} other=${String(args.asType(aws.sqs.Queue))}`);
            }),
            { type: "aws:s3/bucket:Bucket", props: { bucket: "b" } },
        );
        expect(result.violations.map(v => v.message)).to.deep.equal(['bucket=true table=false', 'asType={"bucket":"b"} other=undefined']);
    });

    it("passes config without enforcementLevel, stack tags, provider, URN and default options", async () => {
        const result = await runResourcePolicy(
            probe((args, report) => {
                report(JSON.stringify(args.getConfig()));
                report(`${args.stackTags.get("env")} ${args.provider?.props.region} ${args.urn} ${args.opts.protect}`);
            }),
            { type: "aws:sqs/queue:Queue", name: "q", props: {}, provider: { props: { region: "eu-west-2" } } },
            { config: { enforcementLevel: "advisory", frameworks: ["gdpr"] }, stackTags: { env: "prod" } },
        );
        expect(result.violations).to.deep.equal([
            { message: '{"frameworks":["gdpr"]}', enforcementLevel: "advisory" },
            { message: `prod eu-west-2 ${urnOf("aws:sqs/queue:Queue", "q")} false`, enforcementLevel: "advisory" },
        ]);
    });

    it("turns a touched unknown into the server's advisory preview diagnostic", async () => {
        const result = await runResourcePolicy(
            probe((args, report) => report(String(args.props.kmsMasterKeyId))),
            { type: "aws:sqs/queue:Queue", props: { kmsMasterKeyId: UNKNOWN_STRING } },
        );
        expect(result.violations).to.deep.equal([
            {
                message: "can't run policy 'probe' from policy pack 'connect-dr@v0.1.0' during preview: string value at .kmsMasterKeyId can't be known during preview",
                enforcementLevel: "advisory",
            },
        ]);
    });

    it("skips disabled policies and reports remediate as mandatory", async () => {
        const always = probe((_args, report) => report("x"));
        expect(await runResourcePolicy(always, { type: "t", props: {} }, { config: { enforcementLevel: "disabled" } })).to.deep.equal({ violations: [], disabled: true });
        const remediated = await runResourcePolicy(always, { type: "t", props: {} }, { config: { enforcementLevel: "remediate" } });
        expect(remediated.violations.map(v => v.enforcementLevel)).to.deep.equal(["mandatory"]);
    });

    it("links stack resources' parents, dependencies and property dependencies", async () => {
        const parentUrn = urnOf("connect-dr:data:Recordings", "rec");
        const bucketUrn = urnOf("aws:s3/bucket:Bucket", "b");
        const policy: StackValidationPolicy = {
            name: "probe-stack",
            description: "Probe.",
            validateStack: (args, report) => {
                const setting = args.resources.find(r => r.name === "v")!;
                report(`${setting.parent?.name} ${setting.dependencies.map(d => d.name)} ${setting.propertyDependencies.bucket.map(d => d.urn)}`, setting.urn);
            },
        };
        const result = await runStackPolicy(policy, [
            { type: "connect-dr:data:Recordings", name: "rec", props: {} },
            { type: "aws:s3/bucket:Bucket", name: "b", props: {}, parent: parentUrn },
            { type: "aws:s3/bucketVersioning:BucketVersioning", name: "v", props: {}, parent: parentUrn, dependencies: [bucketUrn], propertyDependencies: { bucket: [bucketUrn] } },
        ]);
        expect(result.violations).to.deep.equal([
            { message: `rec b ${bucketUrn}`, urn: urnOf("aws:s3/bucketVersioning:BucketVersioning", "v"), enforcementLevel: "mandatory" },
        ]);
    });
});
