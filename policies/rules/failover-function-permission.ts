import { CONTROLS } from "../frameworks";
import { failoverFunctions, functionRole, GROUP_ARN_VARIABLE, UPDATE_TRAFFIC_DISTRIBUTION } from "../inspection/failover";
import { roleStatements, statementsAllow } from "../inspection/iam-permissions";
import { readPath } from "../inspection/known-value";
import { defineStackRule } from "../rule-definition";

/**
 * The failover function can do its one job: it is configured with a traffic distribution group
 * (`GROUP_ARN`) and its role's policies allow `connect:UpdateTrafficDistribution` on that group's ARN
 * (UpdateTrafficDistribution must be called with the group ARN; IAM authorizes it on the
 * traffic-distribution-group resource). Anything unknown during preview (the group ARN, a policy
 * document, an AWS-managed policy) means the rule cannot tell and says nothing.
 */
export const failoverFunctionPermission = defineStackRule({
    name: "failover-function-permission",
    family: "resilience",
    description: "The failover function is configured with a traffic distribution group and its role may call connect:UpdateTrafficDistribution on it.",
    enforcementLevel: "mandatory",
    remediation:
        `Set the function's ${GROUP_ARN_VARIABLE} environment variable to the group's arn and allow ${UPDATE_TRAFFIC_DISTRIBUTION} ` +
        "on that same ARN in a policy of the function's role.",
    controls: [CONTROLS.gdpr.resilience],
    validate: (args, report) => {
        for (const fn of failoverFunctions(args.resources)) {
            const group = readPath(fn.props, ["environment", "variables", GROUP_ARN_VARIABLE]);
            if (!group.known) {
                continue;
            }
            if (typeof group.value !== "string" || group.value === "") {
                report(
                    `Function '${fn.name}' may move traffic (its role names ${UPDATE_TRAFFIC_DISTRIBUTION}) but sets no ${GROUP_ARN_VARIABLE}: ` +
                        "it cannot know which traffic distribution group to move.",
                    fn.urn,
                );
                continue;
            }
            const role = functionRole(fn, args.resources);
            const statements = role ? roleStatements(role, args.resources) : undefined;
            if (!role || !statements?.known) {
                continue;
            }
            if (!statementsAllow(statements.statements, UPDATE_TRAFFIC_DISTRIBUTION, group.value)) {
                report(
                    `Function '${fn.name}' moves traffic distribution group ${group.value} but its role '${role.name}' may not call ` +
                        `${UPDATE_TRAFFIC_DISTRIBUTION} on it: a failover would fail with AccessDeniedException.`,
                    fn.urn,
                );
            }
        }
    },
});
