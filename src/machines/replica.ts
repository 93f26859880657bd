/**
 * The life of one replica client as the primary sees it (docs/behaviour.md §2.1, §3, §4, §6, §11).
 *
 * Every event is named after something the primary does; a transition the primary cannot cause
 * does not exist here. Each replica connection of the model holds a snapshot of this machine as
 * plain data, advanced with xstate's pure `transition()` from the exact place in the ported C code
 * where `replstate` changes — no live actor — so the machine's state always equals the port's
 * `replstate` (checked on every frame by the tests). The page draws the machine from this
 * definition.
 */
import { assign, initialTransition, setup, transition, type SnapshotFrom } from "xstate";

export type DropReason = "bgsave-failed" | "child-error" | "transfer-error" | "timeout" | "disconnected";

export type ReplicaEvent =
  /** syncCommand accepted SYNC/PSYNC: replstate = SLAVE_STATE_WAIT_BGSAVE_START (docs/behaviour.md §3 step 6). */
  | { type: "SYNC_ACCEPTED" }
  /** replicationSetupSlaveForFullResync: replstate = WAIT_BGSAVE_END, +FULLRESYNC written (docs/behaviour.md §7). */
  | { type: "FULLRESYNC_SETUP" }
  /** rdbSaveToSlavesSockets' fork failed: back to WAIT_BGSAVE_START (docs/behaviour.md §6). */
  | { type: "SETUP_UNDONE" }
  /** Error loop of startBgsaveForReplication: CLIENT_SLAVE cleared, unlinked (docs/behaviour.md §4 step 5). */
  | { type: "BGSAVE_FAILED" }
  /** updateSlavesWaitingBgsave, disk child OK: SEND_BULK with the $<len> preamble (docs/behaviour.md §11). */
  | { type: "BULK_START" }
  /** updateSlavesWaitingBgsave, socket child OK: ONLINE, repl_put_online_on_ack = 1 (docs/behaviour.md §11). */
  | { type: "STREAM_DONE" }
  /** putSlaveOnline: the accumulated stream starts flowing (docs/behaviour.md §11). */
  | { type: "PUT_ONLINE" }
  /** The child that was producing this replica's RDB failed or was killed (docs/behaviour.md §11). */
  | { type: "CHILD_FAILED" }
  /** sendBulkToSlave hit a read or write error (docs/behaviour.md §11). */
  | { type: "TRANSFER_FAILED" }
  /** replicationCron: "Disconnecting timedout slave" (docs/behaviour.md §9). */
  | { type: "TIMED_OUT" }
  /** The connection closed (the replica went away or gave up). */
  | { type: "DISCONNECTED" };

export type ReplicaEventType = ReplicaEvent["type"];

/** The events that end a connection as a replica, and the reason each gives. */
type DropEvent = Extract<ReplicaEvent, { type: "BGSAVE_FAILED" | "CHILD_FAILED" | "TRANSFER_FAILED" | "TIMED_OUT" | "DISCONNECTED" }>;

const DROP_REASON: Record<DropEvent["type"], DropReason> = {
  BGSAVE_FAILED: "bgsave-failed",
  CHILD_FAILED: "child-error",
  TRANSFER_FAILED: "transfer-error",
  TIMED_OUT: "timeout",
  DISCONNECTED: "disconnected",
};

export interface ReplicaContext {
  dropReason: DropReason | null;
  lastTransition: { from: ReplicaStateName | "ONLINE"; event: ReplicaEventType } | null;
}

/** Every state of the machine as one dotted name. */
export type ReplicaStateName =
  | "handshake"
  | "WAIT_BGSAVE_START"
  | "WAIT_BGSAVE_END"
  | "SEND_BULK"
  | "ONLINE.waitingForAck"
  | "ONLINE.streaming"
  | "dropped";

