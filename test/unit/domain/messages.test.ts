import { describe, expect, it } from 'vitest';
import { DECLINE_REASONS, IDEA_STATUSES, LANGUAGES, REDIRECT_TARGETS, type IdeaDecision } from '../../../shared/domain/idea.ts';
import {
  commentMessage,
  DECLINE_REASON_LABELS,
  humanDate,
  IDEA_STATUS_LABELS,
  notificationEmail,
  REDIRECT_TARGET_LABELS,
  statusMessage,
  submitterMessage,
} from '../../../shared/domain/messages.ts';

const everyStatusInEveryLanguage = IDEA_STATUSES.flatMap((status) => LANGUAGES.map((language) => [status, language] as const));

describe('statusMessage', () => {
  it.each(everyStatusInEveryLanguage)('has a message for %s in %s', (status, language) => {
    // Act
    const message = statusMessage(status, language);

    // Assess
    expect(typeof message).toBe('string');
    expect(message.trim().length).toBeGreaterThan(10);
  });

  it.each(IDEA_STATUSES)('says %s differently in Danish and English', (status) => {
    // Act
    const da = statusMessage(status, 'da');
    const en = statusMessage(status, 'en');

    // Assess
    expect(da).not.toBe(en);
  });

  it.each(LANGUAGES)('gives every status its own message in %s', (language) => {
    // Act
    const messages = IDEA_STATUSES.map((status) => statusMessage(status, language));

    // Assess
    expect(new Set(messages).size).toBe(IDEA_STATUSES.length);
  });

  it('writes Danish with æ, ø and å, not their ASCII stand-ins', () => {
    // Act
    const submitted = statusMessage('submitted', 'da');
    const withdrawn = statusMessage('withdrawn', 'da');

    // Assess
    expect(submitted).toContain('idé');
    expect(withdrawn).toBe('Du har trukket din idé tilbage.');
  });
});

const BY = { sub: 'triage-1', name: 'Søren Ærø' };
const AT = '2026-02-03T10:15:00.000Z';

/** A decision as the idea keeps it, taken by a named member of staff. */
function aDecision(decision: Omit<IdeaDecision, 'at' | 'by'>): IdeaDecision {
  return { at: AT, by: BY, ...decision };
}

describe('DECLINE_REASON_LABELS', () => {
  it.each(DECLINE_REASONS.flatMap((reason) => LANGUAGES.map((language) => [reason, language] as const)))('names the reason %s in %s', (reason, language) => {
    // Act
    const label = DECLINE_REASON_LABELS[reason][language];

    // Assess
    expect(label.trim().length).toBeGreaterThan(2);
    expect(label).not.toContain('_');
  });

  it.each(LANGUAGES)('gives every reason its own label in %s', (language) => {
    // Act
    const labels = DECLINE_REASONS.map((reason) => DECLINE_REASON_LABELS[reason][language]);

    // Assess
    expect(new Set(labels).size).toBe(DECLINE_REASONS.length);
  });

  it('labels exactly the known reasons', () => {
    // Act
    const reasons = Object.keys(DECLINE_REASON_LABELS);

    // Assess
    expect(reasons.sort()).toEqual([...DECLINE_REASONS].sort());
  });
});

describe('REDIRECT_TARGET_LABELS', () => {
  it.each(REDIRECT_TARGETS.flatMap((target) => LANGUAGES.map((language) => [target, language] as const)))('names the target %s in %s', (target, language) => {
    // Act
    const label = REDIRECT_TARGET_LABELS[target][language];

    // Assess
    expect(label.trim().length).toBeGreaterThan(1);
    expect(label).not.toContain('_');
  });

  it('labels exactly the known targets', () => {
    // Act
    const targets = Object.keys(REDIRECT_TARGET_LABELS);

    // Assess
    expect(targets.sort()).toEqual([...REDIRECT_TARGETS].sort());
  });
});

describe('humanDate', () => {
  it('writes a day the Danish way', () => {
    // Act
    const text = humanDate('2027-03-01', 'da');

    // Assess
    expect(text).toBe('1. marts 2027');
  });

  it('writes a day the British way', () => {
    // Act
    const text = humanDate('2027-03-01', 'en');

    // Assess
    expect(text).toBe('1 March 2027');
  });

  it.each([
    ['2027-01-01', '1. januar 2027'],
    ['2026-12-31', '31. december 2026'],
    ['2026-03-29', '29. marts 2026'],
    ['2026-10-25', '25. oktober 2026'],
  ])('keeps the day %s as it is, whatever the time zone', (day, text) => {
    // Act
    const written = humanDate(day, 'da');

    // Assess
    expect(written).toBe(text);
  });
});

