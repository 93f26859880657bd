import { useEffect } from "react";
import { useLab } from "../../store/labStore";
import { SHORTCUTS, type Shortcut } from "../controls/shortcuts";

/** Where the keys belong to the control itself (typing, choosing from a list). */
function ownsKeys(target: EventTarget | null, key: string, shortcut: Shortcut): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || target.isContentEditable) return key !== "Escape" && key !== "?";
  // A clicker's Page Down must step even while the scenario picker has the focus (after a pick):
  // a closed select would otherwise change the scenario in front of the class.
  if (tag === "SELECT") return !shortcut.lecture && key !== "Escape" && key !== "?";
  if (tag === "INPUT") {
    const type = (target as HTMLInputElement).type;
    // The timeline slider steps like the arrow keys elsewhere; radios and text inputs keep theirs.
    return type !== "range" && key !== "Escape";
  }
  // A focused button activates itself with Space/Enter.
  if ((tag === "BUTTON" || tag === "SUMMARY" || tag === "A") && (key === " " || key === "Enter")) return true;
  return false;
}

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const state = useLab.getState();
      const shortcut = SHORTCUTS.find((s) => s.keys.includes(e.key) && (!s.lecture || state.panels.lecture));
      if (!shortcut) return;
      if (ownsKeys(e.target, e.key, shortcut)) return;
      // With the help open, only the help's own keys work.
      if (state.panels.help && e.key !== "?" && e.key !== "Escape") return;
      e.preventDefault();
      shortcut.perform(state);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
