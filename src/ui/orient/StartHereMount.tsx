import { lazy, Suspense, useEffect } from "react";
import { useLab } from "../../store/labStore";

// Loaded when it is shown: a returning reader never downloads it.
const StartHere = lazy(() => import("./StartHere"));

/**
 * The first visit's "Start here" card. It opens by itself only at the lab's own start, once: not
 * on a link to a moment (a frame, an open panel or lecture mode — that moment is what the link is
 * for), and never in the embed or the speaker window, which do not render the lab page.
 */
export function StartHereMount() {
  const open = useLab((s) => s.startHere);
  useEffect(() => {
    const s = useLab.getState();
    if (!s.startHereSeen && s.cursor === 0 && !Object.values(s.panels).some(Boolean)) s.setStartHere(true);
  }, []);
  return open ? (
    <Suspense fallback={null}>
      <StartHere />
    </Suspense>
  ) : null;
}
