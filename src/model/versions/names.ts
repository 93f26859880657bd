/**
 * The Redis versions the lab has, and how each one's log words what it does — plain data with
 * nothing behind it, so that the model, the CLI and the page can read it without the ports.
 */
export const REDIS_VERSIONS = ["4.0.14", "5.0.5", "6.2.14", "7.0.15"] as const;
export type RedisVersion = (typeof REDIS_VERSIONS)[number];
export const DEFAULT_VERSION: RedisVersion = "4.0.14";

export function isRedisVersion(v: unknown): v is RedisVersion {
  return typeof v === "string" && (REDIS_VERSIONS as readonly string[]).includes(v);
}

/**
 * The log's words per version (docs/versions.md §13): "slave" became "replica" in 5.0 (commit
 * 53fe558ea and its follow-ups; a few lines kept the old word), and the log's date gained the year
 * (commit 64242757d).
 */
export const WORDING: Readonly<Record<RedisVersion, { replica: "slave" | "replica"; year: boolean }>> = {
  "4.0.14": { replica: "slave", year: false },
  "5.0.5": { replica: "replica", year: true },
  "6.2.14": { replica: "replica", year: true },
  "7.0.15": { replica: "replica", year: true },
};
