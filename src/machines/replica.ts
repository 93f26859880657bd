/**
 * The life of one replica client as the primary sees it (reference §2.1, §3, §4, §6, §11).
 *
 * Every event is named after something the primary does; a transition the primary cannot cause
 * does not exist here. The primary model spawns one actor per replica connection and sends these
 * events from the exact place in the ported C code where `replstate` changes, so the actor's state
 * always equals the port's `replstate` (checked on every frame by the tests).
 */
import { setup, assign } from "xstate";

export type DropReason = "bgsave-failed" | "child-error" | "transfer-error" | "timeout" | "disconnected";

export type ReplicaEvent =
  /** syncCommand accepted SYNC/PSYNC: replstate = SLAVE_STATE_WAIT_BGSAVE_START (§3 step 6). */
  | { type: "SYNC_ACCEPTED" }
  /** replicationSetupSlaveForFullResync: replstate = WAIT_BGSAVE_END, +FULLRESYNC written (§7). */
  | { type: "FULLRESYNC_SETUP" }
  /** rdbSaveToSlavesSockets' fork failed: back to WAIT_BGSAVE_START (§6). */
  | { type: "SETUP_UNDONE" }
  /** Error loop of startBgsaveForReplication: CLIENT_SLAVE cleared, unlinked (§4 step 5). */
  | { type: "BGSAVE_FAILED" }
  /** updateSlavesWaitingBgsave, disk child OK: SEND_BULK with the $<len> preamble (§11). */
  | { type: "BULK_START" }
  /** updateSlavesWaitingBgsave, socket child OK: ONLINE, repl_put_online_on_ack = 1 (§11). */
  | { type: "STREAM_DONE" }
  /** putSlaveOnline: the accumulated stream starts flowing (§11). */
  | { type: "PUT_ONLINE" }
  /** The child that was producing this replica's RDB failed or was killed (§11). */
  | { type: "CHILD_FAILED" }
  /** sendBulkToSlave hit a read or write error (§11). */
  | { type: "TRANSFER_FAILED" }
  /** replicationCron: "Disconnecting timedout slave" (§9). */
  | { type: "TIMED_OUT" }
  /** The connection closed (the replica went away or gave up). */
  | { type: "DISCONNECTED" };

export type ReplicaEventType = ReplicaEvent["type"];

export interface ReplicaContext {
  replicaId: string;
  dropReason: DropReason | null;
  lastTransition: { from: string; event: ReplicaEventType } | null;
}

export const replicaMachine = setup({
  types: {
    context: {} as ReplicaContext,
    events: {} as ReplicaEvent,
    input: {} as { replicaId: string },
  },
  actions: {
    record: assign((_, params: { from: string; event: ReplicaEventType }) => ({
      lastTransition: { from: params.from, event: params.event },
    })),
    drop: assign((_, params: { from: string; event: ReplicaEventType; reason: DropReason }) => ({
      dropReason: params.reason,
      lastTransition: { from: params.from, event: params.event },
    })),
  },
}).createMachine({
  id: "replica",
  context: ({ input }) => ({ replicaId: input.replicaId, dropReason: null, lastTransition: null }),
  initial: "handshake",
  states: {
    handshake: {
      description: "Connected, not yet a replica (replstate 0, REPL_STATE_NONE).",
      on: {
        SYNC_ACCEPTED: {
          target: "WAIT_BGSAVE_START",
          actions: { type: "record", params: { from: "handshake", event: "SYNC_ACCEPTED" } },
        },
        DISCONNECTED: {
          target: "dropped",
          actions: { type: "drop", params: { from: "handshake", event: "DISCONNECTED", reason: "disconnected" } },
        },
      },
    },
    WAIT_BGSAVE_START: {
      description: "replstate 6: needs a new RDB; gets no stream, only keep-alive newlines.",
      tags: ["waiting"],
      on: {
        FULLRESYNC_SETUP: {
          target: "WAIT_BGSAVE_END",
          actions: { type: "record", params: { from: "WAIT_BGSAVE_START", event: "FULLRESYNC_SETUP" } },
        },
        BGSAVE_FAILED: {
          target: "dropped",
          actions: {
            type: "drop",
            params: { from: "WAIT_BGSAVE_START", event: "BGSAVE_FAILED", reason: "bgsave-failed" },
          },
        },
        DISCONNECTED: {
          target: "dropped",
          actions: {
            type: "drop",
            params: { from: "WAIT_BGSAVE_START", event: "DISCONNECTED", reason: "disconnected" },
          },
        },
      },
    },
    WAIT_BGSAVE_END: {
      description: "replstate 7: +FULLRESYNC sent; a child produces its RDB; writes accumulate.",
      tags: ["waiting"],
      on: {
        SETUP_UNDONE: {
          target: "WAIT_BGSAVE_START",
          actions: { type: "record", params: { from: "WAIT_BGSAVE_END", event: "SETUP_UNDONE" } },
        },
        BULK_START: {
          target: "SEND_BULK",
          actions: { type: "record", params: { from: "WAIT_BGSAVE_END", event: "BULK_START" } },
        },
        STREAM_DONE: {
          target: "ONLINE.waitingForAck",
          actions: { type: "record", params: { from: "WAIT_BGSAVE_END", event: "STREAM_DONE" } },
        },
        CHILD_FAILED: {
          target: "dropped",
          actions: { type: "drop", params: { from: "WAIT_BGSAVE_END", event: "CHILD_FAILED", reason: "child-error" } },
        },
        DISCONNECTED: {
          target: "dropped",
          actions: {
            type: "drop",
            params: { from: "WAIT_BGSAVE_END", event: "DISCONNECTED", reason: "disconnected" },
          },
        },
      },
    },
    SEND_BULK: {
      description: "replstate 8 (disk only): the parent sends dump.rdb in 16 KiB chunks.",
      tags: ["transferring"],
      on: {
        PUT_ONLINE: {
          target: "ONLINE.streaming",
          actions: { type: "record", params: { from: "SEND_BULK", event: "PUT_ONLINE" } },
        },
        TRANSFER_FAILED: {
          target: "dropped",
          actions: { type: "drop", params: { from: "SEND_BULK", event: "TRANSFER_FAILED", reason: "transfer-error" } },
        },
        DISCONNECTED: {
          target: "dropped",
          actions: { type: "drop", params: { from: "SEND_BULK", event: "DISCONNECTED", reason: "disconnected" } },
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
              actions: { type: "record", params: { from: "ONLINE.waitingForAck", event: "PUT_ONLINE" } },
            },
          },
        },
        streaming: { description: "The replication stream flows." },
      },
      on: {
        TIMED_OUT: {
          target: "dropped",
          actions: { type: "drop", params: { from: "ONLINE", event: "TIMED_OUT", reason: "timeout" } },
        },
        DISCONNECTED: {
          target: "dropped",
          actions: { type: "drop", params: { from: "ONLINE", event: "DISCONNECTED", reason: "disconnected" } },
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
export function stateName(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const [k, v] = Object.entries(value as Record<string, unknown>)[0] ?? [];
    if (k !== undefined) return `${k}.${stateName(v)}`;
  }
  return String(value);
}
