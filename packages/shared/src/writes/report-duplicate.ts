import type { Logger } from '../logging/index.ts';
import { createLabelBound, writeDuplicatesDetected } from '../metrics/index.ts';

export interface DuplicateReport {
  /** The metrics' `service` label. @default the step's system: `eshop` for `eshop.createOrder` */
  service?: string;
  /** Receives the error line (ids only). */
  logger?: Pick<Logger, 'error'>;
  idempotencyKey?: string;
  /** the documents found with the one tag */
  upstreamIds?: readonly string[];
}

// Step names are a fixed list in code; the bound only guards against a caller passing something request-fed.
const stepLabel = createLabelBound({ max: 50, accept: (value) => /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)?$/.test(value) && value.length <= 64 });

/**
 * A step that looked its document up by tag and found more than one: a write happened twice (should never be). The
 * step goes on with one of them (the oldest); this counts `omnigraph_writes_duplicates_detected_total` and logs it at
 * error level, so someone reconciles the upstream by hand.
 */
export function reportDuplicate(step: string, report: DuplicateReport = {}): void {
  const label = stepLabel(step);
  const service = report.service ?? label.split('.')[0] ?? 'other';
  writeDuplicatesDetected.inc({ service, step: label });
  report.logger?.error(
    { step, idempotencyKey: report.idempotencyKey, upstreamIds: report.upstreamIds, duplicate: true },
    'write step found more than one upstream document with its idempotency tag',
  );
}
