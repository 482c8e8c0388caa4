/**
 * Holds a spec file's Connect traffic to AWS's model: every request any simulator in this process
 * serves while the suite runs (also requests from child processes and from simulators a command
 * starts itself) is judged against botocore's Connect model, and so is every answer. Call at the top
 * of a `describe`; its `after` hook fails the suite, naming each operation and constraint, when a
 * request broke the model (`requests`) or an answer did (`responses`: not the output shape, or an
 * error the operation's model does not list).
 */
import { expect } from "chai";
import { onModelVerdict, type ModelVerdict } from "../../tools/simulator/model/verdicts";
import { describeProblems } from "../../tools/simulator/model/shape-check";

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

/**
 * Subscribes before the suite's first hook runs and asserts after its last one: the check is
 * appended to the suite's after-all hooks once the suite starts, so a failing audit never skips the
 * suite's own clean-up (closing simulators and servers).
 */
export function auditModelTraffic(options: ModelAuditOptions = {}): ModelAudit {
  const audit: ModelAudit = { verdicts: [] };
  before(function () {
    const unsubscribe = onModelVerdict((v) => audit.verdicts.push(v));
    this.test!.parent!.afterAll("holds the suite's Connect traffic to AWS's model", () => {
      unsubscribe();
      expect(audit.verdicts.length, "no Connect request reached a simulator during the suite").to.be.greaterThan(0);
      const count = (pick: (v: ModelVerdict) => number | undefined) => audit.verdicts.filter((v) => (pick(v) ?? 0) > 0).length;
      const operations = new Set(audit.verdicts.map((v) => v.operation)).size;
      console.log(
        `      model audit: ${audit.verdicts.length} Connect requests (${operations} operations): ${count((v) => v.request.length)} broke AWS's model, ${count((v) => v.response?.length)} answers off-model`,
      );
      if (options.requests ?? true) {
        const broken = audit.verdicts.filter((v) => v.request.length > 0).map((v) => summary(v, v.request));
        expect(broken, `requests that break AWS's Connect model (${broken.length} of ${audit.verdicts.length})`).to.deep.equal([]);
      }
      if (options.responses ?? true) {
        const broken = audit.verdicts.filter((v) => (v.response?.length ?? 0) > 0).map((v) => summary(v, v.response!));
        expect(broken, `simulator answers that break AWS's Connect model (${broken.length} of ${audit.verdicts.length})`).to.deep.equal([]);
      }
    });
  });
  return audit;
}
