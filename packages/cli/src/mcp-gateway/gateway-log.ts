/**
 * The gateway's log, always on stderr: in stdio mode stdout is the MCP channel. Lines never carry
 * a call's arguments, which may hold secrets or personal data.
 */
export interface GatewayLog {
  info(line: string): void;
  warn(line: string): void;
  /** A decision, printed only with --verbose. */
  decision(line: string): void;
}

export function gatewayLog(write: (text: string) => void, verbose: boolean): GatewayLog {
  const stamp = (level: string, line: string) => write(`aims mcp-gateway ${level}: ${line}\n`);
  return {
    info: (line) => {
      if (verbose) stamp("info", line);
    },
    warn: (line) => stamp("warn", line),
    decision: (line) => {
      if (verbose) stamp("decision", line);
    },
  };
}
