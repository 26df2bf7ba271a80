/**
 * Filter mode of field-level authorization (as Apollo Router's `@requiresScopes` filter mode): the operation is rewritten
 * without the fields the caller's scopes do not allow, and the caller is told which ones were removed.
 */
import { Kind, getNamedType, isCompositeType, isInterfaceType, isObjectType, typeFromAST, visit } from 'graphql';
import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  FragmentSpreadNode,
  GraphQLCompositeType,
  GraphQLSchema,
  InlineFragmentNode,
  OperationDefinitionNode,
  SelectionNode,
  SelectionSetNode,
} from 'graphql';
import { fieldRequirement, missingScopes } from './field-requirement.ts';
import type { FieldRequirement } from './field-requirement.ts';
import type { ScopeMap } from './scope-map.ts';

export interface RemovedField {
  /** Response keys (alias ?? name) from the root, as in a GraphQL error path, without list indexes. */
  path: string[];
  /** `Type.field` of the schema, the concrete type when the field sits in a fragment on one. */
  coordinate: string;
  /** The scopes the caller lacks for this field. */
  missing: string[];
}

export type AuthorizeOperationResult =
  | { ok: true; document: DocumentNode; removed: RemovedField[] }
  /** Nothing the caller may read is left at the root. */
  | { ok: false; removed: RemovedField[] };

export interface AuthorizeOperationInput {
  /** The client-facing API schema the document was validated against. */
  schema: GraphQLSchema;
  map: ScopeMap;
  /** Parsed and validated (fragment cycles and unknown fields are the validator's business, not ours). */
  document: DocumentNode;
  operationName?: string | null;
  scopes: ReadonlySet<string>;
}

/**
 * Far above what the operation limits let through (depth ≤ 12, ≤ 1000 fields after expansion); they only keep the
 * recursion bounded should this run on a document the limits did not see.
 */
export const AUTHORIZATION_BOUNDS = { maxNesting: 100, maxSelections: 20_000 } as const;

export function authorizeOperation(input: AuthorizeOperationInput): AuthorizeOperationResult {
  const { schema, document, scopes } = input;
  const operation = selectOperation(document, input.operationName);
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) throw new Error(`the schema has no ${operation.operation} root type`);

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const filter = new SelectionFilter(schema, fieldRequirement(schema, input.map), scopes, fragments);
  const selectionSet = filter.selectionSet(operation.selectionSet, rootType, [], 0);
  const removed = filter.removedFields();
  if (!selectionSet) return { ok: false, removed };

  const used = usedVariables(selectionSet, operation);
  const authorized: OperationDefinitionNode = {
    ...operation,
    variableDefinitions: operation.variableDefinitions?.filter((v) => used.has(v.variable.name.value)),
    selectionSet,
  };
  return { ok: true, document: { kind: Kind.DOCUMENT, definitions: [authorized] }, removed };
}

/** The operation a request runs: the named one, or the document's only one; undefined when there is none such. */
export function findOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
}

function selectOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode {
  const operation = findOperation(document, operationName);
  // graphql-js execution raises the same condition; callers pass the operation the gateway already resolved.
  if (operation) return operation;
  throw new Error(operationName ? `unknown operation "${operationName}"` : 'operationName is required for a document with several operations');
}

class SelectionFilter {
  private readonly removed = new Map<string, RemovedField>();
  private visited = 0;

  private readonly schema: GraphQLSchema;
  private readonly requirement: FieldRequirement;
  private readonly scopes: ReadonlySet<string>;
  private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;

  constructor(
    schema: GraphQLSchema,
    requirement: FieldRequirement,
    scopes: ReadonlySet<string>,
    fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  ) {
    this.schema = schema;
    this.requirement = requirement;
    this.scopes = scopes;
    this.fragments = fragments;
  }

  removedFields(): RemovedField[] {
    return [...this.removed.values()];
  }

