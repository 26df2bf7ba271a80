import { metricsRegistry } from '@omnigraph/shared/metrics';

/** One sample of the Prometheus text exposition: metric name, labels, value. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Parses the text exposition format (what `/metrics` serves): every sample line, comments skipped. */
export function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = LINE.exec(line);
    if (match === null) throw new Error(`not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL)) labels[key!] = value!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** The process registry's exposition, parsed, as the metrics listener would serve it. */
export async function scrape(): Promise<Sample[]> {
  return parseExposition(await metricsRegistry.metrics());
}

/** Sum of the samples named `name` whose labels include `match`. */
export function total(samples: readonly Sample[], name: string, match: Record<string, string> = {}): number {
  let sum = 0;
  for (const s of samples) {
    if (s.name === name && Object.entries(match).every(([k, v]) => s.labels[k] === v)) sum += s.value;
  }
  return sum;
}

/** `after - before` of every series of `name`, keyed by the chosen labels joined with `|`; zero deltas left out. */
export function deltaBy(before: readonly Sample[], after: readonly Sample[], name: string, labels: readonly string[]): Record<string, number> {
  const tally = (samples: readonly Sample[], sign: number, into: Record<string, number>) => {
    for (const s of samples) {
      if (s.name !== name) continue;
      const key = labels.map((l) => s.labels[l] ?? '').join('|');
      into[key] = (into[key] ?? 0) + sign * s.value;
    }
  };
  const result: Record<string, number> = {};
  tally(after, 1, result);
  tally(before, -1, result);
  for (const [key, value] of Object.entries(result)) if (value === 0) delete result[key];
  return result;
}
