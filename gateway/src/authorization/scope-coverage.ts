/**
 * Deny by default only works if nobody forgets a declaration: a field without one is unreadable at runtime, which is
 * safe but would ship as a silent outage. This check makes composition fail instead.
 */
import { getNamedType, isInterfaceType, isObjectType, isUnionType } from 'graphql';
import type { GraphQLNamedType, GraphQLSchema } from 'graphql';
import { fieldRequirement } from './field-requirement.ts';
import type { ScopeMap } from './scope-map.ts';

/**
 * Coordinates (`Type.field`) reachable from the root types that have no `@scope` on the field or its type, plus root
 * fields whose effective requirement is empty (a root field open to every authenticated caller is never intended).
 * Sorted; `[]` means fully covered.
 */
export function checkScopeCoverage(apiSchema: GraphQLSchema, map: ScopeMap): string[] {
  const requirement = fieldRequirement(apiSchema, map);
  const roots = [apiSchema.getQueryType(), apiSchema.getMutationType(), apiSchema.getSubscriptionType()].filter((t) => t != null);
  const rootNames = new Set(roots.map((t) => t.name));
  const uncovered = new Set<string>();
  const seen = new Set<string>();
  const queue: GraphQLNamedType[] = [...roots];
  // Breadth-first over named types: iterative, and each type is visited once whatever the schema's cycles.
  for (let type = queue.shift(); type; type = queue.shift()) {
    if (seen.has(type.name)) continue;
    seen.add(type.name);
    if (isUnionType(type)) {
      queue.push(...type.getTypes());
      continue;
    }
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    if (isInterfaceType(type)) queue.push(...apiSchema.getPossibleTypes(type));
    const isRoot = rootNames.has(type.name);
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      if (map.typeScopes(type.name) === undefined && map.fieldScopes(type.name, field.name) === undefined) uncovered.add(coordinate);
      if (isRoot && requirement(type, field.name).length === 0) uncovered.add(coordinate);
      queue.push(getNamedType(field.type));
    }
  }
  return [...uncovered].sort();
}
