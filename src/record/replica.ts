/**
 * A raw replica over Node's `net` (docs/recording-format.md §5): it says what a Redis 4.0
 * replica says (PING, `REPLCONF listening-port`, `REPLCONF capa …`, `PSYNC ? -1`) or what an old
 * client says (`SYNC`), records every byte that reaches its socket with the time it arrived,
 * reads the stream far enough to know when the payload ended, and then, once a second, sends
 * `REPLCONF ACK <offset>` as a replica's cron does (docs/behaviour.md §11). Like a real replica
 * (docs/behaviour.md §20) a PSYNC replica gives up after `repl-timeout` of silence and connects
 * again in the same tick, and after an error reply or a close by the primary it connects again
 * at its next tick — at once, and with its first ACK right after a streamed payload, when the
 * server is 6.2 or later, as that release's replica does (ReplicaRhythm); a SYNC client never
 * reconnects. Node only.
 */
import { createHash, type Hash } from "node:crypto";
import { connect, type Socket } from "node:net";
import type { ConnectionRecord } from "./format";
import { encodeCommand, RecordError } from "./resp";
import type { Clock } from "./server";
import { bytesToLatin1, feedWire, initialWire, WireError, type WireState } from "./wire";

export type ReplicaSpec = {
  id: string;
  command: "PSYNC" | "SYNC";
  capa: ("eof" | "psync2")[];
  /** The port it announces with `REPLCONF listening-port` (the model's, docs/scenario-format.md §5). */
  listeningPort: number;
};

/**
 * What the replica of a release does differently (docs/versions.md §20): from 6.2 a replica
 * connects again at once after a failed sync (`Reconnecting to MASTER … after failure`,
 * 6.2.14 replication.c 2591–2614) and sends its first `REPLCONF ACK` right after loading a
 * streamed RDB (6.2.14 replication.c 1907); 4.0 and 5.0 do both from their next 1 s cron run.
 */
export type ReplicaRhythm = { reconnectAtOnce: boolean; ackAfterLoad: boolean };

/** The rhythm of the replica of `version` (a `redis_version` from INFO server). */
export function rhythmOf(version: string): ReplicaRhythm {
  const m = /^(\d+)\.(\d+)/.exec(version);
  const later = m ? Number(m[1]) > 6 || (Number(m[1]) === 6 && Number(m[2]) >= 2) : false;
  return { reconnectAtOnce: later, ackAfterLoad: later };
}

/** At most this many connections per replica in one recording (reconnections are bounded). */
export const MAX_CONNECTIONS = 40;
const HANDSHAKE_REPLY_MS = 2000;
/** How long a replica waits, after an error reply, for the primary to close before it closes. */
const ERROR_CLOSE_WAIT_MS = 200;

type Live = {
  socket: Socket;
  record: ConnectionRecord;
  wire: WireState;
  lastIo: number;
  lines: string[];
  lineWaiter: (() => void) | null;
  hash: Hash | null;
  initialOffset: number;
  streamBytes: number;
};

export class RawReplica {
  readonly connections: ConnectionRecord[] = [];
  private live: Live | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Connect again at the next tick (after a close by the primary or an error reply). */
  private retry = false;
  private stopped = false;

  constructor(
    private spec: ReplicaSpec,
    private readonly port: number,
    private readonly clock: Clock,
    private readonly replTimeoutMs: number,
    private readonly rhythm: ReplicaRhythm = rhythmOf("4.0.14"),
    /**
     * True while a fork fault is armed (faults.ts ForkFault): an immediate reconnection waits
     * (every 5 ms, at most 1 s) until the fault is lifted, because the lift, run when the server
     * logs the failure, takes a few milliseconds — longer than a 6.2+ replica takes to connect
     * again — and the scenario says only the next fork fails. The wait is far below the
     * comparison's granularity (whole seconds, docs/architecture.md §21).
     */
    private readonly hold: () => boolean = () => false,
  ) {}

  get connected(): boolean {
    return this.live !== null;
  }

  /** A `replica-set` event: the next connection announces these (docs/scenario-format.md §6). */
  set(change: { capa?: ("eof" | "psync2")[]; command?: "PSYNC" | "SYNC" }): void {
    this.spec = { ...this.spec, ...change };
  }

