import { outputBufferAt, wireAt } from "../../model";
import { useLab } from "../../store/labStore";
import { useDict } from "../i18n";
import { stepStart } from "../../store/derive";
import { replicaRows, stateInfo } from "../view/replicaRows";
import { receivedSummary, stepMessages, type Message } from "../view/stepMessages";
import { ChildNode } from "./ChildNode";
import { DecisionNode, ERROR_ROW_Y } from "./DecisionNode";
import { Edge, EdgeMarkers } from "./Edge";
import {
  CHILD,
  FILE,
  FORK_ROUTE,
  WIDTH,
  WRITE_ROUTE,
  controlRoute,
  diskRoute,
  errorRoute,
  height,
  pointAlong,
  replicaBox,
  socketRoute,
  type Route,
} from "./layout";
import { MessageToken } from "./MessageToken";
import { PrimaryNode } from "./PrimaryNode";
import { RdbFileNode } from "./RdbFileNode";
import { ReplicaNode } from "./ReplicaNode";
import { ScriptCacheNode } from "./ScriptCacheNode";

/** The primary, its child, dump.rdb, the decision and every replica, with the pipes between. */
export function Diagram() {
  const trace = useLab((s) => s.trace);
  const derived = useLab((s) => s.derived);
  const cursor = useLab((s) => s.cursor);
  const stepSize = useLab((s) => s.stepSize);
  const page = useDict().dict.page;
  const t = page.diagram;
  const frame = trace.frames[cursor];
  if (!frame) return null;

  const from = stepStart(derived, cursor, stepSize);
  const baseline = from > 0 ? trace.frames[from - 1] : undefined;
  const messages = stepMessages(trace, baseline, frame, from);
  const rows = replicaRows(frame);
  const child = derived.lastChild[cursor] ?? null;
  const running = child && !child.reaped && !child.exited ? child : null;
  const inside = !!frame.locals && frame.line !== null;
  const lastCall = derived.lastCall[cursor] ?? -1;
  const locals = inside ? frame.locals : lastCall >= 0 ? (trace.frames[lastCall]?.locals ?? null) : null;
  const flushedNow = (baseline?.server.scriptCacheFlushes ?? 0) !== frame.server.scriptCacheFlushes;
  const H = height(rows.length);
  const pid = trace.log.find((l) => l.role === "M" || l.role === "S")?.pid ?? null;

  const routeOf = (m: Message, index: number): Route => {
    const b = replicaBox(index);
    if (m.channel === "disk") return diskRoute(b);
    if (m.channel === "socket") return socketRoute(b);
    if (m.channel === "error") return errorRoute(b, ERROR_ROW_Y - 4);
    return controlRoute(b);
  };

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${H}`}
      role="img"
      aria-labelledby="diagram-title diagram-desc"
      className="h-auto max-h-[28rem] w-full"
      preserveAspectRatio="xMidYMin meet"
    >
      <title id="diagram-title">{t.title}</title>
      <desc id="diagram-desc">
        {t.desc(
          child ? t.childDesc(child.pid, child.kind, child.reaped) : t.noChild,
          frame.server.rdbFile.exists,
          rows.map((r) => `${r.id}: ${r.current ? stateInfo(r.current).name : page.replicas.notConnected}`).join(", "),
        )}
      </desc>
      <EdgeMarkers />

      <Edge route={FORK_ROUTE} kind="fork" active={!!running} label={t.fork} labelAt={[(FORK_ROUTE[0][0] + CHILD.x) / 2, 29]} />
      <Edge route={WRITE_ROUTE} kind="write" active={running?.kind === "rdb-disk"} label={t.writes} labelAt={[CHILD.x + CHILD.w / 2 + 22, (CHILD.y + CHILD.h + FILE.y) / 2 + 3]} />

      {rows.map((row, i) => {
        const b = replicaBox(i);
        const r = row.current;
        const info = stateInfo(r);
        const viaChild = !!r && !!running && running.kind === "rdb-socket" && running.targets.includes(r.key);
        const reply = r ? outputBufferAt(trace, frame, r) : [];
        const stuckErr = info.kind === "dropped" && reply.some((m) => m.startsWith("-ERR"));
        return (
          <g key={row.id}>
            <Edge route={socketRoute(b)} kind="socket" active={viaChild} />
            <Edge route={diskRoute(b)} kind="disk" active={info.kind === "SEND_BULK"} />
            <Edge route={controlRoute(b)} kind="control" active={!!r && !r.closed && info.kind !== "dropped"} />
            {stuckErr && (
              <g>
                <Edge route={errorRoute(b, ERROR_ROW_Y - 4)} kind="error" active />
                <StuckMark at={pointAlong(errorRoute(b, ERROR_ROW_Y - 4), 0.93)} />
              </g>
            )}
          </g>
        );
      })}

      <PrimaryNode server={frame.server} pid={pid} />
      <ScriptCacheNode server={frame.server} flushedNow={flushedNow} />
      <DecisionNode server={frame.server} values={{ locals, live: inside }} />
      <ChildNode child={child} />
      <RdbFileNode file={frame.server.rdbFile} writing={running?.kind === "rdb-disk"} />

      {rows.map((row, i) => {
        const r = row.current;
        const reply = r ? outputBufferAt(trace, frame, r) : [];
        return (
          <ReplicaNode
            key={row.id}
            row={row}
            box={replicaBox(i)}
            received={r ? receivedSummary(wireAt(trace, frame, r)) : []}
            unsentError={reply.some((m) => m.startsWith("-ERR"))}
          />
        );
      })}

      {/* Keyed by step, so each new step replays its messages. */}
      <g key={`${cursor}:${stepSize}`}>
        {messages.map((m, k) => {
          const index = rows.findIndex((row) => row.id === m.replica);
          if (index < 0) return null;
          const pipe = `${m.key}:${m.channel === "ack" ? "control" : m.channel}`;
          const slot = messages.slice(0, k).filter((o) => `${o.key}:${o.channel === "ack" ? "control" : o.channel}` === pipe).length;
          return (
            <MessageToken
              key={m.id}
              route={routeOf(m, index)}
              label={m.label}
              channel={m.channel}
              reverse={m.channel === "ack"}
              stop={m.channel === "error" ? 0.8 : 1}
              delay={k * 120}
              slot={slot}
            />
          );
        })}
      </g>
    </svg>
  );
}

/** Where the queued -ERR stops: the write handler is never installed (4.0.14, §8). */
function StuckMark({ at }: { at: [number, number] }) {
  return (
    <g>
      <circle cx={at[0]} cy={at[1]} r={6} className="fill-white stroke-rose-600 dark:fill-slate-900 dark:stroke-rose-400" strokeWidth={1.6} />
      <path d={`M${at[0] - 3} ${at[1] - 3} L${at[0] + 3} ${at[1] + 3} M${at[0] + 3} ${at[1] - 3} L${at[0] - 3} ${at[1] + 3}`} className="stroke-rose-600 dark:stroke-rose-400" strokeWidth={1.6} />
    </g>
  );
}
