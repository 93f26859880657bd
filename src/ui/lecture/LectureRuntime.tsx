import { useEffect } from "react";
import { useLab } from "../../store/labStore";
import { useWords } from "../i18n";
import { startLectureSync } from "./sync";

/**
 * While a lecture runs (or a speaker window is linked): this window keeps in step with the speaker
 * window, and in lecture mode the clicker's "blank" key shows a black screen (a click also ends it).
 */
export default function LectureRuntime() {
  const lecture = useLab((s) => s.panels.lecture);
  const blank = useLab((s) => s.blank);
  const setBlank = useLab((s) => s.setBlank);
  const t = useWords("lecture").dict.menu;
  useEffect(() => startLectureSync(useLab, { fresh: false }), []);
  if (!lecture || !blank) return null;
  return (
    <div role="status" aria-label={t.blanked} className="fixed inset-0 z-[100] cursor-none bg-black" onClick={() => setBlank(false)}>
      <span className="sr-only">{t.blanked}</span>
    </div>
  );
}
