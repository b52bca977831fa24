// Just enough of a browser window for keycloak-js to run in Node: a location whose
// navigations are recorded instead of performed, history.replaceState, and localStorage.
// CORS is not enforced here; the dev IdP's CORS headers are asserted elsewhere.

export interface FakeWindow {
  /** The last URL keycloak-js navigated to (login, logout). */
  navigatedTo(): string | undefined;
  setLocation(url: string): void;
  location(): string;
  restore(): void;
}

export function installFakeWindow(initialUrl: string): FakeWindow {
  const store = new Map<string, string>();
  const storage = {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => void store.set(key, String(value)),
    removeItem: (key: string) => void store.delete(key),
    clear: () => store.clear(),
    key: (index: number) => [...store.keys()][index] ?? null,
    get length() {
      return store.size;
    },
  };
  // keycloak-js lists its entries with Object.entries(localStorage), as browsers allow.
  const localStorage = new Proxy(storage, {
    get: (target, key) =>
      typeof key === 'string' && store.has(key) ? store.get(key) : Reflect.get(target, key),
    ownKeys: () => [...store.keys()],
    getOwnPropertyDescriptor: (_target, key) =>
      typeof key === 'string' && store.has(key)
        ? { enumerable: true, configurable: true, value: store.get(key) }
        : undefined,
  });

  let href = initialUrl;
  let navigated: string | undefined;
  const location = {
    get href() {
      return href;
    },
    get origin() {
      return new URL(href).origin;
    },
    assign(url: string) {
      navigated = url;
    },
    replace(url: string) {
      navigated = url;
    },
  };
  const window = {
    location,
    history: {
      state: null,
      replaceState(_state: unknown, _title: string, url: string) {
        href = new URL(url, href).href;
      },
    },
    addEventListener() {},
    removeEventListener() {},
    setTimeout,
    clearTimeout,
    isSecureContext: true,
  };

  const globals = globalThis as Record<string, unknown>;
  const saved = {
    window: globals['window'],
    location: globals['location'],
    localStorage: globals['localStorage'],
  };
  const promise = Promise as unknown as { withResolvers?: unknown };
  const hadWithResolvers = typeof promise.withResolvers === 'function';
  // Browsers have Promise.withResolvers; Node gained it in 22.
  promise.withResolvers ??= function withResolvers<T>() {
    let resolve!: (value: T) => void;
    let reject!: (reason: unknown) => void;
    const created = new Promise<T>((onResolve, onReject) => {
      resolve = onResolve;
      reject = onReject;
    });
    return { promise: created, resolve, reject };
  };
  Object.assign(globals, { window, location, localStorage });

  return {
    navigatedTo: () => navigated,
    setLocation(url: string) {
      href = url;
      navigated = undefined;
    },
    location: () => href,
    restore() {
      Object.assign(globals, saved);
      if (!hadWithResolvers) delete promise.withResolvers;
    },
  };
}
