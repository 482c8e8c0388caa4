import type { Command } from "commander";
import { compareSnapshots, DEFAULT_DIFF_KINDS, kindsToRead, type SnapshotDiff } from "../operations/diff/compare-snapshots";
import { loadSide } from "../operations/diff/load-side";
import type { Kind } from "../operations/model/kinds";
import type { Snapshot } from "../operations/model/snapshot";
import { isInstanceRef, parseInstance, parseKindList, parseLocation, parseRegion, readMappingFlag } from "../arguments";
import type { CliCommand } from "../command-module";
import { addCommonOptions, addS3Options, emit, progressFromFlags, sessionFromFlags, storeFromFlags, type CommonFlags, type S3Flags } from "../connect-options";
import type { CliIo } from "../io";
import { EXIT } from "../exit-codes";

interface DiffFlags extends CommonFlags, S3Flags {
  kinds?: string;
  mapping?: string;
  leftRegion?: string;
  rightRegion?: string;
  leftProfile?: string;
  rightProfile?: string;
  leftEndpointUrl?: string;
  rightEndpointUrl?: string;
}

export function formatDiff(d: SnapshotDiff): string {
  if (d.equal) return `No differences${d.notCompared.length ? ` (not compared: ${d.notCompared.join(", ")})` : ""}.\n`;
  const lines: string[] = [];
  for (const k of d.kinds) {
    lines.push(`${k.kind}:`);
    for (const n of k.onlyLeft) lines.push(`  - ${n} (only in left)`);
    for (const n of k.onlyRight) lines.push(`  + ${n} (only in right)`);
    for (const c of k.changed) {
      lines.push(`  ~ ${c.name}`);
      for (const x of c.differences.slice(0, 20)) lines.push(`      ${x.path}: ${JSON.stringify(x.left)} -> ${JSON.stringify(x.right)}`);
      if (c.differences.length > 20) lines.push(`      ... ${c.differences.length - 20} more`);
    }
  }
  return `${lines.join("\n")}\n`;
}

export const command: CliCommand = {
  name: "diff",
  register(program: Command, ctx) {
    const cmd = program
      .command("diff")
      .summary("structural diff: instance vs instance, or instance vs backup")
      .description(
        "Compare two sides by names, not ids: each side is an instance (id or ARN) or a backup (directory or s3://...). " +
          "Ids, ARNs, Region, account and instance id are remapped before comparing; flow content is compared " +
          "structurally. Exit 0 when equal, 3 when different, 1 on failure, 2 on usage errors.",
      )
      .argument("<left>", "instance id/ARN or backup location")
      .argument("<right>", "instance id/ARN or backup location")
      .option("--kinds <list>", `kinds to compare (default: ${DEFAULT_DIFF_KINDS.join(",")})`)
      .option("--mapping <file>", "restore mapping file: the left side's Lambda/Lex ARNs are translated before comparing")
      .option("--left-region <region>", "Region of the left instance (default --region)")
      .option("--right-region <region>", "Region of the right instance (default --region)")
      .option("--left-profile <name>", "profile for the left instance (default --profile)")
      .option("--right-profile <name>", "profile for the right instance (default --profile)")
      .option("--left-endpoint-url <url>", "Connect endpoint for the left instance (default --endpoint-url)")
      .option("--right-endpoint-url <url>", "Connect endpoint for the right instance (default --endpoint-url)");
    addS3Options(addCommonOptions(cmd));
    cmd.addHelpText("after", "\nExamples:\n  connect-dr diff 1111...-5555 9999...-0000 --left-region us-east-1 --right-region us-west-2\n  connect-dr diff s3://dr-backups/connect/prod arn:aws:connect:us-west-2:111122223333:instance/9999...-0000 --json");
    cmd.action(async (left: string, right: string, flags: DiffFlags) => {
      const kinds = parseKindList("--kinds", flags.kinds) ?? [...DEFAULT_DIFF_KINDS];
      const mapping = readMappingFlag(flags.mapping, ctx.io.cwd);
      parseRegion("--left-region", flags.leftRegion);
      parseRegion("--right-region", flags.rightRegion);
      const progress = progressFromFlags(flags, ctx.io);
      // Kinds read (for ids to become names) may be more than the kinds compared.
      const open = async (arg: string, name: "<left>" | "<right>", region?: string, profile?: string, endpoint?: string, onlyKinds: readonly Kind[] = kindsToRead(kinds)): Promise<Snapshot> => {
        const bar = progress.start(`diff: read ${name.slice(1, -1)}`);
        try {
          if (isInstanceRef(arg)) {
            const inst = parseInstance(name, arg);
            const session = await sessionFromFlags({ ...flags, ...(region ? { region } : {}), ...(profile ? { profile } : {}), ...(endpoint ? { endpointUrl: endpoint } : {}) }, ctx.io, inst.region ? { region: inst.region } : {});
            return await loadSide({ type: "instance", client: session.client, instanceId: inst.instanceId }, onlyKinds, (d, t) => bar.update(d, t));
          }
          const store = storeFromFlags(parseLocation(name, arg), flags, ctx.io.cwd);
          return await loadSide({ type: "backup", store }, onlyKinds, (d, t) => bar.update(d, t));
        } finally {
          bar.stop();
        }
      };
      // Read a backup side first so an instance side reads only the kinds the backup holds.
      const leftIsBackup = !isInstanceRef(left);
      let l: Snapshot;
      let r: Snapshot;
      if (leftIsBackup || isInstanceRef(right)) {
        l = await open(left, "<left>", flags.leftRegion, flags.leftProfile, flags.leftEndpointUrl);
        r = await open(right, "<right>", flags.rightRegion, flags.rightProfile, flags.rightEndpointUrl, kindsToRead(kinds).filter((k) => l.kinds.includes(k)));
      } else {
        r = await open(right, "<right>", flags.rightRegion, flags.rightProfile, flags.rightEndpointUrl);
        l = await open(left, "<left>", flags.leftRegion, flags.leftProfile, flags.leftEndpointUrl, kindsToRead(kinds).filter((k) => r.kinds.includes(k)));
      }
      const d = compareSnapshots(l, r, kinds, mapping ?? {});
      printDiff(ctx.io, flags, d, l, r);
      ctx.setExit(d.equal ? EXIT.OK : EXIT.DIFFERENT);
    });
  },
};

function printDiff(io: CliIo, flags: DiffFlags, d: SnapshotDiff, l: Snapshot, r: Snapshot): void {
  emit(io, flags, { equal: d.equal, left: l.source, right: r.source, kinds: d.kinds, notCompared: d.notCompared }, () => formatDiff(d));
}
