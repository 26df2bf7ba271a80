/**
 * The change policy of the API schema (docs/schema-changes.md): which differences between the previous committed API
 * schema and the one the subgraphs compose to now may reach clients. `@graphql-inspector/core` finds and classifies the
 * changes (breaking, dangerous, safe); this module adds the deprecation workflow on top:
 *
 * - a removal (field, argument, input field, enum value) that breaks clients passes only when the element was
 *   `@deprecated` in the previous schema with a stated removal date ("… Removal after 2027-03-01.") that has passed;
 *   a type may go when every field, argument and input field that used it could go under that rule (or nothing used it);
 * - a removal date, when it first appears, must be at least MIN_DEPRECATION_WINDOW_DAYS after the day of the check,
 *   and may never move earlier: that is how the window between deprecation and removal is enforced from the SDL alone;
 * - a deprecation without a removal date is allowed but reported: such an element can never be removed;
 * - descriptions are documentation: a description-only change is never breaking.
 */
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema, getNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import type { GraphQLSchema } from 'graphql';

/** Days between the day a removal date is first stated and that date, at least. */
export const MIN_DEPRECATION_WINDOW_DAYS = 90;

/** The removal date in a deprecation reason: "Removal after YYYY-MM-DD" (case-insensitive, anywhere in the reason). */
const REMOVAL_DATE = /\bremoval after (\d{4}-\d{2}-\d{2})\b/i;

export interface Finding {
  /** schema coordinate: `Type`, `Type.field`, `Type.field.argument`, `Enum.VALUE`, `Input.field` */
  coordinate: string;
  /** graphql-inspector's change type (FIELD_REMOVED, …) or the policy's own (DEPRECATION_WINDOW_TOO_SHORT, …) */
  type: string;
  /** what changed */
  message: string;
  /** why it breaks clients, or why it is let through */
  why: string;
}

export interface SchemaChangeVerdict {
  /** changes that fail the check: breaking for clients, or against the deprecation workflow */
  failures: Finding[];
  /** removals the deprecation workflow allows (deprecated, removal date passed) */
  plannedRemovals: Finding[];
  /** changes that may surprise clients without breaking valid operations; printed, never failing */
  dangerous: Finding[];
  /** deprecations stated without a removal date: allowed, printed */
  notices: Finding[];
  /** every other change: additive, descriptions, deprecations with a proper date */
  safe: Finding[];
}

/** Why each kind of breaking change breaks clients, in one line (graphql-inspector's reasons, where it has one, are longer). */
const WHY: Record<string, string> = {
  FIELD_REMOVED: 'operations selecting this field fail validation',
  FIELD_ARGUMENT_REMOVED: 'operations passing this argument fail validation',
  FIELD_ARGUMENT_ADDED: 'operations that do not pass the new required argument fail validation',
  INPUT_FIELD_REMOVED: 'operations setting this input field fail validation',
  INPUT_FIELD_ADDED: 'operations that do not set the new required input field fail validation',
  ENUM_VALUE_REMOVED: 'operations sending this value fail, and clients matching on it never see it again',
  TYPE_REMOVED: 'operations naming this type (fragments, variables) fail validation',
  TYPE_KIND_CHANGED: 'fragments and variables written for the old kind no longer fit',
  FIELD_TYPE_CHANGED: 'clients receive values of another type or nullability than their code expects',
  FIELD_ARGUMENT_TYPE_CHANGED: 'variables declared with the old type no longer fit the argument',
  INPUT_FIELD_TYPE_CHANGED: 'input values written for the old type no longer fit',
  UNION_MEMBER_REMOVED: 'fragments on this member never match again, and naming it fails validation',
  OBJECT_TYPE_INTERFACE_REMOVED: 'fragments on the interface no longer match this type',
  DIRECTIVE_REMOVED: 'operations using this directive fail validation',
};

const REMOVALS = new Set(['FIELD_REMOVED', 'FIELD_ARGUMENT_REMOVED', 'INPUT_FIELD_REMOVED', 'ENUM_VALUE_REMOVED']);

/** Compares two API schema SDLs under the policy. `today` is the day of the check (UTC), as `YYYY-MM-DD`. */
export async function judgeSchemaChange(previousSdl: string, currentSdl: string, today: string): Promise<SchemaChangeVerdict> {
  const previous = buildSchema(previousSdl);
  const current = buildSchema(currentSdl);
  const verdict: SchemaChangeVerdict = { failures: [], plannedRemovals: [], dangerous: [], notices: [], safe: [] };
  const deprecatedBefore = deprecatables(previous);
  for (const change of await diff(previous, current)) {
    const finding = toFinding(change);
    if (change.criticality.level === CriticalityLevel.Breaking) {
      const allowed = removalAllowed(change, previous, deprecatedBefore, today);
      if (allowed === undefined) verdict.failures.push(finding);
      else verdict.plannedRemovals.push({ ...finding, why: allowed });
    } else if (change.criticality.level === CriticalityLevel.Dangerous) verdict.dangerous.push(finding);
    else verdict.safe.push(finding);
  }
  checkRemovalDates(deprecatedBefore, deprecatables(current), today, verdict);
  return verdict;
}

function toFinding(change: Change): Finding {
  const coordinate = (change.path ?? '').replace(/\.@deprecated.*$/, '');
  return { coordinate, type: change.type, message: change.message, why: WHY[change.type] ?? change.criticality.reason ?? 'see the message' };
}

