/**
 * Scope matrix (issue 4): for every scope set a partner profile uses, every field of the graph is asked for —
 * directly, through aliases, named fragments, interfaces and with `__typename` — against simulators whose personal
 * data carries a canary marker. A partner response (data and errors) must never contain the marker, nor a demo
 * customer's phone (phones cannot carry the marker, so they are compared by digits).
 *
 * The positive controls keep this from passing vacuously: the call-center key gets the marker and a phone back from
 * the same operations, no operation is refused for its size, and every partner scope set gets partial data with
 * FORBIDDEN errors that name scopes the key really lacks.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Supergraph } from '@apollo/federation-internals';
import { getNamedType, isInterfaceType, isObjectType, parse, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import type { GraphQLNamedType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fieldRequirement, readScopeMap } from '../gateway/src/authorization/index.ts';
import { normaliseNip } from '@omnigraph/shared/lookup';
import { generateScopeMatrixOperations, VARIANTS } from './scope-matrix-operations.ts';
import type { ArgumentValues, GeneratedOperation } from './scope-matrix-operations.ts';

/** The idempotency key of the call-center key's one write (issue 11), read back by `writeOperation` in the matrix. */
const MATRIX_WRITE_KEY = 'scope-matrix-write-0001';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

// Each matrix run sends 100+ full operations through the whole stack: throughput-bound, so slower while the other test
// workers share the 2 cores; a time limit here would only measure the neighbours.
vi.setConfig({ testTimeout: 90_000 });

const CANARY = 'cnry7q';
const PARTNER_SCOPE_SETS = [
  ['catalog:read'],
  ['catalog:read', 'stock:read'],
  ['orders:read'],
  ['customers:read'],
  ['catalog:read', 'stock:read', 'orders:read', 'customers:read'],
];
/** Root fields that answer null for any credential not bound to a customer, the call center's included. */
const NULL_WITHOUT_CUSTOMER_BINDING = new Set(['me']);
/** requests in flight at once: enough to keep the run short, few enough not to queue behind the simulators */
const CONCURRENCY = 8;

const supergraphSdl = readFileSync(fileURLToPath(new URL('../schema/supergraph.graphql', import.meta.url)), 'utf8');
const apiSchema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

interface Outcome {
  operation: GeneratedOperation;
  status: number;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string; missingScopes?: string[] } }[] };
}

interface Tally {
  label: string;
  scopes: string[];
  sent: number;
  executed: number;
  withData: number;
  /** FORBIDDEN errors of fields removed from an executed operation (partial data) */
  forbiddenFields: number;
  /** FORBIDDEN errors naming the fields of a 403 (nothing in the operation allowed) */
  forbiddenInRefusals: number;
  refusedWhole: number;
  refusedByLimits: number;
  canaries: number;
  phones: number;
  leaks: string[];
  badMissingScopes: string[];
  /** every scope some FORBIDDEN error named */
  missingNamed: Set<string>;
}

const str = (value: string) => JSON.stringify(value);
const countCanaries = (text: string) => text.toLowerCase().split(CANARY).length - 1;
/** the national part (last 9 digits) is what every Polish format of one number shares */
const national = (phone: string) => phone.replace(/\D/g, '').slice(-9);

/** Phone-looking runs in the text (digits with spaces, dashes, brackets, an optional +), by their national part. */
function phonesIn(text: string, known: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\+?\d[\d \-()]{7,16}\d/g)) {
    const digits = national(match[0]);
    if (known.has(digits)) found.push(match[0]);
  }
  return found;
}

/** A company of the ERP with a valid NIP: the one lookup value of a company that carries no canary (digits only). */
/** A company the CRM links (odoo_partner_id), with a NIP: a lookup by its name or NIP finds a customer. */
function nipCompany(stack: E2eStack) {
  const linked = new Set(stack.dataset.crmContacts.map((c) => c.erpPartnerId).filter((id) => id !== null));
  return stack.dataset.erpPartners.find((p) => p.isCompany && linked.has(p.id) && p.vat !== null && normaliseNip(p.vat) !== null);
}

