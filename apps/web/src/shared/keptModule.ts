/**
 * A chunk's export, loaded once and kept: `load` asks for it (every prefetch and the render go through
 * the same call), `loaded` says synchronously whether it is in. No React here: the entry's first
 * requests use it before React has arrived.
 */
export interface Kept<T> {
  load(): Promise<T>;
  loaded(): T | undefined;
}

export function kept<T>(importer: () => Promise<T>): Kept<T> {
  let value: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    load: () =>
      (loading ??= importer().then(
        (v) => (value = v),
        (error: unknown) => {
          loading = undefined; // a later call asks again (offline for a moment, a new version)
          throw error;
        },
      )),
    loaded: () => value,
  };
}
