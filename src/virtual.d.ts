declare module "virtual:catalogue-narration" {
  const steps: Record<string, import("./scenarios/schema").ScenarioStep[]>;
  export default steps;
  export const versionNotes: Record<string, NonNullable<import("./scenarios/schema").Scenario["versionNotes"]>>;
}
