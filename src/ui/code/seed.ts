import seedText from "../../model/seed/startBgsaveForReplication.c?raw";
import { highlightC } from "./highlightC";

/** The seed function, line by line (line numbers are 1-based, as in every trace). */
export const SEED_LINES: string[] = seedText.replace(/\n$/, "").split("\n");
export const SEED_TOKENS = highlightC(SEED_LINES);