  /** The authorized part of `set`, with fragment spreads inlined; null when nothing is left. */
  selectionSet(set: SelectionSetNode, parent: GraphQLCompositeType, path: readonly string[], nesting: number): SelectionSetNode | null {
    if (nesting > AUTHORIZATION_BOUNDS.maxNesting) throw new RangeError('operation nested too deeply to authorize');
    const kept: SelectionNode[] = [];
    for (const selection of set.selections) {
      if (++this.visited > AUTHORIZATION_BOUNDS.maxSelections) throw new RangeError('operation too large to authorize');
      let result: SelectionNode | null;
      if (selection.kind === Kind.FIELD) {
        result = this.field(selection, parent, path, nesting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? this.compositeType(selection.typeCondition.name.value) : parent;
        result = this.inlineFragment(selection, type, path, nesting);
      } else {
        result = this.spread(selection, path, nesting);
      }
      if (result) kept.push(result);
    }
    return kept.length > 0 ? { ...set, selections: kept } : null;
  }

  private field(field: FieldNode, parent: GraphQLCompositeType, path: readonly string[], nesting: number): FieldNode | null {
    const name = field.name.value;
    // __typename needs nothing; __schema/__type are gated by the caller's profile, not by scopes.
    if (name.startsWith('__')) return field;
    const fieldPath = [...path, field.alias?.value ?? name];
    if (!isObjectType(parent) && !isInterfaceType(parent)) throw new Error(`field ${name} selected on union ${parent.name}`);
    const definition = parent.getFields()[name];
    if (!definition) throw new Error(`unknown field ${parent.name}.${name}: authorize only validated documents`);
    const missing = missingScopes(this.requirement(parent, name), this.scopes);
    if (missing.length > 0) {
      const coordinate = `${parent.name}.${name}`;
      this.removed.set(`${fieldPath.join('\u0000')}\u0001${coordinate}`, { path: fieldPath, coordinate, missing });
      return null;
    }
    if (!field.selectionSet) return field;
    const type = getNamedType(definition.type);
    if (!isCompositeType(type)) throw new Error(`${parent.name}.${name} has no selection set to filter`);
    // Emptied by removals below it: those removals are the report, the field itself is not.
    const selectionSet = this.selectionSet(field.selectionSet, type, fieldPath, nesting + 1);
    return selectionSet ? { ...field, selectionSet } : null;
  }

  private inlineFragment(
    fragment: InlineFragmentNode,
    type: GraphQLCompositeType,
    path: readonly string[],
    nesting: number,
  ): InlineFragmentNode | null {
    const selectionSet = this.selectionSet(fragment.selectionSet, type, path, nesting + 1);
    return selectionSet ? { ...fragment, selectionSet } : null;
  }

  /** A named fragment becomes an inline fragment on the same type, keeping the spread's @skip/@include. */
  private spread(spread: FragmentSpreadNode, path: readonly string[], nesting: number): InlineFragmentNode | null {
    const name = spread.name.value;
    const definition = this.fragments.get(name);
    if (!definition) throw new Error(`unknown fragment ${name}: authorize only validated documents`);
    const inline: InlineFragmentNode = {
      kind: Kind.INLINE_FRAGMENT,
      typeCondition: definition.typeCondition,
      directives: spread.directives,
      selectionSet: definition.selectionSet,
    };
    return this.inlineFragment(inline, this.compositeType(definition.typeCondition.name.value), path, nesting);
  }

  private compositeType(name: string): GraphQLCompositeType {
    const type = typeFromAST(this.schema, { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: name } });
    if (!type || !isCompositeType(type)) throw new Error(`unknown type condition ${name}: authorize only validated documents`);
    return type;
  }
}

/** Variables still referenced: a definition left without its only usage makes graphql validation fail. */
function usedVariables(selectionSet: SelectionSetNode, operation: OperationDefinitionNode): Set<string> {
  const used = new Set<string>();
  const collect = { Variable: (node: { name: { value: string } }) => void used.add(node.name.value) };
  visit(selectionSet, collect);
  // The operation's own directives may use variables too (variable definitions' defaults cannot).
  for (const directive of operation.directives ?? []) visit(directive, collect);
  return used;
}
