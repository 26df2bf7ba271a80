/**
 * Odoo answers in the exact wire format, for contract tests of the adapter: JSON-2 (`POST /json/2/<model>/<method>`,
 * HTTP 200 with the bare result; Odoo 19+) and, for the same rows, the legacy JSON-RPC envelope (`POST /jsonrpc`
 * `execute_kw`, `{"jsonrpc":"2.0","id":n,"result":…}`; Odoo ≤ 18) — both carry the ORM's values unchanged: `false`
 * for any empty field, many2one as `[id, "display name"]`, x2many as id lists, datetimes `YYYY-MM-DD HH:MM:SS` UTC.
 * Sources: https://www.odoo.com/documentation/19.0/developer/reference/external_api.html (JSON-2),
 * https://www.odoo.com/documentation/17.0/developer/reference/external_api.html (execute_kw), account.tax fields of
 * 17.0 (`price_include` stored) and 18.0/19.0 (`price_include_override`, `price_include` computed from it and the
 * company's `account_price_include`), stock.picking states of 17.0–19.0.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Row = Record<string, unknown> & { id: number };

/** The JSON-RPC envelope the same answer has on `/jsonrpc` (Odoo ≤ 18, deprecated in 19). */
export function jsonRpcEnvelope(result: unknown, id = 1): { jsonrpc: '2.0'; id: number; result: unknown } {
  return { jsonrpc: '2.0', id, result };
}

const COMPANY_PL: [number, string] = [1, 'Sklepy Omnigraph Sp. z o.o.'];
const COMPANY_DE: [number, string] = [2, 'Omnigraph GmbH'];

/** account.tax rows as `read` answers them, one per documented variant. */
export const TAXES: Row[] = [
  // Odoo 19 / 18: excluded by the company default, no override
  {
    id: 1,
    amount: 23.0,
    amount_type: 'percent',
    price_include: false,
    price_include_override: false,
    children_tax_ids: [],
    company_id: COMPANY_PL,
    sequence: 1,
    include_base_amount: false,
    is_base_affected: true,
  },
  // Odoo 17: stored price_include, no price_include_override field at all
  { id: 2, amount: 23.0, amount_type: 'percent', price_include: true, children_tax_ids: [], company_id: COMPANY_PL, sequence: 1 },
  // Odoo 18+: override tax_included (price_include computed true)
  {
    id: 3,
    amount: 8.0,
    amount_type: 'percent',
    price_include: true,
    price_include_override: 'tax_included',
    children_tax_ids: [],
    company_id: COMPANY_PL,
    sequence: 2,
    include_base_amount: false,
    is_base_affected: true,
  },
  // Odoo 18+: no override, company account_price_include = tax_included → Odoo computes price_include true
  {
    id: 4,
    amount: 23.0,
    amount_type: 'percent',
    price_include: true,
    price_include_override: false,
    children_tax_ids: [],
    company_id: COMPANY_PL,
    sequence: 1,
    include_base_amount: false,
    is_base_affected: true,
  },
  // Odoo 18+: override tax_excluded wins over a tax_included company default
  {
    id: 5,
    amount: 23.0,
    amount_type: 'percent',
    price_include: false,
    price_include_override: 'tax_excluded',
    children_tax_ids: [],
    company_id: COMPANY_PL,
    sequence: 1,
    include_base_amount: false,
    is_base_affected: true,
  },
  // fixed amount (e.g. a deposit or a per-unit levy), after the VAT
  {
    id: 6,
    amount: 0.5,
    amount_type: 'fixed',
    price_include: false,
    price_include_override: false,
    children_tax_ids: [],
    company_id: COMPANY_PL,
    sequence: 10,
    include_base_amount: false,
    is_base_affected: true,
  },
  // a group: its children apply in its place, in their own sequence
  {
    id: 7,
    amount: 0.0,
    amount_type: 'group',
    price_include: false,
    price_include_override: false,
    children_tax_ids: [9, 8],
    company_id: COMPANY_PL,
    sequence: 1,
    include_base_amount: false,
    is_base_affected: true,
  },
  {
    id: 8,
    amount: 23.0,
    amount_type: 'percent',
    price_include: false,
    price_include_override: false,
    children_tax_ids: [],
    company_id: COMPANY_PL,
    sequence: 2,
    include_base_amount: false,
    is_base_affected: true,
  },
  {
    id: 9,
    amount: 1.0,
    amount_type: 'fixed',
    price_include: false,
    price_include_override: false,
    children_tax_ids: [],
    company_id: COMPANY_PL,
    sequence: 1,
    include_base_amount: false,
    is_base_affected: true,
  },
  // the second company's VAT on the same product
  {
    id: 10,
    amount: 19.0,
    amount_type: 'percent',
    price_include: false,
    price_include_override: false,
    children_tax_ids: [],
    company_id: COMPANY_DE,
    sequence: 1,
    include_base_amount: false,
    is_base_affected: true,
  },
  // division ("Percentage Tax Included")
  {
    id: 11,
    amount: 10.0,
    amount_type: 'division',
    price_include: false,
    price_include_override: false,
    children_tax_ids: [],
    company_id: COMPANY_PL,
    sequence: 1,
    include_base_amount: false,
    is_base_affected: true,
  },
  // account_tax_python: cannot be evaluated outside Odoo → left out, logged once
  {
    id: 12,
    amount: 0.0,
    amount_type: 'code',
    price_include: false,
    price_include_override: false,
    children_tax_ids: [],
    company_id: COMPANY_PL,
    sequence: 5,
    include_base_amount: false,
    is_base_affected: true,
  },
  // a selection value of a newer Odoo than known → price_include used, logged once
  {
    id: 13,
    amount: 5.0,
    amount_type: 'percent',
    price_include: false,
    price_include_override: 'tax_mixed',
    children_tax_ids: [],
    company_id: COMPANY_PL,
    sequence: 1,
    include_base_amount: false,
    is_base_affected: true,
  },
];

