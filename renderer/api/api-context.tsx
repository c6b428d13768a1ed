import { createContext, useContext, type ReactNode } from 'react';
import type { DeskClient } from './desk-client.js';

const ApiContext = createContext<DeskClient | null>(null);

export function ApiProvider({ api, children }: { api: DeskClient; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): DeskClient {
  const api = useContext(ApiContext);
  if (api === null) throw new Error('useApi outside ApiProvider');
  return api;
}
