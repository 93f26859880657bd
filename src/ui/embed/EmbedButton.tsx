import { lazy, Suspense, useState } from "react";
import { useLab } from "../../store/labStore";
import { useWords } from "../i18n";
import { SHARE_BUTTON } from "../share/styles";

// The dialog loads on first use: it is not part of the first screen's budget.
const EmbedDialog = lazy(() => import("./EmbedDialog"));

/** The header's Embed button: a dialog that writes the iframe snippet for a range of frames. */
export function EmbedButton() {
  const words = useWords().dict.page.publish;
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={SHARE_BUTTON}
        aria-haspopup="dialog"
        aria-expanded={open}
        title={words.embedTitle}
        onClick={() => {
          useLab.getState().pause();
          setOpen(true);
        }}
      >
        {words.embed}
      </button>
      {open && (
        <Suspense fallback={null}>
          <EmbedDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
