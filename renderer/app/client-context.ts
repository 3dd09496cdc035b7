import { createContext, useContext } from 'react';
import type { SiteClient } from '../../shared/rpc/client';

/** The API client for the whole app, provided once at the root. */
export const ClientContext = createContext<SiteClient | null>(null);

/** The API client; throws if a component is rendered outside the provider. */
export function useClient(): SiteClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient() needs a <ClientContext.Provider> above it.');
  return client;
}

/** A message for the user from any thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
