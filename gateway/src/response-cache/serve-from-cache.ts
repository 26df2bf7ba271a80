/**
 * The response cache at its place in the request: after the edge admitted the request (authenticated, limited,
 * authorised, rate-limited and charged), before Apollo parses, plans or fetches anything (ADR 0015).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import type { ScopeMap } from '../authorization/index.ts';
import type { Admission } from '../edge/edge.ts';
import type { GatewayContext } from '../http-handler.ts';
import { createBoundedMemo } from '../bounded-memo.ts';
import { decideEligibility, type Eligibility } from './eligibility.ts';
import { ANY_SKU, responseCacheKey, skusOf, type ResponseCache } from './response-cache.ts';

/** Decisions kept per (operation name, text): clients send a handful of distinct documents, each many times. */
const MAX_DECISIONS = 1_000;

export interface CacheCandidate {
  key: string;
  skuTagged: boolean;
  /** the cache's generation when the request was looked up (see ResponseCache.store) */
  generation: number;
}

export interface CompletedResponse {
  status: number;
  body: string;
  headers: Iterable<[string, string]>;
}

export function createResponseCachePolicy(cache: ResponseCache, schema: () => { apiSchema: GraphQLSchema; scopeMap: ScopeMap }) {
  const decisions = createBoundedMemo<string, Eligibility>({ maxEntries: MAX_DECISIONS });

  function eligibility(query: string, operationName: string | undefined): Eligibility {
    const { apiSchema, scopeMap } = schema();
    // a new supergraph: the decisions (and the answers, see create-gateway) of the old one no longer hold
    decisions.keepFor(apiSchema);
    // JSON-encoded, as the edge's limits memo: no (name, text) pair can spell another's key
    const memoKey = JSON.stringify([operationName ?? null, query]);
    let decision = decisions.get(memoKey);
    if (decision === undefined) {
      decision = decideEligibility(apiSchema, scopeMap, query, operationName);
      decisions.set(memoKey, decision);
    }
    return decision;
  }

  return {
    /**
     * The request's cache key when its answer may come from (and go to) the cache, else undefined: one operation
     * (no batch), nothing removed by authorization (the FORBIDDEN errors are the caller's own), no customer-bound
     * caller, and a query reading non-personal fields only.
     */
    candidate(req: IncomingMessage, admission: Admission): CacheCandidate | undefined {
      if (!cache.enabled || Array.isArray(admission.body) || admission.removedByQuery.size > 0) return undefined;
      const identity = admission.principal.identity;
      if (identity.customer !== undefined || identity.kind === 'customer-token') return undefined;
      const { query, operationName, variables } = admission.body;
      if (typeof query !== 'string') return undefined;
      const name = typeof operationName === 'string' ? operationName : undefined;
      const decision = eligibility(query, name);
      if (!decision.cacheable) return undefined;
      const accept = req.headers.accept;
      return {
        key: responseCacheKey({ normalized: decision.normalized, operationName: name, variables, accept }),
        skuTagged: decision.skuTagged,
        generation: cache.generation,
      };
    },

    /**
     * Writes a cached answer with Apollo's headers of the first answer, this request's own (rate limits, request id)
     * and its age; true on a hit.
     */
    serve(res: ServerResponse, candidate: CacheCandidate, admission: Admission): boolean {
      const hit = cache.lookup(candidate.key);
      if (hit === undefined) return false;
      for (const [name, value] of Object.entries(admission.headers)) res.setHeader(name, value);
      for (const [name, value] of hit.headers) res.setHeader(name, value);
      res.setHeader('age', String(Math.max(0, Math.floor((Date.now() - hit.storedAt) / 1000))));
      res.statusCode = 200;
      res.end(hit.body);
      return true;
    },

    /**
     * Keeps a complete answer: HTTP 200, one operation answered with data and without errors, every source that
     * answered it `OK` (no STALE stand-in, no FAILED or SKIPPED source, no budget refusal).
     */
    offer(candidate: CacheCandidate, response: CompletedResponse, context: GatewayContext): void {
      if (response.status !== 200) return;
      const summary = context.responses;
      if (summary.operations !== 1 || summary.withErrors !== 0 || summary.withData !== 1) return;
      if (context.sourceReports.some((report) => report.status !== 'OK')) return;
      // content-length is the server's to set for the bytes it sends
      const headers = [...response.headers].filter(([name]) => name.toLowerCase() !== 'content-length');
      let tags: string[] = [ANY_SKU];
      if (candidate.skuTagged) {
        // the answer's data as Apollo serialised it (see summarizeResponses); parsed back only when it is not at hand
        const data = summary.data !== undefined ? summary.data : (JSON.parse(response.body) as { data?: unknown }).data;
        tags = [...skusOf(data)];
      }
      cache.store(candidate.key, response.body, headers, tags, candidate.generation);
    },
  };
}

export type ResponseCachePolicy = ReturnType<typeof createResponseCachePolicy>;
