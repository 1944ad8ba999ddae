/** Where a pane keeps the API token the user typed once. */
export type TokenStore = {
  read(): string | null;
  write(token: string): Promise<void>;
  clear(): Promise<void>;
};

/**
 * The browser's storage, which Office partitions per add-in. A pane with a better place (Outlook's
 * roaming settings follow the user to every device) supplies its own store.
 */
export function localTokenStore(key = "rapport.apiToken"): TokenStore {
  return {
    read: () => localStorage.getItem(key),
    write: async (token) => localStorage.setItem(key, token),
    clear: async () => localStorage.removeItem(key),
  };
}
