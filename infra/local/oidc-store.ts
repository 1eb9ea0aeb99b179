/**
 * Where the local OpenID provider (./oidc.ts) keeps its sessions, interactions, grants, codes and
 * tokens: in memory, for as long as the runtime runs. A restart signs everyone out of the pages
 * (the access tokens already handed out stay valid: they are checked by signature alone).
 *
 * oidc-provider has a store like it built in, but warns on every start that it must be replaced
 * in production; this is that replacement for a provider that only ever runs on a laptop.
 */
import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

/** The models whose items belong to a grant and go when it is revoked (sign-out revokes the grant). */
const GRANTED = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest', 'PreAuthorizedCode']);

interface Entry {
  model: string;
  payload: AdapterPayload;
  /** Epoch milliseconds; Infinity for an item that does not expire. */
  expiresAt: number;
}

/** A store for one provider: every model's items in one map, keyed `<model>:<id>`. */
export function memoryStore(): AdapterFactory {
  const entries = new Map<string, Entry>();

  const dropExpired = (now: number) => {
    for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
  };
  const live = (key: string): AdapterPayload | undefined => {
    const entry = entries.get(key);
    if (entry === undefined || entry.expiresAt <= Date.now()) return undefined;
    return entry.payload;
  };
  const firstWhere = (model: string, test: (payload: AdapterPayload) => boolean): AdapterPayload | undefined => {
    const now = Date.now();
    for (const entry of entries.values()) if (entry.model === model && entry.expiresAt > now && test(entry.payload)) return entry.payload;
    return undefined;
  };

  return (model: string): Adapter => {
    const key = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        const now = Date.now();
        dropExpired(now);
        entries.set(key(id), { model, payload, expiresAt: expiresIn === undefined ? Infinity : now + expiresIn * 1000 });
      },
      async find(id) {
        return live(key(id));
      },
      async findByUid(uid) {
        return firstWhere(model, (payload) => payload.uid === uid);
      },
      async findByUserCode(userCode) {
        return firstWhere(model, (payload) => payload.userCode === userCode);
      },
      async consume(id) {
        const payload = live(key(id));
        if (payload !== undefined) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        entries.delete(key(id));
      },
      async revokeByGrantId(grantId) {
        for (const [itemKey, entry] of entries) if (GRANTED.has(entry.model) && entry.payload.grantId === grantId) entries.delete(itemKey);
      },
    };
  };
}
