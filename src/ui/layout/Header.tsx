import { CopyLinkButton, HelpButton, LanguageSelect, ThemeToggle } from "./HeaderButtons";
import { ScenarioFileButtons } from "../share/ScenarioFileButtons";
import { ProbeButton, SandboxButton } from "../sandbox/SandboxButton";
import { LectureButton } from "../lecture/LectureButton";
import { useWords } from "../i18n";
import { ScenarioSelect } from "./ScenarioSelect";
import { EmbedButton } from "../embed/EmbedButton";
import { ExportButton } from "../export/ExportButton";

/** `lecture-hide` marks what lecture mode leaves out so the projector's larger type still fits. */
export function Header() {
  const { dict } = useWords();
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-3 py-1.5 dark:border-slate-800 dark:bg-slate-900">
      {/* Beside the title where the row has room, on its own line under it on a phone. */}
      <div className="flex flex-wrap items-baseline gap-x-2">
        <h1 className="text-lg font-semibold tracking-tight">FullResync Lab</h1>
        <p className="lecture-hide text-xs text-slate-600 dark:text-slate-300">{dict.page.header.subtitle}</p>
      </div>
      <ScenarioSelect />
      <div className="lecture-hide flex items-center gap-2">
        <SandboxButton />
        <ProbeButton />
      </div>
      <div className="ml-auto flex flex-wrap items-center gap-2">
        <LanguageSelect />
        <ThemeToggle />
        <span className="lecture-hide contents">
          <ScenarioFileButtons />
        </span>
        <CopyLinkButton />
        <span className="lecture-hide contents">
          <EmbedButton />
          <ExportButton />
        </span>
        <LectureButton />
        <HelpButton />
      </div>
    </header>
  );
}
