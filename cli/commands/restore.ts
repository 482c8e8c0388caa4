import { createHash } from "node:crypto";
import { join } from "node:path";
import type { Command } from "commander";
import type { RestorePlan } from "../operations/restore/plan";
import { restoreFromBackup } from "../operations/restore/restore-from-backup";
import { parseInstance, parseKindList, parseLocation, readMappingFlag } from "../arguments";
import type { CliCommand } from "../command-module";
import { S3Client } from "@aws-sdk/client-s3";
import { addCommonOptions, addS3Options, emit, s3ConfigFromFlags, progressFromFlags, sessionFromFlags, sessionStats, storeFromFlags, type CommonFlags, type S3Flags } from "../connect-options";
import { OperationalError } from "../errors";
import { EXIT } from "../exit-codes";
import type { Progress } from "../progress";
import { formatFailure } from "./verify";

interface RestoreFlags extends CommonFlags, S3Flags {
  from?: string;
  instanceId?: string;
  mapping?: string;
  dryRun?: boolean;
  prune?: boolean;
  journal?: string;
  kinds?: string;
}

export function formatPlan(plan: RestorePlan): string {
  const lines: string[] = [];
  const count = (op: string) => plan.nodes.filter((n) => n.op === op).length;
  lines.push(
    `Plan: restore ${plan.source.instanceId} (${plan.source.accountId}, ${plan.source.region}) into ${plan.target.instanceId} (${plan.target.accountId}, ${plan.target.region})`,
    `  create ${count("create")}, update ${count("update")}, unchanged ${count("unchanged")}, blocked ${count("blocked")}, prune ${plan.prune.length}; about ${plan.estimatedWrites} writes`,
  );
  for (const n of plan.nodes) {
    if (n.op !== "unchanged") {
      const extra = n.op === "update" || n.op === "blocked" ? `: ${n.detail.join(", ")}` : n.deferred.length ? ` (stub first; second pass resolves ${n.deferred.length} references)` : "";
      lines.push(`  ${n.op.padEnd(9)} ${n.key}${extra}`);
    }
    for (const note of n.notes ?? []) lines.push(`  ${"note".padEnd(9)} ${n.key}: ${note}`);
  }
  const blocked = plan.nodes.filter((n) => n.op === "blocked" && n.unblockedBy?.length);
  const skippedNumbers = plan.skipped.filter((s) => s.kind === "phoneNumbers");
  if (blocked.length || skippedNumbers.length) {
    lines.push("Operator actions (then re-run the restore):");
    for (const n of blocked) for (const a of n.unblockedBy!) lines.push(`  ${n.key}: ${a}`);
    for (const s of skippedNumbers) lines.push(`  phoneNumbers/${s.name}: claim the number in the target (AWS forces this step: ClaimPhoneNumber or the console), or map it under "phoneNumbers" in the mapping file`);
  }
  for (const p of plan.prune) lines.push(`  ${"delete".padEnd(9)} ${p.kind}/${p.name}${p.api ? "" : " (no delete API; left in place)"}`);
  for (const s of plan.skipped) lines.push(`  ${"skip".padEnd(9)} ${s.kind}/${s.name}: ${s.reason}`);
  for (const p of plan.problems) lines.push(`  problem: ${p}`);
  return `${lines.join("\n")}\n`;
}

