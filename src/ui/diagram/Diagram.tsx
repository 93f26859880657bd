import { outputBufferAt, wireAt, type Frame, type Trace } from "../../model/trace";
import type { LastChild } from "../../store/derive";
import { useWords } from "../i18n";
import { useStep } from "../hooks/useStep";
import { stepStart } from "../../store/derive";
import { MAX_SINGLE_REPLICAS, replicaGroups, type ReplicaGroup } from "../view/replicaGroups";
import { replicaRows, stateInfo, stateLabel, type ReplicaRow } from "../view/replicaRows";
import { receivedSummary, stepMessages, tokenText, type Message } from "../view/stepMessages";
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
import { GroupNode } from "./GroupNode";
import { ReplicaNode } from "./ReplicaNode";
import { ScriptCacheNode } from "./ScriptCacheNode";

/** The primary, its child, dump.rdb, the decision and every replica, with the pipes between. */
export function Diagram() {
  const { trace, derived, cursor, stepSize, frame } = useStep();
  const page = useWords().dict.page;
  const t = page.diagram;

  const from = stepStart(derived, cursor, stepSize);
  const baseline = from > 0 ? trace.frames[from - 1] : undefined;
  const messages = stepMessages(trace, baseline, frame, from);
  const rows = replicaRows(trace, frame);
  const child = derived.lastChild[cursor] ?? null;
  const running = child && !child.reaped && !child.exited ? child : null;
  const inside = !!frame.locals && frame.line !== null;
  const lastCall = derived.lastCall[cursor] ?? -1;
  const locals = inside ? frame.locals : lastCall >= 0 ? (trace.frames[lastCall]?.locals ?? null) : null;
  const flushedNow = (baseline?.server.scriptCacheFlushes ?? 0) !== frame.server.scriptCacheFlushes;
  const lanes = replicaLanes(trace, frame, rows, running);
  const laneOf = new Map<string, number>();
  lanes.forEach((lane, i) => lane.ids.forEach((id) => laneOf.set(id, i)));
  const tokens = lanes.grouped ? groupTokens(messages, laneOf) : messages;
  const H = height(lanes.length);
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
          lanes.grouped
            ? lanes.map((l) => `${l.group ? stateLabel(l.group.kind, page.replicas.notConnected) : ""}: ${l.ids.join(" ")}`).join("; ")
            : rows.map((r) => `${r.id}: ${stateLabel(stateInfo(r.current).kind, page.replicas.notConnected)}`).join(", "),
        )}
      </desc>
      <EdgeMarkers />

      <Edge route={FORK_ROUTE} kind="fork" active={!!running} label={t.fork} labelAt={[(FORK_ROUTE[0][0] + CHILD.x) / 2, 29]} />
      <Edge route={WRITE_ROUTE} kind="write" active={running?.kind === "rdb-disk"} label={t.writes} labelAt={[CHILD.x + CHILD.w / 2 + 22, (CHILD.y + CHILD.h + FILE.y) / 2 + 3]} />

      {lanes.map((lane, i) => {
        const b = replicaBox(i);
        return (
          <g key={lane.key}>
            <Edge route={socketRoute(b)} kind="socket" active={lane.socket} />
            <Edge route={diskRoute(b)} kind="disk" active={lane.disk} />
            <Edge route={controlRoute(b)} kind="control" active={lane.control} />
            {lane.stuckErrors > 0 && (
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

      {lanes.map((lane, i) =>
        lane.group ? (
          <GroupNode key={lane.key} group={lane.group} box={replicaBox(i)} unsentErrors={lane.stuckErrors} />
        ) : (
          <ReplicaNode
            key={lane.key}
            row={lane.row as ReplicaRow}
            box={replicaBox(i)}
            received={lane.row?.current ? receivedSummary(wireAt(trace, frame, lane.row.current)) : []}
            unsentError={lane.stuckErrors > 0}
          />
        ),
      )}

      {/* Keyed by step, so each new step replays its messages. */}
      <g key={`${cursor}:${stepSize}`}>
        {tokens.map((m, k) => {
          const index = laneOf.get(m.replica) ?? -1;
          if (index < 0) return null;
          const pipe = `${index}:${m.channel === "ack" ? "control" : m.channel}`;
          const slot = tokens.slice(0, k).filter((o) => `${laneOf.get(o.replica)}:${o.channel === "ack" ? "control" : o.channel}` === pipe).length;
          return (
            <MessageToken
              key={m.id}
              route={routeOf(m, index)}
              label={tokenText(m)}
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

/** Where the queued -ERR stops: the write handler is never installed (4.0.14, docs/behaviour.md §8). */
function StuckMark({ at }: { at: [number, number] }) {
  return (
    <g>
      <circle cx={at[0]} cy={at[1]} r={6} className="fill-white stroke-rose-600 dark:fill-slate-900 dark:stroke-rose-400" strokeWidth={1.6} />
      <path d={`M${at[0] - 3} ${at[1] - 3} L${at[0] + 3} ${at[1] + 3} M${at[0] + 3} ${at[1] - 3} L${at[0] - 3} ${at[1] + 3}`} className="stroke-rose-600 dark:stroke-rose-400" strokeWidth={1.6} />
    </g>
  );
}

/** One row of the diagram's right side: a replica, or (many replicas) every replica in one state. */
interface Lane {
  key: string;
  ids: string[];
  row: ReplicaRow | null;
  group: ReplicaGroup | null;
  /** Which pipes carry something for it now, and how many of its -ERR replies sit unsent. */
  socket: boolean;
  disk: boolean;
  control: boolean;
  stuckErrors: number;
}

type Lanes = Lane[] & { grouped: boolean };

function replicaLanes(trace: Trace, frame: Frame, rows: ReplicaRow[], running: LastChild | null): Lanes {
  const activity = (row: ReplicaRow) => {
    const r = row.current;
    const info = stateInfo(r);
    const stuck = info.kind === "dropped" && !!r && outputBufferAt(trace, frame, r).some((m) => m.startsWith("-ERR"));
    return {
      socket: !!r && !!running && running.kind === "rdb-socket" && running.targets.includes(r.key),
      disk: info.kind === "SEND_BULK",
      control: !!r && !r.closed && info.kind !== "dropped",
      stuck,
    };
  };
  const grouped = rows.length > MAX_SINGLE_REPLICAS;
  const lanes: Lane[] = grouped
    ? replicaGroups(rows).map((group) => {
        const acts = group.rows.map(activity);
        return {
          key: `group:${group.kind}`,
          ids: group.rows.map((r) => r.id),
          row: null,
          group,
          socket: acts.some((a) => a.socket),
          disk: acts.some((a) => a.disk),
          control: acts.some((a) => a.control),
          stuckErrors: acts.filter((a) => a.stuck).length,
        };
      })
    : rows.map((row) => {
        const a = activity(row);
        return { key: row.id, ids: [row.id], row, group: null, socket: a.socket, disk: a.disk, control: a.control, stuckErrors: a.stuck ? 1 : 0 };
      });
  return Object.assign(lanes, { grouped });
}

/**
 * Grouped: one token per (box, pipe, message), saying how many replicas it went to — 37 tokens
 * of "stream" to the ONLINE box would hide each other anyway.
 */
function groupTokens(messages: Message[], laneOf: Map<string, number>): Message[] {
  const byKey = new Map<string, { m: Message; replicas: Set<string> }>();
  for (const m of messages) {
    const k = `${laneOf.get(m.replica)}:${m.channel}:${m.label}`;
    const hit = byKey.get(k);
    if (hit) hit.replicas.add(m.replica);
    else byKey.set(k, { m: { ...m, id: `${m.id.split(":")[0]}:${k}`, count: 1 }, replicas: new Set([m.replica]) });
  }
  return [...byKey.values()].map(({ m, replicas }) => ({ ...m, replicas: replicas.size }));
}
