import { describe, expect, it } from 'vitest';
import { isPseudonym, learnTraces, newPseudonym, pseudonymised, REDACTED, type PersonTraces } from '../../../shared/domain/erasure.ts';
import { DEFAULT_RETENTION_DAYS, retentionCutoff } from '../../../shared/domain/retention.ts';

const SUB = '7f3c9a2e-5b1d-4e8a-9c6f-0d2b4a8e1f35';
const HASH = 'a'.repeat(64);
const ANNA: PersonTraces = { sub: SUB, names: ['Anna Sørensen'], emails: ['anna.sorensen@aarhus.example'], hashes: [HASH] };
const P = 'erased-1';

describe('pseudonymised', () => {
  it('keeps a reference to the person under the pseudonym, without their name or address', () => {
    // Act
    const actual = pseudonymised({ submitter: { sub: SUB, name: 'Anna Sørensen', email: 'anna.sorensen@aarhus.example' } }, ANNA, P);

    // Assess
    expect(actual).toEqual({ submitter: { sub: P } });
  });

  it.each([
    ['an actor in the history', { actor: { kind: 'submitter', sub: SUB, name: 'Anna Sørensen' } }, { actor: { kind: 'submitter', sub: P } }],
    ['a comment’s author', { author: { sub: SUB, name: 'Anna Sørensen' }, text: 'Ok' }, { author: { sub: P }, text: 'Ok' }],
    ['a decision’s maker, nested', { decision: { kind: 'decline', by: { sub: SUB, name: 'Anna' } } }, { decision: { kind: 'decline', by: { sub: P } } }],
    ['people in a list', { owners: [{ sub: SUB, name: 'Anna Sørensen' }, { sub: 'other', name: 'Bent' }] }, { owners: [{ sub: P }, { sub: 'other', name: 'Bent' }] }],
  ])('finds the person wherever they are referred to: %s', (_case, value, expected) => {
    // Act
    const actual = pseudonymised(value, ANNA, P);

    // Assess
    expect(actual).toEqual(expected);
  });

  it('replaces the subject inside an index key with the pseudonym', () => {
    // Act
    const actual = pseudonymised({ GSI2PK: `SUBMITTER#${SUB}`, SK: `SUPPORTER#${HASH}` }, ANNA, P);

    // Assess
    expect(actual).toEqual({ GSI2PK: `SUBMITTER#${P}`, SK: `SUPPORTER#${P}` });
  });

  it('never replaces an identifier inside a longer one', () => {
    // Prepare
    const traces: PersonTraces = { sub: 'anna', names: [], emails: [], hashes: [] };

    // Act
    const actual = pseudonymised({ text: 'Susanna og anna-marie, men anna selv', key: 'SUBMITTER#anna' }, traces, P);

    // Assess
    expect(actual).toEqual({ text: `Susanna og anna-marie, men ${P} selv`, key: `SUBMITTER#${P}` });
  });

  it('replaces the name and the address inside text, whatever their case', () => {
    // Act
    const actual = pseudonymised({ text: 'Hej ANNA SØRENSEN, skriv til Anna.Sorensen@Aarhus.example.' }, ANNA, P);

    // Assess
    expect(actual).toEqual({ text: `Hej ${REDACTED}, skriv til ${REDACTED}.` });
  });

  it('finds a name written in decomposed form (e.g. ø as o + combining stroke)', () => {
    // Prepare
    const traces: PersonTraces = { ...ANNA, names: ['Åse Ærø'] };

    // Act
    const actual = pseudonymised({ text: `Tak, ${'Åse Ærø'.normalize('NFD')}!` }, traces, P);

    // Assess
    expect(actual).toEqual({ text: `Tak, ${REDACTED}!` });
  });

  it('replaces a name only where it stands as a word: Anna is not replaced in Annabel', () => {
    // Prepare
    const traces: PersonTraces = { sub: SUB, names: ['Anna'], emails: [], hashes: [] };

    // Act
    const actual = pseudonymised({ text: 'Annabel og Anna.' }, traces, P);

    // Assess
    expect(actual).toEqual({ text: `Annabel og ${REDACTED}.` });
  });

  it('leaves names shorter than three letters in text alone, but not on the person’s reference', () => {
    // Prepare
    const traces: PersonTraces = { sub: SUB, names: ['Bo'], emails: [], hashes: [] };

    // Act
    const actual = pseudonymised({ text: 'Bo bor i Bogense', by: { sub: SUB, name: 'Bo' } }, traces, P);

    // Assess
    expect(actual).toEqual({ text: 'Bo bor i Bogense', by: { sub: P } });
  });

  it('returns what holds no trace unchanged, with æ, ø and å intact', () => {
    // Prepare
    const value = { title: 'Nøglebokse på Åbyhøj plejecenter', count: 3, flags: [true, null] };

    // Act
    const actual = pseudonymised(value, ANNA, P);

    // Assess
    expect(actual).toEqual(value);
  });

  it('treats characters that mean something in a pattern as plain text', () => {
    // Prepare
    const traces: PersonTraces = { sub: 'a.b*c', names: ['(Anna)+'], emails: [], hashes: [] };

    // Act
    const actual = pseudonymised({ text: 'axbyc (Anna)+ a.b*c' }, traces, P);

    // Assess
    expect(actual).toEqual({ text: `axbyc ${REDACTED} ${P}` });
  });
});