/** The reason a breaking removal is allowed under the deprecation workflow, or undefined when it is not. */
function removalAllowed(change: Change, previous: GraphQLSchema, deprecatedBefore: Map<string, string | null>, today: string): string | undefined {
  const coordinate = change.path ?? '';
  if (REMOVALS.has(change.type)) return passedRemoval(deprecatedBefore.get(coordinate), today);
  if (change.type === 'TYPE_REMOVED') {
    const uses = usesOfType(previous, coordinate);
    if (uses.length === 0) return 'no field, argument or input field used this type';
    const blocked = uses.filter((use) => passedRemoval(deprecatedBefore.get(use), today) === undefined);
    return blocked.length === 0 ? `every use (${uses.join(', ')}) was deprecated and its removal date has passed` : undefined;
  }
  return undefined;
}

function passedRemoval(reason: string | null | undefined, today: string): string | undefined {
  const date = removalDate(reason);
  if (date === undefined || !(date < today)) return undefined;
  return `deprecated in the previous schema with removal after ${date}, which has passed`;
}

/** The valid `YYYY-MM-DD` removal date stated in a deprecation reason, if any. */
export function removalDate(reason: string | null | undefined): string | undefined {
  const date = reason == null ? undefined : REMOVAL_DATE.exec(reason)?.[1];
  if (date === undefined) return undefined;
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date ? undefined : date;
}

/**
 * The elements a client names, by coordinate: fields and their arguments, input fields (each with the named type it
 * holds) and enum values, each with its deprecation reason (null when not deprecated).
 */
function elementsOf(schema: GraphQLSchema): { coordinate: string; deprecationReason: string | null; typeName?: string }[] {
  const out: { coordinate: string; deprecationReason: string | null; typeName?: string }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        const coordinate = `${type.name}.${field.name}`;
        out.push({ coordinate, deprecationReason: field.deprecationReason ?? null, typeName: getNamedType(field.type).name });
        for (const arg of field.args) {
          out.push({
            coordinate: `${coordinate}.${arg.name}`,
            deprecationReason: arg.deprecationReason ?? null,
            typeName: getNamedType(arg.type).name,
          });
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        out.push({
          coordinate: `${type.name}.${field.name}`,
          deprecationReason: field.deprecationReason ?? null,
          typeName: getNamedType(field.type).name,
        });
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues())
        out.push({ coordinate: `${type.name}.${value.name}`, deprecationReason: value.deprecationReason ?? null });
    }
  }
  return out;
}

/** Every deprecatable element of a schema by coordinate, with its deprecation reason (null when not deprecated). */
const deprecatables = (schema: GraphQLSchema): Map<string, string | null> =>
  new Map(elementsOf(schema).map((e) => [e.coordinate, e.deprecationReason]));

/** Coordinates of the fields, arguments and input fields whose type is `typeName` (lists and non-null unwrapped). */
const usesOfType = (schema: GraphQLSchema, typeName: string): string[] =>
  elementsOf(schema)
    .filter((e) => e.typeName === typeName)
    .map((e) => e.coordinate);

/**
 * The window rule. A removal date is a promise to clients: when one first appears (a new deprecation, or a date added
 * to an old one) it must be at least MIN_DEPRECATION_WINDOW_DAYS after today; once stated it may move later, never
 * earlier. The SDL does not say when a deprecation was made, but this check runs on every change, so the first day a
 * date is seen is the day it was promised.
 */
function checkRemovalDates(before: Map<string, string | null>, now: Map<string, string | null>, today: string, verdict: SchemaChangeVerdict): void {
  const earliest = addDays(today, MIN_DEPRECATION_WINDOW_DAYS);
  for (const [coordinate, reason] of now) {
    if (reason === null) continue;
    const oldReason = before.get(coordinate) ?? null;
    if (oldReason === reason) continue;
    const date = removalDate(reason);
    const oldDate = removalDate(oldReason);
    if (date === undefined) {
      verdict.notices.push({
        coordinate,
        type: 'DEPRECATION_WITHOUT_REMOVAL_DATE',
        message: `'${coordinate}' is deprecated without a removal date ("${reason}")`,
        why: 'allowed, but it can never be removed: state "Removal after YYYY-MM-DD" to plan its removal',
      });
    } else if (oldDate !== undefined && date < oldDate) {
      verdict.failures.push({
        coordinate,
        type: 'REMOVAL_DATE_BROUGHT_FORWARD',
        message: `the removal date of '${coordinate}' moved from ${oldDate} to ${date}`,
        why: `clients were told it stays until ${oldDate}; a removal date may move later, never earlier`,
      });
    } else if (oldDate === undefined && date < earliest) {
      verdict.failures.push({
        coordinate,
        type: 'DEPRECATION_WINDOW_TOO_SHORT',
        message: `'${coordinate}' is deprecated with removal after ${date}`,
        why: `clients get at least ${MIN_DEPRECATION_WINDOW_DAYS} days to move: the removal date must be ${earliest} or later`,
      });
    }
  }
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The report printed by `npm run schema:check`: failures first, each with its coordinate, what changed and why. */
export function formatVerdict(verdict: SchemaChangeVerdict): string {
  const lines: string[] = [];
  const section = (title: string, findings: Finding[], mark: string) => {
    if (findings.length === 0) return;
    lines.push(`${title} (${findings.length}):`);
    for (const f of findings) lines.push(`  ${mark} ${f.coordinate}  [${f.type}]  ${f.message}\n      why: ${f.why}`);
  };
  section('Breaking changes and policy violations', verdict.failures, '✗');
  section('Planned removals (deprecated, removal date passed)', verdict.plannedRemovals, '✓');
  section('Dangerous changes (allowed; check clients handle them)', verdict.dangerous, '!');
  section('Notices', verdict.notices, 'i');
  if (verdict.safe.length > 0) lines.push(`Safe changes: ${verdict.safe.length}`);
  for (const f of verdict.safe) lines.push(`  · ${f.coordinate}  [${f.type}]  ${f.message}`);
  return lines.join('\n');
}
