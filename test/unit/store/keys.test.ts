import { describe, expect, it } from 'vitest';
import { ideaEventKey, ideaKey, idempotencyKey, statusIndexKey, submitterIndexKey } from '../../../shared/store/keys.ts';

describe('table keys', () => {
  it('keeps an idea and its history in one partition', () => {
    // Act
    const idea = ideaKey('abc');
    const event = ideaEventKey('abc', 3);

    // Assess
    expect(idea).toEqual({ PK: 'IDEA#abc', SK: 'META' });
    expect(event.PK).toBe(idea.PK);
  });

  it('sorts history events by version as text, so version 10 comes after version 9', () => {
    // Prepare
    const versions = [10, 2, 9, 1, 100];

    // Act
    const sortKeys = versions.map((version) => ideaEventKey('abc', version).SK).sort();

    // Assess
    expect(sortKeys).toEqual(['EVENT#000001', 'EVENT#000002', 'EVENT#000009', 'EVENT#000010', 'EVENT#000100']);
  });

  it('keeps idempotency records out of idea partitions', () => {
    // Act
    const key = idempotencyKey('f00d');

    // Assess
    expect(key).toEqual({ PK: 'IDEMPOTENCY#f00d', SK: 'META' });
  });

  it('indexes an idea by status and time of the status change', () => {
    // Act
    const key = statusIndexKey('submitted', '2026-01-05T08:30:00.000Z', 'abc');

    // Assess
    expect(key).toEqual({ GSI1PK: 'STATUS#submitted', GSI1SK: '2026-01-05T08:30:00.000Z#abc' });
  });

  it('indexes an idea by submitter and time of creation', () => {
    // Act
    const key = submitterIndexKey('user-1', '2026-01-05T08:30:00.000Z', 'abc');

    // Assess
    expect(key).toEqual({ GSI2PK: 'SUBMITTER#user-1', GSI2SK: '2026-01-05T08:30:00.000Z#abc' });
  });
});
