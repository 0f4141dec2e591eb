// Whether a query asks for a field somewhere below the current one, so that a resolver can skip
// work whose result nobody reads (e.g. thousands of ids per hour in a coverage picture).
import { Kind, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from "graphql";

export function selectsField(
  fieldNodes: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
  name: string,
): boolean {
  const visited = new Set<string>();
  const inSet = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      switch (selection.kind) {
        case Kind.FIELD:
          return selection.name.value === name || inSet(selection.selectionSet);
        case Kind.INLINE_FRAGMENT:
          return inSet(selection.selectionSet);
        case Kind.FRAGMENT_SPREAD: {
          const fragmentName = selection.name.value;
          if (visited.has(fragmentName)) return false;
          visited.add(fragmentName);
          return inSet(fragments[fragmentName]?.selectionSet);
        }
      }
    });
  return fieldNodes.some((node) => inSet(node.selectionSet));
}

/**
 * Pothos's query for a model field, safe to spread into a Prisma call: when the client selects
 * nothing of the model (only `__typename` of a mutation's result), Pothos gives `select: {}`,
 * which Prisma refuses; then the plain row is loaded instead.
 */
export function prismaSelection<Query extends { select?: object; include?: object }>(query: Query): Query | Record<string, never> {
  return query.select && Object.keys(query.select).length === 0 ? {} : query;
}
