import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultResultsRoot, runFolderName } from "./results-dir.js";

describe("the default red-team results folder", () => {
  it("is under XDG_STATE_HOME when set, else the platform's per-user state folder", () => {
    expect(defaultResultsRoot({ XDG_STATE_HOME: "/var/state", HOME: "/home/a" }, "linux")).toBe(
      join("/var/state", "openaims", "redteam-results"),
    );
    expect(defaultResultsRoot({ XDG_STATE_HOME: "relative", HOME: "/home/a" }, "linux")).toBe(
      join("/home/a", ".local", "state", "openaims", "redteam-results"),
    );
    expect(defaultResultsRoot({ LOCALAPPDATA: "C:\\Users\\a\\AppData\\Local", HOME: "/home/a" }, "win32")).toBe(
      join("C:\\Users\\a\\AppData\\Local", "openaims", "redteam-results"),
    );
  });

  it("names each run by its start time, without characters file systems refuse", () => {
    expect(runFolderName(new Date("2026-12-05T12:40:03.123Z"))).toBe("2026-12-05T12-40-03-123Z");
  });
});
