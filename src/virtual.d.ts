declare module "virtual:catalogue-narration" {
  const steps: Record<string, import("./scenarios/schema").ScenarioStep[]>;
  export default steps;
}
