/**
 * The first screen's English: the explanations, written for a student who knows what fork() is but
 * not Redis internals, and the page's own words (page.ts, share.ts). This object is the shape of
 * every language: `Dict` is its type, and zh/index.ts must satisfy it key for key.
 * Facts follow docs/behaviour.md (Redis 4.0.14; § numbers in comments are its sections). Backticks mark code.
 */
import type { Note } from "../../../model";
import { bytes, capaNames, type NoteTexts } from "../format";
import { pageEn, panelsEn } from "./page";
import { shareEn } from "./share";

const ERRNO_TEXT: Record<string, string> = {
  EAGAIN: "Resource temporarily unavailable — too many processes",
  ENOMEM: "Cannot allocate memory",
};

/** Plain-words explanation of what the model did, one per note key. */
const notes: NoteTexts = {
  // syncCommand (docs/behaviour.md §3)
  "sync.accepted": (n) =>
    n.command === "SYNC"
      ? `${n.replica} sent the old \`SYNC\` command (as \`redis-cli --slave\` does). It is flagged \`CLIENT_PRE_PSYNC\`: it will get no \`+FULLRESYNC\` line, and it declared no capabilities (capa 0), so it cannot read a diskless stream. Its replstate becomes \`WAIT_BGSAVE_START\` (6): it needs a fresh RDB snapshot.`
      : `${n.replica} sent \`PSYNC ? -1\`: it has no data to continue from, so it asks for a full resynchronization. The primary marks the connection as a replica (\`CLIENT_SLAVE\`), appends it to \`server.slaves\` and sets its replstate to \`WAIT_BGSAVE_START\` (6): it needs a fresh RDB snapshot. It announced the capabilities ${capaNames(n.capa)} (capa ${n.capa}).`,
  "sync.backlogCreated": (n) =>
    `This is the first replica and there is no replication backlog yet, so the primary picks a new random replication ID (\`${n.replid.slice(0, 8)}…\`) and creates the backlog. ${n.v62 ? "From 6.2 this is logged: \"Replication backlog created, my new replication IDs are …\"." : "Redis 4.0 logs nothing for this."}`,
  "sync.delay": (n) =>
    n.delay > 0
      ? `\`repl-diskless-sync\` is on and ${n.replica} can read the diskless format (capa eof), so nothing starts now: the primary waits so that replicas arriving in the next ${n.delay} s can share one transfer. ${n.v62 ? `\`replicationStartPendingFork\` (at the end of each \`replicationCron\`, or right after a child is reaped) starts the BGSAVE once a waiting replica has been idle for at least ${n.delay} s.` : `\`replicationCron\` starts the BGSAVE once a waiting replica has been idle for more than ${n.delay} s.`}`
      : `\`repl-diskless-sync\` is on and ${n.replica} has capa eof, so \`syncCommand\` leaves the start to \`replicationCron\`. With delay 0 no "Delay" line is logged; the BGSAVE starts at the cron's next run (once a second).`,
  "sync.startNow": (n) =>
    n.v62
      ? `No child is running, and ${n.replica} is not left to the cron (diskless sync is off, it lacks capa eof, or — from 6.2 — the diskless delay is 0). So \`syncCommand\` calls \`startBgsaveForReplication(${n.capa})\` at once; with diskless on, capa eof and delay 0 the target is its socket.`
      : `No child is running, and ${n.replica} cannot wait for a diskless transfer (diskless sync is off, or it lacks capa eof). So \`syncCommand\` calls \`startBgsaveForReplication(${n.capa})\` at once. In 4.0.14 this direct call can only choose the disk target.`,
  "sync.aofActive": (n) =>
    `An AOF rewrite child is running, and Redis never runs two children at once. The BGSAVE for ${n.replica} is delayed: ${n.v62 ? "`replicationStartPendingFork` starts it right when the rewrite child is reaped (from 6.2; any child blocks it)." : "`replicationCron` starts it after the rewrite has finished."}`,
  "sync.socketInFlight": (n) =>
    `A diskless (socket) BGSAVE is already streaming to other replicas. ${n.replica} cannot join a stream in the middle, so it waits in \`WAIT_BGSAVE_START\` for the next BGSAVE, which starts ${n.v62 ? "when this one is reaped if it has waited the diskless delay by then, else at a later \`replicationCron\` run (from 6.2)" : "as soon as this one ends"}.`,
  "sync.attach": (n) =>
    `A disk BGSAVE is already running and ${n.other} is waiting for its file. ${n.replica} has at least the same capabilities, so it attaches: it gets a copy of ${n.other}'s output buffer (every write since the fork), the same offset ${n.offset} and \`+FULLRESYNC\`. Both will be served from the same \`dump.rdb\`.`,
  "sync.cantAttach": (n) =>
    n.reason === "capa"
      ? `A disk BGSAVE is running, but ${n.replica} has fewer capabilities than ${n.other ?? "?"}, which waits for it, so it cannot share it. It stays in \`WAIT_BGSAVE_START\`; a new BGSAVE starts for it as soon as this one ends.`
      : `A disk BGSAVE is running, but no replica is collecting the writes made since its fork (for example a user ran \`BGSAVE\`). ${n.replica} cannot use that file and waits for the next BGSAVE.`,
  "sync.nomasterlink": (n) =>
    `This instance is itself a replica and its link to its own master is down, so it refuses ${n.replica} with \`-NOMASTERLINK\`. Nothing is logged; the replica retries every second.`,
  "sync.pendingOutput": (n) =>
    `${n.replica} still has unsent replies, so the sync command is refused with \`-ERR SYNC and PSYNC are invalid with pending output\`.`,

  // startBgsaveForReplication (docs/behaviour.md §4) and rdbPopulateSaveInfo (docs/behaviour.md §5)
  "port.target": (n, { frame }) => {
    const d = frame.server.replDisklessSync ? 1 : 0;
    const m = n.mincapa;
    const where = n.socketTarget
      ? "straight into the replicas' sockets (diskless)"
      : "to disk (`dump.rdb`), then sent to each replica as a file";
    return `The decision: \`socket_target = repl_diskless_sync (${d}) && (mincapa (${m}) & SLAVE_CAPA_EOF (1))\` = ${n.socketTarget ? 1 : 0}. mincapa is the AND of the capabilities of every replica to be served, so a single replica without eof forces the disk target for all. The RDB will go ${where}. The log line is printed before anything is tried, so it appears even if the BGSAVE then fails.`;
  },
  "rsi.master": (n) =>
    `\`rdbPopulateSaveInfo\`: this is a master with a replication backlog, so the RDB records the replication stream's current database (${n.db}). \`rsiptr = &rsi\`.`,
  "rsi.linked": (n) =>
    `\`rdbPopulateSaveInfo\`: this instance is a replica linked to its own master; the RDB records that master's database (${n.db}).`,
  "rsi.cached": (n) =>
    `\`rdbPopulateSaveInfo\`: the link to its own master is down, but a cached master is kept, so its database (${n.db}) is recorded.`,
  "rsi.null": (n) =>
    n.master
      ? "`rdbPopulateSaveInfo` returns NULL: a master without a backlog. (Not reachable on a real master: the backlog exists before any BGSAVE.)"
      : "`rdbPopulateSaveInfo` returns NULL: this is a replica whose link to its own master dropped without being cached, so there is no replication info to put in the RDB. A sub-replica loading such a file would miss `repl-stream-db` (issue #4316), so no BGSAVE is attempted.",
  "port.noRsi": () =>
    "`rsiptr` is NULL: the function logs \"replication information not available… Try later.\" and treats this as a failure (`retval = C_ERR`).",
  "rdb.childActive": () =>
    "A child is already running, so the BGSAVE starter returns `C_ERR` without logging anything. (Not reachable in 4.0.14: every caller checks first.)",
  "rdb.forkFailed": (n) => {
    const base = `\`fork()\` failed with ${n.errno} (${ERRNO_TEXT[n.errno] ?? "error"}). No child exists, so \`retval = C_ERR\`.`;
    return n.target === "socket"
      ? `${base} \`rdbSaveToSlavesSockets\` had already sent \`+FULLRESYNC\` to ${n.undone} replica(s) before forking. It undoes only the state change — they go back to \`WAIT_BGSAVE_START\` so the error loop will find them — but the \`+FULLRESYNC\` already on their wire cannot be taken back.`
      : base;
  },
  "rdb.diskChild": (n) =>
    `\`rdbSaveBackground\` forked child ${n.pid}. The child writes the dataset to a temporary file and renames it to \`dump.rdb\`; the parent keeps serving clients meanwhile.`,
  "rdb.socketChild": (n) =>
    n.viaPipe
      ? `\`rdbSaveToSlavesSockets\` forked child ${n.pid}. It writes \`$EOF:<40-char mark>\`, the RDB, then the same mark into a pipe; the primary reads the pipe and writes each piece to the sockets of ${n.targets} replica(s) — nothing goes to disk (from 6.0, commit 5a4779460).`
      : `\`rdbSaveToSlavesSockets\` forked child ${n.pid}. It writes \`$EOF:<40-char mark>\`, the RDB, then the same mark straight into the sockets of ${n.targets} replica(s) at once — nothing goes to disk.`,
  "port.failed": () =>
    "`retval == C_ERR`: the function logs \"BGSAVE for replication failed\" and walks `server.slaves`. Every replica still in `WAIT_BGSAVE_START` — not only the one that triggered this call — is dropped.",
  "port.dropped": (n) =>
    n.written
      ? `${n.replica} is dropped: its replstate goes back to \`REPL_STATE_NONE\`, \`CLIENT_SLAVE\` is cleared, it leaves \`server.slaves\`, \`-ERR BGSAVE failed, replication can't continue\` is queued in its output buffer and \`CLIENT_CLOSE_AFTER_REPLY\` is set. A normal client again, it gets the reply written to its socket, and then the connection is closed — where 4.0.14 left the reply queued and the replica in silence until its \`repl-timeout\`.`
      : `${n.replica} is dropped: \`CLIENT_SLAVE\` is cleared, it leaves \`server.slaves\`, \`-ERR BGSAVE failed, replication can't continue\` is queued in its output buffer and \`CLIENT_CLOSE_AFTER_REPLY\` is set. In Redis 4.0.14 that reply is never delivered: its replstate stays 6, and only clients with replstate 0 or ONLINE are scheduled for writing. The replica hears only silence until its \`repl-timeout\` expires. Redis 5.0.5 fixed this by resetting replstate to \`REPL_STATE_NONE\` before queuing the error.`,
  "setup.fullresync": (n) =>
    `\`replicationSetupSlaveForFullResync\`: ${n.replica} moves to \`WAIT_BGSAVE_END\` (7), remembers offset ${n.offset}, and \`+FULLRESYNC <replid> ${n.offset}\` is written straight to its socket. From now on new writes pile up in its output buffer until the RDB has been delivered.`,
  "setup.oldSync": (n) =>
    `${n.replica} used the old \`SYNC\`, so it gets no \`+FULLRESYNC\` line. It moves to \`WAIT_BGSAVE_END\` (7) with offset ${n.offset} and will simply receive the RDB payload.`,
  "port.scriptCacheFlush": () =>
    "The BGSAVE started, so the replication script cache is flushed: the new replica may not know scripts the others know, so from now on every `EVALSHA` is sent as a full `EVAL` at least once. (The `retval == C_OK` test is always true here.)",

  // After the child (docs/behaviour.md §11)
  "child.workDone": (n) =>
    n.kind === "rdb-disk"
      ? `Child ${n.pid} has written \`dump.rdb\` and exits (code ${n.code}). The parent notices at its next \`serverCron\` tick (every 100 ms).`
      : n.kind === "rdb-socket" && n.viaPipe
        ? `Child ${n.pid} has written the RDB and the end mark into the pipe. The primary forwards the last of it to every replica still connected, reads the pipe's end ("Diskless rdb transfer, done reading from pipe"), and lets the child exit (code ${n.code}).`
        : n.kind === "rdb-socket"
        ? `Child ${n.pid} has written the RDB and the end mark to every replica socket and exits (code ${n.code}). The replicas load it as it arrives.`
        : `The AOF rewrite child ${n.pid} has finished its work and exits.`,
  "child.killed": (n) =>
    n.signal === 10
      ? `No replica is left to stream to, so the primary kills child ${n.pid} with SIGUSR1 ("Diskless rdb transfer, last replica dropped, killing fork child."). It reaps it at its next \`serverCron\` tick.`
      : n.viaPipe
        ? `Child ${n.pid} was killed with signal ${n.signal} (SIGKILL). Its end of the pipe closes, so the primary reads the pipe's end at once ("Diskless rdb transfer, done reading from pipe"); it reaps the child at its next \`serverCron\` tick.`
        : `Child ${n.pid} was killed with signal ${n.signal} (SIGKILL). The parent finds out at its next \`serverCron\` tick.`,
  "child.failed": (n) =>
    `Child ${n.pid} failed on its own (for example the disk is full) and exits with code 1. The parent finds out at its next \`serverCron\` tick.`,
  "child.reaped": (n) =>
    n.byAck
      ? `A \`REPLCONF ACK\` arrived from a replica still waiting for this child, so the primary reaps it now rather than at its next \`serverCron\` tick (from 6.2): it ${n.ok ? "succeeded" : "failed"}. \`updateSlavesWaitingBgsave\` now moves on every replica that waited for it.`
      : n.ok
      ? `\`serverCron\` reaped the ${n.kind === "rdb-socket" ? "streaming" : "disk"} child with \`wait3()\`: it succeeded. \`updateSlavesWaitingBgsave\` now moves on every replica that waited for it.`
      : `\`serverCron\` reaped the ${n.kind === "rdb-socket" ? "streaming" : "disk"} child: it failed${n.signal ? ` (killed by signal ${n.signal})` : ""}. The replicas that waited for it cannot be served.`,
  "socket.closing": (n) =>
    `The streaming child failed, so ${n.replica}, which was receiving from it, is closed ("child->slave RDB transfer failed"). It will notice the lost connection and retry.`,
  "update.streamDone": (n) =>
    n.online
      ? `The stream to ${n.replica} is complete. In 7.0 it is \`ONLINE\` now and logged as succeeded (\`replicaPutOnline\`); only its command stream waits (\`repl_start_cmd_stream_on_ack\`): the writes collected since the fork start flowing after its first \`REPLCONF ACK\`.`
      : `The stream to ${n.replica} is complete. It becomes ONLINE, but with \`repl_put_online_on_ack\` set: the writes collected since the fork only start flowing after its first \`REPLCONF ACK\`, which proves it has loaded the RDB.`,
  "update.childError": (n) =>
    n.async
      ? `The ${n.socket ? "streaming" : "disk"} BGSAVE child failed, so ${n.replica}, which waited for it, is marked to be freed ("SYNC failed. BGSAVE child returned an error"); the connection closes when this turn of the event loop ends, so its "Connection … lost." line comes after whatever is logged next (from 6.0). It will reconnect.`
      : `The disk BGSAVE child failed, so ${n.replica}, which waited for its file, is freed ("SYNC failed. BGSAVE child returned an error"). It will reconnect.`,
  "update.noFile": (n) => `\`dump.rdb\` cannot be opened after the BGSAVE, so ${n.replica} is freed.`,
  "update.sendBulk": (n) =>
    `\`dump.rdb\` (${bytes(n.size)}) is ready. ${n.replica} moves to \`SEND_BULK\` (8): from its event loop the parent sends \`$${n.size}\` and then the file in 16 KiB chunks.`,
  "update.startNext": (n) =>
    `Some replicas are still in \`WAIT_BGSAVE_START\`, so \`updateSlavesWaitingBgsave\` starts the next BGSAVE at once, with mincapa = ${n.mincapa} (in 4.0 there is no diskless delay on this path).`,
  "bulk.preamble": (n) =>
    `\`sendBulkToSlave\` writes \`$${n.size}\` to ${n.replica}: the replica now knows how many bytes of RDB follow.`,
  online: (n) =>
    `\`putSlaveOnline\`: ${n.replica} is \`ONLINE\` (9). The writes collected in its output buffer since the fork now flow to it.`,
  "ack.first": (n) =>
    n.streamOnly
      ? `${n.replica} sends its first \`REPLCONF ACK ${n.offset}\`: it has loaded the streamed RDB, so the primary starts its command stream (\`replicaStartCommandStream\`; it was already online).`
      : `${n.replica} sends its first \`REPLCONF ACK ${n.offset}\`: it has loaded the streamed RDB, so the primary puts it online.`,

  // replicationCron (docs/behaviour.md §9)
  "cron.check": (n) => {
    const who = `${n.waiting} replica(s) wait in \`WAIT_BGSAVE_START\``;
    if (n.rule === ">=") {
      // 6.2 on: replicationStartPendingFork, from the cron or right after a child was reaped.
      const fn = n.origin === "reaped" ? "`replicationStartPendingFork`, right after the child was reaped" : "`replicationStartPendingFork`, at the end of `replicationCron`";
      if (!n.diskless) return `${fn}: ${who} and diskless sync is off, so it starts a BGSAVE now (mincapa ${n.mincapa}).`;
      return n.start
        ? `${fn}: ${who}; the longest has been idle ${n.maxIdle} s, at least the delay of ${n.delay} s (6.2 uses >=), so it calls \`startBgsaveForReplication(${n.mincapa})\` for all of them.`
        : `${fn}: ${who}; the longest has been idle ${n.maxIdle} s, less than the delay of ${n.delay} s, so it keeps waiting for more replicas.`;
    }
    if (!n.diskless) return `\`replicationCron\`: ${who} and diskless sync is off, so it starts a BGSAVE now (mincapa ${n.mincapa}).`;
    return n.start
      ? `\`replicationCron\`: ${who}; the longest has been idle ${n.maxIdle} s, more than the delay of ${n.delay} s (4.0 uses a strict >), so it calls \`startBgsaveForReplication(${n.mincapa})\` for all of them.`
      : `\`replicationCron\`: ${who}; the longest has been idle ${n.maxIdle} s, not more than the delay of ${n.delay} s, so it keeps waiting for more replicas.`;
  },
  "upstream.refused": () =>
    "This primary is itself a replica and has lost its link to its own master, so it connects again (`connectWithMaster`). Its master is gone: the connection is refused (\"Error condition on socket for SYNC: Connection refused\"), and it tries again at its next `replicationCron`, once a second. Meanwhile a replica asking it to sync gets `-NOMASTERLINK`.",
  "cron.timedout": (n) =>
    `${n.replica} has sent no \`REPLCONF ACK\` for longer than \`repl-timeout\`, so the primary disconnects it.`,
  "cron.scriptCacheFlush": () => "No replicas are left and AOF is off, so the replication script cache is emptied.",
  evalsha: (n) =>
    n.sent === "EVAL"
      ? `\`EVALSHA ${n.sha.slice(0, 8)}…\`: this SHA1 is not in the replication script cache (not every replica is known to have the script), so it is propagated as a full \`EVAL\` and the SHA1 is remembered.`
      : `\`EVALSHA ${n.sha.slice(0, 8)}…\`: every replica is known to have this script, so \`EVALSHA\` is propagated as it is.`,
  "evalsha.noscript": (n) =>
    `\`EVALSHA ${n.sha.slice(0, 8)}…\`: no script loaded on the primary has this SHA1, so the client gets \`-NOSCRIPT No matching script. Please use EVAL.\` and nothing is propagated to the replicas.`,

  // AOF rewrite (docs/behaviour.md §10, §3 CASE 3)
  "aof.started": (n) =>
    `\`BGREWRITEAOF\` forked child ${n.pid}. While it runs, no BGSAVE can start. An AOF rewrite also flushes the replication script cache.`,
  "aof.scheduled": () => "An RDB child is running, so the AOF rewrite is scheduled for when it ends.",
  "aof.alreadyRunning": () => "An AOF rewrite is already running.",
  "aof.done": (n) =>
    n.ok ? "The AOF rewrite finished. The next `replicationCron` run can start the delayed BGSAVE." : "The AOF rewrite failed.",
  "aof.forkFailed": (n) => `The AOF rewrite could not fork (${n.errno}).`,

  // The replica's own side (docs/behaviour.md §8, §11)
  "replica.timeout": (n) =>
    n.stage === "transfer"
      ? `${n.replica} got \`+FULLRESYNC\` but no data for longer than \`repl-timeout\`: "Timeout receiving bulk data from MASTER". It closes the connection and will retry.`
      : `${n.replica} has heard nothing for longer than \`repl-timeout\` — the queued \`-ERR\` never reached it — so it gives up: "Timeout connecting to the MASTER...". It closes the connection and will retry.`,
  "replica.reconnect": (n) =>
    n.atOnce
      ? `${n.replica} connects again at once (connection #${n.conn}) — from 6.2 a failed sync reconnects without waiting for the next cron run — and asks for a full resync once more.`
      : `${n.replica} connects again (connection #${n.conn}) and asks for a full resync once more.`,
  "replica.bulkCountEof": (n) =>
    `${n.replica} had \`+FULLRESYNC\` and was waiting for the \`$<len>\` or \`$EOF:\` line when the primary closed the connection: "I/O error reading bulk count from MASTER". It will retry.`,
  "replica.psyncRefused": (n) =>
    `${n.replica} reads \`${n.reply}\` as the reply to its PSYNC: from 5.0.5 on the error reaches the replica. It takes the primary for one without PSYNC, retries with SYNC on the same connection, finds it closed, and will connect again.`,
  "replica.syncRefused": (n) => `${n.replica} (redis-cli) reads \`${n.reply}\` as the reply to its SYNC, prints "SYNC with master failed" and exits.`,
  "replica.gaveUp": (n) =>
    `${n.replica} is a hand-made client that pipelined its commands; it reads the error reply and gives up for good.`,
  "replica.tryLater": (n) =>
    `${n.replica} got \`-NOMASTERLINK\`; it treats it as temporary and retries in a second.`,

  // Scenario events
  "event.forkFails": (n) => `Fault injected: the next \`fork()\` will fail with ${n.errno}.`,
  "event.write": (n) =>
    `${n.count} write(s) on the primary; the replication offset is now ${n.offset}. Replicas in \`WAIT_BGSAVE_END\` or \`SEND_BULK\` collect them in their output buffer; those in \`WAIT_BGSAVE_START\` get nothing (they will get an RDB made after these writes).`,
  "event.disconnect": (n) => `${n.replica} closes its connection.`,
  "event.noChild": () => "No child is running, so there is nothing to kill.",
  "event.bgsaveRefused": () => "`BGSAVE` is refused: a child is already running.",
  "event.noUpstream": () => "This instance has no link to an upstream master to lose.",
  "event.upstreamLost": (n) =>
    n.cached
      ? "The link to our own master drops; the master client is cached for a later partial resync."
      : "The link to our own master drops after a protocol error, so the master client is not cached: `rdbPopulateSaveInfo` will now return NULL.",
  "event.configSet": (n) =>
    `CONFIG SET: repl-diskless-sync is now ${n.diskless ? "yes" : "no"}, repl-diskless-sync-delay ${String(n.delay)}. It takes effect at once: the next sync command and the next replicationCron use it.`,
  "event.replicaSet": (n) =>
    `${n.replica} is reconfigured: its next connection sends ${n.command} with capabilities ${n.capa}. A connection that is already open keeps what it announced.`,
  "event.alreadyConnected": (n) => `${n.replica} is already connected.`,
  "event.notConnected": (n) => `${n.replica} is not connected.`,
};

