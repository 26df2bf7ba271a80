export type { BudgetDecision, BudgetRequest, UpstreamBudgetGate, UpstreamLimitSignal } from './budget-gate.ts';
