import { lazy, Suspense, useEffect } from "react";
import { useLab } from "../../store/labStore";

// Keys, the black screen and the window sync load only when a lecture starts.
const LectureRuntime = lazy(() => import("./LectureRuntime"));

/** Lecture mode's projector theme is a class on <html> (index.css); the rest loads with it. */
export function LectureMount() {
  const lecture = useLab((s) => s.panels.lecture);
  const linked = useLab((s) => s.speakerLinked);
  useEffect(() => {
    document.documentElement.classList.toggle("lecture", lecture);
  }, [lecture]);
  return lecture || linked ? (
    <Suspense fallback={null}>
      <LectureRuntime />
    </Suspense>
  ) : null;
}
