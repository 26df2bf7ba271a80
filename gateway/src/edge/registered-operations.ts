import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Kind, parse, print } from 'graphql';

/** Where the registered operations live: one named operation per `<Name>.graphql`, reviewed like code. */
export const OPERATIONS_DIR = new URL('../../../schema/operations/', import.meta.url);

export interface RegisteredOperation {
  name: string;
  /** the canonical text (graphql `print`), which is what a client may send as `query` */
  text: string;
  /** sha256 hex of `text`: the id a client may send as `extensions.persistedQuery.sha256Hash` instead of the text */
  sha256: string;
}

export interface OperationRegistry {
  byName(name: string): RegisteredOperation | undefined;
  byHash(sha256: string): RegisteredOperation | undefined;
  /** The registered operation whose canonical text equals this document's, if any. */
  byText(canonicalText: string): RegisteredOperation | undefined;
  all(): readonly RegisteredOperation[];
}

export const canonicalText = (documentText: string): string => print(parse(documentText, { noLocation: true }));
export const operationHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Loads `schema/operations/*.graphql`. A file must hold exactly one operation, named like the file, so a key's
 * safelist (operation names) and the hashes partners pin can never point at two different texts.
 */
export function loadOperationRegistry(dir: URL = OPERATIONS_DIR): OperationRegistry {
  const operations: RegisteredOperation[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()) {
    const source = readFileSync(new URL(file, dir), 'utf8');
    const document = parse(source, { noLocation: true });
    const defs = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const expected = file.slice(0, -'.graphql'.length);
    if (defs.length !== 1 || defs[0]?.name?.value !== expected) {
      throw new Error(`${file} must hold exactly one operation, named ${expected}`);
    }
    const text = print(document);
    operations.push({ name: expected, text, sha256: operationHash(text) });
  }
  const byName = new Map(operations.map((o) => [o.name, o]));
  const byHash = new Map(operations.map((o) => [o.sha256, o]));
  const byText = new Map(operations.map((o) => [o.text, o]));
  return {
    byName: (name) => byName.get(name),
    byHash: (hash) => byHash.get(hash),
    byText: (text) => byText.get(text),
    all: () => operations,
  };
}

/** The text of one registered operation (tests, the explorer's example). */
export function registeredOperationText(name: string, dir: URL = OPERATIONS_DIR): string {
  return readFileSync(new URL(`${name}.graphql`, dir), 'utf8').replace(/^#.*\n/gm, '');
}
