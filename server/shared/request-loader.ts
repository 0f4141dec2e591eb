// Per-request batching for fields that would otherwise query once per parent (a list of services
// each asking for its visiting sessions): the keys asked for in one tick of the event loop are
// loaded together in one statement, and the answers are kept for the rest of the request.
type Batch<Key, Value> = { keys: Set<Key>; promise: Promise<Map<Key, Value>> };

interface LoaderState<Key, Value> {
  pending: Batch<Key, Value> | null;
  done: Map<Key, Promise<Value | undefined>>;
}

const loadersByRequest = new WeakMap<object, Map<string, LoaderState<unknown, unknown>>>();

/**
 * Loads `key` together with the other keys of the same name asked for in this tick, within the
 * request `scope` (the GraphQL context). `loadMany` answers a map; a key it leaves out is undefined.
 */
export function loadInBatch<Key, Value>(
  scope: object,
  name: string,
  key: Key,
  loadMany: (keys: Key[]) => Promise<Map<Key, Value>>,
): Promise<Value | undefined> {
  let loaders = loadersByRequest.get(scope);
  if (!loaders) loadersByRequest.set(scope, (loaders = new Map()));
  let state = loaders.get(name) as LoaderState<Key, Value> | undefined;
  if (!state) {
    state = { pending: null, done: new Map() };
    loaders.set(name, state as LoaderState<unknown, unknown>);
  }
  const known = state.done.get(key);
  if (known) return known;
  if (!state.pending) {
    const keys = new Set<Key>();
    const current = state;
    const promise = new Promise<Map<Key, Value>>((resolve, reject) => {
      // Wait for the rest of this tick's fields to ask, then load them all at once.
      setImmediate(() => {
        current.pending = null;
        loadMany([...keys]).then(resolve, reject);
      });
    });
    state.pending = { keys, promise };
  }
  state.pending.keys.add(key);
  const value = state.pending.promise.then((values) => values.get(key));
  state.done.set(key, value);
  return value;
}
