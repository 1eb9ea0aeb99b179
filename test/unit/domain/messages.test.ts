import { describe, expect, it } from 'vitest';
import { IDEA_STATUSES, LANGUAGES } from '../../../shared/domain/idea.ts';
import { statusMessage } from '../../../shared/domain/messages.ts';

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
