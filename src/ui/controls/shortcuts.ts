/**
 * Keyboard shortcuts, each next to the action it triggers (the help overlay lists them from here,
 * described in the reader's language by `id`).
 */
import type { LabState } from "../../store/labStore";
import type { ShortcutId } from "../i18n";
import { toggleFullscreen } from "../lecture/fullscreen";

export interface Shortcut {
  id: ShortcutId;
  /** KeyboardEvent.key values. */
  keys: string[];
  /** How the keys are shown in the help overlay. */
  label: string;
  /** Only in lecture mode (presentation clickers send these keys). */
  lecture?: true;
  perform: (s: LabState) => void;
}

export const SHORTCUTS: Shortcut[] = [
  { id: "forward", keys: ["ArrowRight"], label: "→", perform: (s) => s.stepForward() },
  { id: "back", keys: ["ArrowLeft"], label: "←", perform: (s) => s.stepBack() },
  { id: "play", keys: [" "], label: "Space", perform: (s) => s.togglePlay() },
  { id: "first", keys: ["Home"], label: "Home", perform: (s) => s.first() },
  { id: "last", keys: ["End"], label: "End", perform: (s) => s.last() },
  { id: "stepSize", keys: ["l", "L"], label: "L", perform: (s) => s.setStepSize(s.stepSize === "event" ? "line" : "event") },
  { id: "help", keys: ["?"], label: "?", perform: (s) => s.setPanel("help", !s.panels.help) },
  { id: "close", keys: ["Escape"], label: "Esc", perform: (s) => s.setPanel("help", false) },
  // Clickers: "next slide" is PageDown, "previous" PageUp, and "black screen" is `.` or `b`.
  { id: "clickerForward", keys: ["PageDown"], label: "Page Down", lecture: true, perform: (s) => s.stepForward() },
  { id: "clickerBack", keys: ["PageUp"], label: "Page Up", lecture: true, perform: (s) => s.stepBack() },
  { id: "blank", keys: ["b", "B", "."], label: "B / .", lecture: true, perform: (s) => s.setBlank(!s.blank) },
  { id: "fullscreen", keys: ["f", "F"], label: "F", lecture: true, perform: () => toggleFullscreen() },
];