/** One line per note key, for the code panel when the frame is outside the function. */
const briefs: NoteTexts = {
  "sync.accepted": (n) => `syncCommand: ${n.replica} → WAIT_BGSAVE_START (${n.command}, capa ${n.capa})`,
  "sync.backlogCreated": () => "syncCommand: first replica → new replid, backlog created",
  "sync.delay": (n) => `syncCommand: diskless, wait for more replicas (delay ${n.delay} s)`,
  "sync.startNow": (n) => `syncCommand → startBgsaveForReplication(${n.capa}) now`,
  "sync.aofActive": () => "syncCommand: AOF rewrite running → BGSAVE delayed to the cron",
  "sync.socketInFlight": (n) => `syncCommand: socket BGSAVE in flight → ${n.replica} waits`,
  "sync.attach": (n) => `syncCommand: ${n.replica} attaches to ${n.other}'s disk BGSAVE`,
  "sync.cantAttach": (n) => `syncCommand: ${n.replica} can't attach → waits for next BGSAVE`,
  "sync.nomasterlink": () => "syncCommand: -NOMASTERLINK (our master link is down)",
  "sync.pendingOutput": () => "syncCommand: refused, pending output",
  "port.target": (n) => `target: ${n.socketTarget ? "slaves sockets" : "disk"} (mincapa ${n.mincapa})`,
  "rsi.master": () => "rdbPopulateSaveInfo → &rsi (master with backlog)",
  "rsi.linked": () => "rdbPopulateSaveInfo → &rsi (linked replica)",
  "rsi.cached": () => "rdbPopulateSaveInfo → &rsi (cached master)",
  "rsi.null": () => "rdbPopulateSaveInfo → NULL",
  "port.noRsi": () => "no replication info → C_ERR",
  "rdb.childActive": () => "a child is already active → C_ERR",
  "rdb.forkFailed": (n) => `fork() failed: ${n.errno} → C_ERR`,
  "rdb.diskChild": (n) => `rdbSaveBackground: child ${n.pid} writes dump.rdb`,
  "rdb.socketChild": (n) => `rdbSaveToSlavesSockets: child ${n.pid} streams to ${n.targets} socket(s)${n.viaPipe ? " through the primary" : ""}`,
  "port.failed": () => "BGSAVE for replication failed → drop every WAIT_BGSAVE_START replica",
  "port.dropped": (n) => (n.written ? `${n.replica} dropped; -ERR queued, then written and the connection closed` : `${n.replica} dropped; -ERR queued, never sent in 4.0.14`),
  "setup.fullresync": (n) => `${n.replica} → WAIT_BGSAVE_END, +FULLRESYNC … ${n.offset}`,
  "setup.oldSync": (n) => `${n.replica} → WAIT_BGSAVE_END (old SYNC: no +FULLRESYNC)`,
  "port.scriptCacheFlush": () => "replicationScriptCacheFlush()",
  "child.workDone": (n) => `child ${n.pid} done (exit ${n.code})`,
  "child.killed": (n) => `child ${n.pid} killed (signal ${n.signal})`,
  "child.failed": (n) => `child ${n.pid} failed (exit 1)`,
  "child.reaped": (n) => `${n.byAck ? "REPLCONF ACK" : "serverCron"}: child reaped, ${n.ok ? "success" : "failure"}`,
  "socket.closing": (n) => `closing ${n.replica}: RDB transfer child aborted`,
  "update.streamDone": (n) => `updateSlavesWaitingBgsave: ${n.replica} ONLINE, waits for ACK`,
  "update.childError": (n) => `updateSlavesWaitingBgsave: ${n.replica} freed (child error)`,
  "update.noFile": (n) => `updateSlavesWaitingBgsave: ${n.replica} freed (no file)`,
  "update.sendBulk": (n) => `updateSlavesWaitingBgsave: ${n.replica} → SEND_BULK`,
  "update.startNext": (n) => `updateSlavesWaitingBgsave → startBgsaveForReplication(${n.mincapa})`,
  "bulk.preamble": (n) => `sendBulkToSlave: $${n.size} → ${n.replica}`,
  online: (n) => `putSlaveOnline: ${n.replica} ONLINE`,
  "ack.first": (n) => `REPLCONF ACK from ${n.replica} → online`,
  "cron.check": (n) => {
    const fn = n.rule === ">=" ? "replicationStartPendingFork" : "replicationCron";
    const ops = n.rule === ">=" ? [">=", "<"] : [">", "≤"];
    return n.diskless
      ? `${fn}: ${n.maxIdle} s idle ${n.start ? ops[0] : ops[1]} delay ${n.delay} → ${n.start ? "start" : "wait"}`
      : `${fn}: ${n.waiting} waiting, diskless off → start`;
  },
  "cron.timedout": (n) => `replicationCron: ${n.replica} timed out`,
  "upstream.refused": () => "reconnecting to its own master: refused",
  "cron.scriptCacheFlush": () => "replicationCron: no replicas → script cache emptied",
  evalsha: (n) => `EVALSHA ${n.sha.slice(0, 8)}… propagated as ${n.sent}`,
  "evalsha.noscript": (n) => `EVALSHA ${n.sha.slice(0, 8)}… → -NOSCRIPT, nothing propagated`,
  "aof.started": (n) => `BGREWRITEAOF: child ${n.pid}`,
  "aof.scheduled": () => "AOF rewrite scheduled",
  "aof.alreadyRunning": () => "AOF rewrite already running",
  "aof.done": (n) => `AOF rewrite ${n.ok ? "done" : "failed"}`,
  "aof.forkFailed": () => "AOF rewrite: fork failed",
  "replica.timeout": (n) => `${n.replica}: repl-timeout, gives up`,
  "replica.reconnect": (n) => `${n.replica} reconnects (#${n.conn})`,
  "replica.tryLater": (n) => `${n.replica}: -NOMASTERLINK, retry later`,
  "replica.gaveUp": (n) => `${n.replica} reads the error and gives up`,
  "replica.psyncRefused": (n) => `${n.replica}: -ERR received, retries`,
  "replica.syncRefused": (n) => `${n.replica}: -ERR received, exits`,
  "replica.bulkCountEof": (n) => `${n.replica}: connection closed before the bulk count`,
  "event.forkFails": (n) => `fault: next fork() fails (${n.errno})`,
  "event.write": (n) => `${n.count} write(s), offset ${n.offset}`,
  "event.disconnect": (n) => `${n.replica} disconnects`,
  "event.noChild": () => "no child to kill",
  "event.bgsaveRefused": () => "BGSAVE refused",
  "event.noUpstream": () => "no upstream link",
  "event.upstreamLost": (n) => `upstream link lost (${n.cached ? "cached" : "not cached"})`,
  "event.configSet": (n) => `CONFIG SET diskless ${n.diskless ? "yes" : "no"}, delay ${String(n.delay)}`,
  "event.replicaSet": (n) => `${n.replica} reconfigured (${n.command}, ${n.capa})`,
  "event.alreadyConnected": (n) => `${n.replica} already connected`,
  "event.notConnected": (n) => `${n.replica} not connected`,
};