const base = {
  name: 'Produkt',
  barcode: false,
  currency_id: [17, 'PLN'],
  active: true,
  product_tmpl_id: [500, 'Produkt'],
  categ_id: [12, 'All / Saleable / AGD drobne'],
  uom_id: [1, 'Units'],
};
const product = (id: number, sku: string, lst: number, taxes: number[], extra: Record<string, unknown> = {}): Row => ({
  ...base,
  id,
  default_code: sku,
  display_name: `[${sku}] Produkt`,
  lst_price: lst,
  taxes_id: taxes,
  ...extra,
});

/** product.product `search_read` rows: one per variant, with the listPrice Odoo shows for it (company 1). */
export const PRODUCTS: { row: Row; expected: { net: string; gross: string; vatRate: string; currency: string; unit: string } }[] = [
  { row: product(1, 'TAX-EXCL', 100.0, [1]), expected: { net: '100.00', gross: '123.00', vatRate: '23', currency: 'PLN', unit: 'Units' } },
  { row: product(2, 'TAX-INCL-17', 123.0, [2]), expected: { net: '100.00', gross: '123.00', vatRate: '23', currency: 'PLN', unit: 'Units' } },
  { row: product(3, 'TAX-OVERRIDE-INCL', 108.0, [3]), expected: { net: '100.00', gross: '108.00', vatRate: '8', currency: 'PLN', unit: 'Units' } },
  { row: product(4, 'TAX-COMPANY-INCL', 99.99, [4]), expected: { net: '81.29', gross: '99.99', vatRate: '23', currency: 'PLN', unit: 'Units' } },
  { row: product(5, 'TAX-OVERRIDE-EXCL', 100.0, [5]), expected: { net: '100.00', gross: '123.00', vatRate: '23', currency: 'PLN', unit: 'Units' } },
  { row: product(6, 'TAX-FIXED', 10.0, [1, 6]), expected: { net: '10.00', gross: '12.80', vatRate: '23', currency: 'PLN', unit: 'Units' } },
  { row: product(7, 'TAX-GROUP', 100.0, [7]), expected: { net: '100.00', gross: '124.00', vatRate: '23', currency: 'PLN', unit: 'Units' } },
  { row: product(8, 'TAX-NONE', 49.9, []), expected: { net: '49.90', gross: '49.90', vatRate: '0', currency: 'PLN', unit: 'Units' } },
  {
    row: product(9, 'TAX-TWO-COMPANIES', 100.0, [1, 10]),
    expected: { net: '100.00', gross: '123.00', vatRate: '23', currency: 'PLN', unit: 'Units' },
  },
  { row: product(10, 'TAX-DIVISION', 90.0, [11]), expected: { net: '90.00', gross: '100.00', vatRate: '10', currency: 'PLN', unit: 'Units' } },
  { row: product(11, 'TAX-PYTHON', 10.0, [1, 12]), expected: { net: '10.00', gross: '12.30', vatRate: '23', currency: 'PLN', unit: 'Units' } },
  { row: product(12, 'TAX-UNKNOWN-OVERRIDE', 10.0, [13]), expected: { net: '10.00', gross: '10.50', vatRate: '5', currency: 'PLN', unit: 'Units' } },
  // false for every empty char / many2one, archived, sold by the kilogram
  {
    row: product(13, 'EMPTY-KG', 12.5, [1], { barcode: false, categ_id: false, product_tmpl_id: false, active: false, uom_id: [12, 'kg'] }),
    expected: { net: '12.50', gross: '15.38', vatRate: '23', currency: 'PLN', unit: 'kg' },
  },
  { row: product(14, 'METRE', 3.33, [1], { uom_id: [5, 'm'] }), expected: { net: '3.33', gross: '4.10', vatRate: '23', currency: 'PLN', unit: 'm' } },
  // yen: rounding 1.0; 23 % included (Odoo 17 tax) in ¥1000 → ¥813 net
  {
    row: product(15, 'JPY-INCL', 1000.0, [2], { currency_id: [25, 'JPY'] }),
    expected: { net: '813.00', gross: '1000.00', vatRate: '23', currency: 'JPY', unit: 'Units' },
  },
  // franc at a 0.05 cash rounding: 10.00 + 23 % = 2.30
  {
    row: product(16, 'CHF-005', 10.1, [1], { currency_id: [6, 'CHF'] }),
    expected: { net: '10.10', gross: '12.40', vatRate: '23', currency: 'CHF', unit: 'Units' },
  },
];

