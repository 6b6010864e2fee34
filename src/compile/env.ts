// Case environments as prototype chains: binding a variable costs one small object, not a copy of
// every binding (a year of daily periods for 300 children is 100k bindings).
import type { Env } from './types.ts';
import type { Value } from './values.ts';

export const ROOT_ENV: Env = Object.freeze(Object.create(null) as Env);

export function bindVar(env: Env, name: string, value: Value): Env {
  const next = Object.create(env) as Record<string, Value>;
  next[name] = value;
  return next;
}

/** Bindings outermost first (the `for` row before a `join` row), each name once (inner wins). */
export function envEntries(env: Env): [string, Value][] {
  const levels: Env[] = [];
  for (let e: Env | null = env; e !== null && e !== ROOT_ENV; e = Object.getPrototypeOf(e) as Env | null) levels.push(e);
  const seen = new Map<string, Value>();
  for (const level of levels.reverse()) for (const k of Object.keys(level)) { seen.delete(k); seen.set(k, level[k]!); }
  return [...seen];
}
