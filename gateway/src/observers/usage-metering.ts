import type { UsageMeter } from '@omnigraph/auth';
import type { RequestObserver } from '../request-record.ts';

/**
 * Partner usage metering: every request made with an API key (refused ones too) adds to the key's day. Only the
 * in-memory buffer is touched here; the meter writes it to the key store in the background.
 */
export function createUsageObserver(meter: UsageMeter): RequestObserver {
  return (record) => {
    if (record.keyId === undefined) return;
    meter.record(record.keyId, {
      requests: 1,
      cost: record.cost,
      upstreamCalls: record.upstreamCalls,
      errors: record.outcome === 'ok' ? 0 : 1,
    });
  };
}
