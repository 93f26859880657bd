import { lazy, Suspense, useState } from "react";
import { useLab } from "../../store/labStore";

// Loaded on first use: the panels are not part of the first screen's budget.
const SandboxPanel = lazy(() => import("./SandboxPanel"));
const ProbeDialog = lazy(() => import("../probe/ProbeDialog"));

export function SandboxMount() {
  const open = useLab((s) => s.panels.sandbox);
  return open ? (
    <Suspense fallback={null}>
      <SandboxPanel />
    </Suspense>
  ) : null;
}

/** The probe keeps its inputs while closed (it stays mounted, hidden, once opened). */
export function ProbeMount() {
  const open = useLab((s) => s.panels.probe);
  const [mounted, setMounted] = useState(false);
  if (open && !mounted) setMounted(true);
  return mounted || open ? (
    <Suspense fallback={null}>
      <ProbeDialog open={open} />
    </Suspense>
  ) : null;
}