/** Real values from the dataset for every root argument, so each operation reaches data (and the canaries in it). */
function argumentValues(stack: E2eStack): ArgumentValues {
  const ds = stack.dataset;
  const anna = ds.demoCustomers.find((d) => d.key === 'anna-kowalska')!;
  const annaOrder = ds.eshopOrders.find((o) => o.customerId === anna.eshopCustomerId)!;
  // Anna's Allegro order when she has one, otherwise the first demo customer's who does (the CRM links it back).
  const allegroBuyer = [anna, ...ds.demoCustomers]
    .filter((d) => d.allegroOrderCount > 0 && d.allegroBuyerLogin)
    .map((d) => ds.allegroBuyers.find((b) => b.login === d.allegroBuyerLogin))
    .find((b) => b !== undefined)!;
  const form = ds.allegroCheckoutForms.find((f) => f.buyerId === allegroBuyer.id)!;
  const skus = [...new Set([...annaOrder.lines.map((l) => l.sku), ...ds.products.map((p) => p.sku)])].slice(0, 5);
  const skuList = `[${skus.map(str).join(', ')}]`;
  const city = ds.locations.find((l) => l.kind === 'store')!.address.city;
  return {
    'Query.customer': [{ id: str(anna.crmContactId) }],
    // The phone carries no canary, so the argument itself can never put the marker into a response.
    'Query.findCustomers': [{ phone: str(anna.phone!) }],
    // Issue 10: the cross-channel lookup, by phone and by an ERP company's NIP (neither can carry the canary).
    'Query.customerLookup': [{ phone: str(anna.phone!) }, ...(nipCompany(stack) ? [{ nip: str(nipCompany(stack)!.vat!) }] : [])],
    'Query.orderByReference': [{ reference: str(annaOrder.number) }, { reference: str(form.id) }],
    'Query.products': [{ skus: skuList }],
    'Query.product': [{ sku: str(skus[0]!) }],
    'Query.storesWithStock': [{ skus: skuList, city: str(city) }],
    // issue 12: product discovery (a name word, typed without Polish letters, and an EAN) and a category with products
    'Query.productSearch': [{ text: str('zelazko'), first: '5' }, { ean: str(ds.products.find((p) => p.ean !== null)!.ean!) }],
    'Query.category': [{ id: str(String(ds.categories[0]!.id)) }],
    'Query.eshopOrder': [{ number: str(annaOrder.number) }],
    'Query.marketplaceOrder': [{ checkoutFormId: str(form.id) }],
    // issue 11: the call-center key's note written before its matrix run (partners, without writes:read, are refused)
    'Query.writeOperation': [{ idempotencyKey: str(MATRIX_WRITE_KEY) }],
    // the B2B company's ERP partner: its pricelist price
    'Product.partnerPrice': [{ erpPartnerId: str(String(ds.company.erpPartnerId)) }],
    // issue 12: the customer's pricelist prices
    'Customer.erpPrices': [{ skus: skuList }],
  };
}

/** Every `Type.field` reachable from Query, on interfaces and on their implementations alike. */
function reachableCoordinates(): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const queue: GraphQLNamedType[] = [apiSchema.getQueryType()!];
  while (queue.length > 0) {
    const type = queue.shift()!;
    if (seen.has(type.name)) continue;
    seen.add(type.name);
    if (isInterfaceType(type)) queue.push(...apiSchema.getPossibleTypes(type));
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      out.push(`${type.name}.${field.name}`);
      queue.push(getNamedType(field.type));
    }
  }
  return out;
}

/** The coordinates the generated operations really select (fragments and inline fragments resolved). */
function selectedCoordinates(operations: readonly GeneratedOperation[]): Set<string> {
  const selected = new Set<string>();
  for (const { query } of operations) {
    const typeInfo = new TypeInfo(apiSchema);
    visit(
      parse(query),
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const parent = typeInfo.getParentType();
          if (parent && !node.name.value.startsWith('__')) selected.add(`${parent.name}.${node.name.value}`);
        },
      }),
    );
  }
  return selected;
}