export const CURRENCIES: Row[] = [
  { id: 17, rounding: 0.01 },
  { id: 25, rounding: 1.0 },
  { id: 6, rounding: 0.05 },
];

/** An Odoo exception a fixture answers with (JSON-2: its HTTP status; JSON-RPC: the HTTP-200 envelope). */
export class OdooFixtureError {
  readonly status: number;
  readonly name: string;
  readonly message: string;
  constructor(status: number, name: string, message: string) {
    this.status = status;
    this.name = name;
    this.message = message;
  }
}

export interface FakeOdoo {
  baseUrl: string;
  /** every `<model>.<method>` asked, in order, with its body */
  calls: { route: string; body: Record<string, unknown> }[];
  close(): Promise<void>;
}

/**
 * A fake Odoo answering JSON-2 routes from `answers` (`"account.tax.read"` → rows or a function of the body);
 * `read` answers keep only the rows asked for by `ids`, like Odoo. Anything else is Odoo's 404.
 */
export async function startFakeOdoo(answers: Record<string, Row[] | unknown | ((body: Record<string, unknown>) => unknown)>): Promise<FakeOdoo> {
  const calls: FakeOdoo['calls'] = [];
  // (the route of a JSON-RPC call is its model and method, as for JSON-2)
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      let m = /^\/json\/2\/([a-z0-9_.]+)\/([a-z0-9_]+)$/.exec(req.url ?? '');
      let body = (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>;
      // the legacy format: /jsonrpc execute_kw(db, uid, key, model, method, [ids], kwargs), answered in the envelope
      let envelopeId: unknown = null;
      if (req.url === '/jsonrpc') {
        envelopeId = body['id'];
        const params = body['params'] as { service: string; method: string; args: unknown[] };
        if (params.service === 'common' && params.method === 'authenticate') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(jsonRpcEnvelope(params.args[2] === 'fixture-key' ? 2 : false, Number(envelopeId))));
          return;
        }
        const [, , , model, method, args, kwargs] = params.args as [string, number, string, string, string, unknown[], Record<string, unknown>];
        m = ['', model, method] as unknown as RegExpExecArray;
        body = { ...(args.length > 0 ? { ids: args[0] } : {}), ...kwargs };
      }
      const reply = (status: number, payload: unknown) => {
        res.writeHead(envelopeId === null ? status : 200, { 'content-type': 'application/json' });
        if (envelopeId === null) res.end(JSON.stringify(payload));
        else if (status === 200) res.end(JSON.stringify(jsonRpcEnvelope(payload, Number(envelopeId))));
        else res.end(JSON.stringify({ jsonrpc: '2.0', id: envelopeId, error: { code: 0, message: 'Odoo Server Error', data: payload } }));
      };
      const route = m ? `${m[1]}.${m[2]}` : (req.url ?? '');
      calls.push({ route, body });
      const answer = answers[route];
      if (!m || answer === undefined) {
        reply(404, { name: 'werkzeug.exceptions.NotFound', message: `404 Not Found: ${route}`, arguments: [], context: {}, debug: '' });
        return;
      }
      let result = typeof answer === 'function' ? (answer as (b: Record<string, unknown>) => unknown)(body) : answer;
      if (result instanceof OdooFixtureError) {
        reply(result.status, { name: result.name, message: result.message, arguments: [result.message], context: {}, debug: '' });
        return;
      }
      if (m[2] === 'read' && Array.isArray(result) && Array.isArray(body['ids'])) {
        const ids = new Set(body['ids'] as number[]);
        result = (result as Row[]).filter((row) => ids.has(row.id));
      }
      reply(200, result);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
