import { describe, expect, it } from 'vitest';
import { learningOf, RESEMBLANCE_MIN_SCORE, RESEMBLING_PILOTS_PER_IDEA, resemblingStoppedPilots, searchLearnings, type Learning } from '../../../shared/domain/learnings.ts';
import type { Pilot } from '../../../shared/domain/pilot.ts';
import { aPilot, aPilotIn, aStoppedPilot, LEARNINGS, PILOT_ID } from '../support/pilots.ts';

/** The learning of a pilot that is known to leave one. */
function learning(pilot: Pilot): Learning {
  const result = learningOf(pilot);
  if (result === undefined) throw new Error(`pilot ${pilot.id} leaves no learning`);
  return result;
}

/**
 * Six stopped pilots on everyday Danish municipal topics, as triage would write them up. The
 * resemblance threshold is calibrated against them (see 'resemblingStoppedPilots' below).
 */
const STOPPED: Learning[] = [
  aStoppedPilot('pilot', {
    id: 'p-tale',
    title: 'Talegenkendelse til journalnotater',
    description: 'Sygeplejersker og social- og sundhedsassistenter vil diktere journalnotater på telefonen i stedet for at skrive dem ved computeren efter besøget.',
    learnings:
      'Talegenkendelsen forstod ikke dialekter og fagord, så notaterne skulle rettes bagefter. Medarbejderne brugte mere tid på at rette end på at skrive selv, og diktering i borgerens hjem føltes utrygt.',
  }),
  aStoppedPilot('evaluation', {
    id: 'p-medicin',
    title: 'Digital medicinhåndtering på plejecentret',
    description: 'Medicin dispenseres og kvitteres digitalt på en tablet, så papirskemaerne og dobbelttjek på kontoret forsvinder.',
    learnings:
      'Medicinmodulet talte ikke sammen med FMK, så ordinationer skulle stadig tastes to gange. Tabletterne løb tør for strøm midt på vagten, og personalet vendte tilbage til papir.',
  }),
  aStoppedPilot('pilot', {
    id: 'p-rute',
    title: 'Automatisk ruteplanlægning i hjemmeplejen',
    description: 'Et system lægger køreruterne for hjemmeplejens medarbejdere ud fra besøgstider, adresser og kompetencer i stedet for planlæggerens manuelle puslespil.',
    learnings:
      'Ruterne blev kortere, men systemet tog ikke højde for faste relationer mellem borger og medarbejder. Planlæggerne rettede så mange ruter i hånden, at gevinsten forsvandt.',
  }),
  aStoppedPilot('sprint', {
    id: 'p-skaerm',
    title: 'Skærmbesøg i stedet for fysiske besøg',
    description: 'Borgere i eget hjem får påmindelser og en snak over en skærm, så hjemmeplejen sparer køretid på korte besøg.',
    learnings:
      'Mange ældre borgere kunne ikke betjene skærmen uden hjælp, og pårørende måtte rykke ud. Skærmbesøg egner sig kun til borgere, der i forvejen er fortrolige med video.',
  }),
  aStoppedPilot('pilot', {
    id: 'p-robot',
    title: 'Robotstøvsugere hos borgere med praktisk hjælp',
    description: 'Robotstøvsugere overtager støvsugningen hos borgere, der får praktisk hjælp til rengøring, så tiden kan bruges på andre opgaver.',
    learnings:
      'Robotterne satte sig fast i tæpper og ledninger, og borgerne ringede efter hjælp. Hjemmene var for små og rodede til, at robotstøvsugerne kunne gøre rent ordentligt.',
  }),
  aStoppedPilot('operations', {
    id: 'p-faktura',
    title: 'Automatisk fakturering af egenbetaling',
    description: 'Fakturaer for madservice og egenbetaling dannes automatisk ud fra de leverede ydelser i stedet for at blive tastet ind i økonomisystemet.',
    learnings:
      'Snitfladen til økonomisystemet var ustabil, og fejlbehæftede fakturaer skabte mange henvendelser fra borgere. Leverandøren kunne ikke levere en rettelse inden for budgettet.',
  }),
].map(learning);

const REALISED: Learning = learning(
  aPilotIn('realised', '2026-03-15T09:00:00.000Z', {
    id: 'p-noegle',
    title: 'Digitale nøgler i hjemmeplejen',
    description: 'Medarbejderne låser sig ind hos borgerne med telefonen i stedet for nøgleboksen.',
    learnings: 'De digitale nøgler sparede tid ved hvert besøg. Borgerne var trygge, når de fik lov at prøve låsen sammen med en medarbejder først.',
  }),
);

