import { describe, expect, it } from 'vitest';
import { MIN_DEPRECATION_WINDOW_DAYS, formatVerdict, judgeSchemaChange, removalDate } from './schema-change-policy.ts';

const TODAY = '2027-01-15';

/** A small API schema; `extra` is spliced into Query, the other parts replace their defaults. */
function sdl(parts: { query?: string; product?: string; status?: string; input?: string; more?: string } = {}): string {
  return /* GraphQL */ `
    type Query {
      ${parts.query ?? 'product(sku: ID!, channel: String): Product\n      products(filter: ProductFilter): [Product!]!'}
    }
    "A product in the catalogue."
    type Product {
      ${parts.product ?? 'sku: ID!\n      name: String!\n      status: Status'}
    }
    enum Status {
      ${parts.status ?? 'ACTIVE\n      RETIRED'}
    }
    input ProductFilter {
      ${parts.input ?? 'nameContains: String'}
    }
    ${parts.more ?? ''}
  `;
}

const judge = (before: string, after: string, today = TODAY) => judgeSchemaChange(before, after, today);
const coordinates = (findings: { coordinate: string; type: string }[]) => findings.map((f) => `${f.coordinate} ${f.type}`);

describe('the schema change policy', () => {
  it('an unchanged schema passes with nothing to report', async () => {
    const verdict = await judge(sdl(), sdl());
    expect(verdict).toEqual({ failures: [], plannedRemovals: [], dangerous: [], notices: [], safe: [] });
  });

  it('additive changes pass: a new field, a new type, an optional argument, an optional input field', async () => {
    const verdict = await judge(
      sdl(),
      sdl({
        product: 'sku: ID!\n name: String!\n status: Status\n ean: String',
        query: 'product(sku: ID!, channel: String, locale: String): Product\n products(filter: ProductFilter): [Product!]!\n stores: [Store!]!',
        input: 'nameContains: String\n priceBelow: Float',
        more: 'type Store { code: ID! }',
      }),
    );
    expect(verdict.failures).toEqual([]);
    expect(coordinates(verdict.safe)).toEqual(expect.arrayContaining(['Product.ean FIELD_ADDED', 'Store TYPE_ADDED']));
  });

  it('removing a field fails, naming the coordinate and why it breaks clients', async () => {
    const verdict = await judge(sdl(), sdl({ product: 'sku: ID!\n status: Status' }));
    expect(coordinates(verdict.failures)).toEqual(['Product.name FIELD_REMOVED']);
    const report = formatVerdict(verdict);
    expect(report).toContain('Product.name');
    expect(report).toMatch(/why: .+/);
  });

  it('removing an argument, an input field, an enum value or a type fails', async () => {
    const verdict = await judge(
      sdl({ more: 'type Store { code: ID! }\n extend type Query { stores: [Store!]! }' }),
      sdl({ query: 'product(sku: ID!): Product\n products(filter: ProductFilter): [Product!]!', input: 'other: String', status: 'ACTIVE' }),
    );
    expect(coordinates(verdict.failures)).toEqual(
      expect.arrayContaining([
        'Query.product.channel FIELD_ARGUMENT_REMOVED',
        'ProductFilter.nameContains INPUT_FIELD_REMOVED',
        'Status.RETIRED ENUM_VALUE_REMOVED',
        'Store TYPE_REMOVED',
        'Query.stores FIELD_REMOVED',
      ]),
    );
  });

  it('nullability and type changes that break clients fail; the safe directions pass', async () => {
    const verdict = await judge(
      sdl(),
      sdl({
        product: 'sku: ID!\n name: String\n status: String',
        query: 'product(sku: ID!, channel: String!): Product\n products(filter: ProductFilter): [Product!]!',
        input: 'nameContains: String!',
      }),
    );
    expect(coordinates(verdict.failures)).toEqual(
      expect.arrayContaining([
        'Product.name FIELD_TYPE_CHANGED', // non-null → nullable: clients get nulls they never handled
        'Product.status FIELD_TYPE_CHANGED', // enum → String
        'Query.product.channel FIELD_ARGUMENT_TYPE_CHANGED', // optional → required
        'ProductFilter.nameContains INPUT_FIELD_TYPE_CHANGED',
      ]),
    );
    // output nullable → non-null and input non-null → nullable are safe
    const safe = await judge(sdl({ product: 'sku: ID!\n name: String\n status: Status' }), sdl());
    expect(safe.failures.filter((f) => f.coordinate === 'Product.name')).toEqual([]);
    const widened = await judge(sdl({ input: 'nameContains: String!' }), sdl());
    expect(widened.failures).toEqual([]);
  });

  it('a description-only change is never breaking', async () => {
    const before = sdl();
    const after = before
      .replace('"A product in the catalogue."', '"A product in the catalogue.\\n\\nScopes: catalog:read."')
      .replace('sku: ID!\n', '"The stock keeping unit. Needs catalog:read." sku: ID!\n');
    expect(after).not.toBe(before);
    const verdict = await judge(before, after);
    expect(verdict.failures).toEqual([]);
    expect(verdict.dangerous).toEqual([]);
    expect(verdict.safe.length).toBeGreaterThan(0);
  });

  it('a dangerous change (a new enum value) is reported but passes', async () => {
    const verdict = await judge(sdl(), sdl({ status: 'ACTIVE\n RETIRED\n DRAFT' }));
    expect(verdict.failures).toEqual([]);
    expect(coordinates(verdict.dangerous)).toEqual(['Status.DRAFT ENUM_VALUE_ADDED']);
  });

  describe('the deprecation workflow', () => {
    const deprecatedName = (reason: string) => sdl({ product: `sku: ID!\n name: String! @deprecated(reason: "${reason}")\n status: Status` });
    const withoutName = sdl({ product: 'sku: ID!\n status: Status' });

    it('removal after the stated removal date passes, as a planned removal', async () => {
      const verdict = await judge(deprecatedName('Use title. Removal after 2027-01-14.'), withoutName);
      expect(verdict.failures).toEqual([]);
      expect(coordinates(verdict.plannedRemovals)).toEqual(['Product.name FIELD_REMOVED']);
    });

    it('removal on or before the removal date fails', async () => {
      for (const date of ['2027-01-15', '2027-03-01']) {
        const verdict = await judge(deprecatedName(`Use title. Removal after ${date}.`), withoutName);
        expect(coordinates(verdict.failures), date).toEqual(['Product.name FIELD_REMOVED']);
      }
    });

    it('removal of a field deprecated without a date, or not deprecated, fails', async () => {
      expect(coordinates((await judge(deprecatedName('Use title.'), withoutName)).failures)).toEqual(['Product.name FIELD_REMOVED']);
      // an impossible date is no date
      expect(coordinates((await judge(deprecatedName('Removal after 2026-02-30.'), withoutName)).failures)).toEqual(['Product.name FIELD_REMOVED']);
    });

    it('arguments, input fields and enum values follow the same rule', async () => {
      const before = sdl({
        query:
          'product(sku: ID!, channel: String @deprecated(reason: "Removal after 2026-12-31.")): Product\n products(filter: ProductFilter): [Product!]!',
        input: 'nameContains: String @deprecated(reason: "Removal after 2026-12-31.")\n other: String',
        status: 'ACTIVE\n RETIRED @deprecated(reason: "Removal after 2026-12-31.")',
      });
      const after = sdl({
        query: 'product(sku: ID!): Product\n products(filter: ProductFilter): [Product!]!',
        input: 'other: String',
        status: 'ACTIVE',
      });
      const verdict = await judge(before, after);
      expect(verdict.failures).toEqual([]);
      expect(coordinates(verdict.plannedRemovals).sort()).toEqual([
        'ProductFilter.nameContains INPUT_FIELD_REMOVED',
        'Query.product.channel FIELD_ARGUMENT_REMOVED',
        'Status.RETIRED ENUM_VALUE_REMOVED',
      ]);
      // the same removals a day before the date passes fail
      expect((await judge(before, after, '2026-12-31')).failures).toHaveLength(3);
    });

    it('a type may go when every use of it could go (or nothing used it)', async () => {
      const before = sdl({
        more: 'type Store { code: ID! }\n extend type Query { stores: [Store!]! @deprecated(reason: "Removal after 2026-06-30.") }',
      });
      const verdict = await judge(before, sdl());
      expect(verdict.failures).toEqual([]);
      expect(coordinates(verdict.plannedRemovals).sort()).toEqual(['Query.stores FIELD_REMOVED', 'Store TYPE_REMOVED']);
      const unused = await judge(sdl({ more: 'type Orphan { id: ID! }' }), sdl());
      expect(unused.failures).toEqual([]);
    });

    it(`a new removal date must be at least ${MIN_DEPRECATION_WINDOW_DAYS} days away, and may never move earlier`, async () => {
      // 2027-01-15 + 90 days = 2027-04-15
      const tooSoon = await judge(sdl(), deprecatedName('Use title. Removal after 2027-04-14.'));
      expect(coordinates(tooSoon.failures)).toEqual(['Product.name DEPRECATION_WINDOW_TOO_SHORT']);
      expect(tooSoon.failures[0]!.why).toContain('2027-04-15');
      expect((await judge(sdl(), deprecatedName('Use title. Removal after 2027-04-15.'))).failures).toEqual([]);
      // a date added later to an old deprecation counts from the day it is added
      expect(coordinates((await judge(deprecatedName('Use title.'), deprecatedName('Use title. Removal after 2027-02-01.'))).failures)).toEqual([
        'Product.name DEPRECATION_WINDOW_TOO_SHORT',
      ]);
      const forward = await judge(deprecatedName('Removal after 2027-06-01.'), deprecatedName('Removal after 2027-05-01.'));
      expect(coordinates(forward.failures)).toEqual(['Product.name REMOVAL_DATE_BROUGHT_FORWARD']);
      // later, or a reworded reason with the same date, is fine even inside the window
      expect(
        (await judge(deprecatedName('Removal after 2027-02-01.'), deprecatedName('Use title instead. Removal after 2027-02-01.'))).failures,
      ).toEqual([]);
      expect((await judge(deprecatedName('Removal after 2027-02-01.'), deprecatedName('Removal after 2027-03-01.'))).failures).toEqual([]);
    });

    it('a deprecation without a date passes with a notice', async () => {
      const verdict = await judge(sdl(), deprecatedName('Use title.'));
      expect(verdict.failures).toEqual([]);
      expect(coordinates(verdict.notices)).toEqual(['Product.name DEPRECATION_WITHOUT_REMOVAL_DATE']);
    });
  });

  it('reads a removal date anywhere in the reason, and only a real one', () => {
    expect(removalDate('Use `title`. Removal after 2027-03-01.')).toBe('2027-03-01');
    expect(removalDate('removal AFTER 2027-03-01')).toBe('2027-03-01');
    expect(removalDate('Removal after 2027-13-01.')).toBeUndefined();
    expect(removalDate('Remove soon.')).toBeUndefined();
    expect(removalDate(null)).toBeUndefined();
  });
});
