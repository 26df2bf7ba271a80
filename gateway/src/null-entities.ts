import { Kind, parse, type SelectionSetNode } from 'graphql';

/** Per type condition, the response names the fetch asks that subgraph for. */
type FieldsByType = ReadonlyMap<string, readonly string[]>;

/**
 * Fetch operations come from query plans, so there are few distinct texts and each recurs with every request of
 * its plan: parse once. Bounded, because a supergraph update brings new plans and the old texts should not stay.
 */
const MAX_CACHED_OPERATIONS = 1_000;
const cache = new Map<string, FieldsByType | null>();
/** fields selected outside any type condition: asked of every entity */
const ANY_TYPE = '*';

/**
 * For an `_entities` fetch that failed: one object per representation, holding its `__typename` and `null` for every
 * field the fetch asked of that type. Merged into the entities like a real answer, so exactly this subgraph's fields
 * become null (and GraphQL's null propagation takes it from there), while the fields other subgraphs already
 * resolved stay. Undefined when the operation is not an entity fetch.
 */
export function nullEntitiesFor(query: string | undefined, representations: unknown): Array<Record<string, unknown> | null> | undefined {
  if (query === undefined || !Array.isArray(representations)) return undefined;
  const fields = entityFieldsOf(query);
  if (fields === null) return undefined;
  return representations.map((representation) => {
    const typename = (representation as { __typename?: unknown } | null)?.__typename;
    if (typeof typename !== 'string') return null;
    const entity: Record<string, unknown> = { __typename: typename };
    for (const name of fields.get(typename) ?? []) entity[name] = null;
    for (const name of fields.get(ANY_TYPE) ?? []) entity[name] = null;
    return entity;
  });
}

function entityFieldsOf(query: string): FieldsByType | null {
  const cached = cache.get(query);
  if (cached !== undefined) return cached;
  const fields = parseEntityFields(query);
  if (cache.size >= MAX_CACHED_OPERATIONS) cache.delete(cache.keys().next().value as string);
  cache.set(query, fields);
  return fields;
}

function parseEntityFields(query: string): FieldsByType | null {
  let document;
  try {
    document = parse(query, { noLocation: true });
  } catch {
    return null;
  }
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operation === undefined || operation.kind !== Kind.OPERATION_DEFINITION) return null;
  const root = operation.selectionSet.selections;
  const entities = root.length === 1 && root[0]?.kind === Kind.FIELD && root[0].name.value === '_entities' ? root[0] : undefined;
  if (entities?.selectionSet === undefined) return null;
  const byType = new Map<string, string[]>();
  collect(entities.selectionSet, undefined, byType);
  return byType;
}

/** Planner-generated entity fetches select `... on Type { … }`; fields outside a type condition apply to every type. */
function collect(selectionSet: SelectionSetNode, typename: string | undefined, byType: Map<string, string[]>): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(selection.selectionSet, selection.typeCondition?.name.value ?? typename, byType);
      continue;
    }
    if (selection.kind !== Kind.FIELD) continue;
    const name = selection.alias?.value ?? selection.name.value;
    if (name === '__typename') continue;
    const key = typename ?? ANY_TYPE;
    const list = byType.get(key) ?? [];
    if (!list.includes(name)) list.push(name);
    byType.set(key, list);
  }
}
