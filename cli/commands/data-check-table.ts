import type { Command } from "commander";
import { checkTable, type CheckTableReport } from "../data/dynamodb/check-table";
import type { CliContext } from "../command-module";
import { emit } from "../connect-options";
import { addSideOptions, dynamoClientFor, sideFlags, wholeFlag } from "../data-options";
import { UsageError } from "../errors";
import { EXIT } from "../exit-codes";
import { progressFactory } from "../progress";

interface CheckTableFlags extends Record<string, unknown> {
  table?: string;
  replicaTable?: string;
  segments?: string;
  maxRecheck?: string;
  json?: boolean;
  progress?: boolean;
}

function human(r: CheckTableReport): string {
  return [
    `${r.ok ? "OK" : "FAILED"}: ${r.source} vs ${r.replica}`,
    `  items: ${r.items.source} source, ${r.items.replica} replica (${r.segments} segments a side)`,
    `  problems: ${r.problems["missing-in-replica"]} missing in the replica, ${r.problems["missing-in-source"]} missing in the source, ${r.problems.different} different; ${r.settled} settled on a consistent re-read`,
    ...r.listed.map((p) => `  ${p.kind}: ${p.key}`),
  ].join("\n") + "\n";
}

/** `connect-dr data check-table`. */
export function registerCheckTable(data: Command, ctx: CliContext): void {
  const cmd = data
    .command("check-table")
    .summary("compare two replicas of a DynamoDB global table, item by item")
    .description(
      "Scan two replicas of a global table in parallel segments, hash every item (without the legacy replication attributes) " +
        "and name the items missing on either side or different. Each difference is re-read with consistent reads on both sides; " +
        "only those still there are reported (the rest were inside the replication window). Reads only. " +
        "Exit 0 the replicas agree, 1 differences, 2 usage error, 4 a table is missing or the keys differ.",
    )
    .requiredOption("--table <name>", "the global table's name");
  addSideOptions(cmd, "source", "source replica");
  addSideOptions(cmd, "replica", "other replica");
  cmd
    .option("--replica-table <name>", "the other replica's name, when it differs (a restored copy)")
    .option("--segments <n>", "parallel scan segments per table", "8")
    .option("--max-recheck <n>", "differences re-read before being reported", "1000")
    .option("--json", "print one JSON object on stdout")
    .option("--no-progress", "no progress output on stderr")
    .action(async (flags: CheckTableFlags) => {
      const table = flags.table!;
      if (!/^[A-Za-z0-9_.-]{3,255}$/.test(table)) throw UsageError.invalid("--table", table, "expected a DynamoDB table name (3-255 of A-Z a-z 0-9 _ . -)");
      const source = sideFlags(flags, "source");
      const replica = sideFlags(flags, "replica");
      const bar = progressFactory(ctx.io, flags.progress !== false).start("data check-table");
      const report = await checkTable({
        source: { client: dynamoClientFor("source", source), tableName: table, label: source.region ?? source.endpointUrl ?? "the default Region" },
        replica: { client: dynamoClientFor("replica", replica), tableName: flags.replicaTable ?? table, label: replica.region ?? replica.endpointUrl ?? "the default Region" },
        segments: wholeFlag("--segments", flags.segments, 8),
        maxRecheck: wholeFlag("--max-recheck", flags.maxRecheck, 1000, 0),
        onProgress: (n) => bar.update(n, n, "items scanned"),
      });
      bar.stop(report.ok ? "replicas agree" : "differences found");
      emit(ctx.io, flags, report, () => human(report));
      ctx.setExit(report.ok ? EXIT.OK : EXIT.FAILURE);
    });
}
