import { useSyncExternalStore } from "react";

const QUERY = "(prefers-color-scheme: dark)";

function subscribe(onChange: () => void): () => void {
  const mq = window.matchMedia(QUERY);
  mq.addEventListener("change", onChange);
  return () => mq.removeEventListener("change", onChange);
}

/** Whether the operating system asks for a dark theme now. */
export function systemDarkNow(): boolean {
  return window.matchMedia(QUERY).matches;
}

/** Whether the operating system asks for a dark theme (live). */
export function useSystemDark(): boolean {
  return useSyncExternalStore(subscribe, systemDarkNow, () => false);
}
