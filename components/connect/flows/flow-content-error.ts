/**
 * Thrown when flow content is not valid Amazon Connect flow JSON. Names the flow, the JSON path of
 * the offending value and what was expected there, so a user can find the mistake in their export.
 */
export class FlowContentError extends Error {
  constructor(
    readonly flowName: string,
    readonly path: string,
    readonly problem: string,
  ) {
    super(`flow '${flowName}': ${path}: ${problem}`);
    this.name = "FlowContentError";
  }
}
