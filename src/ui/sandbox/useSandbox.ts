/** What every sandbox form needs: the frame looked at, the moment an edit takes effect, the words. */
import { editTime, type Edit } from "../../scenarios/edits";
import { useLab } from "../../store/labStore";
import { useWords } from "../i18n";

export function useSandbox() {
  const trace = useLab((s) => s.trace);
  const frame = useLab((s) => s.trace.frames[s.cursor] ?? s.trace.frames[0]!);
  const scenario = useLab((s) => s.scenario);
  const baseScenario = useLab((s) => s.baseScenario);
  const edits = useLab((s) => s.edits);
  const addEdit = useLab((s) => s.addEdit);
  const t = useWords("tools").dict.sandbox;
  const at = editTime(frame.t);
  return {
    trace,
    frame,
    scenario,
    baseScenario,
    edits,
    at,
    t,
    /** Add an event edit at this moment; true when it applied. */
    addEvent: (event: Extract<Edit, { kind: "event" }>["event"]) => addEdit({ kind: "event", event }),
    addEdit,
  };
}
