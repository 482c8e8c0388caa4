/**
 * Child-process entry: runs one stack's program under MockCloud and streams every registered
 * resource to the parent as the engine would see it (inputs, outputs, parent, provider, options,
 * dependencies). Stack references are served by the parent from the other stack's synthesized outputs.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as settings from "@pulumi/pulumi/runtime/settings";
import { MockCloud, resolve, settle } from "../synthesis/mock-cloud";
import type { FromWorker, SynthesizedRead, SynthesizedResource, ToWorker } from "./synthesis-messages";
import type { PolicyProvider } from "./policy-pack-process";

const send = (message: FromWorker): void => {
  process.send!(message);
};

function fail(error: unknown): never {
  const e = error as { details?: string; message?: string };
  // A user mistake (config, data source) reads as its message; no stack trace.
  process.send!({ kind: "failed", message: e?.details ?? e?.message ?? String(error) } satisfies FromWorker, () => process.exit(1));
  // Keep the program from running on while the message is written.
  return new Promise<never>(() => {}) as never;
}

function accountOfRoles(assumeRoles: unknown): string | undefined {
  const roles = typeof assumeRoles === "string" ? JSON.parse(assumeRoles) : assumeRoles;
  const arn = Array.isArray(roles) ? roles[0]?.roleArn : undefined;
  return typeof arn === "string" ? /^arn:[^:]+:iam::(\d{12}):/.exec(arn)?.[1] : undefined;
}

async function run(start: Extract<ToWorker, { kind: "start" }>): Promise<void> {
  const began = Date.now();
  const stackOutputs: Record<string, Record<string, unknown>> = {};
  const waiting = new Map<string, { ok: () => void; ko: (e: Error) => void }>();
  process.on("message", (message: ToWorker) => {
    if (message.kind !== "stack-outputs") return;
    const waiter = waiting.get(message.name);
    waiting.delete(message.name);
    if (message.outputs) stackOutputs[message.name] = message.outputs;
    if (message.error) waiter?.ko(new Error(message.error));
    else waiter?.ok();
  });

  new MockCloud({ project: start.project, stack: start.stack, config: { ...start.config }, stackOutputs }).install();
  const monitor = settings.getMonitor() as any;
  const register = monitor.registerResource.bind(monitor);
  const providers = new Map<string, PolicyProvider & { account?: string; region?: string }>();
  let pending = 0;
  let batch: SynthesizedResource[] = [];
  // Reads (StackReference) and how many registrations preceded each, for the preview's step order.
  const reads: SynthesizedRead[] = [];
  let registered = 0;
  const flush = (): void => {
    if (batch.length > 0) send({ kind: "resources", batch });
    batch = [];
  };

  // StackReference is a read: fetch the referenced outputs from the parent first.
  const read = monitor.readResource.bind(monitor);
  monitor.readResource = async (req: any, callback: (err: unknown, resp: any) => void) => {
    pending++;
    try {
      const name = req.getProperties()?.toJavaScript()?.name;
      if (req.getType() === "pulumi:pulumi:StackReference" && typeof name === "string" && !stackOutputs[name]) {
        await new Promise<void>((ok, ko) => {
          waiting.set(name, { ok, ko });
          send({ kind: "need-stack", name });
        });
      }
    } catch (error) {
      pending--;
      callback(Object.assign(error as Error, { details: (error as Error).message }), undefined);
      return;
    }
    read(req, (err: unknown, resp: any) => {
      pending--;
      if (!err && resp) {
        reads.push({
          urn: resp.getUrn(),
          type: req.getType(),
          name: req.getName(),
          id: req.getId(),
          properties: req.getProperties()?.toJavaScript() ?? {},
          outputs: resp.getProperties()?.toJavaScript() ?? {},
          custom: true,
          ...(req.getParent() ? { parent: req.getParent() } : {}),
          dependencies: req.getDependenciesList(),
          position: registered,
        });
      }
      callback(err, resp);
    });
  };

  monitor.registerResource = async (req: any, callback: (err: unknown, resp: any) => void) => {
    pending++;
    register(req, (err: unknown, resp: any) => {
      pending--;
      if (!err && resp) {
        const urn: string = resp.getUrn();
        const type: string = req.getType();
        const inputs = req.getObject()?.toJavaScript() ?? {};
        const outputs = resp.getObject()?.toJavaScript() ?? {};
        const providerRef: string = req.getProvider();
        const provider = providerRef ? providers.get(providerRef.slice(0, providerRef.lastIndexOf("::"))) : undefined;
        if (type.startsWith("pulumi:providers:")) {
          providers.set(urn, {
            type,
            urn,
            name: req.getName(),
            properties: inputs,
            account: accountOfRoles(inputs.assumeRoles),
            region: typeof inputs.region === "string" ? inputs.region : undefined,
          });
        }
        const propertyDependencies: Record<string, string[]> = {};
        req.getPropertydependenciesMap().forEach((deps: any, key: string) => {
          propertyDependencies[key] = deps.getUrnsList();
        });
        const timeouts = req.getCustomtimeouts();
        const seconds = (s: string | undefined): number | undefined => (s ? Math.round(Number.parseFloat(s) * (s.endsWith("m") ? 60 : s.endsWith("h") ? 3600 : 1)) : undefined);
        batch.push({
          urn,
          type,
          name: req.getName(),
          properties: inputs,
          outputs,
          custom: req.getCustom(),
          ...(provider ? { provider: { type: provider.type, urn: provider.urn, name: provider.name, properties: provider.properties } } : {}),
          ...(req.getParent() ? { parent: req.getParent() } : {}),
          // A provider lives in the account it assumes a role in.
          account: provider?.account ?? (type.startsWith("pulumi:providers:") ? accountOfRoles(inputs.assumeRoles) : undefined),
          region: typeof inputs.region === "string" ? inputs.region : provider?.region,
          options: {
            protect: req.getProtect(),
            ignoreChanges: req.getIgnorechangesList(),
            ...(req.getDeletebeforereplacedefined() ? { deleteBeforeReplace: req.getDeletebeforereplace() } : {}),
            additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
            ...(timeouts
              ? { customTimeouts: { createSeconds: seconds(timeouts.getCreate()), updateSeconds: seconds(timeouts.getUpdate()), deleteSeconds: seconds(timeouts.getDelete()) } }
              : {}),
          },
          dependencies: req.getDependenciesList(),
          propertyDependencies,
        });
        registered++;
        if (batch.length === 1) setImmediate(flush);
      }
      callback(err, resp);
    });
  };

  process.on("unhandledRejection", fail);
  process.on("uncaughtException", fail);
  const program = path.resolve(start.program);
  let exported: unknown;
  try {
    exported = require(program);
    if (typeof exported === "function") exported = await (exported as () => unknown)();
  } catch (error) {
    return fail(error);
  }
  const outputs = (await resolve(pulumi.output(exported as Record<string, unknown>))) as Record<string, unknown>;
  // Registrations are asynchronous even under mocks: wait until none is in flight.
  do await settle();
  while (pending > 0);
  flush();
  // Disconnect only once the message is written: disconnecting earlier can drop queued messages.
  process.send!({ kind: "done", outputs: outputs ?? {}, milliseconds: Date.now() - began, reads } satisfies FromWorker, () => process.disconnect());
}

process.once("message", (message: ToWorker) => {
  if (message.kind === "start") run(message).catch(fail);
});
