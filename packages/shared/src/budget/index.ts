export type { BudgetDecision, BudgetRequest, UpstreamBudgetGate, UpstreamLimitSignal } from './budget-gate.ts';
export type { BucketLimit, UpstreamBudgetOptions } from './create-upstream-budget.ts';
export { createUpstreamBudget } from './create-upstream-budget.ts';
export type { BudgetProduct, UpstreamBudgetFromEnvOptions } from './budget-config.ts';
export { createUpstreamBudgetFromEnv, upstreamBudgetEnvShape, upstreamBudgetOptionsFromConfig } from './budget-config.ts';