const ENGLISH: Learning = learning(
  aStoppedPilot('pilot', {
    id: 'p-chatbot',
    language: 'en',
    title: 'Chatbot for parking permits',
    description: 'Citizens ask the same questions about parking permits by phone; a chatbot could answer them on the website.',
    learnings: 'The chatbot misunderstood questions about residential permits. Citizens kept calling because they did not trust the answers.',
  }),
);

describe('learningOf', () => {
  it('gives what a stopped pilot learned, with when it was stopped', () => {
    // Prepare
    const pilot = aStoppedPilot('evaluation', { themes: ['automatisering', 'teknologianvendelse'] });

    // Act
    const result = learningOf(pilot);

    // Assess
    expect(result).toEqual({
      pilotId: PILOT_ID,
      title: 'Færre dobbeltregistreringer på plejecentret',
      description: 'Vi skriver de samme borgeroplysninger i tre systemer. Det tager tid fra omsorgen.',
      learnings: LEARNINGS,
      language: 'da',
      stage: 'stopped',
      department: 'Ældre og sundhed',
      themes: ['automatisering', 'teknologianvendelse'],
      at: '2026-03-01T09:00:00.000Z',
    });
  });

  it('gives what a realised pilot learned', () => {
    // Act
    const result = learningOf(aPilotIn('realised', '2026-05-01T09:00:00.000Z', { learnings: LEARNINGS }));

    // Assess
    expect(result).toMatchObject({ stage: 'realised', learnings: LEARNINGS, at: '2026-05-01T09:00:00.000Z' });
  });

  it('gives nothing for a realised pilot with no learnings written', () => {
    expect(learningOf(aPilotIn('realised'))).toBeUndefined();
  });

  it('gives nothing for a stopped pilot without learnings', () => {
    // Prepare
    const { learnings: _learnings, ...pilot } = aStoppedPilot();

    // Act & Assess
    expect(learningOf(pilot)).toBeUndefined();
  });

  it.each(['sprint', 'pilot', 'evaluation', 'operations'] as const)('gives nothing for a pilot still in %s, even with learnings written', (stage) => {
    // Prepare
    const pilot = stage === 'sprint' ? aPilot({ learnings: LEARNINGS }) : aPilotIn(stage, undefined, { learnings: LEARNINGS });

    // Act & Assess
    expect(learningOf(pilot)).toBeUndefined();
  });
});