  /** Opens a connection and sends the handshake; resolves once the sync command is written. */
  async connect(pipelined = false): Promise<string> {
    if (this.live) return "already connected";
    if (this.connections.length >= MAX_CONNECTIONS) throw new RecordError(`replica ${this.spec.id}: more than ${MAX_CONNECTIONS} connections`);
    this.stopped = false;
    this.retry = false;
    if (!this.timer) this.timer = setInterval(() => this.tick(), 1000);
    const socket = connect({ host: "127.0.0.1", port: this.port });
    socket.setNoDelay(true);
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new RecordError(`replica ${this.spec.id}: no connection to 127.0.0.1:${this.port} within 2 s`)), 2000);
      socket.once("connect", () => (clearTimeout(t), resolve()));
      socket.once("error", (e) => (clearTimeout(t), reject(new RecordError(`replica ${this.spec.id}: ${(e as NodeJS.ErrnoException).code ?? e.message}`))));
    });
    const { command, capa } = this.spec;
    const record: ConnectionRecord = {
      t: this.clock.now(),
      localPort: socket.localPort ?? 0,
      command,
      // An old SYNC client announces nothing, whatever its capa says (docs/scenario-format.md §5).
      capa: command === "SYNC" ? [] : [...capa],
      sent: [],
      received: [],
      payload: null,
      ackOffset: null,
      closed: null,
    };
    this.connections.push(record);
    const live: Live = { socket, record, wire: initialWire(), lastIo: this.clock.now(), lines: [], lineWaiter: null, hash: null, initialOffset: 0, streamBytes: 0 };
    this.live = live;
    socket.on("data", (d: Buffer) => this.onData(live, d));
    socket.on("error", () => {});
    socket.on("close", () => this.onClose(live));

    const syncCmd = command === "SYNC" ? ["SYNC"] : ["PSYNC", "?", "-1"];
    if (command === "SYNC") {
      this.write(live, [syncCmd]);
      return "SYNC sent";
    }
    const handshake: string[][] = [["PING"], ["REPLCONF", "listening-port", String(this.spec.listeningPort)]];
    if (record.capa.length) handshake.push(["REPLCONF", ...record.capa.flatMap((c) => ["capa", c])]);
    if (pipelined) {
      this.write(live, [...handshake, syncCmd]);
      return "PING, REPLCONF and PSYNC sent in one write";
    }
    for (const cmd of handshake) {
      this.write(live, [cmd]);
      const reply = await this.nextLine(live);
      if (reply === null) return `closed during the handshake (after ${cmd.join(" ")})`;
      if (reply.startsWith("-")) {
        this.close(live, "replica", `error reply to ${cmd[0]}: ${reply}`);
        this.failed();
        return `${cmd[0]} answered ${reply}`;
      }
    }
    this.write(live, [syncCmd]);
    return "handshake answered; PSYNC ? -1 sent";
  }

  /** A `disconnect` event: the replica closes and stays away until a later `connect`. */
  disconnect(reason = "disconnect event"): string {
    this.retry = false;
    if (!this.live) return "not connected";
    this.close(this.live, "replica", reason);
    return "closed";
  }

  /** The end of the recording: close whatever is open, stop the cron. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.live) this.close(this.live, "recorder", "the recording ended");
  }

  /**
   * Whether this replica is done: its payload has ended and, for a PSYNC replica, its first ACK is
   * sent (what puts a socket-target replica online, docs/behaviour.md §11); or it is closed and
   * will not connect again.
   */
  get settled(): boolean {
    const last = this.connections[this.connections.length - 1];
    if (!last) return true;
    if (this.live) return last.payload?.tEnd != null && (last.command === "SYNC" || last.ackOffset !== null);
    return !this.retry;
  }

  private write(live: Live, cmds: string[][]): void {
    const buf = Buffer.concat(cmds.map(encodeCommand));
    live.record.sent.push({ t: this.clock.now(), data: bytesToLatin1(buf) });
    live.socket.write(buf);
  }

  private nextLine(live: Live): Promise<string | null> {
    return new Promise((resolve) => {
      const take = () => {
        if (live.lines.length) return resolve(live.lines.shift() as string);
        if (live.record.closed) return resolve(null);
        return false;
      };
      if (take() !== false) return;
      const t = setTimeout(() => {
        live.lineWaiter = null;
        this.close(live, "replica", `no handshake reply within ${HANDSHAKE_REPLY_MS} ms`);
        resolve(null);
      }, HANDSHAKE_REPLY_MS);
      live.lineWaiter = () => {
        if (take() !== false) {
          clearTimeout(t);
          live.lineWaiter = null;
        }
      };
    });
  }

  private onData(live: Live, d: Buffer): void {
    const t = this.clock.now();
    live.lastIo = t;
    let result;
    try {
      result = feedWire(live.wire, d);
    } catch (e) {
      live.record.received.push({ t, data: bytesToLatin1(d) });
      this.close(live, "replica", `unreadable stream: ${e instanceof WireError ? e.message : String(e)}`);
      return;
    }
    live.wire = result.state;
    // A read holds at most one payload header: open the payload first, so the body bytes of the
    // same read are counted into it, then the bytes, then what the read completed.
    for (const item of result.items) {
      if (item.kind !== "payload-start") continue;
      live.record.payload = {
        form: item.form,
        length: item.form === "len" ? item.length : null,
        mark: item.form === "eof" ? item.mark : null,
        tStart: t,
        tEnd: null,
        rdbBytes: null,
        head: "",
        sha1: null,
      };
      live.hash = createHash("sha1");
    }
    for (const seg of result.segments) {
      if (seg.part === "body") {
        live.record.received.push({ t, body: seg.bytes.length });
        const p = live.record.payload;
        if (p) {
          if (p.head.length < 16) p.head += bytesToLatin1(seg.bytes.subarray(0, 16 - p.head.length));
          live.hash?.update(seg.bytes);
        }
      } else live.record.received.push({ t, data: bytesToLatin1(seg.bytes) });
    }
    for (const item of result.items) {
      if (item.kind === "line") {
        const full = /^\+FULLRESYNC \S+ (\d+)$/.exec(item.text);
        if (full) live.initialOffset = Number(full[1]);
        live.lines.push(item.text);
        // After the handshake, an error reply ends this attempt, as a replica's PSYNC does. The
        // replica waits a moment first, so the recording shows whether the primary closes the
        // connection itself after its reply (from 5.0.5 it does, docs/behaviour.md §14).
        if (!live.lineWaiter && item.text.startsWith("-") && this.spec.command === "PSYNC") {
          const text = item.text;
          // -NOMASTERLINK and -LOADING are "try later": every release waits for its next cron
          // run (PSYNC_TRY_LATER, 6.2.14 replication.c 2521–2533; docs/versions.md §20).
          const later = /^-(NOMASTERLINK|LOADING)\b/.test(text);
          setTimeout(() => {
            if (live.record.closed) return; // the primary closed it first: onClose went on
            this.close(live, "replica", `error reply: ${text}`);
            this.failed(later);
          }, ERROR_CLOSE_WAIT_MS);
        }
      } else if (item.kind === "payload-end") {
        const p = live.record.payload;
        if (p) {
          p.tEnd = t;
          p.rdbBytes = item.rdbBytes;
          p.sha1 = live.hash?.digest("hex") ?? null;
          live.hash = null;
          // 6.2 on: the first ACK right after loading a streamed RDB (docs/versions.md §20); the
          // raw replica loads nothing, so it is sent as the payload ends.
          if (this.rhythm.ackAfterLoad && p.form === "eof" && this.spec.command === "PSYNC" && !live.record.closed) this.ack(live);
        }
      } else if (item.kind === "stream") live.streamBytes += item.bytes;
    }
    // Lines after the handshake are not waited for: keep only what a waiter may still take.
    live.lineWaiter?.();
    if (!live.lineWaiter) live.lines.length = 0;
  }

  private close(live: Live, by: "primary" | "replica" | "recorder", reason: string): void {
    if (live.record.closed) return;
    live.record.closed = { t: this.clock.now(), by, reason };
    live.socket.destroy();
    if (this.live === live) this.live = null;
    live.lineWaiter?.();
  }

  private onClose(live: Live): void {
    if (live.record.closed) return;
    this.close(live, "primary", "the connection was closed by the server");
    this.failed();
  }

  /** After a failed sync a PSYNC replica connects again: at once from 6.2 (unless told to try later), else at its next tick. */
  private failed(later = false): void {
    if (this.spec.command !== "PSYNC" || this.stopped || this.live) return;
    if (!this.rhythm.reconnectAtOnce || later || this.connections.length >= MAX_CONNECTIONS) {
      this.retry = true;
      return;
    }
    const go = (waited: number) => {
      if (this.stopped || this.live) return;
      if (this.hold() && waited < 1000) return void setTimeout(() => go(waited + 5), 5);
      void this.connect().catch(() => {});
    };
    go(0);
  }

  private ack(live: Live): void {
    const offset = live.initialOffset + live.streamBytes;
    live.record.ackOffset = offset;
    this.write(live, [["REPLCONF", "ACK", String(offset)]]);
  }

  /** The replica's once-a-second cron: ACK after the payload; repl-timeout; reconnection. */
  private tick(): void {
    if (this.stopped) return;
    const live = this.live;
    const now = this.clock.now();
    if (live) {
      const done = live.record.payload?.tEnd != null;
      if (this.spec.command === "PSYNC" && now - live.lastIo > this.replTimeoutMs) {
        this.close(live, "replica", "repl-timeout");
        // A real replica connects again in the same cron run (docs/behaviour.md §20).
        void this.connect().catch(() => {});
        return;
      }
      if (done && this.spec.command === "PSYNC") this.ack(live);
    } else if (this.retry && this.spec.command === "PSYNC" && this.connections.length < MAX_CONNECTIONS) {
      this.retry = false;
      void this.connect().catch(() => {});
    }
  }
}
