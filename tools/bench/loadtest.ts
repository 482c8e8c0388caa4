/**
 * Benchmark: the failover path under load (`connect-dr loadtest --json`), against a Connect API
 * simulator and dynalite it starts. Extra arguments are passed through, e.g.
 * `npm run bench:loadtest -- --rates 50,100,200 --alarm-burst 50`. The last line is one JSON object.
 */
import { main } from "../../cli/index";

main(["loadtest", "--json", "--no-progress", ...process.argv.slice(2)]).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`${String(err)}\n`);
    process.exitCode = 1;
  },
);
