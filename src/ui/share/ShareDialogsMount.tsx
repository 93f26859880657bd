import { lazy, Suspense } from "react";
import { useShareUi } from "./shareUi";

const Dialogs = lazy(() => import("./ShareDialogs"));

/** The sharing dialogs, loaded the first time one has something to show. */
export function ShareDialogs() {
  const open = useShareUi((s) => s.fileErrors !== null || s.linkToCopy !== null);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <Dialogs />
    </Suspense>
  );
}
