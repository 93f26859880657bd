/**
 * The format's limits, in one place (docs/scenario-format.md §10, docs/architecture.md §7): what a
 * scenario file, a link and a lecture-sync message may weigh, and how much work a scenario may ask
 * of the simulation. Opening a file, encoding and decoding a link, the validator, the trace CLI and
 * the lecture windows all read them from here, so what one accepts the others do not refuse.
 */

/** The largest scenario file read (a 20,000-event scenario is about this size pretty-printed). */
export const MAX_SCENARIO_FILE_BYTES = 2 * 1024 * 1024;

/** The longest encoded link payload read (characters); browsers and chat apps cope with this much. */
export const MAX_LINK_CHARS = 64 * 1024;

/** The most JSON a link may inflate to (bytes): a bomb stops here. */
export const MAX_JSON_BYTES = 512 * 1024;

/** The most replicas a scenario lists. */
export const MAX_REPLICAS = 500;

/** The most events a scenario lists (sandbox edits included: they are events too). */
export const MAX_EVENTS = 20_000;

/**
 * The work bound. The simulation's cost grows with three products, each bounded on its own
 * (src/scenarios/work.ts estimates them before anything runs):
 *
 * - event×replica steps: every command reaches every replica (a `write` event is `count`
 *   commands). 500 replicas × 20,000 events is the most: the budget of docs/architecture.md §9.
 * - replica-seconds: each replica's cron and the primary's run once a second of virtual time, up
 *   to the run's horizon.
 * - chunk sends: `sendBulkToSlave` sends `dump.rdb` in 16 KiB chunks, one happening each, to
 *   every connection a `connect` event opens.
 */
export const MAX_EVENT_REPLICA_STEPS = 10_000_000;
export const MAX_REPLICA_SECONDS = 1_000_000;
export const MAX_CHUNK_SENDS = 500_000;
