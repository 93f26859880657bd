/** English words of the scenario picker and of the buttons that open the tools (always loaded). */
import type { PanelsDict } from "./panels.types";

export const panelsEn: PanelsDict = {
  picker: {
    groups: { happy: "Happy paths", batching: "Batching and waiting", failures: "Failures", other: "Other" },
    finishedCount: (d, t) => `${d}/${t} finished`,
    editedBadge: (n) => `${n} sandbox edit${n === 1 ? "" : "s"}`,
    editedTitle: "This is your branch of the scenario; open the Sandbox to see or undo the edits.",
    customScenario: "Your scenario file",
  },
  buttons: { sandbox: "Sandbox", probe: "What if" },
};
