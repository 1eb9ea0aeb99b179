import { describe, expect, it } from 'vitest';
import { menuPages, pageAccess, pipelineAccess } from '../../../web/src/session/access.ts';

describe('who gets the console', () => {
  it('gives triage and admin the inbox, a director the figures, and an employee nothing', () => {
    expect(pageAccess(['employee', 'triage'], 'home')).toBe('full');
    expect(pageAccess(['employee', 'admin'], 'home')).toBe('full');
    expect(pageAccess(['employee', 'director'], 'home')).toBe('read');
    expect(pageAccess(['employee'], 'home')).toBeUndefined();
    expect(pageAccess(['employee', 'director'], 'idea')).toBeUndefined();
  });

  it('lets the system owner change the strategy and the gate checklists, triage read both, and a director read the checklists', () => {
    expect(pageAccess(['employee', 'admin'], 'strategy')).toBe('full');
    expect(pageAccess(['employee', 'admin'], 'gates')).toBe('full');
    expect(pageAccess(['employee', 'triage'], 'strategy')).toBe('read');
    expect(pageAccess(['employee', 'triage'], 'gates')).toBe('read');
    expect(pageAccess(['employee', 'director'], 'strategy')).toBeUndefined();
    expect(pageAccess(['employee', 'director'], 'gates')).toBe('read');
    expect(pageAccess(['employee'], 'gates')).toBeUndefined();
  });

  it('gives a person with several roles the most any of them gives', () => {
    expect(pageAccess(['employee', 'director', 'triage'], 'home')).toBe('full');
    expect(pageAccess(['employee', 'triage', 'admin'], 'strategy')).toBe('full');
  });

  it('links the strategy for admin and triage, the gate checklists for them and the directors, and the pipeline for all three', () => {
    expect(menuPages(['employee', 'admin'])).toEqual(['home', 'strategy', 'gates', 'pipeline']);
    expect(menuPages(['employee', 'triage'])).toEqual(['home', 'strategy', 'gates', 'pipeline']);
    expect(menuPages(['employee', 'director'])).toEqual(['home', 'gates', 'pipeline']);
    expect(menuPages(['employee'])).toEqual([]);
  });
});

describe('who gets the pipeline', () => {
  it('lets the team and the directors read and decide, the team and the system owner edit, and nobody else in', () => {
    expect(pipelineAccess(['employee', 'director'])).toEqual({ read: true, decide: true, team: false });
    expect(pipelineAccess(['employee', 'triage'])).toEqual({ read: true, decide: true, team: true });
    expect(pipelineAccess(['employee', 'admin'])).toEqual({ read: true, decide: false, team: true });
    expect(pipelineAccess(['employee'])).toEqual({ read: false, decide: false, team: false });
  });

  it('gives a person with several roles the most any of them gives', () => {
    expect(pipelineAccess(['employee', 'director', 'admin'])).toEqual({ read: true, decide: true, team: true });
  });
});
