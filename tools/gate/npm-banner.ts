/**
 * `npm start -- --format json > report.json` is not JSON: npm prints its script banner
 * (`> connect-dr@0.1.0 start`) on stdout first. The gate cannot remove it, so it says how to avoid it.
 */

/**
 * The notice for a machine-readable report written to stdout under an npm script that printed its
 * banner there (any log level but `silent`), or undefined when stdout is clean. Pure.
 */
export function npmBannerNotice(env: Readonly<Record<string, string | undefined>>, format: string, output: string | undefined): string | undefined {
  if (output !== undefined || format === "human") return undefined;
  const script = env.npm_lifecycle_event;
  if (script === undefined || env.npm_config_loglevel === "silent") return undefined;
  return (
    `connect-dr gate: npm printed its script banner on stdout before the ${format} report, so stdout is not pure ${format}; ` +
    `run \`npm ${script === "start" ? "start" : `run ${script}`} --silent -- --format ${format}\` or pass --output FILE\n`
  );
}