/** What each executed seed line does (line stepping). */
const lines: Record<number, string> = {
  21: "Decide the target: socket only if diskless sync is on AND every waiting replica can read the `$EOF:` format.",
  25: "Log the chosen target — before anything has been tried.",
  30: "Ask `rdbPopulateSaveInfo` for the replication info the RDB must carry (the stream's DB).",
  33: "Without replication info, no BGSAVE is attempted.",
  34: "Branch on the decision made at line 21.",
  35: "Diskless: set the waiting replicas up (they get `+FULLRESYNC` first), then fork a child that streams into their sockets.",
  37: "Disk: fork a child that writes `dump.rdb`.",
  39: "No replication info: log a warning…",
  40: "…and fail.",
  47: "Did the BGSAVE fail to start?",
  48: "Yes: log the failure.",
  49: "Walk the whole list of replicas…",
  50: "…one node at a time (deleting the current node is safe).",
  51: "`slave` is this node's client.",
  53: "Only replicas still waiting for a BGSAVE to start are affected.",
  54: "It is no longer a replica…",
  55: "…and leaves `server.slaves`.",
  56: "Queue `-ERR BGSAVE failed, replication can't continue` — in 4.0.14 it is never sent (replstate stays 6).",
  58: "Close the connection after that reply has been written — which never happens in 4.0.14.",
  61: "Return `C_ERR`; no caller looks at it.",
  67: "Disk target: the waiting replicas are set up now (the socket path did it before forking).",
  68: "Walk the replicas…",
  69: "…one node at a time.",
  70: "`slave` is this node's client.",
  72: "Only replicas waiting for a BGSAVE to start…",
  73: "…are moved to `WAIT_BGSAVE_END` and sent `+FULLRESYNC <replid> <offset>`.",
  81: "Flush the replication script cache (the test is always true here).",
  82: "Return `C_OK`.",
};

