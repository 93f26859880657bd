import { useEffect, useState } from "react";
import { useWords } from "../i18n";

const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes("Files");

/** Drop a scenario file anywhere on the page to open it; an overlay says so while dragging. */
export function ScenarioDropZone() {
  const { dict } = useWords();
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (!depth) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // never let the browser navigate to the dropped file
      depth = 0;
      setDragging(false);
      const files = e.dataTransfer?.files;
      const file = files?.[0];
      if (file) void import("./openScenario").then((m) => m.openScenarioFile(file, (files?.length ?? 1) - 1));
    };
    window.addEventListener("dragenter", enter);
    window.addEventListener("dragover", over);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragenter", enter);
      window.removeEventListener("dragover", over);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("drop", drop);
    };
  }, []);
  if (!dragging) return null;
  return (
    <div
      aria-hidden="true"
      className="pointer-events-none fixed inset-0 z-40 flex items-center justify-center border-4 border-dashed border-indigo-500 bg-indigo-50/80 text-lg font-semibold text-indigo-900 dark:bg-indigo-950/80 dark:text-indigo-100"
    >
      {dict.share.dropHere}
    </div>
  );
}
