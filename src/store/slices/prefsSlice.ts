import type { StateCreator } from "zustand";
import { browserLang } from "../lang";
import type { Lang, LabState, NoticeMessage, ThemePref } from "../types";

export interface PrefsSlice {
  theme: ThemePref;
  lang: Lang;
  /** A non-blocking message (bad link, copied link…): text already worded, or a message to word. */
  notice: string | NoticeMessage | null;
  /** Switch to the opposite of what is shown now (the system's theme until the first toggle). */
  toggleTheme: (systemDark: boolean) => void;
  setLang: (lang: Lang) => void;
  showNotice: (notice: string | NoticeMessage) => void;
  dismissNotice: () => void;
}

export const createPrefsSlice: StateCreator<LabState, [], [], PrefsSlice> = (set) => ({
  theme: "system",
  lang: browserLang(),
  notice: null,
  toggleTheme: (systemDark) =>
    set((s) => {
      const dark = s.theme === "system" ? systemDark : s.theme === "dark";
      return { theme: dark ? "light" : "dark" };
    }),
  setLang: (lang) => set({ lang }),
  showNotice: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: null }),
});
