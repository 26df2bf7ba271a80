import { beforeAll, describe, expect, it } from 'vitest';
import type { Address, Dataset } from './dataset-types.ts';
import { generateDataset } from './generate-dataset.ts';
import { clearDatasetCache, getDataset } from './index.ts';

const MARKER = 'zq7canary';
const SCALE = 0.3;

let plain: Dataset;
let marked: Dataset;

beforeAll(() => {
  plain = generateDataset({ scale: SCALE });
  marked = generateDataset({ scale: SCALE, piiCanary: MARKER });
});

/** Every place the marker goes: `Anna<m>`, `street <m>`, `local.<m>@`, `login_<m>`. */
const strip = (text: string): string => text.replace(new RegExp(`[ ._]?${MARKER}`, 'g'), '');

const expectMarked = (label: string, values: readonly (string | null | undefined)[]): void => {
  const present = values.filter((v): v is string => typeof v === 'string' && v !== '');
  expect(present.length, `${label}: nothing to check`).toBeGreaterThan(0);
  const unmarked = present.filter((v) => !v.includes(MARKER));
  expect(unmarked, label).toEqual([]);
};

const personFields = (p: { firstName: string; lastName: string } & Partial<Address>) => [p.firstName, p.lastName, p.street];

describe('PII canaries', () => {
  it('leave the default dataset untouched: the marker appears nowhere without the option', () => {
    expect(JSON.stringify(plain)).not.toContain(MARKER);
  });

  it('change only personal strings: removing the marker gives back the plain dataset, records, ids and joins alike', () => {
    expect(strip(JSON.stringify(marked))).toBe(JSON.stringify(plain));
  });

  it('mark every name, street, company, personal e-mail, login, username, note and message', () => {
    const customers = marked.erpPartners.filter((p) => p.id >= 100);
    expectMarked(
      'ERP partner names',
      customers.map((p) => p.name),
    );
    expectMarked(
      'ERP partner e-mails',
      customers.map((p) => p.email),
    );
    expectMarked(
      'ERP partner streets',
      customers.map((p) => p.address?.street),
    );

    expectMarked(
      'e-shop customers',
      marked.eshopCustomers.flatMap((c) => [c.email, c.username, ...personFields(c.billing), c.billing.email, ...personFields(c.shipping)]),
    );
    expectMarked(
      'e-shop companies',
      marked.eshopCustomers.flatMap((c) => [c.billing.company, c.shipping.company]),
    );
    expectMarked(
      'e-shop orders',
      marked.eshopOrders.flatMap((o) => [
        ...personFields(o.billing),
        o.billing.email,
        o.billing.company,
        ...personFields(o.shipping),
        o.customerNote,
      ]),
    );
    expectMarked(
      'coupon e-mail restrictions',
      marked.eshopCoupons.flatMap((c) => c.emailRestrictions),
    );

    // Guest logins (`Client:12345678`) are Allegro's, not the person's.
    const login = (l: string | null) => (l?.startsWith('Client:') ? null : l);
    expectMarked(
      'CRM contacts',
      marked.crmContacts.flatMap((c) => [c.firstName, c.lastName, c.email, c.address?.street, login(c.allegroBuyerLogin)]),
    );
    expectMarked(
      'CRM additional e-mails',
      marked.crmContacts.flatMap((c) => c.additionalEmails.filter((e) => !e.endsWith('@allegromail.pl'))),
    );
    expectMarked(
      'CRM notes',
      marked.crmNotes.map((n) => n.body),
    );

    const buyers = marked.allegroBuyers.filter((b) => !b.guest);
    expectMarked(
      'Allegro buyers',
      buyers.flatMap((b) => [b.login, b.firstName, b.lastName, b.address.street, b.companyName]),
    );
    expectMarked(
      'Allegro forms',
      marked.allegroCheckoutForms.flatMap((f) => [...personFields(f.delivery.address), f.messageToSeller]),
    );

    expectMarked(
      'demo customers',
      marked.demoCustomers.flatMap((c) => [c.email, c.allegroBuyerLogin]),
    );
  });

  it('keep e-mails valid and lower-case around the marker, and logins to letters, digits and _ . -', () => {
    const emails = [
      ...marked.eshopCustomers.map((c) => c.email),
      ...marked.crmContacts.flatMap((c) => (c.email ? [c.email, ...c.additionalEmails] : c.additionalEmails)),
    ];
    for (const email of emails) expect(email).toMatch(/^[A-Za-z0-9._+-]+@[a-z0-9.-]+\.[a-z]{2,}$/);
    expect(emails.filter((e) => e.includes(MARKER)).every((e) => e.includes(`.${MARKER}@`) || e.split('@')[0]!.includes(MARKER))).toBe(true);
    for (const b of marked.allegroBuyers) expect(b.login).toMatch(b.guest ? /^Client:\d{8}$/ : /^[A-Za-z0-9._-]+$/);
    const anna = marked.demoCustomers.find((c) => c.key === 'anna-kowalska');
    expect(anna).toMatchObject({ email: `anna.kowalska.${MARKER}@example.pl`, allegroBuyerLogin: `ania_kowalska88_${MARKER}` });
  });

  it('leave phones, NIPs, ids and Allegro relay aliases as they are, so they can be checked by value', () => {
    const values = [
      ...marked.crmContacts.flatMap((c) => [c.phone, c.mobilePhone, c.phoneDigits, c.id]),
      ...marked.eshopCustomers.flatMap((c) => [c.billing.phone, c.shipping.phone]),
      ...marked.allegroBuyers.flatMap((b) => [b.phone, b.nip, b.relayLocal, b.id]),
      ...marked.erpPartners.flatMap((p) => [p.phone, p.vat, p.ref]),
    ];
    expect(values.filter((v) => v?.includes(MARKER))).toEqual([]);
  });

  it('quote the marked identities in the demo customers\u2019 fixed notes', () => {
    const bodies = marked.crmNotes
      .filter((n) => n.contactId === '10000000003')
      .map((n) => n.body)
      .join('\n');
    expect(bodies).toContain(`k.zielinska.${MARKER}@example.pl`);
    expect(bodies).not.toContain('k.zielinska@example.pl');
  });

  it('are part of getDataset\u2019s cache key and refuse markers that would not survive e-mails and logins', () => {
    clearDatasetCache();
    const a = getDataset({ scale: 0.05 });
    const b = getDataset({ scale: 0.05, piiCanary: MARKER });
    expect(a).not.toBe(b);
    expect(getDataset({ scale: 0.05, piiCanary: MARKER })).toBe(b);
    for (const bad of ['', 'ZQ7CANARY', 'zq7 canary', 'zq7.canary', 'abc', 'x'.repeat(17)]) {
      expect(() => generateDataset({ scale: 0.05, piiCanary: bad }), bad).toThrow(RangeError);
    }
    clearDatasetCache();
  });
});
