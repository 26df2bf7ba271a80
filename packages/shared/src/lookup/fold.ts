/**
 * Text as people compare it when they cannot type Polish letters: "Wiśniewski", "WISNIEWSKI" and "wisniewski" are one
 * name. Unicode decomposition strips combining marks (ś → s, ż → z, ó → o), but `ł`/`Ł` are letters of their own with
 * no decomposition, so they are mapped explicitly; so are the few other stroke letters a name may carry.
 */
const NO_DECOMPOSITION: Readonly<Record<string, string>> = { ł: 'l', đ: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe' };

/** Lower-case, diacritics removed, runs of whitespace collapsed to one space, trimmed. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[łđøßæœ]/g, (c) => NO_DECOMPOSITION[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether two texts are equal once folded (see {@link foldText}). */
export function sameFolded(a: string | null | undefined, b: string | null | undefined): boolean {
  return a !== null && a !== undefined && b !== null && b !== undefined && foldText(a) === foldText(b);
}

/** The letters a folded ASCII letter may stand for in Polish text ("s" may be "ś"); the others stand for themselves. */
export const POLISH_LETTER_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  a: ['a', 'ą'],
  c: ['c', 'ć'],
  e: ['e', 'ę'],
  l: ['l', 'ł'],
  n: ['n', 'ń'],
  o: ['o', 'ó'],
  s: ['s', 'ś'],
  z: ['z', 'ż', 'ź'],
};
