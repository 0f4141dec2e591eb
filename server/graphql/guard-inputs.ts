// Puts the input guard (server/shared/input-guard.ts) in front of every field that takes
// arguments: the one place in the pipeline every input passes, before authorization and before
// the resolver. A mutation whose result union has the error (ValidationError, CprRefusedError)
// gets it as its result; any other field gets it as a GraphQL error with its code
// (VALIDATION_FAILED, CPR_NUMBER_REFUSED).
import {
  defaultFieldResolver,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { wrapOrThrow } from "@pothos/plugin-errors";
import { countResolvedError } from "../observability/request-scope.ts";
import { ValidationError } from "../shared/errors.ts";
import { CPR_CHECKED_BY_COMMAND, guardArguments, type InputShape } from "../shared/input-guard.ts";
import { CprRefusedError } from "../shared/validation.ts";
import type { Context } from "./context.ts";

function shapeOf(type: GraphQLInputType, extensions?: Readonly<Record<string, unknown>>): InputShape {
  if (isNonNullType(type)) return shapeOf(type.ofType, extensions);
  if (isListType(type)) return { kind: "list", of: shapeOf(type.ofType as GraphQLInputType, extensions) };
  if (isScalarType(type)) return { kind: "scalar", name: type.name, cprCheckedByCommand: extensions?.[CPR_CHECKED_BY_COMMAND] === true };
  if (isInputObjectType(type)) {
    let fields: Record<string, InputShape> | undefined;
    return {
      kind: "object",
      fields: () => (fields ??= Object.fromEntries(Object.values(type.getFields()).map((field) => [field.name, shapeOf(field.type, field.extensions)]))),
    };
  }
  return { kind: "other" };
}

// The errors plugin's list of error classes for this field, when its result is a union.
function resultErrorTypes(field: GraphQLField<unknown, unknown>): (new (...args: never[]) => Error)[] | null {
  const named = getNamedType(field.type);
  const errorTypes = (field.extensions as { pothosErrors?: (new (...args: never[]) => Error)[] } | undefined)?.pothosErrors;
  if (!isUnionType(named) || !errorTypes) return null;
  return errorTypes;
}

export function guardInputs(schema: GraphQLSchema): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType(), ...Object.values(schema.getTypeMap())]) {
    if (!type || !isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0 || (field as { guarded?: boolean }).guarded) continue;
      (field as { guarded?: boolean }).guarded = true;
      const shapes = Object.fromEntries(field.args.map((arg: GraphQLArgument) => [arg.name, shapeOf(arg.type)]));
      const errorTypes = resultErrorTypes(field);
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: Context, info) => {
        try {
          guardArguments(field.name, args, shapes, context);
        } catch (error) {
          // Wrapped as the errors plugin does, so the union resolves to the error's own type.
          if (errorTypes && (error instanceof ValidationError || error instanceof CprRefusedError) && errorTypes.some((type) => error instanceof type)) {
            countResolvedError(error); // as the errors plugin would, so /metrics counts it by code
            return wrapOrThrow(error, errorTypes, undefined);
          }
          throw error;
        }
        return resolve(source, args, context, info);
      };
      const subscribe = field.subscribe;
      if (subscribe) {
        field.subscribe = (source, args, context: Context, info) => {
          guardArguments(field.name, args, shapes, context);
          return subscribe(source, args, context, info);
        };
      }
    }
  }
  return schema;
}