async function pool<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await run(items[index]!);
      }
    }),
  );
  return results;
}

describe('scope matrix: no personal data reaches a partner without customers:pii', () => {
  let stack: E2eStack;
  let operations: GeneratedOperation[];
  let knownPhones: Set<string>;
  const tallies: Tally[] = [];

  const send = async (operation: GeneratedOperation, key: string): Promise<Outcome> => {
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ query: operation.query }),
    });
    const text = await res.text();
    return { operation, status: res.status, text, body: JSON.parse(text) as Outcome['body'] };
  };

  async function runMatrix(label: string, key: string, scopes: string[]): Promise<{ tally: Tally; outcomes: Outcome[] }> {
    const outcomes = await pool(operations, CONCURRENCY, (op) => send(op, key));
    const tally: Tally = {
      label,
      scopes,
      sent: outcomes.length,
      executed: 0,
      withData: 0,
      forbiddenFields: 0,
      forbiddenInRefusals: 0,
      refusedWhole: 0,
      refusedByLimits: 0,
      canaries: 0,
      phones: 0,
      leaks: [],
      badMissingScopes: [],
      missingNamed: new Set(),
    };
    for (const outcome of outcomes) {
      const { status, body, text, operation } = outcome;
      if (status === 200 && body.data) tally.executed++;
      if (status === 200 && body.data && Object.values(body.data).some((v) => v !== null)) tally.withData++;
      if (status === 403) tally.refusedWhole++;
      else if (status >= 400 && status < 500) tally.refusedByLimits++;
      const canaries = countCanaries(text);
      const phones = phonesIn(text, knownPhones);
      tally.canaries += canaries;
      tally.phones += phones.length;
      if (canaries > 0 || phones.length > 0) tally.leaks.push(`${operation.name}: ${canaries} canaries, phones ${JSON.stringify(phones)}`);
      for (const error of body.errors ?? []) {
        if (error.extensions?.code !== 'FORBIDDEN') continue;
        const missing = error.extensions.missingScopes;
        // The one FORBIDDEN error without a field: a 403 for an operation that asked for nothing at all.
        if (status === 403 && missing === undefined && body.errors!.length === 1) continue;
        for (const scope of Array.isArray(missing) ? missing : []) tally.missingNamed.add(scope);
        if (status === 200) tally.forbiddenFields++;
        else tally.forbiddenInRefusals++;
        if (!Array.isArray(missing) || missing.length === 0 || missing.some((s) => scopes.includes(s)))
          tally.badMissingScopes.push(`${operation.name}: ${error.message} missing ${JSON.stringify(missing)}`);
      }
    }
    tallies.push(tally);
    return { tally, outcomes };
  }

  beforeAll(async () => {
    stack = await startE2eStack({
      scale: 0.05,
      piiCanary: CANARY,
      // Budgets per minute are tested elsewhere; here they would only refuse the later operations of the matrix.
      gatewayEnv: { GATEWAY_PARTNER_COST_PER_MINUTE: '1000000000000', GATEWAY_INTERNAL_COST_PER_MINUTE: '1000000000000' },
    });
    const generated = generateScopeMatrixOperations(apiSchema, argumentValues(stack));
    operations = generated.operations;
    const roots = new Set(operations.map((o) => o.rootField));
    console.log(
      `scope matrix: ${operations.length} operations (${roots.size} root fields × ${VARIANTS.length} variants, split to the partner limits); ` +
        `skipped for want of an argument value: ${generated.skipped.length === 0 ? 'none' : generated.skipped.join(', ')}`,
    );
    const ds = stack.dataset;
    const demoLogins = new Set(ds.demoCustomers.map((d) => d.allegroBuyerLogin));
    const demoEshopIds = new Set(ds.demoCustomers.map((d) => d.eshopCustomerId));
    knownPhones = new Set(
      [
        ...ds.demoCustomers.map((d) => d.phone),
        ...ds.eshopCustomers.filter((c) => demoEshopIds.has(c.id)).flatMap((c) => [c.billing.phone, c.shipping.phone]),
        ...ds.allegroBuyers.filter((b) => demoLogins.has(b.login)).map((b) => b.phone),
      ]
        .filter((p): p is string => typeof p === 'string' && p.replace(/\D/g, '').length >= 9)
        .map(national),
    );
  }, 60_000);

  afterAll(async () => {
    for (const t of tallies)
      console.log(
        `scope matrix [${t.scopes.join(', ')}] (${t.label}): sent ${t.sent}, executed ${t.executed} (${t.withData} with data), ` +
          `forbidden fields ${t.forbiddenFields} (+${t.forbiddenInRefusals} in ${t.refusedWhole} refusals with 403), refused by limits ${t.refusedByLimits}, ` +
          `canaries ${t.canaries}, phones ${t.phones}`,
      );
    const partners = tallies.filter((t) => t.label === 'partner');
    if (partners.length > 0)
      console.log(
        `scope matrix total over ${partners.length} partner scope sets: sent ${partners.reduce((a, t) => a + t.sent, 0)}, ` +
          `executed ${partners.reduce((a, t) => a + t.executed, 0)}, forbidden fields ${partners.reduce((a, t) => a + t.forbiddenFields, 0)} ` +
          `(+${partners.reduce((a, t) => a + t.forbiddenInRefusals, 0)} in ${partners.reduce((a, t) => a + t.refusedWhole, 0)} 403s), ` +
          `refused by limits ${partners.reduce((a, t) => a + t.refusedByLimits, 0)}, canaries ${partners.reduce((a, t) => a + t.canaries, 0)}, ` +
          `phones ${partners.reduce((a, t) => a + t.phones, 0)}`,
      );
    await stack?.close();
  });

  it('the generated operations select every field reachable from Query', () => {
    const selected = selectedCoordinates(operations);
    expect(reachableCoordinates().filter((c) => !selected.has(c))).toEqual([]);
  });

  it('the call-center key (every scope) runs every operation and gets the canaries and a phone back', async () => {
    expect(knownPhones.size).toBeGreaterThan(0);
    // a write of this key, so writeOperation has something to show it
    const note = await stack.query(
      `mutation ($key: String!, $id: ID!) { addCustomerNote(idempotencyKey: $key, input: { customerId: $id, body: "Scope matrix." }) { operation { state } } }`,
      { key: MATRIX_WRITE_KEY, id: stack.dataset.demoCustomers.find((d) => d.key === 'anna-kowalska')!.crmContactId },
    );
    expect(note.body.data?.addCustomerNote?.operation?.state).toBe('SUCCEEDED');
    const { tally, outcomes } = await runMatrix('call center', stack.callCenterKey, [
      'catalog:read',
      'stock:read',
      'customers:read',
      'customers:pii',
      'orders:read',
      'pricing:read',
    ]);
    const refused = outcomes.filter((o) => o.status !== 200).map((o) => `${o.operation.name}: ${o.status} ${o.text.slice(0, 200)}`);
    expect(refused).toEqual([]);
    expect(tally.refusedByLimits).toBe(0);
    expect(tally.executed).toBe(operations.length);
    expect(outcomes.flatMap((o) => (o.body.errors ?? []).map((e) => `${o.operation.name}: ${e.extensions?.code} ${e.message}`))).toEqual([]);
    // Every root field must reach real data with full scopes, or its partner runs would prove nothing. `me` is null for
    // every credential not bound to a customer (ADR 0009); e2e/customer-bound.test.ts reads it with a bound one.
    const empty = [...new Set(operations.map((o) => o.rootField))]
      .filter((root) => !NULL_WITHOUT_CUSTOMER_BINDING.has(root))
      .filter(
        (root) => !outcomes.some((o) => o.operation.rootField === root && o.body.data?.[root] != null && JSON.stringify(o.body.data[root]) !== '[]'),
      );
    expect(empty).toEqual([]);
    expect(tally.canaries).toBeGreaterThan(0);
    expect(tally.phones).toBeGreaterThan(0);
  });

  for (const scopes of PARTNER_SCOPE_SETS) {
    it(`a partner key with [${scopes.join(', ')}] gets no canary and no customer phone, in any shape`, async () => {
      const key = await stack.createKey({ name: `scope matrix ${scopes.join(' ')}`, scopes, profile: 'partner' });
      const { tally } = await runMatrix('partner', key, scopes);
      expect(tally.leaks).toEqual([]);
      expect(tally.canaries).toBe(0);
      expect(tally.phones).toBe(0);
      // Positive controls: the key reached data, the generated operations fit its limits, and each removed field
      // names scopes it really lacks.
      expect(tally.refusedByLimits).toBe(0);
      expect(tally.withData).toBeGreaterThan(0);
      // Every set lacks something (customers:pii at least), so it must have been told so, naming scopes it lacks.
      expect(tally.forbiddenFields + tally.forbiddenInRefusals).toBeGreaterThan(0);
      expect(tally.badMissingScopes).toEqual([]);
      // A key that may read customers is stopped at their personal fields by the gateway, not by luck of the data.
      if (scopes.includes('customers:read')) expect([...tally.missingNamed]).toContain('customers:pii');
    });
  }

  // Issue 10, item 3: personal data is not a lookup key without customers:pii. For every lookup argument, a value that
  // belongs to a customer, one that belongs to nobody and a malformed one must get byte-identical answers, with no
  // data and no upstream call: anything else would tell the key whether a person is a customer.
  describe('lookups by personal data without customers:pii', () => {
    interface LookupRow {
      field: 'findCustomers' | 'customerLookup';
      argument: string;
      member: string;
      nonMember: string;
      malformed: string;
    }

    function lookupRows(): LookupRow[] {
      const ds = stack.dataset;
      const anna = ds.demoCustomers.find((d) => d.key === 'anna-kowalska')!;
      const annaContact = ds.crmContacts.find((c) => c.id === anna.crmContactId)!;
      const login = ds.demoCustomers.find((d) => d.allegroBuyerLogin)!.allegroBuyerLogin!;
      const company = nipCompany(stack)!;
      const usedDigits = new Set(
        [...ds.crmContacts.map((c) => c.phoneDigits), ...ds.allegroBuyers.map((b) => b.phone), ...ds.eshopCustomers.map((c) => c.billing.phone)]
          .filter((p): p is string => typeof p === 'string')
          .map(national),
      );
      const freePhone = ['799000101', '799000102', '799000103'].find((d) => !usedDigits.has(d))!;
      const usedNips = new Set(ds.erpPartners.map((p) => (p.vat === null ? null : normaliseNip(p.vat))));
      // 526000000x with its checksum digit: a well-formed NIP the dataset does not hold
      const freeNip = ['5260000005', '5260000011', '5260000028'].find((n) => normaliseNip(n) !== null && !usedNips.has(n))!;
      const values: Record<string, Omit<LookupRow, 'field' | 'argument'>> = {
        email: { member: anna.email!, nonMember: 'nobody.zzyzx@example.invalid', malformed: 'not-an-address' },
        phone: { member: anna.phone!, nonMember: `+48 ${freePhone}`, malformed: '12' },
        name: { member: `${annaContact.firstName} ${annaContact.lastName}`, nonMember: 'Zzyzxowa', malformed: 'x'.repeat(300) },
        allegroLogin: { member: login, nonMember: 'nobody_zzyzx_1', malformed: 'x'.repeat(300) },
        company: { member: company.name, nonMember: 'Zzyzx Nieistniejąca sp. z o.o.', malformed: 'x'.repeat(300) },
        nip: { member: company.vat!, nonMember: freeNip, malformed: '123' },
      };
      const rows: LookupRow[] = [];
      for (const argument of ['email', 'phone', 'name', 'allegroLogin', 'company'])
        rows.push({ field: 'findCustomers', argument, ...values[argument]! });
      for (const argument of Object.keys(values)) rows.push({ field: 'customerLookup', argument, ...values[argument]! });
      return rows;
    }

    const selection = (field: LookupRow['field']) => (field === 'findCustomers' ? '{ id }' : '{ key matches { customer { id } } }');
    /** Alone, and next to a field the key may read (then the operation runs, with the lookup removed). */
    const shapes = (row: LookupRow) => [
      `query Lookup($v: String) { ${row.field}(${row.argument}: $v) ${selection(row.field)} }`,
      `query Lookup($v: String) { locations { code } ${row.field}(${row.argument}: $v) ${selection(row.field)} }`,
    ];

    const post = async (query: string, variables: Record<string, unknown>, key: string) => {
      const res = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, text: await res.text() };
    };

    it('every lookup argument of findCustomers and customerLookup is refused the same way for a customer, a stranger and garbage: 0 answers reveal membership', async () => {
      const rows = lookupRows();
      expect(rows.map((r) => `${r.field}.${r.argument}`)).toEqual([
        'findCustomers.email',
        'findCustomers.phone',
        'findCustomers.name',
        'findCustomers.allegroLogin',
        'findCustomers.company',
        'customerLookup.email',
        'customerLookup.phone',
        'customerLookup.name',
        'customerLookup.allegroLogin',
        'customerLookup.company',
        'customerLookup.nip',
      ]);
      let sent = 0;
      let revealing = 0;
      let withData = 0;
      let notRefused = 0;
      const differences: string[] = [];
      // every partner scope set lacks customers:pii; `customers:read` alone is the case the issue names
      for (const scopes of PARTNER_SCOPE_SETS) {
        const key = await stack.createKey({ name: `lookup without pii ${scopes.join(' ')}`, scopes, profile: 'partner' });
        stack.resetCounters();
        for (const row of rows) {
          for (const query of shapes(row)) {
            const answers = [];
            for (const value of [row.member, row.nonMember, row.malformed]) {
              answers.push(await post(query, { v: value }, key));
              sent += 1;
            }
            const [member, ...others] = answers;
            if (others.some((a) => a.status !== member!.status || a.text !== member!.text)) {
              revealing += 1;
              differences.push(
                `[${scopes.join(',')}] ${row.field}.${row.argument}: ${answers.map((a) => `${a.status} ${a.text.slice(0, 160)}`).join(' | ')}`,
              );
            }
            for (const answer of answers) {
              const body = JSON.parse(answer.text) as {
                data?: Record<string, unknown> | null;
                errors?: { extensions?: { code?: string; missingScopes?: string[] } }[];
              };
              if (body.data?.[row.field] !== undefined && body.data[row.field] !== null) withData += 1;
              const refusedHere = (body.errors ?? []).some(
                (e) => e.extensions?.code === 'FORBIDDEN' && (e.extensions.missingScopes ?? []).includes('customers:pii'),
              );
              if (!refusedHere) notRefused += 1;
            }
          }
        }
        // refused at the gateway before planning: no upstream did any work, so not even timing can tell the answers apart
        expect(stack.upstreamCalls()).toMatchObject({ hubspot: 0, woocommerce: 0, allegro: 0, odoo: 0 });
      }
      console.log(
        `lookups without customers:pii: ${sent} requests (${rows.length} lookup arguments × 2 shapes × 3 values × ${PARTNER_SCOPE_SETS.length} scope sets), ` +
          `answers revealing membership ${revealing}, with lookup data ${withData}, not refused for customers:pii ${notRefused}, CRM/channel upstream calls 0`,
      );
      expect(differences).toEqual([]);
      expect(revealing).toBe(0);
      expect(withData).toBe(0);
      expect(notRefused).toBe(0);
    });

    it('with customers:pii (the call center) the same values do tell customers apart: the refusal above is not vacuous', async () => {
      const rows = lookupRows();
      const found: string[] = [];
      for (const row of rows) {
        const [query] = shapes(row);
        const member = JSON.parse((await post(query!, { v: row.member }, stack.callCenterKey)).text) as { data?: Record<string, unknown> };
        const stranger = JSON.parse((await post(query!, { v: row.nonMember }, stack.callCenterKey)).text) as { data?: Record<string, unknown> };
        const count = (data: unknown) => {
          if (Array.isArray(data)) return data.length;
          const matches = (data as { matches?: unknown[] } | null)?.matches;
          return Array.isArray(matches) ? matches.length : 0;
        };
        found.push(
          `${row.field}.${row.argument} ${count(member.data?.[row.field]) > 0 ? 'member found' : 'member MISSING'}, ${count(stranger.data?.[row.field]) === 0 ? 'stranger not found' : 'stranger FOUND'}`,
        );
      }
      expect(found.filter((f) => f.includes('MISSING') || f.includes('FOUND'))).toEqual([]);
    });
  });

  it('customers:read alone still reads a customer by CRM id (loyalty and consents), without personal fields', async () => {
    const anna = stack.dataset.demoCustomers.find((d) => d.key === 'anna-kowalska')!;
    const key = await stack.createKey({ name: 'customers:read only', scopes: ['customers:read'], profile: 'partner' });
    const { status, body } = await stack.query(
      `query ($id: ID!) { customer(id: $id) { id loyalty { tier } consents { emailMarketing } email eshopCustomerId } }`,
      { id: anna.crmContactId },
      { key },
    );
    expect(status).toBe(200);
    expect(body.data.customer).toMatchObject({ id: anna.crmContactId, loyalty: { tier: expect.any(String) } });
    expect(body.data.customer).not.toHaveProperty('email');
    expect(body.data.customer).not.toHaveProperty('eshopCustomerId');
    expect(body.errors.map((e: { extensions: { missingScopes: string[] } }) => e.extensions.missingScopes)).toEqual([
      ['customers:pii'],
      ['customers:pii'],
    ]);
  });

  describe('an order reference with orders:read only', () => {
    /** Every buyer-identifying field an order exposes, on both channels' orders. */
    const BUYER = `customer { id eshopCustomerId allegroBuyerId allegroBuyerLogin erpPartnerId identities { value } }
      buyerIdentity { id login email phone nip }
      customerLink { rules customer { id allegroBuyerId } }
      customerCandidates { rules customer { id } }`;
    const QUERY = `query ($r: String!) { orderByReference(reference: $r) {
      reference
      order { id number ... on EshopOrder { ${BUYER} } ... on MarketplaceOrder { ${BUYER} } }
      matches { kind order { id ... on EshopOrder { ${BUYER} } ... on MarketplaceOrder { ${BUYER} } } } } }`;
    const IDENTIFYING = new Set([
      'customer',
      'eshopCustomerId',
      'allegroBuyerId',
      'allegroBuyerLogin',
      'erpPartnerId',
      'identities',
      'buyerIdentity',
      'customerLink',
      'customerCandidates',
    ]);

    /** `key: value` pairs in the data whose key identifies the buyer and whose value is not null. */
    function identifyingValues(data: unknown, path = ''): string[] {
      if (data === null || typeof data !== 'object') return [];
      if (Array.isArray(data)) return data.flatMap((item, i) => identifyingValues(item, `${path}[${i}]`));
      return Object.entries(data).flatMap(([k, v]) => [
        ...(IDENTIFYING.has(k) && v !== null && !(Array.isArray(v) && v.length === 0) ? [`${path}.${k}`] : []),
        ...identifyingValues(v, `${path}.${k}`),
      ]);
    }

    const references = () => {
      const ds = stack.dataset;
      const withLinkedBuyer = ds.demoCustomers.find((d) => d.allegroOrderCount > 0 && d.allegroBuyerLogin)!;
      const buyer = ds.allegroBuyers.find((b) => b.login === withLinkedBuyer.allegroBuyerLogin)!;
      const anna = ds.demoCustomers.find((d) => d.key === 'anna-kowalska')!;
      return {
        eshop: ds.eshopOrders.find((o) => o.customerId === anna.eshopCustomerId)!.number,
        allegro: ds.allegroCheckoutForms.find((f) => f.buyerId === buyer.id)!.id,
        allegroBuyerId: buyer.id,
      };
    };

    it("cannot reach the buyer's customer record, channel ids, identity, link or candidates: 0 values, each removed as FORBIDDEN", async () => {
      const refs = references();
      const key = await stack.createKey({ name: 'orders:read only', scopes: ['orders:read'], profile: 'partner' });
      let reached = 0;
      const missing = new Set<string>();
      for (const reference of [refs.eshop, refs.allegro]) {
        const { status, body } = await stack.query(QUERY, { r: reference }, { key });
        expect(status).toBe(200);
        const values = identifyingValues(body.data);
        reached += values.length;
        expect(values).toEqual([]);
        expect(JSON.stringify(body)).not.toContain(refs.allegroBuyerId);
        for (const error of body.errors ?? [])
          if (error.extensions?.code === 'FORBIDDEN') for (const s of error.extensions.missingScopes) missing.add(s);
      }
      console.log(
        `orderByReference with orders:read only: buyer-identifying values reached ${reached}, scopes named missing ${[...missing].sort().join(', ')}`,
      );
      expect(reached).toBe(0);
      expect([...missing].sort()).toEqual(['customers:pii', 'customers:read']);
    });

    it('with orders:read + customers:read it reaches the CRM customer id but no channel id of the buyer', async () => {
      const refs = references();
      const key = await stack.createKey({ name: 'orders+customers:read', scopes: ['orders:read', 'customers:read'], profile: 'partner' });
      for (const reference of [refs.eshop, refs.allegro]) {
        const { body } = await stack.query(QUERY, { r: reference }, { key });
        expect(identifyingValues(body.data).filter((p) => !/\.customer$/.test(p))).toEqual([]);
        expect(JSON.stringify(body)).not.toContain(refs.allegroBuyerId);
      }
    });

    it('positive control: the call center reaches the order and its buyer by the same references', async () => {
      const refs = references();
      for (const reference of [refs.eshop, refs.allegro]) {
        const { body } = await stack.query(QUERY, { r: reference }, { key: stack.callCenterKey });
        expect(body.data?.orderByReference?.order?.id).toEqual(expect.any(String));
        expect(identifyingValues(body.data).length).toBeGreaterThan(0);
      }
    });
  });

  it('the new fields of issue 10 are in the matrix, each with its scopes', () => {
    const requirement = fieldRequirement(apiSchema, readScopeMap(supergraphSdl));
    const PII = ['customers:pii', 'customers:read'];
    const expected: Record<string, string[]> = {
      'Query.customer': ['customers:read'],
      'Query.findCustomers': PII,
      'Query.customerLookup': PII,
      'Query.me': ['customers:read'],
      'Query.orderByReference': ['orders:read'],
      'CustomerLookup.matches': PII,
      'CustomerMatch.customer': PII,
      'Customer.identities': PII,
      'Customer.additionalEmails': PII,
      'Customer.companyName': PII,
      'Customer.eshopCustomerId': PII,
      'Customer.allegroBuyerId': PII,
      'Customer.erpPartnerId': PII,
      'EshopOrder.buyerIdentity': ['customers:pii', 'orders:read'],
      'MarketplaceOrder.buyerIdentity': ['customers:pii', 'orders:read'],
      'EshopOrder.customerLink': [...PII, 'orders:read'],
      'EshopOrder.customerCandidates': [...PII, 'orders:read'],
      'MarketplaceOrder.customerLink': [...PII, 'orders:read'],
      'MarketplaceOrder.customerCandidates': [...PII, 'orders:read'],
      'OrderReferenceLookup.order': ['orders:read'],
      'OrderReferenceLookup.matches': ['orders:read'],
    };
    const actual = Object.fromEntries(
      Object.keys(expected).map((coordinate) => {
        const [type, field] = coordinate.split('.') as [string, string];
        const named = apiSchema.getType(type);
        if (!isObjectType(named) && !isInterfaceType(named)) return [coordinate, ['(not in the API schema)']];
        return [coordinate, [...requirement(named, field)]];
      }),
    );
    expect(actual).toEqual(expected);
    const selected = selectedCoordinates(operations);
    expect(Object.keys(expected).filter((c) => !selected.has(c))).toEqual([]);
  });
});
