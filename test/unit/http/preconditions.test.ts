import { describe, expect, it, vi } from 'vitest';
import { PreconditionFailedError, PreconditionRequiredError, ValidationError } from '../../../shared/http/errors.ts';
import { matchesVersion } from '../../../shared/domain/versions.ts';
import { etag, ifMatch, parseIfMatch, versionToReplace } from '../../../shared/http/preconditions.ts';
import { httpEvent } from '../support/lambda.ts';
import { rejectionOf, thrownBy } from '../support/errors.ts';

describe('parseIfMatch', () => {
  it.each<[string, string, '*' | number[]]>([
    ['a strong ETag', '"3"', [3]],
    ['version 0 (the shipped gate settings)', '"0"', [0]],
    ['a list', '"2", "3"', [2, 3]],
    ['a list without spaces', '"2","3"', [2, 3]],
    ['a list with tabs and empty elements', '\t, "2" ,, "3",', [2, 3]],
    ['a list of two headers joined by API Gateway', '"1","4"', [1, 4]],
    ['a star', '*', '*'],
    ['a star with space around it', ' * ', '*'],
  ])('reads %s', (_case, header, expected) => {
    // Act
    const match = parseIfMatch(header);

    // Assess
    expect(match).toEqual(expected);
  });

  it.each<[string, string, number[]]>([
    ['a weak ETag', 'W/"3"', []],
    ['a weak and a strong ETag', 'W/"2", "3"', [3]],
    ['leading zeros', '"000000003"', []],
    ['a sign', '"+3"', []],
    ['an exponent', '"3e0"', []],
    ['a fraction', '"3.0"', []],
    ['text', '"abc"', []],
    ['an empty tag', '""', []],
    ['a comma inside a tag', '"3,4"', []],
    ['a number past what a version can be', '"1234567890123456789"', []],
  ])('keeps no version for a tag that a strong comparison cannot match to one this API issues: %s', (_case, header, expected) => {
    // Act
    const match = parseIfMatch(header);

    // Assess
    expect(match).toEqual(expected);
  });

  it.each<[string, string]>([
    ['a bare number', '3'],
    ['a version name', 'version-2'],
    ['an unclosed quote', '"3'],
    ['a lower-case weak prefix', 'w/"3"'],
    ['two tags without a comma', '"2" "3"'],
    ['a star in a list', '*, "3"'],
    ['a double quote inside a tag', '"3"4"'],
    ['a space inside the quotes', '" 3"'],
    ['text after a tag', '"3" x'],
    ['a control character in a tag', '"3\u0001"'],
    ['a character beyond Latin-1', '"3€"'],
  ])('calls %s malformed', (_case, header) => {
    // Act
    const match = parseIfMatch(header);

    // Assess
    expect(match).toBe('malformed');
  });

  it.each(['', '   ', ',', ' , ,'])('calls %j empty: it names no ETag', (header) => {
    // Act
    const match = parseIfMatch(header);

    // Assess
    expect(match).toBe('empty');
  });
});

describe('matchesVersion', () => {
  it.each<['*' | number[], number, boolean]>([
    [[3], 3, true],
    [[2, 3], 3, true],
    [[2], 3, false],
    [[], 3, false],
    ['*', 3, true],
    ['*', 0, true],
  ])('says whether %j accepts version %i: %s', (match, version, expected) => {
    // Act
    const matches = matchesVersion(match, version);

    // Assess
    expect(matches).toBe(expected);
  });

  it.each(['W/"3"', '"000000003"', '"03"'])('never accepts version 3 for If-Match %s (strong comparison)', (header) => {
    // Act
    const matches = matchesVersion(parseIfMatch(header) as number[], 3);

    // Assess
    expect(matches).toBe(false);
  });

  it('accepts exactly the version of the ETag this API sends', () => {
    // Act
    const matches = matchesVersion(parseIfMatch(etag(12)) as number[], 12);

    // Assess
    expect(matches).toBe(true);
  });
});

describe('ifMatch', () => {
  const withIfMatch = (value: string | undefined) => httpEvent({ headers: value === undefined ? {} : { 'if-match': value } });

  it('reads the versions of the If-Match header', () => {
    // Act
    const match = ifMatch(withIfMatch('"4", W/"5"'), 'da');

    // Assess
    expect(match).toEqual([4]);
  });

  it.each([undefined, '', ' , '])('requires If-Match with 428 when it is %j', (value) => {
    // Act
    const error = thrownBy(() => ifMatch(withIfMatch(value), 'da'));

    // Assess
    expect(error).toBeInstanceOf(PreconditionRequiredError);
  });

  it.each([
    ['da', 'Skal være * eller en eller flere ETags som "3", adskilt af komma'],
    ['en', 'Must be * or one or more ETags such as "3", separated by commas'],
  ] as const)('refuses a malformed If-Match with 400 on /if-match, in %s', (language, detail) => {
    // Act
    const error = thrownBy(() => ifMatch(withIfMatch('version-3'), language));

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).status).toBe(400);
    expect((error as ValidationError).errors).toEqual([{ pointer: '/if-match', detail }]);
  });

  it('lets a well-formed If-Match that names no version of ours through, to be refused with 412 once compared', () => {
    // Act
    const match = ifMatch(withIfMatch('W/"3"'), 'da');

    // Assess
    expect(match).toEqual([]);
  });
});

describe('versionToReplace', () => {
  it('takes the one listed version without reading, for the store to condition its write on', async () => {
    // Prepare
    const current = vi.fn(async () => 7);

    // Act
    const version = await versionToReplace([4], current);

    // Assess
    expect(version).toBe(4);
    expect(current).not.toHaveBeenCalled();
  });

  it.each<['*' | number[]]>([['*'], [[6, 7]]])('takes the current version when %j accepts it', async (match) => {
    // Act
    const version = await versionToReplace(match, async () => 7);

    // Assess
    expect(version).toBe(7);
  });

  it('answers 412 when no listed version is the current one', async () => {
    // Act
    const error = await rejectionOf(versionToReplace([5, 6], async () => 7));

    // Assess
    expect(error).toBeInstanceOf(PreconditionFailedError);
  });

  it('answers 412 without reading when nothing listed can match', async () => {
    // Prepare
    const current = vi.fn(async () => 7);

    // Act
    const error = await rejectionOf(versionToReplace([], current));

    // Assess
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(current).not.toHaveBeenCalled();
  });
});
