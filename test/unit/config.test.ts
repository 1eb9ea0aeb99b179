import { describe, expect, it } from 'vitest';
import { ConfigurationError, ENV, intEnv, requireEnv, serviceLevelDays, textEnv } from '../../shared/config.ts';

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

describe('serviceLevelDays', () => {
  it.each([
    ['unset', {}, 14],
    ['blank', { SPIRE_TRIAGE_SERVICE_LEVEL_DAYS: ' ' }, 14],
    ['set', { SPIRE_TRIAGE_SERVICE_LEVEL_DAYS: '10' }, 10],
  ])('reads the triage service level in days when %s', (_case, env, expected) => {
    // Act
    const days = serviceLevelDays(env);

    // Assess
    expect(days).toBe(expected);
  });

  it('refuses a value that is not a whole number of days, naming the variable', () => {
    // Act
    const read = () => serviceLevelDays({ SPIRE_TRIAGE_SERVICE_LEVEL_DAYS: '2 weeks' });

    // Assess
    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(/SPIRE_TRIAGE_SERVICE_LEVEL_DAYS/);
  });
});

describe('ENV', () => {
  it('names every variable once, each with the SPIRE_ prefix', () => {
    // Act
    const names = Object.values(ENV);

    // Assess
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((name) => !/^SPIRE_[A-Z_]+$/.test(name))).toEqual([]);
  });

  it('names the notify queue and mail settings the functions read', () => {
    // Assess
    expect(ENV).toMatchObject({
      notifyQueueUrl: 'SPIRE_NOTIFY_QUEUE_URL',
      mailSender: 'SPIRE_MAIL_SENDER',
      mailConfigurationSet: 'SPIRE_MAIL_CONFIGURATION_SET',
      triageTeamEmail: 'SPIRE_TRIAGE_TEAM_EMAIL',
      triageServiceLevelDays: 'SPIRE_TRIAGE_SERVICE_LEVEL_DAYS',
    });
  });
});
