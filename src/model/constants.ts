/** Values from Redis 4.0.14 `src/server.h` (docs/behaviour.md §2). */
export const C_OK = 0;
export const C_ERR = -1;

export const REPL_STATE_NONE = 0;
export const SLAVE_STATE_WAIT_BGSAVE_START = 6;
export const SLAVE_STATE_WAIT_BGSAVE_END = 7;
export const SLAVE_STATE_SEND_BULK = 8;
export const SLAVE_STATE_ONLINE = 9;

export const SLAVE_CAPA_EOF = 1 << 0;
export const SLAVE_CAPA_PSYNC2 = 1 << 1;

/**
 * A replica's requirements on the RDB it is sent (`client->slave_req`), from Redis 7.0.15
 * src/server.h 441–445: set by `REPLCONF rdb-filter-only`; 0 in every earlier version.
 */
export const SLAVE_REQ_NONE = 0;
export const SLAVE_REQ_RDB_EXCLUDE_DATA = 1 << 0;
export const SLAVE_REQ_RDB_EXCLUDE_FUNCTIONS = 1 << 1;
export const SLAVE_REQ_RDB_MASK = SLAVE_REQ_RDB_EXCLUDE_DATA | SLAVE_REQ_RDB_EXCLUDE_FUNCTIONS;

export const CLIENT_SLAVE = 1 << 0;
export const CLIENT_CLOSE_AFTER_REPLY = 1 << 6;
export const CLIENT_PRE_PSYNC = 1 << 16;

export const RDB_CHILD_TYPE_NONE = 0;
export const RDB_CHILD_TYPE_DISK = 1;
export const RDB_CHILD_TYPE_SOCKET = 2;

/** PROTO_IOBUF_LEN: sendBulkToSlave reads and writes the file in 16 KiB chunks (docs/behaviour.md §11). */
export const PROTO_IOBUF_LEN = 16 * 1024;
/** hz 10: serverCron every 100 ms; replicationCron every 1000 ms (docs/behaviour.md §9). */
export const SERVER_CRON_MS = 100;
export const REPLICATION_CRON_MS = 1000;
/** repl-ping-slave-period default (docs/behaviour.md §12). */
export const REPL_PING_SLAVE_PERIOD = 10;

export type ReplStateName = "NONE" | "WAIT_BGSAVE_START" | "WAIT_BGSAVE_END" | "SEND_BULK" | "ONLINE";

export const REPLSTATE_NAMES: Record<number, ReplStateName> = {
  [REPL_STATE_NONE]: "NONE",
  [SLAVE_STATE_WAIT_BGSAVE_START]: "WAIT_BGSAVE_START",
  [SLAVE_STATE_WAIT_BGSAVE_END]: "WAIT_BGSAVE_END",
  [SLAVE_STATE_SEND_BULK]: "SEND_BULK",
  [SLAVE_STATE_ONLINE]: "ONLINE",
};

export const REPLSTATE_BY_NAME: Record<ReplStateName, number> = {
  NONE: REPL_STATE_NONE,
  WAIT_BGSAVE_START: SLAVE_STATE_WAIT_BGSAVE_START,
  WAIT_BGSAVE_END: SLAVE_STATE_WAIT_BGSAVE_END,
  SEND_BULK: SLAVE_STATE_SEND_BULK,
  ONLINE: SLAVE_STATE_ONLINE,
};

export type FlagName = "SLAVE" | "CLOSE_AFTER_REPLY" | "PRE_PSYNC";

const FLAG_NAMES: readonly (readonly [number, FlagName])[] = [
  [CLIENT_SLAVE, "SLAVE"],
  [CLIENT_CLOSE_AFTER_REPLY, "CLOSE_AFTER_REPLY"],
  [CLIENT_PRE_PSYNC, "PRE_PSYNC"],
];

/**
 * The names of the set flags; the same frozen array for the same flags (frames share it). A
 * lookup of pure values: the cache only avoids allocating, it never changes an answer.
 */
const flagNameCache = new Map<number, readonly FlagName[]>();

export function flagNames(flags: number): readonly FlagName[] {
  let names = flagNameCache.get(flags);
  if (!names) {
    names = Object.freeze(FLAG_NAMES.filter(([bit]) => (flags & bit) !== 0).map(([, name]) => name));
    flagNameCache.set(flags, names);
  }
  return names;
}
