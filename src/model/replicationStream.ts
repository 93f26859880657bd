/**
 * The replication stream (replicationFeedSlaves, replication.c) and what feeds it: writes and
 * EVALSHA on the primary, the replication script cache (docs/behaviour.md §2.1, §10).
 */
import { listLength } from "./adlist";
import { SLAVE_STATE_WAIT_BGSAVE_START } from "./constants";
import { addReply, canFollowStream, followStream } from "./networking";
import { note } from "./server";
import type { Server } from "./types";

/** Bytes of a command in RESP multi-bulk form, as added to the backlog and the offsets. */
function respLength(argv: string[]): number {
  let n = `*${argv.length}\r\n`.length;
  for (const a of argv) {
    const len = utf8Length(a);
    n += `$${len}\r\n`.length + len + 2;
  }
  return n;
}

const UTF8 = new TextEncoder();

/** Bytes of `s` in UTF-8 (what Redis counts); ASCII, nearly every argument, needs no encoding. */
function utf8Length(s: string): number {
  return /^[\x00-\x7f]*$/.test(s) ? s.length : UTF8.encode(s).length;
}

function feedOne(server: Server, argv: string[]): void {
  if (server.replBacklog) server.masterReplOffset += respLength(argv);
  const text = argv.join(" ");
  const share = server.shareStream;
  if (share) server.stream.push(text);
  for (let n = server.slaves.head; n; n = n.next) {
    const c = n.value;
    if (c.replstate === SLAVE_STATE_WAIT_BGSAVE_START) continue;
    // A follower of the stream log already has it (networking.followStream); one that would write
    // it straight out starts following with it.
    if (share && c.streamFrom >= 0 && c.streamTo === null) continue;
    if (share && canFollowStream(c)) followStream(c);
    else addReply(c, text);
  }
}

/**
 * replicationFeedSlaves: a top-level master only (a replica proxies its master's stream instead);
 * nothing at all without a backlog and replicas; a SELECT first when slaveseldb differs.
 * Replicas in WAIT_BGSAVE_START get nothing; 7/8 and ACK-waiting ones accumulate it.
 */
export function replicationFeedSlaves(server: Server, dictid: number, argv: string[]): void {
  if (server.masterhost !== null) return;
  if (!server.replBacklog && listLength(server.slaves) === 0) return;
  if (server.slaveseldb !== dictid) feedOne(server, ["SELECT", String(dictid)]);
  server.slaveseldb = dictid;
  feedOne(server, argv);
}

/** A chained replica proxies its master's stream byte for byte (replicationFeedSlavesFromMasterStream). */
export function feedFromMasterStream(server: Server, argv: string[]): void {
  feedOne(server, argv);
}

export function replicationScriptCacheFlush(server: Server): void {
  server.replScriptCache = [];
  server.scriptCacheFlushes++;
}

/** A write on the primary (or, on a chained replica, one arriving from its master). */
export function applyWrite(server: Server, argv: string[]): void {
  if (server.child) server.child.writesDuring++;
  if (server.masterhost) {
    if (server.upstream.connected) feedFromMasterStream(server, argv);
    return;
  }
  replicationFeedSlaves(server, 0, argv);
}

/**
 * EVALSHA with verbatim script replication (the 4.0 default): propagated as EVALSHA only if every
 * replica is known to have the script, otherwise rewritten to EVAL and remembered (docs/behaviour.md §10).
 */
export function evalshaCommand(server: Server, sha: string, body: string): "EVAL" | "EVALSHA" {
  if (server.child) server.child.writesDuring++;
  let argv: string[];
  let sent: "EVAL" | "EVALSHA";
  if (!server.replScriptCache.includes(sha)) {
    // Replaced, not mutated: frames share the array until it changes. Capped at 10 000 (docs/behaviour.md §10).
    server.replScriptCache = [...server.replScriptCache.slice(-9999), sha];
    argv = ["EVAL", body, "0"];
    sent = "EVAL";
  } else {
    argv = ["EVALSHA", sha, "0"];
    sent = "EVALSHA";
  }
  if (!server.masterhost) replicationFeedSlaves(server, 0, argv);
  note(server, { key: "evalsha", sha, sent });
  return sent;
}

