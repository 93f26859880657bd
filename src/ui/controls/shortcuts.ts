/**
 * Keyboard shortcuts, each next to the action it triggers (the help overlay lists them from here).
 */
import type { LabState } from "../../store/labStore";

export interface Shortcut {
  /** KeyboardEvent.key values. */
  keys: string[];
  /** How the keys are shown in the help overlay. */
  label: string;
  description: string;
  perform: (s: LabState) => void;
}

export const SHORTCUTS: Shortcut[] = [
  { keys: ["ArrowRight"], label: "→", description: "Step forward", perform: (s) => s.stepForward() },
  { keys: ["ArrowLeft"], label: "←", description: "Step back", perform: (s) => s.stepBack() },
  { keys: [" "], label: "Space", description: "Play / pause", perform: (s) => s.togglePlay() },
  { keys: ["Home"], label: "Home", description: "First step", perform: (s) => s.first() },
  { keys: ["End"], label: "End", description: "Last step", perform: (s) => s.last() },
  {
    keys: ["l", "L"],
    label: "L",
    description: "Switch step size (event / line)",
    perform: (s) => s.setStepSize(s.stepSize === "event" ? "line" : "event"),
  },
  { keys: ["?"], label: "?", description: "Show or hide this help", perform: (s) => s.toggleHelp() },
  { keys: ["Escape"], label: "Esc", description: "Close this help", perform: (s) => s.closeHelp() },
];
