import { describe, expect, it } from 'vitest';
import { phpEscapeJson, SITE_TOKEN, wpJsonEncode } from './wp-json.ts';
import { validateArgs, wpList, wpParseIdList } from './wp-params.ts';

describe('wp_json_encode', () => {
  it('escapes slashes and non-ASCII like PHP, surrogate pairs included', () => {
    expect(phpEscapeJson(JSON.stringify({ a: 'Poznań/ul. Półwiejska', b: '😀' }))).toBe(
      '{"a":"Pozna\\u0144\\/ul. P\\u00f3\\u0142wiejska","b":"\\ud83d\\ude00"}',
    );
  });

  it('replaces the site token with the escaped site URL', () => {
    expect(wpJsonEncode({ href: `${SITE_TOKEN}/wp-json/wc/v3/orders/1` }, 'http://127.0.0.1:8070')).toBe(
      '{"href":"http:\\/\\/127.0.0.1:8070\\/wp-json\\/wc\\/v3\\/orders\\/1"}',
    );
  });
});

describe('WordPress argument validation', () => {
  it('lists enum values the way wp_sprintf %l does', () => {
    expect(wpList(['asc', 'desc'])).toBe('asc and desc');
    expect(wpList(['a', 'b', 'c'])).toBe('a, b, and c');
  });

  it('accepts numeric strings for integers and rejects fractions and words', () => {
    const specs = { per_page: { schema: { type: 'integer' as const, minimum: 1, maximum: 100 } } };
    expect(validateArgs({ per_page: '25' }, specs)).toEqual({ ok: true, values: { per_page: 25 } });
    const bad = validateArgs({ per_page: '2.5' }, specs);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.data['params']).toEqual({ per_page: 'per_page is not of type integer.' });
  });

  it('names nested parameters with brackets and reports them under the top-level name', () => {
    const specs = {
      line_items: { schema: { type: 'array' as const, items: { type: 'object' as const, properties: { quantity: { type: 'integer' as const } } } } },
    };
    const result = validateArgs({ line_items: [{ quantity: 1 }, { quantity: 'two' }] }, specs);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.data['params']).toEqual({ line_items: 'line_items[1][quantity] is not of type integer.' });
  });

  it('parses id lists leniently, as wp_parse_id_list', () => {
    expect(wpParseIdList('3, 1,abc,3')).toEqual([3, 1, 0]);
    expect(wpParseIdList(['7', 8])).toEqual([7, 8]);
  });
});
