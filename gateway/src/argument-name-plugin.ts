import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, visit } from 'graphql';
import type { DocumentNode, ValueNode } from 'graphql';
import type { GatewayContext } from './http-handler.ts';

/** graphql-js's message for a variable value that does not coerce to its declared type. */
const VARIABLE_ERROR = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)"/;

/**
 * A `BAD_USER_INPUT` the gateway raises itself — a variable value that does not fit its type, found by Apollo
 * before any subgraph is asked — names the variable in its message but not the argument. The client wrote the
 * argument, and subgraph errors name arguments (`argumentName`, issue 10), so the gateway adds it too: the argument
 * the variable feeds, when it feeds exactly one (a variable used for several arguments names none).
 */
export function reportArgumentNames(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, document }) {
          if (response.body.kind !== 'single' || document === undefined) return;
          const errors = response.body.singleResult.errors;
          if (errors === undefined) return;
          response.body.singleResult.errors = errors.map((error) => {
            if (error.extensions?.['code'] !== 'BAD_USER_INPUT' || error.extensions['argumentName'] !== undefined) return error;
            const variable = VARIABLE_ERROR.exec(error.message)?.[1];
            const argumentName = variable === undefined ? undefined : argumentFedBy(document, variable);
            return argumentName === undefined ? error : { ...error, extensions: { ...error.extensions, argumentName } };
          });
        },
      };
    },
  };
}

/** The one argument name `$variable` is passed to (directly or inside a list or input object), or undefined. */
export function argumentFedBy(document: DocumentNode, variable: string): string | undefined {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (uses(node.value, variable)) names.add(node.name.value);
    },
  });
  return names.size === 1 ? names.values().next().value : undefined;
}

function uses(value: ValueNode, variable: string): boolean {
  switch (value.kind) {
    case Kind.VARIABLE:
      return value.name.value === variable;
    case Kind.LIST:
      return value.values.some((item) => uses(item, variable));
    case Kind.OBJECT:
      return value.fields.some((field) => uses(field.value, variable));
    default:
      return false;
  }
}
