import { useWords } from "../i18n";
import { FramePosition } from "./FramePosition";
import { SpeedSelect } from "./SpeedSelect";
import { StepSizeToggle } from "./StepSizeToggle";
import { TargetStatus } from "./TargetStatus";
import { Timeline } from "./Timeline";
import { TransportButtons } from "./TransportButtons";

export function ControlBar() {
  const { dict } = useWords();
  return (
    <section
      aria-label={dict.page.controls.region}
      className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 bg-white px-3 py-1.5 dark:border-slate-800 dark:bg-slate-900"
    >
      <TransportButtons />
      <StepSizeToggle />
      <SpeedSelect />
      <div className="order-last flex w-full min-w-0 items-center gap-2 lg:order-none lg:w-auto lg:flex-1">
        <Timeline />
        <FramePosition />
      </div>
      <TargetStatus />
    </section>
  );
}
