import { z } from 'zod';

/**
 * The one CRM customer a customer-bound credential (ADR 0009) may read, with the channel identities the gateway
 * resolved from the CRM when it minted the credential. The channel subgraphs check ownership against these (an
 * e-shop order's customer id or billing e-mail, an Allegro checkout form's buyer login) without asking the CRM again,
 * and nothing a caller sends can widen them: they travel only inside the gateway's signed identity header.
 */
export interface CustomerBinding {
  /** the CRM (HubSpot) contact id: `me`, and the only Customer a bound caller may resolve */
  customerId: string;
  /** the contact's e-mail addresses (primary first, then additional ones; Allegro relay addresses left out), lower-cased */
  emails: string[];
  /** the e-shop (WooCommerce) customer id the CRM links, when it links one */
  eshopCustomerId?: string;
  /** the Allegro buyer login the CRM links, when it links one */
  allegroBuyerLogin?: string;
  /** the ERP (Odoo) partner id the CRM links, when it links one */
  erpPartnerId?: string;
}

/** Far above a real contact (HubSpot keeps a handful of additional addresses); bounds a signed but absurd payload. */
export const MAX_BINDING_EMAILS = 20;

export const customerBindingSchema = z.strictObject({
  customerId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[\w-]+$/),
  emails: z.array(z.string().min(3).max(254)).max(MAX_BINDING_EMAILS),
  eshopCustomerId: z.string().min(1).max(64).optional(),
  allegroBuyerLogin: z.string().min(1).max(200).optional(),
  erpPartnerId: z.string().min(1).max(64).optional(),
});

/** The binding in its canonical form (e-mails trimmed, lower-cased, unique), as the gateway signs it. */
export function canonicalBinding(binding: CustomerBinding): CustomerBinding {
  const emails = [...new Set(binding.emails.map((e) => e.trim().toLowerCase()).filter((e) => e !== ''))];
  return {
    customerId: binding.customerId,
    emails,
    ...(binding.eshopCustomerId === undefined ? {} : { eshopCustomerId: binding.eshopCustomerId }),
    ...(binding.allegroBuyerLogin === undefined ? {} : { allegroBuyerLogin: binding.allegroBuyerLogin }),
    ...(binding.erpPartnerId === undefined ? {} : { erpPartnerId: binding.erpPartnerId }),
  };
}

/** Whether `email` is one of the bound customer's addresses (case-insensitive, as e-mail matching is everywhere). */
export function isBoundEmail(binding: CustomerBinding, email: string | null | undefined): boolean {
  if (typeof email !== 'string') return false;
  const folded = email.trim().toLowerCase();
  return folded !== '' && binding.emails.includes(folded);
}

/** Whether `login` is the bound customer's Allegro login (Allegro logins are unique case-insensitively). */
export function isBoundAllegroLogin(binding: CustomerBinding, login: string | null | undefined): boolean {
  if (typeof login !== 'string' || binding.allegroBuyerLogin === undefined) return false;
  return login.trim().toLowerCase() === binding.allegroBuyerLogin.trim().toLowerCase();
}
