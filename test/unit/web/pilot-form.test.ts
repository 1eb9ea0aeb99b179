/**
 * The team's pilot form's pure rules for the title and the artefacts (web/src/pages/pipeline/pilot-form.ts):
 * what is sent (the title only when changed, the artefacts whole only when the list changed), the
 * faults found before sending at the API's pointers, the faults after an artefact is removed, and a
 * pilot read again merged under what was typed.
 */
import { describe, expect, it } from 'vitest';
import type { PilotDocument } from '../../../web/src/api/types.ts';
import { errorsAfterRemoval, isWebAddress, newArtefact, pilotFormOf, pilotPatch, rebasedForm, type PilotForm, type PilotFormTexts } from '../../../web/src/pages/pipeline/pilot-form.ts';

const TEXTS: PilotFormTexts = {
  required: 'required',
  minChars: (min) => `min ${min}`,
  maxChars: (max) => `max ${max}`,
  maxItems: (max) => `at most ${max}`,
  wholeNumber: 'whole',
  partRequired: 'part',
  url: 'url',
  artefactNeedsContent: 'link or text',
};

const STORYBOARD = { kind: 'storyboard' as const, title: 'Storyboard fra designsprinten på Ærøhøj', url: 'https://intranet.kommune.example/spire/storyboard' };
const NOTES = { kind: 'test_notes' as const, title: 'Testnoter uge 12', text: 'Fem brugere prøvede løsningen; tre fandt knappen med det samme.' };

function pilot(fields: Partial<PilotDocument> = {}): PilotDocument {
  return {
    id: '6f1c3c9e-0000-4000-8000-000000000001',
    title: 'Talegenkendelse på Ærøhøj',
    stage: 'sprint',
    stageEnteredAt: '2026-03-07T12:00:00Z',
    department: 'Hjemmeplejen Åbyhøj',
    themes: ['automatisering'],
    ideaIds: [],
    createdAt: '2026-03-07T12:00:00Z',
    updatedAt: '2026-03-07T12:00:00Z',
    description: 'Kørelister skrives i hånden.',
    language: 'da',
    reachedStages: ['sprint'],
    artefacts: [STORYBOARD, NOTES],
    createdBy: { sub: 'jonas' },
    version: 3,
    daysInStage: 3,
    nextGate: null,
    gates: [],
    history: [],
    ...fields,
  } as unknown as PilotDocument;
}

/** The form as read from the pilot, with the changes given. */
function formOf(read: PilotDocument, change: (form: PilotForm) => Partial<PilotForm>): PilotForm {
  const form = pilotFormOf(read);
  return { ...form, ...change(form) };
}

describe('the pilot’s title in the form', () => {
  it('is sent, cleaned, when it was changed', () => {
    // Arrange
    const read = pilot();
    const form = formOf(read, () => ({ title: '  Talegenkendelse i hjemmeplejen på Ærø ' }));

    // Act
    const { errors, patch } = pilotPatch(form, read, TEXTS);

    // Assess
    expect(errors).toEqual([]);
    expect(patch).toEqual({ title: 'Talegenkendelse i hjemmeplejen på Ærø' });
  });

  it('is not sent when it is as read, spaces around it aside', () => {
    // Arrange
    const read = pilot();
    const form = formOf(read, (was) => ({ title: ` ${was.title}  ` }));

    // Act
    const { errors, patch } = pilotPatch(form, read, TEXTS);

    // Assess
    expect(errors).toEqual([]);
    expect(patch).toEqual({});
  });

  it('is refused empty, too short or too long at /title, with the API’s limits', () => {
    // Arrange
    const read = pilot();

    // Act
    const faults = ['  ', 'Æø', 'Å'.repeat(121)].map((title) => pilotPatch(formOf(read, () => ({ title })), read, TEXTS).errors);

    // Assess
    expect(faults).toEqual([[{ pointer: '/title', detail: 'required' }], [{ pointer: '/title', detail: 'min 3' }], [{ pointer: '/title', detail: 'max 120' }]]);
  });
});

