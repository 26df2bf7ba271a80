import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { currentRequestDraft } from './request-telemetry.ts';

/**
 * Collects the operation's name and the `extensions.code` of every error sent (after masking, so in the registry's spelling) into the
 * request's draft, for its RequestRecord. Runs last among `willSendResponse` hooks that add errors only if
 * registered after them.
 */
export function collectErrorCodes<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, operationName }) {
          const draft = currentRequestDraft();
          if (draft === undefined) return;
          if (typeof operationName === 'string' && operationName !== '') draft.operationName ??= operationName;
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const code = error.extensions?.['code'];
            if (typeof code === 'string') draft.errorCodes.add(code);
          }
        },
      };
    },
  };
}
