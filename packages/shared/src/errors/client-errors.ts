import { GraphQLError } from 'graphql';

/** An argument the client must fix; `argumentName` says which. Apollo's built-in code, reused by the registry. */
export function badUserInput(message: string, argumentName?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argumentName ? { argumentName } : {}) } });
}

/** Something the client named does not exist where the schema promises it does (e.g. an order reference). */
export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}
