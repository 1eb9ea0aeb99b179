import { describe, expect, it } from 'vitest';
import { ideaViewFor } from '../../../shared/domain/access.ts';
import type { Caller } from '../../../shared/domain/roles.ts';
import { anAnonymousIdea, anIdea, SUBMITTER_SUB } from '../support/ideas.ts';

const submitter: Caller = { sub: SUBMITTER_SUB, roles: ['employee'] };
const colleague: Caller = { sub: 'another-employee', roles: ['employee'] };
const triage: Caller = { sub: 'triage-person', roles: ['employee', 'triage'] };
const admin: Caller = { sub: 'system-owner', roles: ['employee', 'admin'] };

describe('ideaViewFor', () => {
  it('gives triage the staff view of any idea', () => {
    // Prepare
    const idea = anIdea();

    // Act
    const view = ideaViewFor(idea, triage, false);

    // Assess
    expect(view).toBe('staff');
  });

  it('gives the system owner the staff view', () => {
    // Prepare
    const idea = anIdea();

    // Act
    const view = ideaViewFor(idea, admin, false);

    // Assess
    expect(view).toBe('staff');
  });

  it('gives triage the staff view of an anonymous idea without a token', () => {
    // Prepare
    const idea = anAnonymousIdea('hash');

    // Act
    const view = ideaViewFor(idea, triage, false);

    // Assess
    expect(view).toBe('staff');
  });

  it('gives the submitter the submitter view of their own idea', () => {
    // Prepare
    const idea = anIdea();

    // Act
    const view = ideaViewFor(idea, submitter, false);

    // Assess
    expect(view).toBe('submitter');
  });

  it('hides an idea from another employee', () => {
    // Prepare
    const idea = anIdea();

    // Act
    const view = ideaViewFor(idea, colleague, false);

    // Assess
    expect(view).toBe('none');
  });

  it('gives the submitter view of an anonymous idea to whoever holds its follow-up token', () => {
    // Prepare
    const idea = anAnonymousIdea('hash');

    // Act
    const view = ideaViewFor(idea, colleague, true);

    // Assess
    expect(view).toBe('submitter');
  });

  it('hides an anonymous idea from an employee without its follow-up token', () => {
    // Prepare
    const idea = anAnonymousIdea('hash');

    // Act
    const view = ideaViewFor(idea, colleague, false);

    // Assess
    expect(view).toBe('none');
  });

  it('does not let a follow-up token open an idea that is not anonymous', () => {
    // Prepare
    const idea = anIdea({ followUpTokenHash: 'hash' });

    // Act
    const view = ideaViewFor(idea, colleague, true);

    // Assess
    expect(view).toBe('none');
  });
});
