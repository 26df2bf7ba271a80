export { ADMIN_PREFIX, createSimulator } from './create-simulator.ts';
export type { CreateSimulatorOptions, Simulator, SimulatorControl } from './create-simulator.ts';
export { createPrng, createRateLimiter } from './knobs.ts';
export type { RateLimiter } from './knobs.ts';
export { createRouter } from './router.ts';
export {
  ConfigError,
  DEFAULT_PORTS,
  envPrefix,
  loadSimulatorConfig,
  parseEnv,
  simulatorEnvSchema,
  zodProblems,
} from './simulator-config.ts';
export type { SimulatorRuntimeConfig } from './simulator-config.ts';
export { bootSimulators, runSimulator, runSimulators } from './run-simulator.ts';
export type { SimulatorBoot } from './run-simulator.ts';
export { deliverWebhook, hmacSha256Base64 } from './webhooks.ts';
export type { WebhookDelivery, WebhookResult } from './webhooks.ts';
export * from './simulator-types.ts';
