import type { StateCreator } from "zustand";
import { PANELS, type Panel } from "../../share/payload";
import type { LabState } from "../types";

/**
 * Which panels are open: the shortcuts overlay, the sandbox drawer, the "what if" dialog,
 * lecture mode, and the Messages view in the diagram's place. The same names a link carries (src/share/payload.ts PANELS), so the URL mirrors
 * this record as it is.
 */
export interface PanelsSlice {
  panels: Readonly<Record<Panel, boolean>>;
  setPanel: (panel: Panel, open: boolean) => void;
}

const ALL_CLOSED = Object.fromEntries(PANELS.map((p) => [p, false])) as Record<Panel, boolean>;

export const createPanelsSlice: StateCreator<LabState, [], [], PanelsSlice> = (set, get) => ({
  panels: ALL_CLOSED,
  setPanel: (panel, open) => {
    const was = get().panels;
    if (was[panel] === open) return;
    const panels = { ...was, [panel]: open };
    // The probe is a dialog over the page: playback stops while it is open.
    if (panel === "probe" && open) set({ panels, playing: false });
    // Switching lecture mode on or off never starts (or leaves) the audience looking at a black screen.
    else if (panel === "lecture") set({ panels, blank: false });
    else set({ panels });
  },
});