describe('submitterMessage', () => {
  it.each(everyStatusInEveryLanguage)('is the status message for %s in %s when triage has added nothing', (status, language) => {
    // Act
    const message = submitterMessage(status, undefined, language);

    // Assess
    expect(message).toBe(statusMessage(status, language));
  });

  it('adds triage’s question in Danish, with æ, ø and å intact', () => {
    // Prepare
    const decision = aDecision({ kind: 'needs_info', message: 'Hvor mange på plejecentret bruger systemet på én vagt?' });

    // Act
    const message = submitterMessage('needs_info', decision, 'da');

    // Assess
    expect(message).toBe(`${statusMessage('needs_info', 'da')}\n\nSpørgsmål: Hvor mange på plejecentret bruger systemet på én vagt?`);
  });

  it('adds triage’s question in English', () => {
    // Prepare
    const decision = aDecision({ kind: 'needs_info', message: 'Which three systems are they?' });

    // Act
    const message = submitterMessage('needs_info', decision, 'en');

    // Assess
    expect(message).toBe(`${statusMessage('needs_info', 'en')}\n\nQuestion: Which three systems are they?`);
  });

  it('asks the question once, not again as a message', () => {
    // Prepare
    const decision = aDecision({ kind: 'needs_info', message: 'Hvilke systemer?' });

    // Act
    const message = submitterMessage('needs_info', decision, 'da');

    // Assess
    expect(message.split('Hvilke systemer?')).toHaveLength(2);
  });

  it('adds the reason for a decline by its Danish label, then triage’s message', () => {
    // Prepare
    const decision = aDecision({ kind: 'decline', reasonCode: 'legal_or_compliance', message: 'Persondata må ikke ligge i et regneark.' });

    // Act
    const message = submitterMessage('declined', decision, 'da');

    // Assess
    expect(message).toBe(
      [statusMessage('declined', 'da'), 'Begrundelse: Lovgivning eller databeskyttelse står i vejen.', 'Persondata må ikke ligge i et regneark.'].join('\n\n'),
    );
  });

  it('adds the reason for a decline by its English label', () => {
    // Prepare
    const decision = aDecision({ kind: 'decline', reasonCode: 'no_capacity', message: 'Perhaps next year.' });

    // Act
    const message = submitterMessage('declined', decision, 'en');

    // Assess
    expect(message).toBe([statusMessage('declined', 'en'), 'Reason: We do not have the capacity right now.', 'Perhaps next year.'].join('\n\n'));
  });

  it.each(DECLINE_REASONS)('never shows the reason code %s itself', (reasonCode) => {
    // Prepare
    const decision = aDecision({ kind: 'decline', reasonCode, message: 'Tak for idéen.' });

    // Act
    const message = submitterMessage('declined', decision, 'da');

    // Assess
    expect(message).toContain(DECLINE_REASON_LABELS[reasonCode].da);
    expect(message).not.toContain(reasonCode);
  });

  it('says where a redirected request went, in Danish', () => {
    // Prepare
    const decision = aDecision({ kind: 'redirect', redirectTo: 'it_support', message: 'Ring på 1234, så hjælper de dig.' });

    // Act
    const message = submitterMessage('redirected', decision, 'da');

    // Assess
    expect(message).toBe([statusMessage('redirected', 'da'), 'Den er sendt videre til IT-support.', 'Ring på 1234, så hjælper de dig.'].join('\n\n'));
  });

  it('says where a redirected request went, in English', () => {
    // Prepare
    const decision = aDecision({ kind: 'redirect', redirectTo: 'existing_project', message: 'The project team will contact you.' });

    // Act
    const message = submitterMessage('redirected', decision, 'en');

    // Assess
    expect(message).toContain('It has been passed on to a project already under way.');
    expect(message.endsWith('The project team will contact you.')).toBe(true);
  });

  it('says when a parked idea comes back, as a Danish date', () => {
    // Prepare
    const decision = aDecision({ kind: 'park', revisitOn: '2027-03-01' });

    // Act
    const message = submitterMessage('parked', decision, 'da');

    // Assess
    expect(message).toBe(`${statusMessage('parked', 'da')}\n\nVi ser på den igen omkring 1. marts 2027.`);
  });

  it('says when a parked idea comes back, as an English date, before triage’s message', () => {
    // Prepare
    const decision = aDecision({ kind: 'park', revisitOn: '2027-03-01', message: 'The budget for next year is not set yet.' });

    // Act
    const message = submitterMessage('parked', decision, 'en');

    // Assess
    expect(message).toBe([statusMessage('parked', 'en'), 'We will look at it again around 1 March 2027.', 'The budget for next year is not set yet.'].join('\n\n'));
  });

  it('adds triage’s message to an accepted idea', () => {
    // Prepare
    const decision = aDecision({ kind: 'accept', message: 'Vi starter på Solgården i marts.' });

    // Act
    const message = submitterMessage('accepted', decision, 'da');

    // Assess
    expect(message).toBe(`${statusMessage('accepted', 'da')}\n\nVi starter på Solgården i marts.`);
  });

  it('adds nothing to an accepted idea when triage wrote nothing', () => {
    // Prepare
    const decision = aDecision({ kind: 'accept', pilotId: 'pilot-1' });

    // Act
    const message = submitterMessage('accepted', decision, 'da');

    // Assess
    expect(message).toBe(statusMessage('accepted', 'da'));
  });

  it('adds triage’s message to a merged idea', () => {
    // Prepare
    const decision = aDecision({ kind: 'duplicate', mergedInto: 'other-idea', message: 'Følg den anden idé i stedet.' });

    // Act
    const message = submitterMessage('duplicate', decision, 'da');

    // Assess
    expect(message).toBe(`${statusMessage('duplicate', 'da')}\n\nFølg den anden idé i stedet.`);
  });

  it('ignores a park decision once the idea is back in triage', () => {
    // Prepare
    const decision = aDecision({ kind: 'park', revisitOn: '2027-03-01', message: 'Vi venter på budgettet.' });

    // Act
    const message = submitterMessage('in_triage', decision, 'da');

    // Assess
    expect(message).toBe(statusMessage('in_triage', 'da'));
  });

  it('ignores the question once the submitter has answered and the idea is back in triage', () => {
    // Prepare
    const decision = aDecision({ kind: 'needs_info', message: 'Hvilke systemer?' });

    // Act
    const message = submitterMessage('in_triage', decision, 'en');

    // Assess
    expect(message).toBe(statusMessage('in_triage', 'en'));
  });

  it('ignores a decline decision shown with another status', () => {
    // Prepare
    const decision = aDecision({ kind: 'decline', reasonCode: 'not_feasible', message: 'Ikke muligt.' });

    // Act
    const message = submitterMessage('withdrawn', decision, 'da');

    // Assess
    expect(message).toBe(statusMessage('withdrawn', 'da'));
  });

  it('never names the member of staff who decided', () => {
    // Prepare
    const decision = aDecision({ kind: 'decline', reasonCode: 'out_of_scope', message: 'Tak for idéen.' });

    // Act
    const message = submitterMessage('declined', decision, 'da');

    // Assess
    expect(message).not.toContain('Søren Ærø');
    expect(message).not.toContain('triage-1');
  });
});

