import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * The fields the client asked for on the value this resolver returns (through fragments too), or,
 * given a `path`, on the value under those fields (`items` of a page), so a list can skip reading
 * what nobody will see. Directives are not evaluated: a field under `@skip` or `@include` counts as
 * asked for, which only costs the read.
 */
export function selectedFields(info: GraphQLResolveInfo, ...path: string[]): Set<string> {
  const fieldsOf = (sets: readonly (SelectionSetNode | undefined)[]): FieldNode[] => {
    const fields: FieldNode[] = [];
    const visit = (set: SelectionSetNode | undefined) => {
      for (const selection of set?.selections ?? []) {
        if (selection.kind === Kind.FIELD) fields.push(selection);
        else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
        else visit(info.fragments[selection.name.value]?.selectionSet);
      }
    };
    sets.forEach(visit);
    return fields;
  };
  let fields = fieldsOf(info.fieldNodes.map((node) => node.selectionSet));
  for (const name of path) {
    fields = fieldsOf(fields.filter((f) => f.name.value === name).map((f) => f.selectionSet));
  }
  return new Set(fields.map((f) => f.name.value));
}
