import { CopyLinkButton, HelpButton, LanguageSelect, ThemeToggle } from "./HeaderButtons";
import { ScenarioFileButtons } from "../share/ScenarioFileButtons";
import { ProbeButton, SandboxButton } from "../sandbox/SandboxButton";
import { ScenarioSelect } from "./ScenarioSelect";

export function Header() {
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-3 py-1.5 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex items-baseline gap-2">
        <h1 className="text-lg font-semibold tracking-tight">FullResync Lab</h1>
        <p className="hidden text-xs text-slate-600 2xl:block dark:text-slate-300">
          How a Redis 4.0.14 primary starts a BGSAVE for replication
        </p>
      </div>
      <ScenarioSelect />
      <div className="flex items-center gap-2">
        <SandboxButton />
        <ProbeButton />
      </div>
      <div className="ml-auto flex flex-wrap items-center gap-2">
        <LanguageSelect />
        <ThemeToggle />
        <ScenarioFileButtons />
        <CopyLinkButton />
        <HelpButton />
      </div>
    </header>
  );
}
