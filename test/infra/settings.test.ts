/**
 * The deployment settings (infra/settings.ts) as synth reads them: validated all at once, one
 * line per setting to fix, placeholders refused in production and warned about elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { CONTEXT, parseEnvironment, parseSettings, SettingsError, type EnvironmentName } from '../../infra/settings.ts';
import { CDK_JSON_CONTEXT, CONFIGURED } from './context.ts';

const SETTINGS: Record<string, unknown> = { ...CONFIGURED, [CONTEXT.mailSender]: 'idebanken@Ideer.Kommune.example' };

const parse = (environment: EnvironmentName, context: Record<string, unknown>) => parseSettings(environment, (key) => context[key]);

/** The lines of the error a parse fails with. */
function problemsOf(environment: EnvironmentName, context: Record<string, unknown>): readonly string[] {
  try {
    parse(environment, context);
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  throw new Error('The settings were accepted');
}

describe('a production synth', () => {
  it('fails with one line for each setting still the placeholder from cdk.json, all of them at once', () => {
    const problems = problemsOf('prod', CDK_JSON_CONTEXT);
    const placeholders = [CONTEXT.jwtIssuer, CONTEXT.jwtAudience, CONTEXT.mailSender, CONTEXT.triageTeamEmail, CONTEXT.operationsEmail, CONTEXT.webClientId, CONTEXT.webScope];

    expect(problems).toEqual(
      placeholders.map((key) => expect.stringContaining(`${key}: still the placeholder from cdk.json (a value on the reserved .invalid domain) (got ${JSON.stringify(CDK_JSON_CONTEXT[key])}). Expected `)),
    );
  });

  it('fails with one line for each missing setting, naming it and what it should be', () => {
    const problems = problemsOf('prod', {});

    expect(problems).toEqual([
      expect.stringMatching(/^spire:jwtIssuer: missing\. Expected the https URL of the identity provider's issuer/),
      expect.stringMatching(/^spire:jwtAudience: missing\. Expected the audience/),
      expect.stringMatching(/^spire:mailSender: missing\. Expected the From address/),
      expect.stringMatching(/^spire:triageTeamEmail: missing\. Expected the digitalisation team's shared address/),
      expect.stringMatching(/^spire:operationsEmail: missing\. Expected the address the operations alarms are e-mailed to/),
      expect.stringMatching(/^spire:webClientId: missing\. Expected the Application \(client\) ID of the pages' own app registration/),
      expect.stringMatching(/^spire:webScope: missing\. Expected the scopes the pages ask for/),
    ]);
  });

  it('names the environment and puts each problem on a line of its own', () => {
    expect(() => parse('prod', { ...SETTINGS, [CONTEXT.jwtIssuer]: undefined, [CONTEXT.operationsEmail]: '' })).toThrow(
      /^Spire's settings for the prod environment are not valid; set them in cdk\.json or with -c <key>=<value>:\n {2}spire:jwtIssuer: missing\.[^\n]*\n {2}spire:operationsEmail: missing\.[^\n]*$/,
    );
  });

  it.each([CONTEXT.jwtIssuer, CONTEXT.jwtAudience, CONTEXT.mailSender, CONTEXT.triageTeamEmail, CONTEXT.operationsEmail, CONTEXT.webClientId, CONTEXT.webScope])('fails when only %s is missing', (key) => {
    expect(problemsOf('prod', { ...SETTINGS, [key]: undefined })).toEqual([expect.stringMatching(new RegExp(`^${key}: missing`))]);
  });

  it('refuses Entra ID’s version 1 issuer, at which the pages could not sign in', () => {
    expect(() => parse('prod', { ...SETTINGS, [CONTEXT.jwtIssuer]: 'https://sts.windows.net/3f1c9a4e-0000-4000-8000-000000000000/' })).toThrow(
      /spire:jwtIssuer: is Entra ID’s version 1 issuer[^\n]*accessTokenAcceptedVersion to 2/,
    );
  });

  it('passes with every setting real, and warns about nothing', () => {
    const { settings, warnings } = parse('prod', SETTINGS);

    expect(settings).toEqual({
      environment: 'prod',
      jwtIssuer: SETTINGS[CONTEXT.jwtIssuer],
      jwtAudience: SETTINGS[CONTEXT.jwtAudience],
      rolesClaim: 'roles',
      mailSender: 'idebanken@Ideer.Kommune.example',
      mailDomain: 'ideer.kommune.example',
      createMailIdentity: true,
      triageTeamEmail: 'digitalisering@kommune.example',
      triageServiceLevelDays: 14,
      operationsEmail: 'drift@kommune.example',
      submitLimitPerHour: 20,
      supportLimitPerHour: 120,
      similarLimitPerHour: 300,
      retentionDays: 365,
      webClientId: SETTINGS[CONTEXT.webClientId],
      webScope: SETTINGS[CONTEXT.webScope],
      departments: [],
    });
    expect(warnings).toEqual([]);
  });
});

describe('a dev or test synth', () => {
  it.each(['dev', 'test'] as const)('%s passes with the placeholders of cdk.json, warning about each of them', (environment) => {
    const { warnings } = parse(environment, CDK_JSON_CONTEXT);

    expect(warnings.map((warning) => warning.id)).toEqual([
      'spire:jwtIssuerNotConfigured',
      'spire:jwtAudienceNotConfigured',
      'spire:mailSenderNotConfigured',
      'spire:triageTeamEmailNotConfigured',
      'spire:operationsEmailNotConfigured',
      'spire:webClientIdNotConfigured',
      'spire:webScopeNotConfigured',
    ]);
    expect(warnings[0]?.message).toMatch(/^Context spire:jwtIssuer is the placeholder https:\/\/spire-jwt-issuer-not-configured\.invalid: the deployed API will reject every token/);
  });

  it('still fails on a missing setting: a placeholder is a value, nothing is not', () => {
    expect(problemsOf('dev', { ...CDK_JSON_CONTEXT, [CONTEXT.jwtAudience]: undefined })).toEqual([expect.stringMatching(/^spire:jwtAudience: missing/)]);
  });
});

describe('each setting', () => {
  it.each([
    [CONTEXT.jwtIssuer, 'login.microsoftonline.com/tenant/v2.0', 'must be an https URL'],
    [CONTEXT.jwtIssuer, 'http://login.microsoftonline.com/tenant/v2.0', 'must be an https URL'],
    [CONTEXT.mailSender, 'idebanken', 'must be an e-mail address'],
    [CONTEXT.triageTeamEmail, 'digitalisering@kommune', 'must be an e-mail address'],
    [CONTEXT.operationsEmail, 'drift kommune.example', 'must be an e-mail address'],
    [CONTEXT.triageServiceLevelDays, '0', 'must be at least 1'],
    [CONTEXT.triageServiceLevelDays, '400', 'must be at most 365'],
    [CONTEXT.triageServiceLevelDays, 'two weeks', 'must be a whole number'],
    [CONTEXT.triageServiceLevelDays, 1.5, 'whole number'],
    [CONTEXT.createMailIdentity, 'maybe', 'must be true or false'],
    [CONTEXT.submitLimitPerHour, '0', 'must be at least 1'],
    [CONTEXT.supportLimitPerHour, '100001', 'must be at most 100000'],
    [CONTEXT.similarLimitPerHour, 'unlimited', 'must be a whole number'],
    [CONTEXT.submitLimitPerHour, 2.5, 'whole number'],
    [CONTEXT.rolesClaim, 42, 'must be text'],
    [CONTEXT.retentionDays, '29', 'must be at least 30'],
    [CONTEXT.retentionDays, '3651', 'must be at most 3650'],
    [CONTEXT.retentionDays, 'a year', 'must be a whole number'],
    [CONTEXT.webScope, 'api://spire/Spire.Access', 'must be scopes separated by spaces, including openid'],
    [CONTEXT.departments, 'Børn og Unge;X', 'each name must be at least 2 characters'],
    [CONTEXT.departments, `Teknik og Miljø;${'Ø'.repeat(81)}`, 'each name must be at most 80 characters'],
    [CONTEXT.departments, 'Børn og Unge;børn og unge', 'must not name a department twice'],
    [CONTEXT.departments, '["Børn og Unge",', 'must be a list of department names'],
    [CONTEXT.departments, [42], 'must be a list of department names'],
    [CONTEXT.departments, { name: 'Børn og Unge' }, 'must be a list of department names'],
    [CONTEXT.webAclArn, 'arn:aws:wafv2:eu-north-1:123456789012:regional/webacl/spire/a1b2', 'must be the ARN of a web ACL of scope CLOUDFRONT, in us-east-1'],
  ])('refuses %s = %j, saying why and showing the value', (key, value, why) => {
    const [problem] = problemsOf('dev', { ...SETTINGS, [key]: value });

    expect(problem).toContain(`${key}: `);
    expect(problem?.toLowerCase()).toContain(why.toLowerCase());
    expect(problem).toContain(JSON.stringify(value));
  });

  it('collects the problems of every setting, not just the first', () => {
    expect(problemsOf('dev', { ...SETTINGS, [CONTEXT.mailSender]: 'idebanken', [CONTEXT.triageServiceLevelDays]: '0', [CONTEXT.jwtIssuer]: 'http://x' })).toHaveLength(3);
  });

  it.each([
    ['10', 10],
    [10, 10],
    [' 30 ', 30],
    [undefined, 14],
  ])('reads the service level %j as %i days', (value, days) => {
    expect(parse('dev', { ...SETTINGS, [CONTEXT.triageServiceLevelDays]: value }).settings.triageServiceLevelDays).toBe(days);
  });

  it.each([
    ['false', false],
    [false, false],
    ['true', true],
    [undefined, true],
  ])('reads createMailIdentity %j as %s', (value, create) => {
    expect(parse('dev', { ...SETTINGS, [CONTEXT.createMailIdentity]: value }).settings.createMailIdentity).toBe(create);
  });

  it.each([
    [CONTEXT.submitLimitPerHour, 'submitLimitPerHour', '40', 40],
    [CONTEXT.supportLimitPerHour, 'supportLimitPerHour', 1000, 1000],
    [CONTEXT.similarLimitPerHour, 'similarLimitPerHour', ' 600 ', 600],
    [CONTEXT.submitLimitPerHour, 'submitLimitPerHour', undefined, 20],
    [CONTEXT.supportLimitPerHour, 'supportLimitPerHour', undefined, 120],
    [CONTEXT.similarLimitPerHour, 'similarLimitPerHour', undefined, 300],
  ] as const)('reads the per-person limit %s = %j as %s %i an hour', (key, name, value, limit) => {
    expect(parse('dev', { ...SETTINGS, [key]: value }).settings[name]).toBe(limit);
  });

  it('ships the default per-person limits in cdk.json', () => {
    expect(parse('dev', CDK_JSON_CONTEXT).settings).toMatchObject({ submitLimitPerHour: 20, supportLimitPerHour: 120, similarLimitPerHour: 300 });
  });

  it.each([
    ['a JSON array in cdk.json', ['Børn og Unge', 'Social, Sundhed og Ældre'], ['Børn og Unge', 'Social, Sundhed og Ældre']],
    ['names separated by ; from -c, a name holding a comma', ' Børn og Unge ; Social, Sundhed og Ældre;', ['Børn og Unge', 'Social, Sundhed og Ældre']],
    ['a JSON array from -c', '["Børn og Unge","Teknik og Miljø"]', ['Børn og Unge', 'Teknik og Miljø']],
    ['nothing', undefined, []],
    ['an empty text from -c', '', []],
  ])('reads the departments from %s', (_form, value, departments) => {
    expect(parse('dev', { ...SETTINGS, [CONTEXT.departments]: value }).settings.departments).toEqual(departments);
  });

  it('takes the pages’ client id and scopes as given', () => {
    expect(parse('dev', SETTINGS).settings).toMatchObject({ webClientId: SETTINGS[CONTEXT.webClientId], webScope: SETTINGS[CONTEXT.webScope] });
  });

  it('takes the roles claim as given', () => {
    expect(parse('dev', { ...SETTINGS, [CONTEXT.rolesClaim]: 'spire_roles' }).settings.rolesClaim).toBe('spire_roles');
  });
});

describe('parseEnvironment', () => {
  it.each([
    [undefined, 'dev'],
    ['dev', 'dev'],
    ['test', 'test'],
    ['prod', 'prod'],
  ])('reads -c env=%j as %s', (value, environment) => {
    expect(parseEnvironment(value)).toBe(environment);
  });

  it.each(['production', 'Prod', 'staging', ''])('refuses %j, naming the context key and the choices, so a typo cannot make an unprotected production stack', (value) => {
    expect(() => parseEnvironment(value)).toThrow(/^Context env must be one of dev, test, prod/);
  });
});