export const replicaMachine = setup({
  types: {
    context: {} as ReplicaContext,
    events: {} as ReplicaEvent,
  },
  actions: {
    /** Remember the transition taken, for the statechart's "last transition" mark. */
    record: assign(({ event }, params: { from: NonNullable<ReplicaContext["lastTransition"]>["from"] }) => ({
      lastTransition: { from: params.from, event: event.type },
    })),
    /** As record, and the reason follows from the event that ended it. */
    drop: assign(({ event }, params: { from: NonNullable<ReplicaContext["lastTransition"]>["from"] }) => ({
      dropReason: DROP_REASON[event.type as DropEvent["type"]],
      lastTransition: { from: params.from, event: event.type },
    })),
  },
}).createMachine({
  id: "replica",
  context: { dropReason: null, lastTransition: null },
  initial: "handshake",
  states: {
    handshake: {
      description: "Connected, not yet a replica (replstate 0, REPL_STATE_NONE).",
      on: {
        SYNC_ACCEPTED: {
          target: "WAIT_BGSAVE_START",
          actions: { type: "record", params: { from: "handshake" } },
        },
        DISCONNECTED: {
          target: "dropped",
          actions: { type: "drop", params: { from: "handshake" } },
        },
      },
    },
    WAIT_BGSAVE_START: {
      description: "replstate 6: needs a new RDB; gets no stream, only keep-alive newlines.",
      on: {
        FULLRESYNC_SETUP: {
          target: "WAIT_BGSAVE_END",
          actions: { type: "record", params: { from: "WAIT_BGSAVE_START" } },
        },
        BGSAVE_FAILED: {
          target: "dropped",
          actions: {
            type: "drop",
            params: { from: "WAIT_BGSAVE_START" },
          },
        },
        DISCONNECTED: {
          target: "dropped",
          actions: {
            type: "drop",
            params: { from: "WAIT_BGSAVE_START" },
          },
        },
      },
    },
    WAIT_BGSAVE_END: {
      description: "replstate 7: +FULLRESYNC sent; a child produces its RDB; writes accumulate.",
      on: {
        SETUP_UNDONE: {
          target: "WAIT_BGSAVE_START",
          actions: { type: "record", params: { from: "WAIT_BGSAVE_END" } },
        },
        BULK_START: {
          target: "SEND_BULK",
          actions: { type: "record", params: { from: "WAIT_BGSAVE_END" } },
        },
        STREAM_DONE: {
          target: "ONLINE.waitingForAck",
          actions: { type: "record", params: { from: "WAIT_BGSAVE_END" } },
        },
        CHILD_FAILED: {
          target: "dropped",
          actions: { type: "drop", params: { from: "WAIT_BGSAVE_END" } },
        },
        DISCONNECTED: {
          target: "dropped",
          actions: {
            type: "drop",
            params: { from: "WAIT_BGSAVE_END" },
          },
        },
      },
    },
    SEND_BULK: {
      description: "replstate 8 (disk only): the parent sends dump.rdb in 16 KiB chunks.",
      on: {
        PUT_ONLINE: {
          target: "ONLINE.streaming",
          actions: { type: "record", params: { from: "SEND_BULK" } },
        },
        TRANSFER_FAILED: {
          target: "dropped",
          actions: { type: "drop", params: { from: "SEND_BULK" } },
        },
        DISCONNECTED: {
          target: "dropped",
          actions: { type: "drop", params: { from: "SEND_BULK" } },
        },
      },
    },
    ONLINE: {
      description: "replstate 9: the RDB was delivered.",
      initial: "streaming",
      states: {
        waitingForAck: {
          description: "Diskless: ONLINE, but the stream waits for the first REPLCONF ACK.",
          on: {
            PUT_ONLINE: {
              target: "streaming",
              actions: { type: "record", params: { from: "ONLINE.waitingForAck" } },
            },
          },
        },
        streaming: { description: "The replication stream flows." },
      },
      on: {
        TIMED_OUT: {
          target: "dropped",
          actions: { type: "drop", params: { from: "ONLINE" } },
        },
        DISCONNECTED: {
          target: "dropped",
          actions: { type: "drop", params: { from: "ONLINE" } },
        },
      },
    },
    dropped: {
      description: "No longer a replica of this primary.",
      type: "final",
    },
  },
});

/** The machine's state as one dotted name: "WAIT_BGSAVE_END", "ONLINE.waitingForAck", "dropped". */
export function stateName(value: unknown): ReplicaStateName {
  return dottedName(value) as ReplicaStateName;
}

function dottedName(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const [k, v] = Object.entries(value as Record<string, unknown>)[0] ?? [];
    if (k !== undefined) return `${k}.${dottedName(v)}`;
  }
  return String(value);
}

export type ReplicaSnapshot = SnapshotFrom<typeof replicaMachine>;

/** Where every connection's statechart starts (snapshots are immutable, so one is shared). */
export const INITIAL_REPLICA_SNAPSHOT: ReplicaSnapshot = initialTransition(replicaMachine)[0];

/**
 * The snapshot after `event`: xstate's pure transition(). The machine has no guards and its
 * context follows from the transition taken, so the result depends only on (snapshot, event) and
 * is remembered: the model steps thousands of connections, and each transition() call builds an
 * inert actor. The memo holds only answers transition() gave; it never changes one.
 */
const steps = new WeakMap<ReplicaSnapshot, Map<ReplicaEventType, ReplicaSnapshot>>();

export function replicaStep(snapshot: ReplicaSnapshot, event: ReplicaEvent): ReplicaSnapshot {
  let next = steps.get(snapshot);
  if (!next) steps.set(snapshot, (next = new Map()));
  let after = next.get(event.type);
  if (!after) next.set(event.type, (after = transition(replicaMachine, snapshot, event)[0]));
  return after;
}
