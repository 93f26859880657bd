/** Open a user's scenario file: on success it becomes the loaded scenario; on failure nothing changes. */
import { MAX_LINK_CHARS } from "../../share/codec";
import { canonicalJson } from "../../share/payload";
import { linkHash } from "../../share/url";
import { useLab, type LabState } from "../../store/labStore";
import { linkStateOf } from "../../store/url";
import { en } from "../i18n/en";
import type { ShareDict } from "../i18n";
import { notify, withShareDict } from "./notify";
import { readScenarioFile } from "./scenarioFiles";
import { useShareUi } from "./shareUi";

function currentDict(): Promise<ShareDict> {
  return new Promise((resolve) => withShareDict(resolve)).then(
    (d) => d as ShareDict,
    () => en.share,
  );
}

export async function openScenarioFile(file: File, extraFiles = 0): Promise<void> {
  const dict = await currentDict();
  const checked = await readScenarioFile(file, dict);
  if (!checked.ok) {
    useShareUi.getState().showFileErrors({ fileName: file.name, errors: checked.errors });
    return;
  }
  // The scenario comes when its trace does (computed off the page's thread); the notice then.
  const s = await new Promise<LabState>((resolve) => useLab.getState().loadCustomScenario(checked.scenario, [], 0, { done: resolve }));
  const link = linkStateOf(s);
  const hashLength = linkHash(link).length;
  // Too large for a link: the store keeps it in this browser (src/share/keptDocs.ts).
  const kept = link.scenario.kind === "kept" ? s.keeper.keep(s.baseScenario, () => canonicalJson(s.baseScenario)) : null;
  // A question its own trace contradicts does not stop the scenario opening; the notice names it.
  const { checkQuestions } = await import("../../lesson/questions");
  const problems = checkQuestions(s.scenario, s.trace);
  notify((d) => {
    if (hashLength > MAX_LINK_CHARS) return d.linkTooLong(hashLength, MAX_LINK_CHARS);
    const title = s.baseScenario.title[s.lang];
    const opened = kept ? d.openedKept(title, file.name, kept.stored) : d.opened(title, file.name);
    const withQuestions = problems.length ? `${opened} ${d.questionsFalse(problems)}` : opened;
    return extraFiles ? `${withQuestions} ${d.oneFileOnly}` : withQuestions;
  });
}
