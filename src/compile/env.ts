// Case environments as small arrays: each name has a slot fixed at compile time (see scope.ts), so a
// lookup is an index and binding one more variable copies a handful of values.
import type { Env } from './types.ts';
import type { Value } from './values.ts';

export const ROOT_ENV: Env = Object.freeze([]);

export function bindVar(env: Env, slot: number, value: Value): Env {
  const next = env.slice();
  next[slot] = value;
  return next;
}
