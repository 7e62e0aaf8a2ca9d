import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * The fields the client asked for on the value this resolver returns (through fragments too), so
 * a list can skip reading what nobody will see. Directives are not evaluated: a field under
 * `@skip` or `@include` counts as asked for, which only costs the read.
 */
export function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return names;
}
