import { MAX_LINK_CHARS } from "../../share/codec";
import { HASH_PREFIX } from "../../share/url";
import { useLab } from "../../store/labStore";
import { flushUrl, keptOnlyHere } from "../../store/url";
import { useWords } from "../i18n";
import { useNames } from "../i18n/a11yNames";
import { notify } from "./notify";
import { useShareUi } from "./shareUi";
import { SHARE_BUTTON } from "./styles";

/** The old way, for browsers without the async clipboard (or without permission for it). */
function copyWithSelection(text: string): boolean {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.className = "fixed opacity-0";
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

async function copyCurrentLink(): Promise<void> {
  flushUrl();
  const url = window.location.href;
  const payload = window.location.hash.startsWith(HASH_PREFIX) ? window.location.hash.length - HASH_PREFIX.length : 0;
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    copied = copyWithSelection(url);
  }
  if (!copied) useShareUi.getState().showLinkToCopy(url);
  const here = keptOnlyHere(useLab.getState());
  notify((d) => (payload > MAX_LINK_CHARS ? d.linkTooLong(payload, MAX_LINK_CHARS) : copied ? (here ? d.linkCopiedHere : d.linkCopied) : d.copyByHand));
}

export function CopyLinkButton() {
  const { dict } = useWords();
  const names = useNames();
  return (
    // Named by its visible words: "Copy link" in English (docs/architecture.md §8; i18n/a11yNames.ts).
    <button type="button" className={SHARE_BUTTON} onClick={() => void copyCurrentLink()} title={dict.share.copyLinkTitle} aria-label={names.copyLink}>
      {dict.share.copyLink}
    </button>
  );
}
