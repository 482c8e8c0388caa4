import * as pulumi from "@pulumi/pulumi";
import { ArgumentError } from "../components/runtime";
import { loadStackConfig, readFlowFiles } from "./config";
import { planProviders } from "./provider-plan";
import { StackProviders } from "./providers";
import { definePrimary } from "./primary";
import { defineSecondary } from "./secondary";

export interface DefineStackOptions {
  /** Folder holding Pulumi.yaml, that flow paths are relative to. @default process.cwd() (Pulumi runs programs there) */
  readonly projectDir?: string;
}

/**
 * The whole program: parse the config once (one readable error for every problem), create one
 * provider per (account, Region) this stack needs, and compose the stack of its role.
 * Deploy order: the primary stack first, then the secondary, which reads the primary's outputs.
 * @returns the stack outputs
 */
export function defineStack(options: DefineStackOptions = {}): Record<string, pulumi.Output<unknown>> {
  const projectDir = options.projectDir ?? process.cwd();
  const config = loadStackConfig({ projectDir });
  const providers = new StackProviders(planProviders(config, pulumi.getStack()));
  try {
    if (config.role === "primary") {
      return definePrimary(config, providers, readFlowFiles(config.connect.flows, projectDir).contents);
    }
    return defineSecondary(config, providers);
  } catch (error) {
    throw asConfigProblem(error);
  }
}

/**
 * Components validate before creating anything; what they refuse came from the config (or a flow
 * file), so it is reported like a config problem: one clear message, no stack trace. The config
 * schema checks what the components check, so this is the net under it; other errors pass through.
 */
export function asConfigProblem(error: unknown): unknown {
  return error instanceof ArgumentError
    ? new pulumi.RunError(`A component refused a value from the stack configuration or a flow file:\n  ${error.message}`)
    : error;
}
