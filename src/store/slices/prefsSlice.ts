import type { StateCreator } from "zustand";
import { browserLang } from "../lang";
import type { Lang, LabState, NoticeMessage, ThemePref } from "../types";

export interface PrefsSlice {
  theme: ThemePref;
  lang: Lang;
  /** A non-blocking message (bad link, copied link…): text already worded, or a message to word. */
  notice: string | NoticeMessage | null;
  /** The first visit's "Start here" card has been closed once (remembered, so it does not come back). */
  startHereSeen: boolean;
  /** The card is on screen (src/ui/orient). */
  startHere: boolean;
  /** Switch to the opposite of what is shown now (the system's theme until the first toggle). */
  toggleTheme: (systemDark: boolean) => void;
  setLang: (lang: Lang) => void;
  showNotice: (notice: string | NoticeMessage) => void;
  dismissNotice: () => void;
  /** Show the "Start here" card (on a first visit, or asked for from the help); closing it remembers it was seen. */
  setStartHere: (open: boolean) => void;
}

export const createPrefsSlice: StateCreator<LabState, [], [], PrefsSlice> = (set) => ({
  theme: "system",
  lang: browserLang(),
  notice: null,
  startHereSeen: false,
  startHere: false,
  toggleTheme: (systemDark) =>
    set((s) => {
      const dark = s.theme === "system" ? systemDark : s.theme === "dark";
      return { theme: dark ? "light" : "dark" };
    }),
  setLang: (lang) => set({ lang }),
  showNotice: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: null }),
  setStartHere: (open) => set(open ? { startHere: true } : { startHere: false, startHereSeen: true }),
});
