/**
 * Wraps `report` so that it runs once per key (an order id): a mapping anomaly of one order is read on every request
 * for it, and one log line says all there is. The memory is bounded; past `limit` keys it starts over, which at worst
 * repeats a line.
 */
export function oncePerKey(report: (key: string) => void, limit = 10_000): (key: string) => void {
  const seen = new Set<string>();
  return (key) => {
    if (seen.has(key)) return;
    if (seen.size >= limit) seen.clear();
    seen.add(key);
    report(key);
  };
}