describe('pseudonymised, as the test of whether a value names the person', () => {
  it.each([
    ['the subject alone on a reference without a name', { by: { sub: SUB } }, true],
    ['the address inside an e-mail’s text', { text: 'Sendt til anna.sorensen@aarhus.example' }, true],
    ['a supporter hash in a key', { SK: `SUPPORTER#${HASH}` }, true],
    ['another person', { by: { sub: 'someone-else', name: 'Bent Ørsted' } }, false],
    ['a pseudonym an erasure left', { by: { sub: 'erased-1' } }, false],
  ])('%s: changed %s', (_case, value, expected) => {
    // Act
    const actual = JSON.stringify(pseudonymised(value, ANNA, 'erased-2')) !== JSON.stringify(value);

    // Assess
    expect(actual).toBe(expected);
  });

  it('leaves nothing to change a second time', () => {
    // Prepare
    const value = { submitter: { sub: SUB, name: 'Anna Sørensen' }, text: 'Kære Anna Sørensen', GSI2PK: `SUBMITTER#${SUB}` };
    const once = pseudonymised(value, ANNA, P);

    // Act
    const twice = pseudonymised(once, ANNA, P);

    // Assess
    expect(twice).toEqual(once);
    expect(JSON.stringify(once)).not.toMatch(/Anna|7f3c9a2e/);
  });

  it('uses the traces it is given, also when the same traces object meets another pseudonym', () => {
    // Act
    const [first, second] = [pseudonymised({ by: SUB }, ANNA, 'erased-a'), pseudonymised({ by: SUB }, ANNA, 'erased-b')];

    // Assess
    expect([first, second]).toEqual([{ by: 'erased-a' }, { by: 'erased-b' }]);
  });
});

describe('learnTraces', () => {
  it('adds the names and addresses stored with the person’s references, and nobody else’s', () => {
    // Prepare
    const traces: PersonTraces = { sub: SUB, names: [], emails: [], hashes: [] };
    const items = [{ submitter: { sub: SUB, name: 'Anna S. Sørensen', email: 'as@aarhus.example' } }, { actor: { sub: 'other', name: 'Bent' } }];

    // Act
    const actual = learnTraces(traces, items);

    // Assess
    expect(actual.names).toEqual(['Anna S. Sørensen']);
    expect(actual.emails).toEqual(['as@aarhus.example']);
  });
});

describe('newPseudonym', () => {
  it('is random, and recognisable as a pseudonym', () => {
    // Act
    const [a, b] = [newPseudonym(), newPseudonym()];

    // Assess
    expect(a).not.toBe(b);
    expect(isPseudonym(a)).toBe(true);
    expect(isPseudonym(SUB)).toBe(false);
  });
});

describe('retentionCutoff', () => {
  it('is the time the retention period before now, so every idea that ended earlier sorts before it', () => {
    // Act
    const actual = retentionCutoff(new Date('2027-12-06T10:00:00.000Z'), DEFAULT_RETENTION_DAYS);

    // Assess
    expect(actual).toBe('2026-12-06T10:00:00.000Z');
    expect('2026-12-06T09:59:59.999Z#id' < actual).toBe(true);
    expect('2026-12-06T10:00:00.001Z#id' < actual).toBe(false);
  });

  it.each([0, 29, 30.5, -1])('refuses a retention period of %s days', (days) => {
    // Act / Assess
    expect(() => retentionCutoff(new Date(), days)).toThrow(RangeError);
  });
});
