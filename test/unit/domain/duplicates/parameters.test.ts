import { describe, expect, it } from 'vitest';
import { BATCH_GET_MAX_ITEMS, DUPLICATE_INDEX, lookupReadBound } from '../../../../shared/domain/duplicates/parameters.ts';

describe('DUPLICATE_INDEX', () => {
  it('draws one MinHash value per band row and one more per band for its sort value', () => {
    // Act
    const { bands, rows, permutations } = DUPLICATE_INDEX;

    // Assess
    expect(permutations).toBe(bands * (rows + 1));
  });

  it('keeps an idea and its band items within one DynamoDB transaction, with room to spare', () => {
    // Prepare: TransactWriteItems takes at most 100 items; the idea, its event and its band items go together.
    const transactionItems = DUPLICATE_INDEX.bands + 2;

    // Act
    const fits = transactionItems <= 100 && DUPLICATE_INDEX.bands <= 30;

    // Assess
    expect(fits).toBe(true);
  });
});

describe('lookupReadBound', () => {
  it('bounds a lookup at two Queries per band and one BatchGetItem, whatever the number of stored ideas', () => {
    // Act
    const bound = lookupReadBound();

    // Assess
    expect(bound).toEqual({ queries: 2 * DUPLICATE_INDEX.bands, items: DUPLICATE_INDEX.bands * DUPLICATE_INDEX.maxCandidatesPerBand, batchGets: 1 });
    expect(bound.items).toBeLessThanOrEqual(BATCH_GET_MAX_ITEMS);
  });
});
