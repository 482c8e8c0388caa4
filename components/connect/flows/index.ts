export * from "./arn";
export * from "./flow-content-error";
export * from "./flow-document";
export * from "./references";
export * from "./region-neutral";