export const command: CliCommand = {
  name: "restore",
  register(program: Command, ctx) {
    const cmd = program
      .command("restore")
      .summary("restore a backup into an instance (another Region and/or account)")
      .description(
        "Restore a verified backup into a target instance, creating or updating by name in dependency order (instance " +
          "attributes, storage configs, integrations, Lambda/Lex associations, hours, prompts (audio uploaded to the mapping " +
          "file's bucket), security profiles, hierarchy, queues, flows (stubs first where flows reference each other), " +
          "modules, routing profiles, users (CONNECT_MANAGED: a random first password nobody knows; reset it to hand over), " +
          "quick connects, agent statuses, phone-number associations). Status and state are kept (SAVED drafts stay unpublished). ARNs and ids inside flow content and links are rewritten for the target Region, " +
          "account and instance; `$.AwsRegion` is left intact. A second run makes zero writes. Interrupted runs resume " +
          "(journal). Nothing is deleted unless --prune. Use --dry-run first.",
      )
      .requiredOption("--from <location>", "backup directory or s3://bucket/prefix")
      .requiredOption("--instance-id <id>", "target instance id or instance ARN")
      .option("--mapping <file>", "JSON: {lambda:{src:arn}, lex:{src:arn}, accounts:{src:dst}, phoneNumbers:{src:dst}, storage:{src:dst}, integrations:{src:arn}, prompts:{bucket,prefix}}")
      .option("--dry-run", "print the plan and write nothing")
      .option("--prune", "also delete target resources of restored kinds that are not in the backup")
      .option("--journal <file>", "resume journal (default .connect-dr/restore-<target>-<backup digest>.jsonl)")
      .option("--kinds <list>", "restrict to these restorable kinds");
    addS3Options(addCommonOptions(cmd));
    cmd.addHelpText("after", "\nExamples:\n  connect-dr restore --from s3://dr-backups/connect/prod --instance-id 9999...-0000 --region us-west-2 --dry-run\n  connect-dr restore --from ./backups/2026-01-01 --instance-id 9999...-0000 --region us-west-2 --mapping mapping.json");
    cmd.action(async (flags: RestoreFlags) => {
      const location = parseLocation("--from", flags.from);
      const { instanceId, region } = parseInstance("--instance-id", flags.instanceId);
      const kinds = parseKindList("--kinds", flags.kinds);
      const mapping = readMappingFlag(flags.mapping, ctx.io.cwd);
      if (flags.dryRun && flags.prune) ctx.io.stderr.write("note: --dry-run with --prune lists what would be deleted; nothing is deleted\n");
      const session = await sessionFromFlags(flags, ctx.io, region ? { region } : {});
      const store = storeFromFlags(location, { ...flags, region: flags.region ?? session.region }, ctx.io.cwd);
      const journalPath =
        flags.journal ?? join(ctx.io.cwd, ".connect-dr", `restore-${instanceId}-${createHash("sha256").update(store.location).digest("hex").slice(0, 12)}.jsonl`);
      const progress = progressFromFlags(flags, ctx.io);
      let bar: Progress | undefined;
      let phase = "";
      const started = Date.now();
      const outcome = await restoreFromBackup({
        client: session.client,
        store,
        // Prompt audio is uploaded to the mapping file's bucket with the --s3-* flags' client.
        ...(mapping?.prompts ? { promptS3: new S3Client(s3ConfigFromFlags({ ...flags, region: flags.s3Region ?? flags.region ?? session.region })) } : {}),
        targetInstanceId: instanceId,
        ...(mapping ? { mapping } : {}),
        ...(flags.dryRun ? { dryRun: true } : {}),
        ...(flags.prune ? { prune: true } : {}),
        ...(kinds ? { kinds } : {}),
        journalPath,
        onPhase: (p, done, total, detail) => {
          if (p !== phase) {
            bar?.stop();
            phase = p;
            bar = progress.start(`restore: ${p}`);
          }
          bar!.update(done, total, detail);
        },
      });
      bar?.stop();
      if (outcome.status === "invalid-backup") {
        emit(ctx.io, flags, { ok: false, status: outcome.status, failures: outcome.failures }, () => `Backup failed verification; nothing was restored:\n${outcome.failures.map((f) => `  ${formatFailure(f)}`).join("\n")}\n`);
        throw new OperationalError(`backup ${store.location} failed verification (${outcome.failures.length} problems)`);
      }
      const resumedNote = outcome.resumed && !outcome.resumed.complete ? `resuming an interrupted restore: ${outcome.resumed.done.size} resources were completed by earlier runs\n` : "";
      if (outcome.status === "planned") {
        emit(ctx.io, flags, { ok: true, status: "planned", dryRun: true, plan: outcome.plan, api: sessionStats(session) }, () => resumedNote + formatPlan(outcome.plan) + "Dry run: nothing was written.\n");
        ctx.setExit(EXIT.OK);
        return;
      }
      const { result, plan } = outcome;
      const by = (s: string) => result.results.filter((r) => r.status === s).length;
      const summary = {
        ok: result.failed === 0,
        status: "applied",
        target: plan.target,
        source: plan.source,
        created: by("created"),
        updated: by("updated"),
        unchanged: by("unchanged"),
        failed: by("failed"),
        blocked: by("blocked"),
        pruned: result.pruned,
        writes: result.writes,
        seconds: (Date.now() - started) / 1000,
        journal: journalPath,
        failures: result.results.filter((r) => r.error).map((r) => ({ key: r.key, status: r.status, error: r.error })),
        skipped: plan.skipped,
        api: sessionStats(session),
      };
      emit(ctx.io, flags, summary, () =>
        [
          resumedNote +
            `Restored into ${plan.target.instanceId} (${plan.target.accountId}, ${plan.target.region}): created ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}, failed ${summary.failed}, blocked ${summary.blocked}, pruned ${result.pruned.length}; ${result.writes} writes in ${summary.seconds.toFixed(1)}s`,
          ...summary.failures.map((f) => `  ${f.status}: ${f.key}: ${f.error}`),
          ...plan.skipped.map((s) => `  skipped: ${s.kind}/${s.name}: ${s.reason}`),
          "",
        ].join("\n"),
      );
      ctx.setExit(result.failed === 0 ? EXIT.OK : EXIT.FAILURE);
    });
  },
};
