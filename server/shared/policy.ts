// The one rule every *.policy.ts follows for an id that names no row: the caller is not
// allowed. The refusal (ForbiddenError, or NotAuthenticatedError when signed out) is the same
// as for a row that exists but is not theirs, so nobody can probe which ids exist. Coordinators
// and platform admins get no exception: they too are refused, not told "not found".

/** The scopes for the row an id names; an unknown id (no row) is refused for everyone. */
export async function scopesForRow<Row, Scopes>(
  row: Promise<Row | null | undefined> | Row | null | undefined,
  scopesOf: (row: Row) => Scopes,
): Promise<Scopes | false> {
  const found = await row;
  return found === null || found === undefined ? false : scopesOf(found);
}
