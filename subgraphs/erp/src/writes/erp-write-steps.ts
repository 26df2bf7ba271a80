import { GraphQLError } from 'graphql';
import { checkListLength, checkSku, checkStoreCodes, isNumericId, textProblem } from '@omnigraph/shared/arguments';
import { invalidate, type Cache } from '@omnigraph/shared/cache';
import { badUserInput, clientError } from '@omnigraph/shared/errors';
import type { Logger } from '@omnigraph/shared/logging';
import { reportDuplicate, validateIdempotencyKey } from '@omnigraph/shared/writes';
import { erpCacheKeys } from '../upstream/erp-cache-keys.ts';
import type { ErpClient, ErpDocumentModel, ErpLocationModel, ErpWriteLineModel, ErpWriteRefusal } from '../upstream/erp-client.ts';

/**
 * The erp subgraph's write steps (ADR 0011), called by the commands subgraph. Each is idempotent by its tag
 * (`omnigraph:<idempotencyKey>` in the document's `origin`) and resumable at every point where an answer can be lost:
 *
 * - reservation: look up by tag → none: create the sale order → confirm it. A lost create answer leaves a draft the
 *   next run finds and confirms; a lost confirm answer leaves a confirmed order the next run simply returns.
 * - return receipt: look up by tag → none: create the receipt → validate it; a found receipt not yet done is validated.
 *
 * A document found for the tag is returned with `created: false`. After a write the stock of its SKUs is dropped from
 * the cache, so the next `Product.stock` read shows the reservation or the returned goods.
 */

export interface ErpWriteResultModel {
  id: string;
  name: string;
  state: string;
  created: boolean;
}

export interface ErpWriteLineInput {
  sku: string;
  quantity: number;
  unitGross?: string | null | undefined;
}

export interface ReservePickupInput {
  storeCode: string;
  erpPartnerId?: string | null | undefined;
  channelOrderRef: string;
  lines: readonly ErpWriteLineInput[];
}

export interface ReceiveReturnInput {
  storeCode: string;
  orderRef: string;
  lines: readonly ErpWriteLineInput[];
}

export interface ErpWriteStepsDeps {
  client: ErpClient;
  /** the shared cache the loaders read: the steps drop the entries their write makes wrong */
  cache: Cache;
  /** ERP_DEFAULT_PARTNER_ID: the partner of a reservation whose customer has no linked ERP partner */
  defaultPartnerId?: number | undefined;
  logger?: Pick<Logger, 'error' | 'info'> | undefined;
}

export interface ErpWriteSteps {
  reservePickup(
    idempotencyKey: string,
    input: ReservePickupInput,
    location: (code: string) => Promise<ErpLocationModel | null>,
  ): Promise<ErpWriteResultModel>;
  receiveReturn(
    idempotencyKey: string,
    input: ReceiveReturnInput,
    location: (code: string) => Promise<ErpLocationModel | null>,
  ): Promise<ErpWriteResultModel>;
}

/** Lines per document: a store pickup or a return is a basket, not a catalogue. */
export const MAX_WRITE_LINES = 100;
const MAX_REF_LENGTH = 100;
const GROSS = /^\d{1,9}(\.\d{1,2})?$/;

/** The tag both documents carry in `origin`, searchable with a domain. */
export function erpWriteTag(idempotencyKey: string): string {
  return `omnigraph:${idempotencyKey}`;
}

function checkText(value: string, argumentName: string, max: number): void {
  const problem = textProblem(value, max);
  if (problem !== null) throw badUserInput(`\`${argumentName}\` ${problem}.`, argumentName);
}

function checkLines(lines: readonly ErpWriteLineInput[], withPrices: boolean): ErpWriteLineModel[] {
  checkListLength(lines, 'input.lines', { min: 1, max: MAX_WRITE_LINES });
  return lines.map((line, i) => {
    checkSku(line.sku, `input.lines[${i}].sku`);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      throw badUserInput(`\`input.lines[${i}].quantity\` must be a whole number of at least 1.`, `input.lines[${i}].quantity`);
    }
    const gross = withPrices ? (line.unitGross ?? null) : null;
    if (gross !== null && !GROSS.test(gross)) {
      throw badUserInput(`\`input.lines[${i}].unitGross\` must be an amount such as "129.99".`, `input.lines[${i}].unitGross`);
    }
    return { sku: line.sku, quantity: line.quantity, unitGross: gross };
  });
}

function refusal(r: ErpWriteRefusal): GraphQLError {
  if (r.refused === 'UNKNOWN_PRODUCT') {
    return clientError('UNKNOWN_PRODUCT', `The ERP has no product with SKU ${r.skus.join(', ')}; nothing was written.`, { argumentName: 'input' });
  }
  return badUserInput('`input.storeCode` names no store or warehouse of the ERP; nothing was written.', 'input.storeCode');
}

