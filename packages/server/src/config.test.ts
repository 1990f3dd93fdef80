import { describe, expect, it } from "vitest";
import { configFromEnv, defaultConfig } from "./config.js";

describe("server settings", () => {
  it("listen on this computer only and log warnings and errors unless told otherwise", () => {
    expect(defaultConfig.host).toBe("127.0.0.1");
    expect(configFromEnv({})).toMatchObject({ host: "127.0.0.1", logLevel: "warn" });
  });

  it("take the address from AIMS_HOST, and a command-line flag over it", () => {
    expect(configFromEnv({ AIMS_HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
    expect(configFromEnv({ AIMS_HOST: " " }).host).toBe("127.0.0.1");
    expect(configFromEnv({ AIMS_HOST: "0.0.0.0" }, { host: "::1" }).host).toBe("::1");
  });

  it("take the log level from AIMS_LOG_LEVEL and refuse one pino does not know", () => {
    expect(configFromEnv({ AIMS_LOG_LEVEL: "Info" }).logLevel).toBe("info");
    expect(() => configFromEnv({ AIMS_LOG_LEVEL: "verbose" })).toThrow(
      "AIMS_LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, got 'verbose'",
    );
  });
});
