/** The Fullscreen API, for lecture mode (tiny: the shortcut list needs it on first load). */
import { useSyncExternalStore } from "react";

function isFullscreen(): boolean {
  return typeof document !== "undefined" && !!document.fullscreenElement;
}

/** Full screen on or off; a browser that refuses (no user gesture, an iframe) leaves things as they are. */
export function toggleFullscreen(): void {
  if (typeof document === "undefined") return;
  const done = document.fullscreenElement ? document.exitFullscreen?.() : document.documentElement.requestFullscreen?.();
  void done?.catch(() => {});
}

function subscribe(onChange: () => void): () => void {
  document.addEventListener("fullscreenchange", onChange);
  return () => document.removeEventListener("fullscreenchange", onChange);
}

export function useFullscreen(): boolean {
  return useSyncExternalStore(subscribe, isFullscreen, () => false);
}