describe('the artefacts in the form', () => {
  it('are read from the pilot, a link or text not given as empty', () => {
    // Arrange
    const read = pilot();

    // Act
    const { artefacts } = pilotFormOf(read);

    // Assess
    expect(artefacts.map(({ kind, title, url, text }) => ({ kind, title, url, text }))).toEqual([
      { ...STORYBOARD, text: '' },
      { ...NOTES, url: '' },
    ]);
    expect(new Set(artefacts.map((artefact) => artefact.key)).size).toBe(2);
  });

  it('are not sent when the list is as read, so the key is left out', () => {
    // Arrange
    const read = pilot();
    const form = formOf(read, (was) => ({ riskLevel: 'low', artefacts: was.artefacts.map((artefact) => ({ ...artefact, title: ` ${artefact.title} ` })) }));

    // Act
    const { errors, patch } = pilotPatch(form, read, TEXTS);

    // Assess
    expect(errors).toEqual([]);
    expect(patch).toEqual({ riskLevel: 'low' });
    expect('artefacts' in patch).toBe(false);
  });

  it('are sent whole when one is added, a link or text left empty left out', () => {
    // Arrange
    const read = pilot();
    const added = { ...newArtefact(), kind: 'prototype' as const, title: ' Klikbar prototype – første udkast ', url: ' https://www.figma.com/proto/abc?node=1 ' };
    const form = formOf(read, (was) => ({ artefacts: [...was.artefacts, added] }));

    // Act
    const { errors, patch } = pilotPatch(form, read, TEXTS);

    // Assess
    expect(errors).toEqual([]);
    expect(patch).toEqual({
      artefacts: [STORYBOARD, NOTES, { kind: 'prototype', title: 'Klikbar prototype – første udkast', url: 'https://www.figma.com/proto/abc?node=1' }],
    });
  });

  it('are sent whole when one is removed, an empty list included', () => {
    // Arrange
    const read = pilot();

    // Act
    const oneLeft = pilotPatch(formOf(read, (was) => ({ artefacts: was.artefacts.slice(1) })), read, TEXTS);
    const none = pilotPatch(formOf(read, () => ({ artefacts: [] })), read, TEXTS);

    // Assess
    expect(oneLeft.patch).toEqual({ artefacts: [NOTES] });
    expect(none.patch).toEqual({ artefacts: [] });
  });

  it('are sent whole when one is edited: its kind, link or text', () => {
    // Arrange
    const read = pilot();
    const form = formOf(read, (was) => ({
      artefacts: was.artefacts.map((artefact, index) => (index === 1 ? { ...artefact, kind: 'evaluation' as const, url: 'https://intranet.kommune.example/evaluering', text: '' } : artefact)),
    }));

    // Act
    const { errors, patch } = pilotPatch(form, read, TEXTS);

    // Assess
    expect(errors).toEqual([]);
    expect(patch).toEqual({ artefacts: [STORYBOARD, { kind: 'evaluation', title: 'Testnoter uge 12', url: 'https://intranet.kommune.example/evaluering' }] });
  });

  it('are refused at the API’s pointers: a title missing, a link that is no web address, neither link nor text at the artefact', () => {
    // Arrange
    const read = pilot({ artefacts: [] });
    const form = formOf(read, () => ({
      artefacts: [
        { ...newArtefact(), title: 'Storyboard', url: 'javascript:alert(1)' },
        { ...newArtefact(), title: '  ', text: 'Noter fra testen' },
        { ...newArtefact(), title: 'Prototype uden indhold', url: '  ', text: ' ' },
        { ...newArtefact(), title: 'Intranettet', url: 'https://intranet' },
      ],
    }));

    // Act
    const { errors } = pilotPatch(form, read, TEXTS);

    // Assess
    expect(errors).toEqual([
      { pointer: '/artefacts/0/url', detail: 'url' },
      { pointer: '/artefacts/1/title', detail: 'required' },
      { pointer: '/artefacts/2', detail: 'link or text' },
      { pointer: '/artefacts/3/url', detail: 'url' },
    ]);
  });

  it('are refused too long, and more than 50, as the API counts them', () => {
    // Arrange
    const read = pilot({ artefacts: [] });
    const long = { ...newArtefact(), title: 'ø'.repeat(201), text: 'å'.repeat(10_001) };
    const many = Array.from({ length: 51 }, (_, index) => ({ ...newArtefact(), title: `Note ${index + 1}`, text: 'Tekst' }));

    // Act
    const tooLong = pilotPatch(formOf(read, () => ({ artefacts: [long] })), read, TEXTS).errors;
    const tooMany = pilotPatch(formOf(read, () => ({ artefacts: many })), read, TEXTS).errors;

    // Assess
    expect(tooLong).toEqual([
      { pointer: '/artefacts/0/title', detail: 'max 200' },
      { pointer: '/artefacts/0/text', detail: 'max 10000' },
    ]);
    expect(tooMany).toEqual([{ pointer: '/artefacts', detail: 'at most 50' }]);
  });

  it('are not checked when the list is as read, so an older artefact does not stop other changes', () => {
    // Arrange
    const read = pilot({ artefacts: [{ kind: 'other', title: 'Gammelt link', url: 'https://intranet' }] });
    const form = formOf(read, () => ({ learnings: 'Borgerne ville hellere ringe.' }));

    // Act
    const { errors, patch } = pilotPatch(form, read, TEXTS);

    // Assess
    expect(errors).toEqual([]);
    expect(patch).toEqual({ learnings: 'Borgerne ville hellere ringe.' });
  });
});

describe('a web address for an artefact', () => {
  it('is http or https with :// and a domain name, as the API’s url check', () => {
    // Arrange
    const addresses = ['https://www.kommune.dk/side?a=1', 'http://intranet.kommune.example', 'https://ærø.dk/', 'ftp://kommune.dk', 'https:kommune.dk', 'https://localhost/', 'www.kommune.dk', 'noget'];

    // Act
    const accepted = addresses.filter(isWebAddress);

    // Assess
    expect(accepted).toEqual(['https://www.kommune.dk/side?a=1', 'http://intranet.kommune.example', 'https://ærø.dk/']);
  });
});

