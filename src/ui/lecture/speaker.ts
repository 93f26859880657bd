/** The speaker window: the same app at `?speaker`, showing notes instead of the lab. */
import { useLab } from "../../store/labStore";
import { flushUrl } from "../../store/url";

const SPEAKER_PARAM = "speaker";
const WINDOW_NAME = "fullresync-lab-speaker";

export function isSpeakerWindow(search: string = typeof location === "undefined" ? "" : location.search): boolean {
  return new URLSearchParams(search).has(SPEAKER_PARAM);
}

/**
 * Open (or bring back) the speaker window at the moment shown here: it starts from the same link,
 * then follows over the channel (sync.ts). False when the browser blocked the window.
 */
export function openSpeakerWindow(): boolean {
  flushUrl();
  const url = `${location.pathname}?${SPEAKER_PARAM}${location.hash}`;
  const opened = window.open(url, WINDOW_NAME, "popup,width=820,height=760");
  if (!opened) return false;
  opened.focus?.();
  useLab.getState().setSpeakerLinked(true);
  return true;
}
