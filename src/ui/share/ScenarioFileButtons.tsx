import { forwardRef } from "react";
import { useLab } from "../../store/labStore";
import { notify } from "./notify";

/**
 * "Open scenario file" and "Save scenario" (items of the header's More menu, layout/MoreButton.tsx).
 * Opening and saving files load their code when first used (not needed on the first screen).
 */
export async function saveScenarioFile(): Promise<void> {
  const { downloadText, scenarioFile } = await import("./scenarioFiles");
  const { fileName, text } = scenarioFile(useLab.getState());
  downloadText(fileName, text);
  notify((d) => d.saved(fileName));
}

/**
 * The file picker behind "Open scenario file". It stays mounted while the menu that clicked it
 * closes, so the chosen file still arrives.
 */
export const ScenarioFileInput = forwardRef<HTMLInputElement>(function ScenarioFileInput(_props, ref) {
  return (
    <input
      ref={ref}
      type="file"
      accept=".json,application/json"
      className="hidden"
      tabIndex={-1}
      aria-hidden="true"
      onChange={(e) => {
        const files = e.currentTarget.files;
        const file = files?.[0];
        if (file) void import("./openScenario").then((m) => m.openScenarioFile(file, (files?.length ?? 1) - 1));
        e.currentTarget.value = ""; // the same file can be chosen again after fixing it
      }}
    />
  );
});
