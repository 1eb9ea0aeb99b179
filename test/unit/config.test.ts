import { describe, expect, it } from 'vitest';
import { ConfigurationError, intEnv, requireEnv, textEnv } from '../../shared/config.ts';

describe('requireEnv', () => {
  it('returns the value of a variable that is set', () => {
    // Prepare
    const env = { SPIRE_TABLE_NAME: 'spire-ideas' };

    // Act
    const value = requireEnv('SPIRE_TABLE_NAME', env);

    // Assess
    expect(value).toBe('spire-ideas');
  });

  it.each([
    ['missing', {}],
    ['empty', { SPIRE_TABLE_NAME: '' }],
    ['blank', { SPIRE_TABLE_NAME: '   ' }],
  ])('fails fast, naming the variable, when it is %s', (_case, env) => {
    // Act
    const read = () => requireEnv('SPIRE_TABLE_NAME', env);

    // Assess
    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow('Missing environment variable SPIRE_TABLE_NAME');
  });

  it('reads process.env by default', () => {
    // Act
    const value = requireEnv('SPIRE_TABLE_NAME');

    // Assess
    expect(value).toBe('spire-unit');
  });
});

describe('intEnv', () => {
  it.each([
    ['unset', {}, 120],
    ['empty', { N: '' }, 120],
    ['a whole number', { N: '30' }, 30],
    ['zero', { N: '0' }, 0],
  ])('reads %s', (_case, env, expected) => {
    // Act
    const value = intEnv('N', 120, env);

    // Assess
    expect(value).toBe(expected);
  });

  it.each(['-1', '1.5', 'two', '10s'])('refuses %j, naming the variable', (raw) => {
    // Act
    const read = () => intEnv('SPIRE_SWEEPER_MAX_REQUEUES', 5, { SPIRE_SWEEPER_MAX_REQUEUES: raw });

    // Assess
    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(/SPIRE_SWEEPER_MAX_REQUEUES/);
  });
});

describe('textEnv', () => {
  it.each([
    ['unset', {}, 'roles'],
    ['blank', { C: ' ' }, 'roles'],
    ['set', { C: 'spire_roles' }, 'spire_roles'],
  ])('reads %s', (_case, env, expected) => {
    // Act
    const value = textEnv('C', 'roles', env);

    // Assess
    expect(value).toBe(expected);
  });
});
