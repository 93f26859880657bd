import { useShallow } from "zustand/react/shallow";
import type { Frame } from "../../model";
import { useLab } from "../../store/labStore";

/**
 * What a view of the current step reads: the trace, its derived indexes, the cursor, the frame
 * under it and the step size. One selector: the component renders again when one of them changes.
 */
export function useStep() {
  return useLab(
    useShallow((s) => ({
      trace: s.trace,
      derived: s.derived,
      cursor: s.cursor,
      // The cursor is always a frame of the trace (the store clamps it), and a trace has a first frame.
      frame: s.trace.frames[s.cursor] as Frame,
      stepSize: s.stepSize,
    })),
  );
}
