import { useSyncExternalStore } from "react";

/** A media query, read now (`now`) or followed live (`use`, a hook: it renders again on a change). */
export function media(query: string) {
  const now = () => window.matchMedia(query).matches;
  const subscribe = (onChange: () => void) => {
    const mq = window.matchMedia(query);
    mq.addEventListener("change", onChange);
    return () => mq.removeEventListener("change", onChange);
  };
  return { now, use: () => useSyncExternalStore(subscribe, now, () => false) };
}
