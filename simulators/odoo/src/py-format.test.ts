import { describe, expect, it } from 'vitest';
import { PyFloat, pyJson, pyRepr, pyTuple, unwrapFloats } from './py-format.ts';

describe('Python formatting', () => {
  it('writes reprs the way Python does', () => {
    expect(pyRepr('x')).toBe("'x'");
    expect(pyRepr("it's")).toBe('"it\'s"');
    expect(pyRepr([1, 'a', true, false, null])).toBe("[1, 'a', True, False, None]");
    expect(pyRepr({ a: 1 })).toBe("{'a': 1}");
    expect(pyTuple(['email', '=ilike', 'anna@example.pl'])).toBe("('email', '=ilike', 'anna@example.pl')");
    expect(pyTuple([5])).toBe('(5,)');
  });

  it('serializes floats with a decimal point and Python separators', () => {
    expect(pyJson({ quantity: new PyFloat(11), price: new PyFloat(73.16), id: 3, name: 'Łódź', ok: false })).toBe(
      '{"quantity": 11.0, "price": 73.16, "id": 3, "name": "Łódź", "ok": false}',
    );
    expect(pyJson([new PyFloat(0), null])).toBe('[0.0, null]');
    expect(JSON.parse(pyJson({ q: new PyFloat(2) }))).toEqual({ q: 2 });
    expect(unwrapFloats({ q: [new PyFloat(2.5)] })).toEqual({ q: [2.5] });
  });
});
