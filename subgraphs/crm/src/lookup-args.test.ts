import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkFirst, criterionFromArgs } from './lookup-args.ts';
import { checkOrderReference } from './resolvers/order.resolvers.ts';

function thrown(f: () => unknown): Record<string, unknown> | undefined {
  try {
    f();
  } catch (error) {
    return error instanceof GraphQLError ? { message: error.message, ...error.extensions } : { notGraphQL: String(error) };
  }
  return undefined;
}

const KINDS = ['email', 'phone', 'name', 'allegroLogin', 'company', 'nip'] as const;

describe('criterionFromArgs', () => {
  it.each([
    [{ name: 'WIŚNIEWSKI' }, { kind: 'name', value: 'wisniewski' }],
    [{ email: ' Anna.Kowalska@Example.PL ' }, { kind: 'email', value: 'anna.kowalska@example.pl' }],
    [{ phone: '0048 600 100 200' }, { kind: 'phone', value: '600100200' }],
    [{ nip: 'PL 676-248-13-66' }, { kind: 'nip', value: '6762481366' }],
    [{ company: 'Kawiarnia Pod Lipami' }, { kind: 'company', value: 'kawiarnia pod lipami' }],
    [{ allegroLogin: 'tomek_wisnia' }, { kind: 'allegroLogin', value: 'tomek_wisnia' }],
  ])('normalises %j', (args, expected) => {
    expect(criterionFromArgs(args, KINDS)).toEqual(expected);
  });

  it.each([
    [{ email: 'not-an-email' }, 'email'],
    [{ phone: '12' }, 'phone'],
    [{ nip: '6762481367' }, 'nip'],
    [{ name: 'Anna Maria Kowalska' }, 'name'],
    [{ company: 'x'.repeat(300) }, 'company'],
    [{ allegroLogin: 'a b' }, 'allegroLogin'],
  ])('refuses %j with BAD_USER_INPUT naming %s', (args, argumentName) => {
    expect(thrown(() => criterionFromArgs(args, KINDS))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
  });

  it('refuses no or two criteria without naming one argument', () => {
    expect(thrown(() => criterionFromArgs({}, KINDS))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(thrown(() => criterionFromArgs({ email: 'a@b.pl', phone: '600100200' }, KINDS))?.['argumentName']).toBeUndefined();
  });

  it('checks first', () => {
    expect(checkFirst(undefined)).toBe(10);
    expect(checkFirst(100)).toBe(100);
    expect(thrown(() => checkFirst(0))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
    expect(thrown(() => checkFirst(101))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
  });
});

describe('checkOrderReference', () => {
  it('trims and keeps any printable reference up to 64 characters (the channels classify it)', () => {
    expect(checkOrderReference(' #15228 ')).toBe('#15228');
    expect(checkOrderReference('0'.repeat(24))).toBe('0'.repeat(24));
    expect(checkOrderReference('x'.repeat(64))).toBe('x'.repeat(64));
  });

  it.each(['', '  ', 'x'.repeat(65), 'a\u0000b', 'a\nb', '\u007f', '1'.repeat(1_000_000)])('refuses %#', (reference) => {
    expect(thrown(() => checkOrderReference(reference))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'reference' });
  });
});
