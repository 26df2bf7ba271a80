import { cacheLookups, cacheStaleAge, cacheStaleServed } from '../metrics/instruments.ts';

export interface CacheLoaderMetrics {
  hits(n: number): void;
  misses(n: number): void;
  stale(ageSeconds: number): void;
}

// Cached loaders are created per request; their label children are bound once per (service, loader) and kept here.
const byLoader = new Map<string, CacheLoaderMetrics>();

export function cacheLoaderMetrics(service: string, loader: string): CacheLoaderMetrics {
  const key = `${service}\u0000${loader}`;
  let metrics = byLoader.get(key);
  if (metrics === undefined) {
    const hit = cacheLookups.labels({ service, loader, result: 'hit' });
    const miss = cacheLookups.labels({ service, loader, result: 'miss' });
    const staleServed = cacheStaleServed.labels({ service, loader });
    const staleAge = cacheStaleAge.labels({ service, loader });
    metrics = {
      hits: (n) => n > 0 && hit.inc(n),
      misses: (n) => n > 0 && miss.inc(n),
      stale: (ageSeconds) => {
        staleServed.inc();
        staleAge.observe(ageSeconds);
      },
    } as CacheLoaderMetrics;
    byLoader.set(key, metrics);
  }
  return metrics;
}
