import { CopyLinkButton, LanguageSelect, ThemeToggle } from "./HeaderButtons";
import { ProbeButton, SandboxButton } from "../sandbox/SandboxButton";
import { LectureButton } from "../lecture/LectureButton";
import { useWords } from "../i18n";
import { ScenarioSelect } from "./ScenarioSelect";
import { MoreButton } from "./MoreButton";
import { useLab } from "../../store/labStore";

/**
 * One row at 1280 px (e2e/header.spec.ts measures it, English and Chinese): what a student uses
 * all the time stays in view — the scenario, the sandbox and the probe, language, theme, Copy
 * link, Lecture — and the tools used now and then (scenario files, Embed, Export, the keyboard
 * shortcuts) are in the More menu. The subtitle wraps to two short lines beside the title there;
 * on a phone it takes its own line under the title, and the rows wrap.
 * `lecture-hide` marks what lecture mode leaves out so the projector's larger type still fits.
 */
export function Header() {
  const { dict } = useWords();
  const redis = useLab((s) => s.redis);
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-3 py-1.5 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-baseline gap-x-2 sm:flex-nowrap sm:items-center">
        <h1 className="text-lg font-semibold tracking-tight whitespace-nowrap">FullResync Lab</h1>
        <p className="lecture-hide text-xs text-slate-600 sm:max-w-[12.5rem] sm:leading-tight dark:text-slate-300">{dict.page.header.subtitle(redis)}</p>
      </div>
      <ScenarioSelect />
      <div className="lecture-hide flex items-center gap-2">
        <SandboxButton />
        <ProbeButton />
      </div>
      <div className="ml-auto flex flex-wrap items-center gap-2">
        <LanguageSelect />
        <ThemeToggle />
        <CopyLinkButton />
        <LectureButton />
        <MoreButton />
      </div>
    </header>
  );
}
