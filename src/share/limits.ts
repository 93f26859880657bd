/**
 * The size rules, in one place (docs/architecture.md §7): what a scenario file, a link and a
 * lecture-sync message may weigh. Opening a file, encoding and decoding a link, the trace CLI and
 * the lecture windows all read them from here, so what one accepts the others do not refuse.
 */

/** The largest scenario file read (a 20,000-event scenario is about this size pretty-printed). */
export const MAX_SCENARIO_FILE_BYTES = 2 * 1024 * 1024;

/** The longest encoded link payload read (characters); browsers and chat apps cope with this much. */
export const MAX_LINK_CHARS = 64 * 1024;

/** The most JSON a link may inflate to (bytes): a bomb stops here. */
export const MAX_JSON_BYTES = 512 * 1024;
