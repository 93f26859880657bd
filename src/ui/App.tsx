import { lazy, Suspense, useLayoutEffect } from "react";
import { CodePanel } from "./code/CodePanel";
import { ControlBar } from "./controls/ControlBar";
import { DiagramPanel } from "./diagram/DiagramPanel";
import { ExplanationPanel } from "./explain/ExplanationPanel";
import { useDocumentLang } from "./hooks/useDocumentLang";
import { useKeyboardShortcuts } from "./hooks/useKeyboardShortcuts";
import { usePlayback } from "./hooks/usePlayback";
import { useAppliedTheme } from "./hooks/useTheme";
import { Header } from "./layout/Header";
import { HelpMount } from "./layout/HelpMount";
import { Notice } from "./layout/Notice";
import { ComputingBanner } from "./layout/Computing";
import { ServerLog } from "./log/ServerLog";
import { ReplicasPanel } from "./replicas/ReplicasPanel";
import { ProbeMount, SandboxMount } from "./sandbox/SandboxMount";
import { ScenarioDropZone } from "./share/ScenarioDropZone";
import { ShareDialogs } from "./share/ShareDialogsMount";
import { useWords } from "./i18n";
import { LectureMount } from "./lecture/LectureMount";
import { isSpeakerWindow } from "./lecture/speaker";
import { StartHereMount } from "./orient/StartHereMount";

// `?speaker`: the lecturer's notes window, opened from the Lecture menu (loaded on use).
const SpeakerView = lazy(() => import("./lecture/SpeakerView"));

export function App() {
  return isSpeakerWindow() ? (
    <Suspense fallback={null}>
      <SpeakerView />
    </Suspense>
  ) : (
    <LabPage />
  );
}

/**
 * One screen at 1280×720 (panels scroll inside), one column on a phone.
 * Columns: the picture and its explanation | the code and the log | the replicas.
 * Lecture mode (`lecture-hide`, index.css) keeps the picture (the whole left column), the code and
 * the explanation under it.
 */
function LabPage() {
  usePlayback();
  useKeyboardShortcuts();
  useAppliedTheme();
  useDocumentLang(useWords().lang);
  // … and the first render is in the document (its style, layout and paint still to come).
  useLayoutEffect(() => {
    performance.mark("lab:first-render");
  }, []);
  return (
    <div className="relative flex min-h-dvh flex-col bg-slate-100 text-slate-900 lg:h-dvh lg:overflow-hidden dark:bg-slate-950 dark:text-slate-100">
      <Header />
      <Notice />
      <ComputingBanner />
      <ControlBar />
      <main className="lab-main relative grid flex-1 grid-cols-1 gap-2 p-2 lg:min-h-0 lg:grid-cols-[minmax(0,1.45fr)_minmax(0,1fr)_minmax(0,0.95fr)] lg:grid-rows-[minmax(0,1fr)]">
        <div className="lab-col flex min-w-0 flex-col gap-2 lg:min-h-0">
          <div className="diagram-slot lg:max-h-[68%] lg:min-h-0 lg:flex-none">
            <DiagramPanel />
          </div>
          <div className="explain-slot h-[22rem] lg:h-auto lg:min-h-0 lg:flex-1">
            <ExplanationPanel />
          </div>
        </div>
        <div className="lab-col flex min-w-0 flex-col gap-2 lg:min-h-0">
          <div className="h-[30rem] lg:h-auto lg:min-h-0 lg:flex-[1.6]">
            <CodePanel />
          </div>
          <div className="lecture-hide h-64 lg:h-auto lg:min-h-0 lg:flex-1">
            <ServerLog />
          </div>
        </div>
        <div className="lecture-hide min-w-0 lg:min-h-0">
          <ReplicasPanel />
        </div>
        <SandboxMount />
      </main>
      <HelpMount />
      <ProbeMount />
      <ShareDialogs />
      <ScenarioDropZone />
      <LectureMount />
      <StartHereMount />
    </div>
  );
}

export default App;
