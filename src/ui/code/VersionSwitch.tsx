import { useId } from "react";
import { MODELLED_VERSIONS, versionProblem } from "../../model/versions/modelled";
import { isRedisVersion, REDIS_VERSIONS } from "../../model/versions/names";
import { useLab } from "../../store/labStore";
import { useWords } from "../i18n";

/**
 * The Redis version the page runs (docs/versions.md), in the code panel's title: the scenario and
 * its edits run again on the chosen version, at the same moment (store: setRedis; the link keeps
 * it). A version whose server is not modelled, or that cannot run this scenario, is listed and
 * cannot be chosen, with the reason in its label.
 */
export function VersionSwitch() {
  const redis = useLab((s) => s.redis);
  const scenario = useLab((s) => s.scenario);
  const setRedis = useLab((s) => s.setRedis);
  const computing = useLab((s) => s.computing !== null);
  const t = useWords().dict.page.code;
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {t.version}
      </label>
      <select
        id={id}
        value={redis}
        title={t.versionHint}
        aria-busy={computing ? true : undefined}
        onChange={(e) => {
          if (isRedisVersion(e.target.value)) setRedis(e.target.value);
        }}
        className="ml-1 h-6 w-[5.5rem] rounded border border-slate-300 bg-white px-0.5 font-mono text-xs font-normal text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
      >
        {REDIS_VERSIONS.map((v) => {
          const modelled = MODELLED_VERSIONS.includes(v);
          const cannot = modelled && v !== redis && versionProblem(scenario, v) !== null;
          return (
            <option key={v} value={v} disabled={!modelled || cannot}>
              {!modelled ? t.versionNotModelled(v) : cannot ? t.versionCannotRun(v) : v}
            </option>
          );
        })}
      </select>
    </>
  );
}
