import type { StateCreator } from "zustand";
import type { LabState, PanelsSlice } from "../types";

export const createPanelsSlice: StateCreator<LabState, [], [], PanelsSlice> = (set) => ({
  sandboxOpen: false,
  probeOpen: false,
  setSandboxOpen: (sandboxOpen) => set({ sandboxOpen }),
  // The probe is a dialog over the page: playback stops while it is open.
  setProbeOpen: (probeOpen) => set(probeOpen ? { probeOpen, playing: false } : { probeOpen }),
});
