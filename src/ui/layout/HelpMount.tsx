import { lazy, Suspense } from "react";
import { useLab } from "../../store/labStore";

// Loaded on first use: the shortcut list is not part of the first screen's budget.
const HelpOverlay = lazy(() => import("./HelpOverlay").then((m) => ({ default: m.HelpOverlay })));

export function HelpMount() {
  const open = useLab((s) => s.panels.help);
  return open ? (
    <Suspense fallback={null}>
      <HelpOverlay />
    </Suspense>
  ) : null;
}
