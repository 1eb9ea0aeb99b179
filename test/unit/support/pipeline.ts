/** Reading the pipeline counter updates a store sends (shared/store/pipeline.ts) back as what they do. */

/** The shape of a transaction's Update item, as far as these helpers read it. */
export interface CounterUpdate {
  Key?: Record<string, unknown> | undefined;
  UpdateExpression?: string | undefined;
  ExpressionAttributeNames?: Record<string, string> | undefined;
  ExpressionAttributeValues?: Record<string, unknown> | undefined;
}

/** What one Update does, by attribute name (`c:…`, `e:…`, `type`): what it adds, sets and removes. */
export interface UpdateEffect {
  add: Record<string, unknown>;
  set: Record<string, unknown>;
  remove: string[];
}

/**
 * Interprets the `SET a = :v, … ADD b :v, … REMOVE c, …` expressions the counter updates use,
 * resolving every alias; throws on an alias that is not defined, so a broken expression fails the test.
 */
export function effectOf(update: CounterUpdate): UpdateEffect {
  const names = update.ExpressionAttributeNames ?? {};
  const values = update.ExpressionAttributeValues ?? {};
  const name = (alias: string) => {
    const resolved = names[alias];
    if (resolved === undefined) throw new Error(`Undefined name alias ${alias}`);
    return resolved;
  };
  const value = (alias: string) => {
    if (!(alias in values)) throw new Error(`Undefined value alias ${alias}`);
    return values[alias];
  };
  const effect: UpdateEffect = { add: {}, set: {}, remove: [] };
  for (const [, clause = '', body = ''] of (update.UpdateExpression ?? '').matchAll(/(SET|ADD|REMOVE) (.*?)(?= (?:SET|ADD|REMOVE) |$)/g)) {
    for (const action of body.split(', ')) {
      if (clause === 'SET') {
        const [target = '', source = ''] = action.split(' = ');
        effect.set[name(target)] = value(source);
      } else if (clause === 'ADD') {
        const [target = '', source = ''] = action.split(' ');
        effect.add[name(target)] = value(source);
      } else effect.remove.push(name(action));
    }
  }
  return effect;
}

/** The Update items of a transaction. */
export function updatesOf(items: readonly { Update?: CounterUpdate | undefined }[]): CounterUpdate[] {
  return items.flatMap((item) => (item.Update === undefined ? [] : [item.Update]));
}

/** The counters a set of counter updates adds, summed over their shards, by counter name (without `c:`); zero sums are left out. */
export function countersAdded(updates: readonly CounterUpdate[]): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const update of updates) {
    for (const [attribute, amount] of Object.entries(effectOf(update).add)) {
      if (!attribute.startsWith('c:')) throw new Error(`ADD of ${attribute}, which is no counter`);
      const key = attribute.slice(2);
      sums[key] = (sums[key] ?? 0) + Number(amount);
    }
  }
  for (const key of Object.keys(sums)) if (sums[key] === 0) delete sums[key];
  return sums;
}
