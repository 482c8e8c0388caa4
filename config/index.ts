export * from "./config-problem";
export * from "./region-pairs";
export * from "./schema";
export * from "./stack-config";
export * from "./load";
export * from "./flow-files";
export * from "./stack-file";
export * from "./recovery-objectives";
