/**
 * The one criterion of `findCustomers` and `customerLookup`, checked before anything is asked: exactly one argument,
 * normalised by the shared `normaliseCriterion` (so every subgraph reads a lookup key alike), BAD_USER_INPUT naming the
 * argument otherwise.
 */
import { badUserInput } from '@omnigraph/shared/errors';
import { MAX_LOOKUP_FIRST, normaliseCriterion, type LookupCriterion, type LookupKind } from '@omnigraph/shared/lookup';
import { CRM_MAX_NAME_WORDS } from './upstream/crm-client.ts';

export type LookupArgs = Partial<Record<LookupKind, string | null | undefined>> & { first?: number | null | undefined };

export function criterionFromArgs(args: LookupArgs, kinds: readonly LookupKind[]): LookupCriterion {
  const given = kinds.filter((kind) => args[kind] !== null && args[kind] !== undefined);
  if (given.length !== 1) {
    throw badUserInput(`Give exactly one of ${kinds.map((k) => `"${k}"`).join(', ')}.`);
  }
  const kind = given[0]!;
  const criterion = normaliseCriterion(kind, args[kind] as string);
  if ('error' in criterion) throw badUserInput(criterion.error, kind);
  // each word may be a first or a last name: HubSpot's 5 OR'ed filter groups hold the assignments of 2 words
  if (kind === 'name' && criterion.value.split(' ').length > CRM_MAX_NAME_WORDS) {
    throw badUserInput(`"name" may have at most ${CRM_MAX_NAME_WORDS} words (a first and a last name).`, 'name');
  }
  return criterion;
}

export function checkFirst(first: number | null | undefined): number {
  const n = first ?? 10;
  if (!Number.isInteger(n) || n < 1 || n > MAX_LOOKUP_FIRST) {
    throw badUserInput(`"first" must be between 1 and ${MAX_LOOKUP_FIRST}.`, 'first');
  }
  return n;
}