describe('commentMessage', () => {
  it('presents a comment as a message from the team, in Danish', () => {
    // Act
    const message = commentMessage('Vi har talt med leverandøren – det ser lovende ud.', 'da');

    // Assess
    expect(message).toBe('Besked fra digitaliseringsteamet:\n\nVi har talt med leverandøren – det ser lovende ud.');
  });

  it('presents a comment as a message from the team, in English', () => {
    // Act
    const message = commentMessage('We spoke to the supplier.', 'en');

    // Assess
    expect(message).toBe('Message from the digitalisation team:\n\nWe spoke to the supplier.');
  });
});

describe('notificationEmail', () => {
  it('greets the submitter by name and names the idea, in Danish', () => {
    // Act
    const email = notificationEmail({ title: 'Færre klik i journalen', submitterName: 'Birthe Sørensen' }, 'Godt nyt: din idé er valgt.', 'da');

    // Assess
    expect(email).toEqual({
      subject: 'Nyt om din idé: Færre klik i journalen',
      text: 'Hej Birthe Sørensen,\n\nGodt nyt: din idé er valgt.\n\nDin idé: »Færre klik i journalen«\n\nVenlig hilsen\nDigitaliseringsteamet',
    });
  });

  it('greets the submitter by name and names the idea, in English', () => {
    // Act
    const email = notificationEmail({ title: 'Fewer clicks', submitterName: 'Ann' }, 'Good news.', 'en');

    // Assess
    expect(email).toEqual({
      subject: 'News about your idea: Fewer clicks',
      text: 'Hello Ann,\n\nGood news.\n\nYour idea: »Fewer clicks«\n\nKind regards\nThe digitalisation team',
    });
  });

  it.each([
    ['da', 'Hej,'],
    ['en', 'Hello,'],
  ] as const)('greets a submitter without a name plainly in %s', (language, greeting) => {
    // Act
    const email = notificationEmail({ title: 'Færre klik' }, 'Besked.', language);

    // Assess
    expect(email.text.startsWith(`${greeting}\n\n`)).toBe(true);
    expect(email.text).not.toContain('undefined');
  });

  it('carries the whole message, blank lines included', () => {
    // Prepare
    const message = submitterMessage('parked', aDecision({ kind: 'park', revisitOn: '2027-03-01', message: 'Vi venter på budgettet.' }), 'da');

    // Act
    const email = notificationEmail({ title: 'Færre klik' }, message, 'da');

    // Assess
    expect(email.text).toContain(message);
  });
});

describe('IDEA_STATUS_LABELS', () => {
  it.each(IDEA_STATUSES)('names %s in both languages, addressed to nobody, as a reader of another person’s idea may see it', (status) => {
    for (const language of LANGUAGES) {
      const label = IDEA_STATUS_LABELS[status][language];
      expect(label.length).toBeGreaterThan(0);
      expect(label).not.toMatch(/\b(din|dig|du|your|you)\b/i);
    }
  });
});
