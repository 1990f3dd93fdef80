import { Writable } from "node:stream";

/** What a command may touch of the outside world, so tests can run the CLI in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Directory relative paths are resolved against. */
  cwd: string;
  /** Reads a line typed at the terminal without echoing it; null when no terminal is attached. */
  readSecret(prompt: string): Promise<string | null>;
  /** Resolves with the signal's name when the process is asked to stop. */
  waitForShutdown(): Promise<string>;
}

/** The real process: stdout, stderr, the terminal and signals. */
export function processIo(): CliIo {
  // `aims … | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    readSecret: readHiddenLine,
    waitForShutdown: () =>
      new Promise((resolve) => {
        const stop = (signal: string) => {
          // A second signal while shutting down means "now".
          process.once(signal, () => process.exit(130));
          resolve(signal);
        };
        process.once("SIGINT", () => stop("SIGINT"));
        process.once("SIGTERM", () => stop("SIGTERM"));
      }),
  };
}

async function readHiddenLine(prompt: string): Promise<string | null> {
  if (!process.stdin.isTTY) return null;
  const { createInterface } = await import("node:readline");
  let muted = false;
  // The prompt goes to stderr so that stdout stays clean for --json; typed characters are dropped.
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    return await new Promise<string | null>((resolve) => {
      rl.question(prompt, (answer) => resolve(answer));
      rl.once("SIGINT", () => resolve(null));
      rl.once("close", () => resolve(null));
      muted = true;
    });
  } finally {
    rl.close();
    process.stderr.write("\n");
  }
}
