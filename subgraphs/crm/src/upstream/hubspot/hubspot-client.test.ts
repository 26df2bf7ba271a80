import { foldText, POLISH_LETTER_VARIANTS } from '@omnigraph/shared/lookup';
import { describe, expect, it } from 'vitest';
import { coarseTokenPattern, foldedWords } from './hubspot-client.ts';

/** What HubSpot's CONTAINS_TOKEN does with `*` (any run of characters), on a lower-cased token. */
function tokenMatches(pattern: string, token: string): boolean {
  const source = pattern
    .split('*')
    .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(token.toLowerCase());
}

/** Every spelling of a folded word with or without Polish letters (small words only). */
function spellings(word: string): string[] {
  return [...word].reduce<string[]>((acc, c) => acc.flatMap((prefix) => (POLISH_LETTER_VARIANTS[c] ?? [c]).map((v) => prefix + v)), ['']);
}

describe('coarseTokenPattern', () => {
  it('wildcards every letter that may carry a Polish diacritic', () => {
    expect(coarseTokenPattern('wisniewski')).toBe('wi*i*w*ki');
    expect(coarseTokenPattern('tomasz')).toBe('t*m*');
    expect(coarseTokenPattern('lipami')).toBe('*ip*mi');
  });

  it('is null for a word made only of such letters (it would match any token)', () => {
    expect(coarseTokenPattern('ola')).toBeNull();
    expect(coarseTokenPattern('anna')).toBeNull();
  });

  it.each(['wisniewski', 'zolkiewski', 'dabrowska', 'lukasz', 'zielinska'])('matches every spelling of %s (a superset)', (word) => {
    const pattern = coarseTokenPattern(word)!;
    for (const spelling of spellings(word)) expect(tokenMatches(pattern, spelling), spelling).toBe(true);
    expect(tokenMatches(pattern, word.toUpperCase())).toBe(true);
  });
});

describe('foldedWords', () => {
  it('splits a name or company as HubSpot tokenises it, folded', () => {
    expect(foldedWords('Kawiarnia Pod Lipami Sp. z o.o.')).toEqual(['kawiarnia', 'pod', 'lipami', 'sp', 'z', 'o', 'o']);
    expect(foldedWords('Nowak-Wiśniewska')).toEqual(['nowak', 'wisniewska']);
    expect(foldedWords(null)).toEqual([]);
    expect(foldText('ŻÓŁĆ')).toBe('zolc');
  });
});
