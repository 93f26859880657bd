import { useRef } from "react";
import { useLab } from "../../store/labStore";
import { useWords } from "../i18n";
import { notify } from "./notify";
import { SHARE_BUTTON } from "./styles";

/** "Open scenario file" (a file picker) and "Save scenario" (a download of the current scenario). */
export function ScenarioFileButtons() {
  const { dict } = useWords();
  const input = useRef<HTMLInputElement>(null);
  // Opening and saving files load their code when first used (not needed on the first screen).
  const save = async () => {
    const { downloadText, scenarioFile } = await import("./scenarioFiles");
    const { fileName, text } = scenarioFile(useLab.getState());
    downloadText(fileName, text);
    notify((d) => d.saved(fileName));
  };
  return (
    <>
      <button type="button" className={SHARE_BUTTON} onClick={() => input.current?.click()} title={dict.share.openFileTitle}>
        {dict.share.openFile}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="hidden"
        onChange={(e) => {
          const files = e.currentTarget.files;
          const file = files?.[0];
          if (file) void import("./openScenario").then((m) => m.openScenarioFile(file, (files?.length ?? 1) - 1));
          e.currentTarget.value = ""; // the same file can be chosen again after fixing it
        }}
      />
      <button type="button" className={SHARE_BUTTON} onClick={() => void save()} title={dict.share.saveFileTitle}>
        {dict.share.saveFile}
      </button>
    </>
  );
}
