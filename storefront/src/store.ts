// What the storefront keeps between pages: the shopper's access token and the id of their cart (localStorage).
import { useSyncExternalStore } from 'react';

export interface Session {
  token: string | null;
  cartId: string | null;
  cartCount: number;
}

const KEY = 'shop.session';

function load(): Session {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Session>;
    return { token: saved.token ?? null, cartId: saved.cartId ?? null, cartCount: saved.cartCount ?? 0 };
  } catch {
    return { token: null, cartId: null, cartCount: 0 };
  }
}

let current = load();
const listeners = new Set<() => void>();

export const session = {
  get: (): Session => current,
  set(change: Partial<Session>): void {
    current = { ...current, ...change };
    localStorage.setItem(KEY, JSON.stringify(current));
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

window.addEventListener('storage', (e) => {
  if (e.key !== KEY) return;
  current = load();
  for (const listener of listeners) listener();
});

export function useSession(): Session {
  return useSyncExternalStore(session.subscribe, session.get);
}