function result(doc: ErpDocumentModel, created: boolean): ErpWriteResultModel {
  return { id: String(doc.id), name: doc.name, state: doc.state, created };
}

export function createErpWriteSteps(deps: ErpWriteStepsDeps): ErpWriteSteps {
  const { client } = deps;

  async function checkStore(code: string, location: (code: string) => Promise<ErpLocationModel | null>): Promise<void> {
    checkStoreCodes([code], 'input.storeCode');
    if ((await location(code)) === null) throw badUserInput('`input.storeCode` names no store or warehouse of the ERP.', 'input.storeCode');
  }

  /** The one document for the tag; more than one means a duplicate write happened: logged, counted, the oldest used. */
  function single(step: string, docs: ErpDocumentModel[]): ErpDocumentModel | undefined {
    if (docs.length > 1)
      reportDuplicate(step, { service: 'erp', ...(deps.logger ? { logger: deps.logger } : {}), upstreamIds: docs.map((d) => d.name) });
    return docs[0];
  }

  /** Drops the cached stock of the SKUs, so availability and on-hand figures are read from the ERP again. */
  async function dropStock(lines: readonly ErpWriteLineModel[]): Promise<void> {
    await invalidate(
      deps.cache,
      lines.map((l) => erpCacheKeys.stockBySku(l.sku)),
    );
  }

  async function reread(find: () => Promise<ErpDocumentModel[]>, id: number): Promise<ErpDocumentModel> {
    const doc = (await find()).find((d) => d.id === id);
    if (!doc) throw new GraphQLError('The ERP document just written could not be read back.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    return doc;
  }

  /**
   * Look up by tag → create when none → complete (confirm / validate) when not final → read back. Resumable at each
   * point: a lost create answer leaves a document the next run finds; a lost completion leaves it final or not, and
   * the next run completes it or just returns it.
   */
  async function runTagged(s: {
    step: string;
    lines: readonly ErpWriteLineModel[];
    find: () => Promise<ErpDocumentModel[]>;
    create: () => Promise<{ id: number } | ErpWriteRefusal>;
    complete: (id: number) => Promise<void>;
  }): Promise<ErpWriteResultModel> {
    let doc = single(s.step, await s.find());
    let created = false;
    if (!doc) {
      const made = await s.create();
      if ('refused' in made) throw refusal(made);
      created = true;
      doc = { id: made.id, name: '', state: 'draft', final: false };
    }
    if (!doc.final) {
      await s.complete(doc.id);
      doc = await reread(s.find, doc.id);
    }
    // also when found: an earlier run may have completed it and lost the answer before dropping the entries
    await dropStock(s.lines);
    deps.logger?.info({ step: s.step, documentId: doc.id, state: doc.state, created }, 'erp write step done');
    return result(doc, created);
  }

  return {
    async reservePickup(idempotencyKey, input, location) {
      validateIdempotencyKey(idempotencyKey);
      checkText(input.channelOrderRef, 'input.channelOrderRef', MAX_REF_LENGTH);
      const lines = checkLines(input.lines, true);
      let partnerId = deps.defaultPartnerId;
      if (input.erpPartnerId !== null && input.erpPartnerId !== undefined) {
        if (!isNumericId(input.erpPartnerId)) throw badUserInput('`input.erpPartnerId` is not an ERP partner id.', 'input.erpPartnerId');
        partnerId = Number(input.erpPartnerId);
      }
      if (partnerId === undefined) {
        throw badUserInput(
          '`input.erpPartnerId` is needed: the customer has no ERP partner and ERP_DEFAULT_PARTNER_ID is not set.',
          'input.erpPartnerId',
        );
      }
      await checkStore(input.storeCode, location);

      const tag = erpWriteTag(idempotencyKey);
      return runTagged({
        step: 'erp.reservePickup',
        lines,
        find: () => client.findReservations({ tag }),
        create: () => client.createReservation({ tag, storeCode: input.storeCode, partnerId, channelOrderRef: input.channelOrderRef, lines }),
        complete: (id) => client.confirmReservation({ id }),
      });
    },

    async receiveReturn(idempotencyKey, input, location) {
      validateIdempotencyKey(idempotencyKey);
      checkText(input.orderRef, 'input.orderRef', MAX_REF_LENGTH);
      const lines = checkLines(input.lines, false);
      await checkStore(input.storeCode, location);

      const tag = erpWriteTag(idempotencyKey);
      return runTagged({
        step: 'erp.receiveReturn',
        lines,
        find: () => client.findReturnReceipts({ tag }),
        create: () => client.createReturnReceipt({ tag, storeCode: input.storeCode, orderRef: input.orderRef, lines }),
        complete: (id) => client.validateReturnReceipt({ id }),
      });
    },
  };
}
