/**
 * The model's verdict on each request the simulator serves, and (when responses are checked) on
 * its answer; recorded per simulator and offered to process-wide listeners, so a test can assert
 * that no request the code under test sent, through any simulator (also one a command starts
 * itself), broke AWS's model.
 */
import { ServiceError } from "../errors";
import { CONNECT_MODEL, validationErrorOf, type ConnectModel } from "./connect-model";
import { checkShape, describeProblems, type ModelProblem } from "./shape-check";

/** One request as the model judges it. */
export interface ModelVerdict {
  readonly operation: string;
  readonly account: string;
  readonly region: string;
  /** What the request breaks of the operation's input shape; empty when the model accepts it. */
  readonly request: readonly ModelProblem[];
  /** HTTP status answered; undefined when the connection was dropped before an answer. */
  status?: number;
  /** The error name answered, if any. */
  errorType?: string;
  /**
   * What the answer breaks, when responses are checked: the output shape for a success, an error
   * the operation's model does not list for a failure. Undefined when not checked.
   */
  response?: readonly ModelProblem[];
}

/** Called with each verdict once its answer is known. */
export type VerdictListener = (verdict: ModelVerdict) => void;

const listeners = new Set<VerdictListener>();

/**
 * Receives the verdict of every request any simulator in this process serves from now on. While at
 * least one listener is subscribed, simulators check responses too (unless told otherwise).
 * @returns a function that unsubscribes
 */
export function onModelVerdict(listener: VerdictListener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** True while a listener is subscribed (tests). */
export function verdictListenersActive(): boolean {
  return listeners.size > 0;
}

/** The most recent verdicts of one simulator, plus every one that found a problem. */
export class VerdictLog {
  private recent: ModelVerdict[] = [];
  private broken: ModelVerdict[] = [];
  private total = 0;

  /** @param capacity verdicts kept in full; older valid ones are dropped (violations are always kept, up to the same number) */
  constructor(private readonly capacity = 10_000) {}

  record(verdict: ModelVerdict): void {
    this.total += 1;
    this.recent.push(verdict);
    if (this.recent.length > this.capacity) this.recent = this.recent.slice(-this.capacity);
    if ((verdict.request.length > 0 || (verdict.response?.length ?? 0) > 0) && this.broken.length < this.capacity) this.broken.push(verdict);
    for (const listener of listeners) listener(verdict);
  }

  /** Requests judged since start (or `clear`), the latest verdicts, and all that broke the model. */
  snapshot(): { total: number; recent: readonly ModelVerdict[]; violations: readonly ModelVerdict[] } {
    return { total: this.total, recent: [...this.recent], violations: [...this.broken] };
  }

  clear(): void {
    this.recent = [];
    this.broken = [];
    this.total = 0;
  }
}

/** What the model says of a decoded request to `operation`. */
export function checkRequest(operation: string, input: Readonly<Record<string, unknown>>, model: ConnectModel = CONNECT_MODEL): ModelProblem[] {
  const shape = model.operations[operation]?.input;
  return shape ? checkShape(model, shape, input, "input") : [];
}

/** The error the service answers a request that breaks the model with: the operation's listed validation error. */
export function modelValidationError(operation: string, problems: readonly ModelProblem[], model: ConnectModel = CONNECT_MODEL): ServiceError {
  return new ServiceError(validationErrorOf(operation, model), describeProblems(problems));
}

/**
 * What the model says of an answer: a success body (wire JSON) against the output shape, or an
 * error name against the operation's listed errors.
 */
export function checkResponse(
  operation: string,
  answer: { readonly body: unknown } | { readonly errorType: string },
  model: ConnectModel = CONNECT_MODEL,
): ModelProblem[] {
  const op = model.operations[operation];
  if (!op) return [];
  if ("errorType" in answer) {
    return op.errors.includes(answer.errorType) ? [] : [{ path: "(error)", constraint: `${operation} lists only ${op.errors.join(", ")}`, value: answer.errorType }];
  }
  if (!op.output) return answer.body && Object.keys(answer.body).length > 0 ? [{ path: "(top)", constraint: `${operation} has no output`, value: answer.body }] : [];
  return checkShape(model, op.output, answer.body, "output");
}