describe('searchLearnings', () => {
  const ALL = [...STOPPED, REALISED, ENGLISH];

  it.each([
    ['dialekt', 'p-tale'],
    ['talegenkendelse', 'p-tale'],
    ['journalnotat', 'p-tale'],
    ['diktering af notater', 'p-tale'],
    ['medicin', 'p-medicin'],
    ['tablet', 'p-medicin'],
    ['ruteplanlægning', 'p-rute'],
    ['kørerute', 'p-rute'],
    ['skærm', 'p-skaerm'],
    ['videobesøg hos ældre', 'p-skaerm'],
    ['robotstøvsuger', 'p-robot'],
    ['støvsugning', 'p-robot'],
    ['faktura', 'p-faktura'],
    ['økonomisystem', 'p-faktura'],
    ['digitale nøgler', 'p-noegle'],
    ['nøglerne', 'p-noegle'],
  ])('finds the pilot about it first for the Danish query %j', (query, pilotId) => {
    // Act
    const matches = searchLearnings(ALL, query, { limit: 5 });

    // Assess
    expect(matches[0]?.learning.pilotId).toBe(pilotId);
  });

  it('finds "dialekter" in the learnings from the query "dialekt", naming the word that matched', () => {
    // Act
    const matches = searchLearnings(ALL, 'dialekt', { limit: 5 });

    // Assess
    expect(matches.map((match) => match.learning.pilotId)).toEqual(['p-tale']);
    expect(matches[0]?.matchedTerms).toEqual(['dialekt']);
    expect(matches[0]?.score).toBeGreaterThan(0);
  });

  it.each([
    ['chatbot', 'p-chatbot'],
    ['parking permit', 'p-chatbot'],
    ['residential permits', 'p-chatbot'],
    ['misunderstood answers', 'p-chatbot'],
  ])('finds the English pilot for the English query %j', (query, pilotId) => {
    // Act
    const matches = searchLearnings(ALL, query, { limit: 5 });

    // Assess
    expect(matches[0]?.learning.pilotId).toBe(pilotId);
  });

  it('finds nothing for a query no pilot shares a word with', () => {
    // Act
    const matches = searchLearnings(ALL, 'vintervedligeholdelse af cykelstier', { limit: 5 });

    // Assess
    expect(matches).toEqual([]);
  });

  it.each(['', '   ', 'og i på af'])('finds nothing for an empty query or one of stop words only (%j)', (query) => {
    expect(searchLearnings(ALL, query, { limit: 5 })).toEqual([]);
  });

  it('finds nothing in no learnings', () => {
    expect(searchLearnings([], 'dialekt', { limit: 5 })).toEqual([]);
  });

  it('gives at most limit matches, the best ones', () => {
    // Prepare
    const all = searchLearnings(ALL, 'borgere hjemmeplejen', { limit: 100 });

    // Act
    const limited = searchLearnings(ALL, 'borgere hjemmeplejen', { limit: 2 });

    // Assess
    expect(all.length).toBeGreaterThan(2);
    expect(limited).toEqual(all.slice(0, 2));
  });

  it('ranks best first, by score', () => {
    // Act
    const matches = searchLearnings(ALL, 'borgere ringede efter hjælp i hjemmeplejen', { limit: 100 });

    // Assess
    const scores = matches.map((match) => match.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const score of scores) {
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('leaves out matches scored under minScore', () => {
    // Prepare
    const all = searchLearnings(ALL, 'borgere hjemmeplejen', { limit: 100 });
    const minScore = all[1]?.score ?? 0;

    // Act
    const matches = searchLearnings(ALL, 'borgere hjemmeplejen', { limit: 100, minScore });

    // Assess
    expect(matches).toEqual(all.filter((match) => match.score >= minScore));
    expect(matches.length).toBeLessThan(all.length);
  });

  it('orders pilots of equal score by id, so the order is stable', () => {
    // Prepare
    const twin = (id: string) => learning(aStoppedPilot('pilot', { id, title: 'Digital postkasse', description: 'Breve sendes digitalt.', learnings: LEARNINGS }));

    // Act
    const matches = searchLearnings([twin('p-b'), twin('p-c'), twin('p-a')], 'postkasse', { limit: 5 });

    // Assess
    expect(matches.map((match) => match.learning.pilotId)).toEqual(['p-a', 'p-b', 'p-c']);
  });

  it('weighs a word in the title above the same word in the learnings', () => {
    // Prepare
    const inTitle = learning(aStoppedPilot('pilot', { id: 'p-title', title: 'Sensorer i plejeboliger', description: 'Natlige tilsyn vækker beboerne.', learnings: LEARNINGS }));
    const inLearnings = learning(
      aStoppedPilot('pilot', { id: 'p-text', title: 'Natlige tilsyn', description: 'Tilsyn om natten vækker beboerne.', learnings: `${LEARNINGS} Sensorer i plejeboliger blev overvejet.` }),
    );

    // Act
    const matches = searchLearnings([inLearnings, inTitle], 'sensorer', { limit: 5 });

    // Assess
    expect(matches.map((match) => match.learning.pilotId)).toEqual(['p-title', 'p-text']);
  });

  it('lists the matched words most important first', () => {
    // Act
    const [match] = searchLearnings(ALL, 'talegenkendelse og tid', { limit: 1 });

    // Assess
    expect(match?.learning.pilotId).toBe('p-tale');
    expect(match?.matchedTerms[0]).toBe('talegenkendelse');
    expect(match?.matchedTerms).toContain('tid');
  });

  it('does not change the learnings it is given', () => {
    // Prepare
    const copy = structuredClone(ALL);

    // Act
    searchLearnings(ALL, 'dialekt', { limit: 1 });

    // Assess
    expect(ALL).toEqual(copy);
  });
});

describe('resemblingStoppedPilots', () => {
  /**
   * New ideas on the topic of one of the stopped pilots, from the obvious (the same key words) to
   * a paraphrase. Calibration, with the six stopped pilots above: ideas on a pilot's topic scored
   * 0.714–0.996 for it; ideas on unrelated topics sharing only incidental words ("papir",
   * "digital", "medarbejdere", "automatisk") scored up to 0.72, mostly 0.2–0.62.
   */
  const SAME_TOPIC: [string, string, string][] = [
    ['p-tale', 'Diktering af journalnotater med talegenkendelse', 'Vi bruger meget tid på at skrive notater efter hvert besøg. Kunne vi tale notaterne ind på telefonen med talegenkendelse?'],
    ['p-tale', 'Tale til tekst i dokumentationen', 'Det tager lang tid at dokumentere efter besøg. Vi vil gerne indtale vores notater.'],
    ['p-tale', 'Diktafon-app til sygeplejen', 'Sygeplejerskerne vil gerne diktere deres journalnotater mellem besøgene.'],
    ['p-medicin', 'Elektronisk medicinskema på tablet', 'Vi kvitterer for medicin på papir og tjekker det bagefter på kontoret. Det burde kunne klares digitalt i medicinhåndteringen.'],
    ['p-medicin', 'Færre fejl ved medicinudlevering', 'Når vi giver medicin til beboerne, skriver vi det på et papirskema. Kan det gøres på en tablet?'],
    ['p-medicin', 'Digitalt medicinskab', 'Medicinen tælles og kvitteres i dag på papir ved hver vagt.'],
    ['p-rute', 'Bedre planlægning af køreruter', 'Planlæggeren bruger hver morgen en time på at lægge ruterne i hjemmeplejen i hånden. Et program kunne planlægge ruterne.'],
    ['p-rute', 'Smartere kørelister i hjemmeplejen', 'Kørelisterne laves i hånden hver dag, og vi kører på kryds og tværs af kommunen.'],
    ['p-rute', 'Ruteoptimering for hjemmehjælpere', 'Ruterne til borgerne planlægges manuelt, og der spildes meget køretid.'],
    ['p-skaerm', 'Virtuelle besøg over video', 'Nogle borgere har kun brug for en påmindelse om medicin. Et skærmbesøg over video kunne spare køretid.'],
    ['p-skaerm', 'Videoopkald til borgere i eget hjem', 'Korte tilsyn kunne klares over en skærm, så vi ikke skal køre ud.'],
    ['p-robot', 'Robotstøvsuger til rengøring', 'Rengøring hos borgerne tager meget tid. Kunne en robotstøvsuger klare støvsugningen?'],
    ['p-robot', 'Støvsugerrobotter i hjemmeplejen', 'Kan robotter klare støvsugning hos ældre, så hjælperne får mere tid?'],
    ['p-faktura', 'Fakturaer for madservice', 'Vi taster fakturaer for madservice manuelt ind i økonomisystemet hver måned. Det kunne ske automatisk.'],
    ['p-faktura', 'Automatiske regninger for egenbetaling', 'Egenbetalingen for praktisk hjælp og madservice opkræves manuelt i dag.'],
    ['p-faktura', 'Fakturering af madservice', 'Fakturaerne til borgerne for madservice laves i hånden i økonomisystemet.'],
  ];

  const UNRELATED: [string, string][] = [
    ['Bedre parkering ved rådhuset', 'Der er for få parkeringspladser til medarbejderne, og vi kommer for sent til møder.'],
    ['Fælles kalender for skolens lærere', 'Lærerne bruger flere forskellige kalendere og kan ikke se, hvornår kolleger har tid til forældremøder.'],
    ['Ny vagtplan til daginstitutionerne', 'Pædagogerne får vagtplanen på papir, og bytte af vagter sker på sedler på opslagstavlen.'],
    ['Selvbetjening til byggetilladelser', 'Borgere ringer for at spørge, hvor langt deres byggesag er. En side med status kunne spare opkald.'],
    ['Hurtigere sagsbehandling i jobcentret', 'Sagsbehandlerne skriver de samme oplysninger om ledige i flere systemer.'],
    ['Sensorer i plejeboliger', 'Natlige tilsyn vækker beboerne. Sensorer kunne fortælle, om en beboer er faldet.'],
    ['Onboarding af nye medarbejdere', 'Nye medarbejdere venter ofte en uge på adgang til systemerne og på en computer.'],
    ['Lån af lokaler på biblioteket', 'Foreninger ringer eller skriver for at booke mødelokaler, og bibliotekaren noterer det i en kalender.'],
    ['Affaldssortering på rådhuset', 'Der mangler spande til sortering af affald på kontorerne, så meget papir ender i restaffaldet.'],
    ['Automatisk påmindelse om tandlægetid', 'Mange børn udebliver fra tandplejen, fordi forældrene glemmer tiden. En sms dagen før kunne hjælpe.'],
    ['Vejhuller meldt via app', 'Borgere ringer til teknik og miljø om huller i vejen. En app med foto og adresse kunne spare opkald.'],
    ['Skema til lærernes vikardækning', 'Skolens ledelse bruger hver morgen tid på at finde vikarer, når lærere melder sig syge.'],
    ['Automatisk svar på mails i borgerservice', 'Borgerservice får mange ens spørgsmål på mail, som medarbejderne svarer på manuelt.'],
  ];

  it.each(SAME_TOPIC)('finds that an idea resembles %s: %s', (pilotId, title, description) => {
    // Act
    const matches = resemblingStoppedPilots({ title, description }, STOPPED);

    // Assess
    expect(matches[0]?.learning.pilotId).toBe(pilotId);
    expect(matches[0]?.score).toBeGreaterThanOrEqual(RESEMBLANCE_MIN_SCORE);
  });

  it.each(UNRELATED)('finds that an idea on another topic resembles none: %s', (title, description) => {
    // Act
    const matches = resemblingStoppedPilots({ title, description }, STOPPED);

    // Assess
    expect(matches).toEqual([]);
  });

  it('sits above what incidental shared words score, so an unrelated idea with a few common words is not flagged', () => {
    // Prepare: the best score any unrelated idea gets for any stopped pilot.
    const best = Math.max(...UNRELATED.map(([title, description]) => searchLearnings(STOPPED, `${title}\n${title}\n${description}`, { limit: 1 })[0]?.score ?? 0));

    // Assess
    expect(best).toBeGreaterThan(0.5);
    expect(best).toBeLessThan(RESEMBLANCE_MIN_SCORE);
  });

  it('sits below the weakest score of an idea for the stopped pilot on its topic', () => {
    // Prepare
    const weakest = Math.min(
      ...SAME_TOPIC.map(([pilotId, title, description]) => {
        const match = searchLearnings(STOPPED, `${title}\n${title}\n${description}`, { limit: 10 }).find((entry) => entry.learning.pilotId === pilotId);
        return match?.score ?? 0;
      }),
    );

    // Assess
    expect(weakest).toBeGreaterThanOrEqual(RESEMBLANCE_MIN_SCORE);
  });

  it('considers only stopped pilots, not realised ones', () => {
    // Prepare
    const idea = { title: 'Digitale nøgler i hjemmeplejen', description: 'Vi vil låse os ind hos borgerne med telefonen i stedet for nøgleboksen.' };
    expect(searchLearnings([REALISED], `${idea.title}\n${idea.description}`, { limit: 1 })[0]?.score).toBeGreaterThanOrEqual(RESEMBLANCE_MIN_SCORE);

    // Act
    const matches = resemblingStoppedPilots(idea, [...STOPPED, REALISED]);

    // Assess
    expect(matches.map((match) => match.learning.pilotId)).not.toContain('p-noegle');
  });

  it(`gives at most ${RESEMBLING_PILOTS_PER_IDEA} pilots, most similar first`, () => {
    // Prepare: four stopped pilots on the same topic.
    const twins = ['p-1', 'p-2', 'p-3', 'p-4'].map((id, index) =>
      learning(
        aStoppedPilot('pilot', {
          id,
          title: 'Talegenkendelse til journalnotater',
          description: `Diktering af journalnotater med talegenkendelse, forsøg ${index + 1}.`,
          learnings: 'Talegenkendelsen forstod ikke dialekter. Notaterne skulle rettes bagefter.',
        }),
      ),
    );

    // Act
    const matches = resemblingStoppedPilots({ title: 'Talegenkendelse', description: 'Journalnotater med talegenkendelse' }, twins);

    // Assess
    expect(matches).toHaveLength(RESEMBLING_PILOTS_PER_IDEA);
    const scores = matches.map((match) => match.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('finds nothing when no pilot has been stopped', () => {
    expect(resemblingStoppedPilots({ title: 'Digitale nøgler', description: 'Nøgleboksen er bøvlet.' }, [REALISED])).toEqual([]);
  });

  it('reads an English idea against an English stopped pilot', () => {
    // Act
    const matches = resemblingStoppedPilots({ title: 'Chatbot for parking permits', description: 'Residents phone us about parking permits all day. A chatbot could answer.' }, [...STOPPED, ENGLISH]);

    // Assess
    expect(matches.map((match) => match.learning.pilotId)).toEqual(['p-chatbot']);
  });
});
