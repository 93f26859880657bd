/** Reading a redis-server log line (src/record/logLine.ts, docs/recording-format.md §4). */
import { describe, expect, it } from "vitest";
import { parseLogLine, splitLines, stampMillis } from "./logLine";

describe("a redis-server log line", () => {
  it("reads the 4.0 form, without a year (docs/behaviour.md §13)", () => {
    expect(parseLogLine("4321:M 18 Mar 10:00:00.250 * Slave 127.0.0.1:17001 asks for synchronization")).toEqual({
      pid: 4321,
      role: "M",
      stamp: "18 Mar 10:00:00.250",
      level: "notice",
      text: "Slave 127.0.0.1:17001 asks for synchronization",
    });
    expect(parseLogLine("4322:C 8 Dec 00:06:01.002 - Client closed connection")).toMatchObject({ role: "C", level: "verbose", text: "Client closed connection" });
  });

  it("reads the 7.0 form, with the year", () => {
    expect(parseLogLine("8820:M 08 Dec 2025 00:12:30.017 # Connection with replica 127.0.0.1:17001 lost.")).toEqual({
      pid: 8820,
      role: "M",
      stamp: "08 Dec 2025 00:12:30.017",
      level: "warning",
      text: "Connection with replica 127.0.0.1:17001 lost.",
    });
    expect(parseLogLine("1:S 01 Jan 2024 00:00:00.000 . debug")).toMatchObject({ role: "S", level: "debug" });
  });

  it("gives null for a line of another form", () => {
    expect(parseLogLine("                _._")).toBeNull();
    expect(parseLogLine("4321:M 18 Mar 10:00:00 * no milliseconds")).toBeNull();
    expect(parseLogLine("4321:Q 18 Mar 10:00:00.000 * role Q")).toBeNull();
  });

  it("turns a stamp into milliseconds, taking the year given when it has none", () => {
    const with7 = stampMillis("08 Dec 2025 00:12:30.017", 1999);
    const with4 = stampMillis("08 Dec 00:12:30.017", 2025);
    expect(with7).toBe(new Date(2025, 11, 8, 0, 12, 30, 17).getTime());
    expect(with4).toBe(with7);
    expect(stampMillis("31 Foo 00:00:00.000", 2025)).toBeNull();
  });

  it("cuts a growing file into complete lines, keeping the unfinished one", () => {
    expect(splitLines("", "a\r\nb\nc")).toEqual({ lines: ["a", "b"], pending: "c" });
    expect(splitLines("c", "d\n")).toEqual({ lines: ["cd"], pending: "" });
  });
});
