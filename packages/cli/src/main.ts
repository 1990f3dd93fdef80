import { processIo } from "./io.js";

const argv = process.argv.slice(2);
// Each entry is a separate chunk of the bundle: a scan does not load the server and its libraries.
const { run } =
  argv[0] === "redteam"
    ? await import("./redteam-cli.js")
    : argv[0] === "mcp-gateway"
      ? await import("./mcp-gateway-cli.js")
      : await import("./cli.js");
process.exitCode = await run(argv, processIo());
