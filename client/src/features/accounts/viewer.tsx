// Who is signed in, for every screen: the viewer's user, units and roles, and the active unit.
// Screens decide what to show from this; the server decides what is allowed.
import { createContext, useContext, type ReactNode } from "react";
import { startNewSession } from "../../graphql-client.tsx";
import { graphql, useQuery, type ResultOf } from "../../graphql.ts";

/** Everything the shell needs about the viewer; also selected by signIn and switchActiveUnit. */
export const ViewerFields = graphql(`
  fragment ViewerFields on Me @_unmask {
    user { id name email }
    isCoordinator
    isPlatformAdmin
    isStrategicGroup
    startPage
    activeUnit { id name kind }
    memberships { id role unit { id name kind organisation { id name } } }
    administeredOrganisations { id name }
    volunteerCentres { id name }
  }
`);

export const ViewerQuery = graphql(
  `
    query Viewer {
      me {
        ...ViewerFields
      }
    }
  `,
  [ViewerFields],
);

export type Me = NonNullable<ResultOf<typeof ViewerQuery>["me"]>;

interface ViewerContextValue {
  /** null when signed out; undefined while the first answer is loading. */
  me: Me | null | undefined;
  /**
   * After signing in or out or switching unit: starts a new session with an empty cache and
   * resolves once the viewer is loaded into it, so no screen shows the previous session's data.
   */
  sessionChanged(): Promise<void>;
}

function sessionChanged(): Promise<void> {
  return startNewSession((client) => client.query(ViewerQuery, {}).toPromise());
}

const ViewerContext = createContext<ViewerContextValue>({ me: undefined, sessionChanged });

export function ViewerProvider({ children }: { children: ReactNode }) {
  // The viewer changes through this client's own mutations (and sessionChanged), so the cached answer stands.
  const { data, loading } = useQuery(ViewerQuery, {}, { requestPolicy: "cache-first" });
  const me = loading && !data ? undefined : (data?.me ?? null);
  return <ViewerContext.Provider value={{ me, sessionChanged }}>{children}</ViewerContext.Provider>;
}

export function useViewer(): ViewerContextValue {
  return useContext(ViewerContext);
}

/** The unit the viewer acts for now, or null. */
export function useActiveUnit(): Me["activeUnit"] | null {
  return useViewer().me?.activeUnit ?? null;
}
