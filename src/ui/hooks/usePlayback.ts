import { useEffect } from "react";
import { useLab } from "../../store/labStore";

/** Base time between two steps at 1× speed. */
export const STEP_MS = 900;

/** While playing, advance one step per interval. The timer lives here, not in the store. */
export function usePlayback(): void {
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => s.speed);
  const tick = useLab((s) => s.tick);
  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(tick, STEP_MS / speed);
    return () => window.clearInterval(id);
  }, [playing, speed, tick]);
}
