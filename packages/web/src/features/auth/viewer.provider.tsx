import { useMutation, useQuery } from '@apollo/client/react';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useHref } from 'react-router';
import type { ViewerFieldsFragment } from '../../gql/graphql';
import { isUnauthenticated, toApiError, type ApiError } from '../../shared/api-error';
import { LogoutMutation, ViewerQuery } from './viewer.operations';

/** The signed-in user with their tenant and roles. */
export type Viewer = ViewerFieldsFragment;

export type ViewerState = {
  viewer: Viewer | null;
  loading: boolean;
  /** Why the viewer could not be read (never "not signed in": that is `viewer: null`). */
  error: ApiError | null;
  retry: () => void;
  signOut: () => Promise<void>;
};

const ViewerContext = createContext<ViewerState | null>(null);

/** Reads `me` once for the app; must sit inside the router (sign-out goes to its sign-in page). */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const { data, loading, error, refetch } = useQuery(ViewerQuery);
  const [logout] = useMutation(LogoutMutation);
  const signInHref = useHref('/login');

  const signOut = useCallback(async () => {
    try {
      await logout();
    } catch {
      // The session may already be gone; the sign-in page follows either way.
    }
    // A full page load drops everything this user had in memory, the Apollo cache included.
    window.location.assign(signInHref);
  }, [logout, signInHref]);

  const retry = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);

  const state = useMemo<ViewerState>(() => {
    const apiError = error ? toApiError(error) : null;
    return {
      viewer: data?.me ?? null,
      loading: loading && !data,
      error: apiError && !isUnauthenticated(apiError) ? apiError : null,
      retry,
      signOut,
    };
  }, [data, loading, error, retry, signOut]);

  return <ViewerContext.Provider value={state}>{children}</ViewerContext.Provider>;
}

export function useViewer(): ViewerState {
  const state = useContext(ViewerContext);
  if (!state) throw new Error('useViewer needs a ViewerProvider above it');
  return state;
}

/** For pages behind `RequireViewer`, where a viewer is certain. */
export function useSignedInViewer(): Viewer {
  const { viewer } = useViewer();
  if (!viewer) throw new Error('useSignedInViewer used outside RequireViewer');
  return viewer;
}
