/**
 * Words that orient a newcomer: the first visit's "Start here" card, and the glossary's one-line
 * definitions (the words themselves and how texts write them are in src/ui/orient/terms.ts). They
 * load when the card or a definition is first shown, not with the first screen. This English
 * object is the type (`OrientDict`); zh/orient.ts satisfies it key for key.
 * Facts follow docs/behaviour.md (Redis 4.0.14).
 */
import type { TermId } from "../../orient/terms";

export const orientEn = {
  startHere: {
    title: "Start here",
    intro: (redis: string) => `One Redis ${redis} function, startBgsaveForReplication, one step at a time.`,
    steps: {
      resync: {
        title: "What a full resync is",
        text: "A replica that cannot continue where it left off asks the primary for everything. The primary forks a child that writes an RDB snapshot of all its data — to disk (dump.rdb, then sent as a file) or straight into the replicas' sockets (diskless).",
      },
      panels: {
        title: "What each panel shows",
        items: {
          picture: "The picture: the primary, its child, dump.rdb, the decision disk or socket, and each replica.",
          explanation: "The explanation: what just happened, in words, and a question now and then.",
          code: "The code: the function's lines, the one just run lit.",
          log: "The server log: the lines the primary wrote.",
          replicas: "The replicas: each one's state, what reached its socket and what waits, unsent.",
        },
        terms: "A dotted word explains itself: point at it, tap it or Tab to it.",
      },
      step: {
        title: "Step, and answer first",
        text: "Press → (or the Step forward button) to move one step; ← goes back. When a question appears, answer it before the lab shows what happened: a guess first is what makes it stick.",
      },
    },
    start: "Start",
    close: "Close",
    again: "The help (?) brings this card back.",
  },
  /** The help overlay's button that opens the card again. */
  show: "Show the “Start here” card",
  /** One line each, true to docs/behaviour.md. */
  glossary: {
    mincapa:
      "mincapa: the capabilities every replica to be served shares (a bitwise AND); one replica without EOF means the disk target for all.",
    capaEof:
      "capa eof (SLAVE_CAPA_EOF = 1): the replica can parse the streamed $EOF:<mark> format, so it can be sent a diskless RDB.",
    capaPsync2:
      "capa psync2 (SLAVE_CAPA_PSYNC2 = 2): the replica understands PSYNC2's +CONTINUE <replid>; it plays no part in choosing disk or socket.",
    replstate:
      "replstate: the primary's number for where a replica is: 6 WAIT_BGSAVE_START, 7 WAIT_BGSAVE_END, 8 SEND_BULK (disk only), 9 ONLINE; 0 before SYNC.",
    replstate0: "replstate 0 (REPL_STATE_NONE): an ordinary client that has not sent SYNC or PSYNC; its replies are written as usual.",
    replstate6:
      "replstate 6 (SLAVE_STATE_WAIT_BGSAVE_START): it needs a new RDB and no child is producing one for it yet; it gets no replication stream.",
    replstate7:
      "replstate 7 (SLAVE_STATE_WAIT_BGSAVE_END): a child is producing its RDB; writes since the fork pile up, unsent, in its output buffer.",
    replstate8: "replstate 8 (SLAVE_STATE_SEND_BULK): disk target only — the primary is sending it dump.rdb in 16 KiB chunks.",
    replstate9:
      "replstate 9 (SLAVE_STATE_ONLINE): the RDB is delivered and the stream flows (after a diskless transfer, from its first REPLCONF ACK).",
    psync: "PSYNC <replid> <offset>: a replica asks to continue from an offset; PSYNC ? -1 asks for everything, a full resync.",
    sync: "SYNC: the old command before PSYNC; such a client (CLIENT_PRE_PSYNC) gets no +FULLRESYNC line, only the RDB.",
    fullresync:
      "+FULLRESYNC <replid> <offset>: the primary's answer that starts a full resync; the replica continues from that offset once it has loaded the RDB.",
    rdb: "RDB: a snapshot of the whole dataset in Redis' binary format, the file dump.rdb or a stream; a replica loads it to start over.",
    bgsave: "BGSAVE: a save in the background — the primary forks a child that writes the RDB while the parent keeps serving clients.",
    diskless:
      "Diskless (repl-diskless-sync yes, off by default): the child streams the RDB straight into the replicas' sockets instead of writing dump.rdb.",
    replTimeout:
      "repl-timeout (60 s by default): how long a replication link may stay silent before a side gives up; a replica dropped by a failed BGSAVE in 4.0.14 waits that long.",
  } satisfies Record<TermId, string>,
};

export type OrientDict = typeof orientEn;
