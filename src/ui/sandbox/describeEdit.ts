/** A sandbox edit in words (the panel's list of edits). */
import { formatSeconds } from "../../model/format";
import { addedIds, type Edit } from "../../scenarios/edits";
import type { EditWords } from "../i18n";

function editMoment(edit: Edit): number {
  return edit.kind === "add-replica" ? edit.at : edit.event.at;
}

export function describeEdit(w: EditWords, edit: Edit): string {
  if (edit.kind === "add-replica") {
    const ids = addedIds(edit) ?? [edit.replica.id];
    return ids.length > 1
      ? w.addReplicas(ids[0] as string, ids[ids.length - 1] as string, ids.length, edit.replica.capa, edit.replica.command)
      : w.addReplica(edit.replica.id, edit.replica.capa, edit.replica.command);
  }
  const e = edit.event;
  switch (e.type) {
    case "connect":
      return w.connect(e.replica);
    case "disconnect":
      return w.disconnect(e.replica);
    case "replica-set":
      return w.replicaSet(e.replica, e.capa, e.command);
    case "config-set":
      return w.configSet(e.replDisklessSync, e.replDisklessSyncDelay);
    case "fork-fails":
      return w.forkFails(e.errno ?? "EAGAIN");
    case "kill-child":
      return w.killChild(e.mode ?? "sigkill");
    case "aof-rewrite":
      return w.aofRewrite(e.duration);
    case "bgsave":
      return w.bgsave;
    case "upstream-lost":
      return w.upstreamLost(!!e.cached);
    case "write":
      return w.write(e.count ?? 1);
    case "evalsha":
      return w.evalsha(e.sha);
  }
}

/** "t = 0.251 s: the next fork fails (EAGAIN)" */
export function describeEditAt(w: EditWords, edit: Edit): string {
  return `${w.at(formatSeconds(Math.round(editMoment(edit) * 1000)))}: ${describeEdit(w, edit)}`;
}
