import type { StateCreator } from "zustand";
import { browserLang } from "../lang";
import type { LabState, PrefsSlice } from "../types";

export const createPrefsSlice: StateCreator<LabState, [], [], PrefsSlice> = (set) => ({
  theme: "system",
  lang: browserLang(),
  helpOpen: false,
  notice: null,
  toggleTheme: (systemDark) =>
    set((s) => {
      const dark = s.theme === "system" ? systemDark : s.theme === "dark";
      return { theme: dark ? "light" : "dark" };
    }),
  setLang: (lang) => set({ lang }),
  toggleHelp: () => set((s) => ({ helpOpen: !s.helpOpen })),
  closeHelp: () => set({ helpOpen: false }),
  showNotice: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: null }),
});
