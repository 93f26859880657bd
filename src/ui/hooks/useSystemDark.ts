import { media } from "./media";

const dark = media("(prefers-color-scheme: dark)");

/** Whether the operating system asks for a dark theme now. */
export const systemDarkNow = dark.now;

/** Whether the operating system asks for a dark theme (live). */
export const useSystemDark = dark.use;
