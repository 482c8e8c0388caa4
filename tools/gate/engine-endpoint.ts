import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { EngineService, type IEngineServer } from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as enginePb from "@pulumi/pulumi/proto/engine_pb";

/** One message a plugin logged through the engine. */
export interface EngineLogEntry {
    readonly severity: "debug" | "info" | "warning" | "error";
    readonly message: string;
    readonly urn: string;
}

/** A running stand-in for the Pulumi engine's own gRPC endpoint. */
export interface EngineEndpoint {
    /** `127.0.0.1:<port>`, passed to plugins as their first argument, as the engine does. */
    readonly address: string;
    /** What plugins logged, in arrival order. */
    readonly logs: readonly EngineLogEntry[];
    close(): Promise<void>;
}

const SEVERITY: Record<number, EngineLogEntry["severity"]> = {
    [enginePb.LogSeverity.DEBUG]: "debug",
    [enginePb.LogSeverity.INFO]: "info",
    [enginePb.LogSeverity.WARNING]: "warning",
    [enginePb.LogSeverity.ERROR]: "error",
};

/**
 * Serves the Engine service (log, root resource) on a loopback port. The engine starts every plugin
 * with this address; @pulumi/pulumi 3.248's run-policy-pack drops the argument and the engine does
 * not set PULUMI_NODEJS_ENGINE for analyzers, so today's packs log to stdout/stderr instead, but a
 * pack built on an SDK that does dial it finds a live endpoint rather than a dead port.
 */
export async function startEngineEndpoint(): Promise<EngineEndpoint> {
    const logs: EngineLogEntry[] = [];
    let rootResource = "";
    const implementation: IEngineServer = {
        log: (call, callback) => {
            logs.push({
                severity: SEVERITY[call.request.getSeverity()] ?? "info",
                message: call.request.getMessage(),
                urn: call.request.getUrn(),
            });
            callback(null, new Empty());
        },
        getRootResource: (_call, callback) => {
            callback(null, new enginePb.GetRootResourceResponse().setUrn(rootResource));
        },
        setRootResource: (call, callback) => {
            rootResource = call.request.getUrn();
            callback(null, new enginePb.SetRootResourceResponse());
        },
        startDebugging: (_call, callback) => {
            callback({ code: grpc.status.UNIMPLEMENTED, details: "debugging is not supported by the gate" }, null);
        },
        requirePulumiVersion: (_call, callback) => {
            callback(null, new enginePb.RequirePulumiVersionResponse());
        },
    };
    const server = new grpc.Server();
    server.addService(EngineService, implementation);
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
            error ? reject(error) : resolve(bound),
        ),
    );
    return {
        address: `127.0.0.1:${port}`,
        logs,
        close: () =>
            new Promise<void>(resolve => {
                server.tryShutdown(() => resolve());
            }),
    };
}
