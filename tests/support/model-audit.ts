/**
 * Holds a spec file's Connect traffic to AWS's model: every request any simulator in this process
 * serves while the suite runs (also requests from child processes and from simulators a command
 * starts itself) is judged against botocore's Connect model, and so is every answer. Call at the top
 * of a `describe`; its `after` hook fails the suite, naming each operation and constraint, when a
 * request broke the model (`requests`) or an answer did (`responses`: not the output shape, or an
 * error the operation's model does not list).
 */
import { expect } from "chai";
import { onModelVerdict, type ModelVerdict } from "../../simulator/model/verdicts";
import { describeProblems } from "../../simulator/model/shape-check";

export interface ModelAuditOptions {
  /** Fail on requests that break the model (off for specs that send invalid requests on purpose). @default true */
  readonly requests?: boolean;
  /** Fail on answers that break the model. @default true */
  readonly responses?: boolean;
}

/** What the audit saw; read it in tests that want numbers. */
export interface ModelAudit {
  readonly verdicts: ModelVerdict[];
}

function summary(v: ModelVerdict, problems: ModelVerdict["request"]): string {
  return `${v.operation} (${v.region}): ${describeProblems(problems)}`;
}

/** Subscribes for the suite and asserts in its `after` hook. */
export function auditModelTraffic(options: ModelAuditOptions = {}): ModelAudit {
  const audit: ModelAudit = { verdicts: [] };
  let unsubscribe = (): void => {};
  before(() => {
    unsubscribe = onModelVerdict((v) => audit.verdicts.push(v));
  });
  after(() => {
    unsubscribe();
    expect(audit.verdicts.length, "no Connect request reached a simulator during the suite").to.be.greaterThan(0);
    if (options.requests ?? true) {
      const broken = audit.verdicts.filter((v) => v.request.length > 0).map((v) => summary(v, v.request));
      expect(broken, `requests that break AWS's Connect model (${broken.length} of ${audit.verdicts.length})`).to.deep.equal([]);
    }
    if (options.responses ?? true) {
      const broken = audit.verdicts.filter((v) => (v.response?.length ?? 0) > 0).map((v) => summary(v, v.response!));
      expect(broken, `simulator answers that break AWS's Connect model (${broken.length} of ${audit.verdicts.length})`).to.deep.equal([]);
    }
  });
  return audit;
}
