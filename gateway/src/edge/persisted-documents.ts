import { createHash } from 'node:crypto';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { type GraphQLError, Kind, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';

/**
 * Persisted-document ids as graphql-codegen's client preset makes them (ADR 0019): the hex digest of the preset's own
 * normalized print of the document (`printExecutableGraphQLDocument` of @graphql-tools/documents: selections,
 * arguments and variables sorted, one line), not of graphql's `print`. The preset's default algorithm is sha1; ours
 * (codegen.yml) is sha256. Both are accepted: the algorithm is told by the digest's length.
 */
export type DocumentIdAlgorithm = 'sha1' | 'sha256';

const HEX_LENGTH: Record<DocumentIdAlgorithm, number> = { sha1: 40, sha256: 64 };

/** The preset's normalized print of a document: what its persisted-documents.json holds and its id hashes. */
export const presetPrint = (document: DocumentNode): string => printExecutableGraphQLDocument(document);

export const documentDigest = (text: string, algorithm: DocumentIdAlgorithm): string => createHash(algorithm).update(text).digest('hex');

/** The ids a client built with the preset may send for this (preset-printed) text: its sha256 and its sha1. */
export const presetDocumentIds = (presetText: string): string[] => [documentDigest(presetText, 'sha256'), documentDigest(presetText, 'sha1')];

/**
 * A document id as a client sends it, normalized to lowercase hex; undefined when it cannot be one of ours. The
 * GraphQL-over-HTTP persisted-documents draft prefixes the algorithm (`sha256:<hex>`); the preset and Apollo send
 * the bare hex.
 */
export function normalizeDocumentId(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const match = /^(?:(sha1|sha256):)?([0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/.exec(raw);
  if (match === null) return undefined;
  const [, prefix, hex] = match;
  if (prefix !== undefined && HEX_LENGTH[prefix as DocumentIdAlgorithm] !== hex!.length) return undefined;
  return hex!.toLowerCase();
}

export interface DocumentCheckContext {
  /** the API schema clients see (schema/api.graphql, or the served supergraph's) */
  apiSchema: GraphQLSchema;
  /** the built-in registered operations (schema/operations/) by name, with their preset ids */
  builtIns: ReadonlyMap<string, { ids: readonly string[] }>;
}

/** `id` of a passed check: as the gateway matches it (lowercase hex, no algorithm prefix) */
export type DocumentCheck = { ok: true; id: string; name: string; builtIn: boolean } | { ok: false; issues: string[] };

/**
 * Whether `text` may be registered under `id` for a key: it parses, holds exactly one operation and it is named, its
 * id is its sha256 or sha1 (the preset's hashing of this very text), and it validates against the API schema. A
 * document named like a built-in operation must be that operation (then it is registered as the built-in, by name):
 * a name on a key's safelist must never mean two different texts.
 */
export function checkPersistedDocument(id: string, text: string, context: DocumentCheckContext): DocumentCheck {
  const normalized = normalizeDocumentId(id);
  if (normalized === undefined) return { ok: false, issues: [`${id}: not a sha256 or sha1 hex digest`] };
  const algorithm: DocumentIdAlgorithm = normalized.length === HEX_LENGTH.sha1 ? 'sha1' : 'sha256';
  if (documentDigest(text, algorithm) !== normalized) {
    return { ok: false, issues: [`${id}: is not the ${algorithm} of its text (was the text edited, or printed by another tool?)`] };
  }
  let document: DocumentNode;
  try {
    document = parse(text, { noLocation: true });
  } catch (error) {
    return { ok: false, issues: [`${id}: does not parse: ${(error as GraphQLError).message}`] };
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const name = operations[0]?.name?.value;
  if (operations.length !== 1 || name === undefined) {
    return { ok: false, issues: [`${id}: must hold exactly one operation, and name it`] };
  }
  const invalid = validate(context.apiSchema, document);
  if (invalid.length > 0) return { ok: false, issues: invalid.map((e) => `${id} (${name}): ${e.message}`) };
  const builtIn = context.builtIns.get(name);
  if (builtIn !== undefined && !builtIn.ids.includes(normalized)) {
    return {
      ok: false,
      issues: [`${id}: ${name} is a built-in registered operation (schema/operations/) with a different text; rename the operation`],
    };
  }
  return { ok: true, id: normalized, name, builtIn: builtIn !== undefined };
}