describe('the faults after an artefact is removed', () => {
  it('drop the removed one’s and move those of the artefacts after it up one, the rest as they were', () => {
    // Arrange
    const errors = [
      { pointer: '/title', detail: 'min 3' },
      { pointer: '/artefacts/0/url', detail: 'url' },
      { pointer: '/artefacts/1', detail: 'link or text' },
      { pointer: '/artefacts/1/title', detail: 'required' },
      { pointer: '/artefacts/12/text', detail: 'max 10000' },
      { pointer: '/artefacts', detail: 'at most 50' },
    ];

    // Act
    const after = errorsAfterRemoval(errors, 1);

    // Assess
    expect(after).toEqual([
      { pointer: '/title', detail: 'min 3' },
      { pointer: '/artefacts/0/url', detail: 'url' },
      { pointer: '/artefacts/11/text', detail: 'max 10000' },
      { pointer: '/artefacts', detail: 'at most 50' },
    ]);
  });
});

describe('the form over a pilot read again (after a 412)', () => {
  it('keeps what was typed and takes the new version’s values for what was not', () => {
    // Arrange: read, then typed a title; meanwhile somebody set the risk and added an artefact
    const first = pilot();
    const form = formOf(first, () => ({ title: 'Talegenkendelse i hjemmeplejen' }));
    const second = pilot({ riskLevel: 'high', artefacts: [STORYBOARD, NOTES, { kind: 'other', title: 'Referat', text: 'Styregruppen bakker op.' }] });

    // Act
    const merged = rebasedForm(form, pilotFormOf(first), pilotFormOf(second));
    const { patch } = pilotPatch(merged, second, TEXTS);

    // Assess: only the title is sent, so the other person's changes stay
    expect(merged.title).toBe('Talegenkendelse i hjemmeplejen');
    expect(merged.riskLevel).toBe('high');
    expect(merged.artefacts).toHaveLength(3);
    expect(patch).toEqual({ title: 'Talegenkendelse i hjemmeplejen' });
  });

  it('keeps the artefacts typed whole when any of them was changed', () => {
    // Arrange
    const first = pilot();
    const form = formOf(first, (was) => ({ artefacts: [...was.artefacts, { ...newArtefact(), title: 'Ny prototype', url: 'https://proto.kommune.dk' }] }));
    const second = pilot({ artefacts: [STORYBOARD] });

    // Act
    const merged = rebasedForm(form, pilotFormOf(first), pilotFormOf(second));

    // Assess
    expect(merged.artefacts.map((artefact) => artefact.title)).toEqual([STORYBOARD.title, NOTES.title, 'Ny prototype']);
    expect(pilotPatch(merged, second, TEXTS).patch).toEqual({ artefacts: [STORYBOARD, NOTES, { kind: 'storyboard', title: 'Ny prototype', url: 'https://proto.kommune.dk' }] });
  });
});

describe('the parts of the form other than title and artefacts', () => {
  const ownedPilot = pilot({ owner: { sub: 'bent', name: 'Bent Ørsted' }, cost: { oneOffDkk: 25_000 } });

  it('sends only the parts that changed, an emptied part as null', () => {
    const form = { ...pilotFormOf(ownedPilot), riskLevel: 'high' as const, oneOffDkk: '', yearlyDkk: '' };
    expect(pilotPatch(form, ownedPilot, TEXTS)).toEqual({ errors: [], patch: { riskLevel: 'high', cost: null } });
    expect(pilotPatch(pilotFormOf(ownedPilot), ownedPilot, TEXTS).patch).toEqual({});
  });

  it('writes a whole hypothesis with its hours as a number (spaces and thousands’ dots allowed)', () => {
    const form = { ...pilotFormOf(ownedPilot), expectedHoursPerYear: '1.200', successMeasure: 'Minutter pr. vagt', baseline: '42 minutter', successThreshold: 'Under 25' };
    expect(pilotPatch(form, ownedPilot, TEXTS).patch).toEqual({
      hypothesis: { expectedHoursPerYear: 1200, successMeasure: 'Minutter pr. vagt', baseline: '42 minutter', successThreshold: 'Under 25' },
    });
  });

  it('asks for the rest of a part begun, and for whole numbers, at the fields’ pointers', () => {
    const form = { ...pilotFormOf(ownedPilot), expectedHoursPerYear: 'mange', ownerSub: '', ownerName: 'Bent Ørsted', followUps: '1,5' };
    expect(pilotPatch(form, ownedPilot, TEXTS).errors).toEqual([
      { pointer: '/owner/sub', detail: 'part' },
      { pointer: '/hypothesis/expectedHoursPerYear', detail: 'whole' },
      { pointer: '/hypothesis/successMeasure', detail: 'part' },
      { pointer: '/hypothesis/baseline', detail: 'part' },
      { pointer: '/hypothesis/successThreshold', detail: 'part' },
      { pointer: '/results/summary', detail: 'part' },
      { pointer: '/results/followUps', detail: 'whole' },
    ]);
  });
});