/**
 * What a line of another version's text does, where it is not what the 4.0.14 line of the same
 * statement does (src/ui/code/versionLines.ts; docs/versions.md §8). Keyed by that text's lines.
 */
const linesOn: Partial<Record<"5.0.5" | "6.2.14" | "7.0.15", Record<number, string>>> = {
  "5.0.5": {
    52: "New in 5.0: `replstate` goes back to `REPL_STATE_NONE`, so the reply queued below can be written (commit 3b207b894).",
    55: "Queue `-ERR BGSAVE failed, replication can't continue` — in 5.0.5 it is written to the replica's socket.",
    57: "Close the connection once that reply has been written — in 5.0.5 it is.",
  },
  "6.2.14": {
    34: "Diskless: set the waiting replicas up (they get `+FULLRESYNC` first), then fork a child that writes the RDB into a pipe; the primary itself forwards it to their sockets (6.0, commit 5a4779460).",
    47: "New in 6.0: a disk BGSAVE started for replication with `rdb-del-sync-files` on (default no)…",
    48: "…is remembered, so the cron can delete `dump.rdb` once no replica needs it (commit 5e2319c32).",
    60: "`replstate` goes back to `REPL_STATE_NONE` (since 5.0), so the reply queued below can be written.",
    63: "Queue `-ERR BGSAVE failed, replication can't continue` — written to the replica's socket, as from 5.0.",
    65: "Close the connection once that reply has been written: it is, in the same turn of the event loop.",
  },
  "7.0.15": {
    28: "Decide the target: socket if diskless sync is on, or the replicas asked for a filtered RDB (`req`), AND every waiting replica can read the `$EOF:` format (commit 1bf6d6f11).",
    40: "Branch on the decision made at line 28.",
    30: "New in 7.0: assert that a filtered RDB goes to sockets — it always holds here: the lab's replicas ask for no filter.",
    41: "Diskless: set up the waiting replicas with the same `req`, then fork a child that writes the RDB into a pipe the primary forwards to their sockets.",
    43: "Disk: fork a child that writes `dump.rdb` (with the `req` filter, none here).",
    54: "With `rdb-del-sync-files` on (default no), a disk BGSAVE started for replication…",
    55: "…is remembered, so the cron can delete `dump.rdb` once no replica needs it.",
    67: "`replstate` goes back to `REPL_STATE_NONE` (since 5.0), so the reply queued below can be written.",
    70: "Queue `-ERR BGSAVE failed, replication can't continue` — written to the replica's socket, as from 5.0.",
    72: "Close the connection once that reply has been written: it is, in the same turn of the event loop.",
    87: "New in 7.0: a replica that asked for a different filter waits for a BGSAVE of its own…",
    88: "…so it is skipped here (never, for the lab's replicas: `slave_req` is 0 for all).",
    89: "Move it to `WAIT_BGSAVE_END` and send `+FULLRESYNC <replid> <offset>`.",
    94: "Return `C_OK` — no script cache to flush any more (commit 1b0968df4).",
  },
};

