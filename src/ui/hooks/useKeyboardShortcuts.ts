import { useEffect } from "react";
import { useLab } from "../../store/labStore";
import { SHORTCUTS } from "../controls/shortcuts";

/**
 * Where a key belongs to the control that has the focus: typing in a text field, Space to open
 * the picker or tick a radio, Space/Enter to press a button. Everything else is the lab's, so the
 * arrow keys step after any click on a control that is not a text field (the picker, the step-size
 * radios, a button), and a clicker's Page Down steps even while the picker has the focus.
 */
export function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement) || key === "Escape") return false;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || target.isContentEditable) return key !== "?";
  if (tag === "SELECT") return key === " ";
  if (tag === "INPUT") {
    const type = (target as HTMLInputElement).type;
    // The timeline slider steps like the arrow keys elsewhere.
    if (type === "range") return false;
    if (type === "radio" || type === "checkbox") return key === " ";
    return true;
  }
  return (tag === "BUTTON" || tag === "SUMMARY" || tag === "A") && (key === " " || key === "Enter");
}

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const state = useLab.getState();
      const shortcut = SHORTCUTS.find((s) => s.keys.includes(e.key) && (!s.lecture || state.panels.lecture));
      if (!shortcut) return;
      if (ownsKeys(e.target, e.key)) return;
      // The "Start here" card is modal: its own buttons and Escape (handled there) are all that work.
      if (state.startHere) return;
      // With the help open, only the help's own keys work.
      if (state.panels.help && e.key !== "?" && e.key !== "Escape") return;
      e.preventDefault();
      shortcut.perform(state);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
