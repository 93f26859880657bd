/** The sharing dialogs' own state (which file failed and why; a link to copy by hand). */
import { create } from "zustand";

export interface FileErrors {
  fileName: string;
  errors: string[];
}

interface ShareUi {
  fileErrors: FileErrors | null;
  /** The clipboard refused: this link is shown for copying by hand. */
  linkToCopy: string | null;
  showFileErrors: (e: FileErrors) => void;
  showLinkToCopy: (link: string) => void;
  close: () => void;
}

export const useShareUi = create<ShareUi>()((set) => ({
  fileErrors: null,
  linkToCopy: null,
  showFileErrors: (fileErrors) => set({ fileErrors, linkToCopy: null }),
  showLinkToCopy: (linkToCopy) => set({ linkToCopy, fileErrors: null }),
  close: () => set({ fileErrors: null, linkToCopy: null }),
}));