export const en = {
  notes,
  briefs,
  lines,
  linesOn,
  /** Fallback for a note key this dictionary does not know yet. */
  unknownNote: (n: Note) => {
    const { key, ...params } = n;
    const rest = Object.entries(params)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(", ");
    return `${key}${rest ? ` (${rest})` : ""}`;
  },

  /** Headings and short phrases of the explanation panel. */
  ui: {
    atTime: (s: string) => `t = ${s} s`,
    line: (n: number) => `line ${n}`,
    scenarioStart: "The scenario starts. Step forward to see what the primary does.",
    nothingNew: "Nothing visible changed in this step.",
    /** The disclosure that folds the model's bullets under a step's narration. */
    details: (n: number) => `Details from the model (${n})`,
    /** The value a condition line evaluated to. */
    condition: (v: boolean): string => (v ? "The condition is true." : "The condition is false."),
  },
  /** The scenario's narration and its prediction questions (predict, commit, observe). */
  narration: {
    title: "Narration",
    predict: "Predict",
    /** While a question is open, Play waits for the guess. */
    hint: "Guess, then step forward to check. Play waits for your guess.",
    skip: "Skip question",
    right: "Right.",
    wrong: "Not quite.",
    answerIs: "The answer is:",
    edited: "The narration is hidden while the scenario has sandbox edits: it tells the original story. Undo the edits to see it again.",
  },
  /** The picker and the buttons that open the tools (the tools' own words are tools.ts). */
  panels: panelsEn,
  /** Copy link, bad links, scenario files. */
  share: shareEn,
  /** Header, controls, panels, diagram, notices, the lecture and publish buttons. */
  page: pageEn,
};

export type Dict = typeof en;
