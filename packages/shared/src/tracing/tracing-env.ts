import { z } from 'zod';
import { tracingExportersFromEnv } from './start-tracing.ts';

/**
 * The standard OpenTelemetry variables a process reads (through the SDK), in its config schema so they are
 * documented, listed in `.env.example` and checked with the rest of the config at boot. Every one is optional:
 * tracing is off unless an exporter or an OTLP endpoint is named.
 */
export const tracingEnvShape = {
  /** @default the role (gateway, erp, …) */
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  /** otlp | console | none (comma-separated); @default otlp when an OTLP endpoint is set, else off */
  OTEL_TRACES_EXPORTER: z
    .string()
    .optional()
    .refine((value) => tracingExportersFromEnv({ OTEL_TRACES_EXPORTER: value }).problems.length === 0, 'use otlp, console or none'),
  /** collector base URL; traces go to `<it>/v1/traces` */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  /** the full traces URL, when it is not `<OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces` */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
  /** only http/json is supported */
  OTEL_EXPORTER_OTLP_PROTOCOL: z.literal('http/json').optional(),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: z.literal('http/json').optional(),
  /** `key=value,…` sent with every export (a collector's credential: set it from a secret, never in a file) */
  OTEL_EXPORTER_OTLP_HEADERS: z.string().optional(),
  /** export timeout in ms. @default 10000 */
  OTEL_EXPORTER_OTLP_TIMEOUT: z.coerce.number().int().positive().optional(),
  /** always_on | always_off | traceidratio | parentbased_always_on | parentbased_always_off | parentbased_traceidratio */
  OTEL_TRACES_SAMPLER: z
    .enum(['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'])
    .optional(),
  /** the ratio of the traceidratio samplers, 0 to 1 */
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).optional(),
  /** extra resource attributes, `key=value,key=value` (deployment.environment=prod) */
  OTEL_RESOURCE_ATTRIBUTES: z.string().optional(),
  /** `true` turns tracing off whatever else is set */
  OTEL_SDK_DISABLED: z.enum(['true', 'false']).optional(),
};
