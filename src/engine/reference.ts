// The reference path: the same compiled rules run by json-rules-engine (one Engine per requirement),
// derived facts added as dynamic facts over the runtime fact `$case`. Slow; the semantics oracle.
import { Engine } from 'json-rules-engine';
import { OPERATORS, type CompiledRule, type Value } from '../compile/index.ts';

export interface CaseFacts { fact(name: string): Value }

export class ReferenceJudge {
  private readonly engines: { item: string | null; engine: Engine }[];

  constructor(rule: CompiledRule) {
    this.engines = rule.requirements.map((q) => {
      const engine = new Engine([], { allowUndefinedFacts: false });
      for (const [name, fn] of Object.entries(OPERATORS)) engine.addOperator(name, (a: unknown, b: unknown) => fn(a as Value, b as Value));
      for (const name of rule.facts.keys()) {
        engine.addFact(name, async (_params, almanac) => ((await almanac.factValue('$case')) as CaseFacts).fact(name));
      }
      engine.addRule({ name: q.item ?? rule.id, conditions: q.conditions as never, event: { type: 'compliant' } });
      return { item: q.item, engine };
    });
  }

  /** The requirement items that fail for this case (null = the single requirement). */
  async failing(c: CaseFacts): Promise<(string | null)[]> {
    const out: (string | null)[] = [];
    for (const { item, engine } of this.engines) {
      const r = await engine.run({ $case: c });
      if (r.events.length === 0) out.push(item);
    }
    return out;
  }
}
