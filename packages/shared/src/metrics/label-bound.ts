/**
 * Keeps a label's values to a fixed set: the first `max` distinct values seen (plus any `always` value) are used as
 * they are, every later one becomes `other`. Prometheus keeps one series per label combination for the life of the
 * process, so a label fed from a request (an operation name a client chose, a key id) must not grow without limit.
 */
export interface LabelBound {
  (value: string): string;
  /** distinct values admitted so far (not counting `always`) */
  readonly size: number;
}

export const OTHER_LABEL = 'other';

export function createLabelBound(options: {
  max: number;
  /** values that never count against `max` (registered operation names) */
  always?: Iterable<string>;
  /** values that are not acceptable label values at all (too long, odd characters) map to `other` */
  accept?: (value: string) => boolean;
}): LabelBound {
  const always = new Set(options.always ?? []);
  const seen = new Set<string>();
  const bound = (value: string): string => {
    if (always.has(value) || seen.has(value)) return value;
    if (seen.size >= options.max || (options.accept !== undefined && !options.accept(value))) return OTHER_LABEL;
    seen.add(value);
    return value;
  };
  Object.defineProperty(bound, 'size', { get: () => seen.size });
  return bound as LabelBound;
}

/** A GraphQL name (`/^[_A-Za-z][_0-9A-Za-z]*$/`), at most 64 characters: what an operation-name label may carry. */
export const isGraphQLName = (value: string): boolean => value.length <= 64 && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value);
