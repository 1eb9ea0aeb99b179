import { describe, expect, it } from 'vitest';
import { isTriage, ROLES, type Caller, type Role } from '../../../shared/domain/roles.ts';

const caller = (...roles: Role[]): Caller => ({ sub: 'user-1', roles });

describe('ROLES', () => {
  it('names the four roles of the design', () => {
    // Act
    const roles = [...ROLES];

    // Assess
    expect(roles).toEqual(['employee', 'triage', 'director', 'admin']);
  });
});

describe('isTriage', () => {
  it.each<[Role[], boolean]>([
    [['employee', 'triage'], true],
    [['employee', 'admin'], true],
    [['employee', 'triage', 'admin'], true],
    [['employee'], false],
    [['employee', 'director'], false],
    [[], false],
  ])('with roles %j is %s', (roles, expected) => {
    // Act
    const actual = isTriage(caller(...roles));

    // Assess
    expect(actual).toBe(expected);
  });
});
