// Checks every field argument of a subgraph before its resolver runs: text holds no control characters and
// every list input is bounded. One place for every subgraph, so no crafted value reaches a datastore.
import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isLeafType,
  isListType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { BadInputError, userError, type UserError } from './errors';

/**
 * C0 controls but tab, line feed and carriage return; DEL; C1 controls. Postgres refuses NUL in text, and
 * none of these belongs in a name, an address, a note or a search.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** A high surrogate without its low half, or a low one without its high half: not encodable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a text is well-formed Unicode without control characters. */
export function isCleanText(value: string): boolean {
  return !CONTROL.test(value) && !LONE_SURROGATE.test(value);
}

/** What a list input may hold unless its subgraph says otherwise (MAX_INPUT_LIST_ITEMS). */
export const DEFAULT_MAX_INPUT_ITEMS = 100;

export interface InputLimits {
  /** The most items any list input may hold. */
  defaultMaxItems: number;
  /**
   * Tighter bounds by schema coordinate: `Mutation.cartLinesRemove(lineIds:)` for an argument,
   * `ProductCreateInput.tags` for an input field.
   */
  maxItems?: Record<string, number>;
}

type Problem = { kind: 'text'; path: string[] } | { kind: 'items'; path: string[]; max: number };

interface Slot {
  coordinate: string;
  type: GraphQLInputType;
}

function check(value: unknown, slot: Slot, path: string[], limits: InputLimits): Problem | null {
  if (value === null || value === undefined) return null;
  const type = getNullableType(slot.type);
  if (isListType(type)) {
    if (!Array.isArray(value))
      return check(value, { ...slot, type: type.ofType as GraphQLInputType }, path, limits);
    const max = Math.min(limits.maxItems?.[slot.coordinate] ?? Infinity, limits.defaultMaxItems);
    if (value.length > max) return { kind: 'items', path, max };
    for (let i = 0; i < value.length; i++) {
      const found = check(
        // eslint-disable-next-line security/detect-object-injection -- i is a loop index within the array
        value[i],
        { ...slot, type: type.ofType as GraphQLInputType },
        [...path, String(i)],
        limits,
      );
      if (found) return found;
    }
    return null;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [name, field] of Object.entries(fields)) {
      const found = check(
        // eslint-disable-next-line security/detect-object-injection -- name is a field of the schema's input type
        (value as Record<string, unknown>)[name],
        inputSlot(type.name, field),
        [...path, name],
        limits,
      );
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'string' && !isCleanText(value)) return { kind: 'text', path };
  return null;
}

const inputSlot = (typeName: string, field: GraphQLInputField): Slot => ({
  coordinate: `${typeName}.${field.name}`,
  type: field.type,
});
const argumentSlot = (
  typeName: string,
  field: GraphQLField<unknown, unknown>,
  arg: GraphQLArgument,
): Slot => ({
  coordinate: `${typeName}.${field.name}(${arg.name}:)`,
  type: arg.type,
});

/** Whether an input type can hold text or a list anywhere inside it (an `Int` argument needs no check). */
function needsCheck(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return true;
  const named = getNamedType(type);
  if (isLeafType(named)) return named.name !== 'Int' && named.name !== 'Float' && named.name !== 'Boolean';
  if (seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => needsCheck(f.type, seen));
}

/** Whether a mutation answers with a payload that has `userErrors`, where TOO_MANY_ITEMS belongs. */
function hasUserErrors(field: GraphQLField<unknown, unknown>): boolean {
  const payload = getNamedType(field.type);
  return isObjectType(payload) && 'userErrors' in payload.getFields();
}

/** Federation's own fields: the gateway's entity batches are bounded by the gateway, not by a client. */
const FEDERATION_FIELDS = new Set(['_entities', '_service']);

/**
 * Wraps the resolver of every field that takes text or list arguments. Text with a control character is
 * BAD_USER_INPUT; a list over its bound is one `TOO_MANY_ITEMS` userError in a mutation's payload (nothing
 * runs), BAD_USER_INPUT elsewhere.
 */
export function guardArguments(schema: GraphQLSchema, limits: InputLimits): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const isMutation = type === schema.getMutationType();
    for (const field of Object.values(type.getFields())) {
      if (FEDERATION_FIELDS.has(field.name)) continue;
      const slots = field.args
        .filter((arg) => needsCheck(arg.type))
        .map((arg) => ({ arg, slot: argumentSlot(type.name, field, arg) }));
      if (slots.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const payloadErrors = isMutation && hasUserErrors(field);
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        for (const { arg, slot } of slots) {
          const problem = check(args[arg.name], slot, [arg.name], limits);
          if (!problem) continue;
          const name = problem.path.join('.');
          if (problem.kind === 'text')
            throw new BadInputError(`${name} holds a control character or malformed text.`);
          const message = `${name} takes at most ${problem.max} items.`;
          if (payloadErrors)
            return { userErrors: [userError('TOO_MANY_ITEMS', message, problem.path)] satisfies UserError[] };
          throw new BadInputError(message);
        }
        return resolve(source, args, context, info);
      };
    }
  }
}
