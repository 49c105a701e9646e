import type { Principal } from '../access/policy.js';
import type { Actor } from '../audit/audit.js';

/** The audit actor for a signed-in user or an API token. */
export function actorOf(principal: Principal): Actor {
  return principal.via === 'token'
    ? { type: 'token', id: principal.userId, label: `${principal.email} (API token)` }
    : { type: 'user', id: principal.userId, label: principal.email };
}
