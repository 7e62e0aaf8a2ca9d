import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  type ValueNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { badInput } from '../errors/app-error';
import { ControlCharacterViolations, joinPath } from './control-characters';

/**
 * Refuses an operation whose arguments hold a control character in any text, before any
 * resolver runs: arguments of every field (root or nested) and directive, written inline or
 * passed as variables, down through input objects, lists and JSON scalars. The refusal names
 * each field by its path from the argument (`input.members.0.name`, `search`).
 */
export const controlCharactersPlugin: ApolloServerPlugin = {
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({ schema, document, operation, request, response }) {
        if (!operation) return Promise.resolve();
        const violations = controlCharacterViolations(schema, document, operation, request.variables ?? {});
        if (violations.length === 0) return Promise.resolve();
        // A request error, like a variable of the wrong type: answered before execution, as 400.
        response.http.status = 400;
        return Promise.reject(badInput(violations));
      },
    });
  },
};

export function controlCharacterViolations(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
) {
  const found = new ControlCharacterViolations();
  const defaults = new Map(
    (operation.variableDefinitions ?? []).map((d) => [d.variable.name.value, d.defaultValue]),
  );

  const checkRaw = (value: unknown, type: GraphQLInputType, field: string): void => {
    if (value === null || value === undefined) return;
    if (isNonNullType(type)) return checkRaw(value, type.ofType, field);
    if (isListType(type)) {
      // A single value stands for a list of one.
      if (Array.isArray(value)) value.forEach((item, i) => checkRaw(item, type.ofType, `${field}.${i}`));
      else checkRaw(value, type.ofType, field);
      return;
    }
    if (isInputObjectType(type)) {
      // Fields the type does not define are refused by GraphQL itself, before execution.
      if (typeof value !== 'object' || Array.isArray(value)) return;
      for (const [name, inputField] of Object.entries(type.getFields())) {
        checkRaw((value as Record<string, unknown>)[name], inputField.type, joinPath(field, name));
      }
      return;
    }
    found.checkValue(value, field);
  };

  const checkLiteral = (node: ValueNode, type: GraphQLInputType, field: string): void => {
    if (node.kind === Kind.VARIABLE) {
      const name = node.name.value;
      if (Object.hasOwn(variables, name)) return checkRaw(variables[name], type, field);
      const fallback = defaults.get(name);
      if (fallback) checkLiteral(fallback, type, field);
      return;
    }
    if (isNonNullType(type)) return checkLiteral(node, type.ofType, field);
    if (isListType(type)) {
      if (node.kind === Kind.LIST)
        node.values.forEach((item, i) => checkLiteral(item, type.ofType, `${field}.${i}`));
      else checkLiteral(node, type.ofType, field);
      return;
    }
    if (isInputObjectType(type)) {
      if (node.kind !== Kind.OBJECT) return;
      const fields = type.getFields();
      for (const fieldNode of node.fields) {
        const inputField = fields[fieldNode.name.value];
        if (inputField) checkLiteral(fieldNode.value, inputField.type, joinPath(field, fieldNode.name.value));
      }
      return;
    }
    checkScalarLiteral(node, field);
  };

  // A scalar written inline: a string, or a JSON scalar's object or list (with variables inside).
  const checkScalarLiteral = (node: ValueNode, field: string): void => {
    switch (node.kind) {
      case Kind.STRING:
        return found.checkText(node.value, field);
      case Kind.LIST:
        return node.values.forEach((item, i) => checkScalarLiteral(item, `${field}.${i}`));
      case Kind.OBJECT:
        return node.fields.forEach((f) => checkScalarLiteral(f.value, joinPath(field, f.name.value)));
      case Kind.VARIABLE:
        return found.checkValue(variables[node.name.value], field);
      case Kind.INT:
      case Kind.FLOAT:
      case Kind.BOOLEAN:
      case Kind.ENUM:
      case Kind.NULL:
        return;
    }
  };

  for (const site of argumentSites(schema, document, operation))
    checkLiteral(site.value, site.type, site.name);
  return found.found;
}

type ArgumentSite = { value: ValueNode; type: GraphQLInputType; name: string };

// Apollo keeps a parsed document per query text, so a page asked again brings the same operation
// node: its arguments and their types are found once, and each request checks only their values.
const sitesByOperation = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, ArgumentSite[]>>();

/** Every argument written in the operation and the fragments it spreads, with its input type. */
function argumentSites(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): ArgumentSite[] {
  let known = sitesByOperation.get(schema);
  if (!known) sitesByOperation.set(schema, (known = new WeakMap()));
  const cached = known.get(operation);
  if (cached) return cached;
  const sites: ArgumentSite[] = [];
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Argument(node) {
      const argument = typeInfo.getArgument();
      if (argument) sites.push({ value: node.value, type: argument.type, name: node.name.value });
      return false;
    },
  });
  for (const definition of [operation, ...fragmentsUsedBy(document, operation)]) {
    visit(definition, visitor);
  }
  known.set(operation, sites);
  return sites;
}

/** The fragments the operation spreads, directly or through other fragments. */
function fragmentsUsedBy(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): FragmentDefinitionNode[] {
  const byName = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) byName.set(definition.name.value, definition);
  }
  const used = new Map<string, FragmentDefinitionNode>();
  const pending: (OperationDefinitionNode | FragmentDefinitionNode)[] = [operation];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      FragmentSpread(spread) {
        const fragment = byName.get(spread.name.value);
        if (fragment && !used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          pending.push(fragment);
        }
      },
    });
  }
  return [...used.values()];
}
