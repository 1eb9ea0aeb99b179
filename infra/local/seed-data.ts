/**
 * What `npm run seed` (./seed.ts) loads: a municipality's worth of ideas and bøvl, and the people
 * who send them. The Danish texts of the labelled fixtures are reused as they are
 * (test/fixtures/theme-ideas.json; test/fixtures/duplicate-pairs.json, whose pairs labelled
 * duplicates become the near-duplicates two colleagues send), and the ideas below are written for
 * the seed. Everything is deterministic: idea number n is the same idea, by the same person, with
 * the same Idempotency-Key, on every run.
 */
import { readFileSync } from 'node:fs';
import type { PilotStage, RiskLevel } from '../../shared/domain/pilot.ts';
import type { LOCAL_DEPARTMENTS } from './runtime.ts';

/** One of the local runtime's departments (the submit form's list, /config.json). */
export type Department = (typeof LOCAL_DEPARTMENTS)[number];

export interface SeedPerson {
  sub: string;
  name: string;
  department: Department;
}

/** The municipality's employees who send ideas and support their colleagues': five or so in each department. */
export const SEED_EMPLOYEES: readonly SeedPerson[] = [
  { sub: 'seed-karen', name: 'Karen Højgaard', department: 'Ældre og Sundhed' },
  { sub: 'seed-soeren', name: 'Søren Ærenlund', department: 'Ældre og Sundhed' },
  { sub: 'seed-aase', name: 'Åse Mølgaard', department: 'Ældre og Sundhed' },
  { sub: 'seed-lone', name: 'Lone Kjærsgaard', department: 'Ældre og Sundhed' },
  { sub: 'seed-bjoern', name: 'Bjørn Thøgersen', department: 'Ældre og Sundhed' },
  { sub: 'seed-maja', name: 'Maja Brøndum', department: 'Ældre og Sundhed' },
  { sub: 'seed-rasmus', name: 'Rasmus Læssøe', department: 'Børn og Unge' },
  { sub: 'seed-freja', name: 'Freja Østergård', department: 'Børn og Unge' },
  { sub: 'seed-jens', name: 'Jens Kløvedal', department: 'Børn og Unge' },
  { sub: 'seed-ida', name: 'Ida Bæk', department: 'Børn og Unge' },
  { sub: 'seed-henrik', name: 'Henrik Bødker', department: 'Børn og Unge' },
  { sub: 'seed-gitte', name: 'Gitte Frøkjær', department: 'Social og Handicap' },
  { sub: 'seed-mads', name: 'Mads Søgaard', department: 'Social og Handicap' },
  { sub: 'seed-pernille', name: 'Pernille Ågesen', department: 'Social og Handicap' },
  { sub: 'seed-niels', name: 'Niels Krøyer', department: 'Social og Handicap' },
  { sub: 'seed-torben', name: 'Torben Mørch', department: 'Teknik og Miljø' },
  { sub: 'seed-hanne', name: 'Hanne Dræbye', department: 'Teknik og Miljø' },
  { sub: 'seed-ole', name: 'Ole Skjødt', department: 'Teknik og Miljø' },
  { sub: 'seed-sofie', name: 'Sofie Grønbæk', department: 'Teknik og Miljø' },
  { sub: 'seed-mikkel', name: 'Mikkel Lærkesen', department: 'Teknik og Miljø' },
  { sub: 'seed-anne', name: 'Anne Nørskov', department: 'Borgerservice' },
  { sub: 'seed-peter', name: 'Peter Dalsgård', department: 'Borgerservice' },
  { sub: 'seed-camilla', name: 'Camilla Bøgh', department: 'Borgerservice' },
  { sub: 'seed-lars', name: 'Lars Ørum', department: 'Borgerservice' },
  { sub: 'seed-birthe', name: 'Birthe Fløe', department: 'Kultur og Fritid' },
  { sub: 'seed-kasper', name: 'Kasper Strøm', department: 'Kultur og Fritid' },
  { sub: 'seed-emma', name: 'Emma Sæbygaard', department: 'Kultur og Fritid' },
  { sub: 'seed-thomas', name: 'Thomas Kræmer', department: 'Job og Arbejdsmarked' },
  { sub: 'seed-mette-l', name: 'Mette Løvgreen', department: 'Job og Arbejdsmarked' },
  { sub: 'seed-jesper', name: 'Jesper Bækgaard', department: 'Job og Arbejdsmarked' },
  { sub: 'seed-signe', name: 'Signe Hjørnholm', department: 'Job og Arbejdsmarked' },
  { sub: 'seed-martin', name: 'Martin Schrøder', department: 'Digitalisering og IT' },
  { sub: 'seed-louise', name: 'Louise Ærø', department: 'Digitalisering og IT' },
  { sub: 'seed-christian', name: 'Christian Åkjær', department: 'Digitalisering og IT' },
  { sub: 'seed-dorthe', name: 'Dorthe Bøjesen', department: 'Digitalisering og IT' },
];

/** The triage member who asks, parks and accepts: the local sign-in page's ready-made triage person, so the console shows the decisions as theirs. */
export const SEED_TRIAGE = { sub: 'jonas', name: 'Jonas Nørgaard' } as const;

/** The director who decides at the pilots' gates: the local sign-in page's ready-made director. */
export const SEED_DIRECTOR = { sub: 'birgitte', name: 'Birgitte Åberg' } as const;

type Text = { title: string; description: string; department: Department };

/** Ideas written for the seed: the parts of a municipality the fixtures say little about (HR, social, culture, technical services, IT). */
const WRITTEN: readonly Text[] = [
  { department: 'Ældre og Sundhed', title: 'Vagtplanen bør kunne ses på telefonen', description: 'Vi får vagtplanen som et regneark på mail hver fjortende dag. Ændringer bliver ringet rundt. En app eller en side, hvor man kan se sin egen plan og bytte vagter, ville spare mange opkald.' },
  { department: 'Ældre og Sundhed', title: 'Nøglebokse med kode i stedet for nøgler', description: 'Vi kører rundt med store nøgleknipper til borgernes hjem og bruger tid på at hente og aflevere dem på kontoret. Elektroniske nøglebokse med kode ville gøre det nemmere og sikrere.' },
  { department: 'Ældre og Sundhed', title: 'Hjælpemidler bestilles på papirblanket', description: 'Når en borger skal have en badebænk eller en rollator, udfylder vi en papirblanket, som bliver scannet og tastet ind igen i hjælpemiddeldepotet. Det tager dage, før borgeren får hjælpemidlet.' },
  { department: 'Ældre og Sundhed', title: 'Fælles overblik over ledige aflastningspladser', description: 'Visitatorerne ringer rundt til plejecentrene for at finde en ledig aflastningsplads. En fælles oversigt, som centrene selv opdaterer, ville spare mange telefonopkald.' },
  { department: 'Ældre og Sundhed', title: 'Sygeplejeartikler bestilles tre steder', description: 'Bleer, forbindinger og handsker bestilles hos tre forskellige leverandører med hver sin portal og hver sit login. Ofte løber vi tør, fordi ingen har overblikket.' },
  { department: 'Børn og Unge', title: 'Forældresamtaler bookes via sedler i tasken', description: 'Vi sender sedler hjem om skole-hjem-samtaler og får dem retur med ønsker, som læreren selv skal puslespille. En booking i forældreportalen ville spare os for timer hver gang.' },
  { department: 'Børn og Unge', title: 'Vikardækning aftales på sms om morgenen', description: 'Når en lærer melder sig syg klokken seks, sender skolelederen sms til vikarerne én efter én. Et system, der sender forespørgslen til alle og tager den første, der svarer ja, ville hjælpe.' },
  { department: 'Børn og Unge', title: 'Tilsyn i dagplejen skrives i hånden', description: 'Dagplejepædagogerne skriver tilsynsnotater i en notesbog og taster dem ind, når de kommer tilbage. Med en tablet og en fast skabelon kunne notatet skrives færdigt hos dagplejeren.' },
  { department: 'Børn og Unge', title: 'Elevernes it-udstyr uden overblik', description: 'Vi ved ikke, hvilke elever der har lånt hvilke computere, og hvornår de skal afleveres. Det står i et regneark, som kun én person kan redigere ad gangen.' },
  { department: 'Social og Handicap', title: 'Medicinhåndtering på bostederne', description: 'På bostederne tæller vi medicin op på papir hver aften og skriver det i et skema. Fejl opdages først, når apoteket ringer. En digital medicinliste med påmindelser ville give ro.' },
  { department: 'Social og Handicap', title: 'Samme sag forklares for tre sagsbehandlere', description: 'Borgere med handicap skal fortælle deres historie igen, hver gang de møder en ny sagsbehandler. En fælles sagsoversigt på tværs af afdelingerne ville spare borgeren og os for gentagelser.' },
  { department: 'Social og Handicap', title: 'Kørselsbestilling til aktivitetscentre', description: 'Vi bestiller kørsel til borgerne i et system, aflyser i et andet og får regningen i et tredje. Hver uge bruger vi en formiddag på at afstemme, hvem der faktisk blev kørt.' },
  { department: 'Social og Handicap', title: 'Tolkebestilling tager for lang tid', description: 'Når vi skal bruge en tolk til et møde med en borger, sender vi en mail og venter på svar. En fælles bookingkalender med tolkenes ledige tider ville gøre det hurtigere.' },
  { department: 'Teknik og Miljø', title: 'Huller i vejen meldes ind på mange måder', description: 'Borgerne melder huller i vejen på telefon, mail, Facebook og i appen. Vi samler dem manuelt i et regneark, før vejfolkene får en arbejdsliste. Én indgang ville spare dobbeltarbejde.' },
  { department: 'Teknik og Miljø', title: 'Sensorer i affaldsbeholdere ved stranden', description: 'Skraldebilen tømmer beholderne ved stranden efter en fast plan, også når de er tomme, og de flyder over på varme dage. Fyldningssensorer kunne styre ruterne.' },
  { department: 'Teknik og Miljø', title: 'Byggesager mangler altid de samme bilag', description: 'Hver anden byggeansøgning mangler en tegning eller en situationsplan, og vi skriver det samme brev igen og igen. En tjekliste i ansøgningen kunne stoppe det, før sagen kommer ind.' },
  { department: 'Teknik og Miljø', title: 'Vintertjenestens kørsel dokumenteres på papir', description: 'Chaufførerne noterer saltning og snerydning på papir, og det tastes ind dagen efter. GPS-data fra bilerne kunne dokumentere ruterne af sig selv.' },
  { department: 'Teknik og Miljø', title: 'Lånecykler til hjemmeplejen i midtbyen', description: 'I midtbyen bruger hjemmeplejen mange minutter på at finde parkering. Elcykler til korte ture kunne spare tid og bilkørsel.' },
  { department: 'Borgerservice', title: 'Tidsbestilling til pas og kørekort', description: 'Borgerne ringer for at bestille tid til pas og kørekort, og vi sidder med telefonen i stedet for at betjene dem ved skranken. Online tidsbestilling med påmindelse på sms ville hjælpe.' },
  { department: 'Borgerservice', title: 'Dødsboer og for mange breve', description: 'Pårørende får breve fra flere afdelinger efter et dødsfald og ringer til os for at forstå dem. Et samlet brev med det, de skal gøre, ville være mere hensynsfuldt.' },
  { department: 'Borgerservice', title: 'Hjælp til digital post ved skranken', description: 'Mange ældre kommer ind for at få hjælp til digital post, og vi bruger lang tid på den samme vejledning. En fast vejledning på papir og en ugentlig café kunne samle hjælpen.' },
  { department: 'Borgerservice', title: 'Adresseændringer rettes ikke alle steder', description: 'Når en borger flytter, retter vi adressen i folkeregistret, men den skal rettes manuelt i to fagsystemer. Der sendes breve til gamle adresser i månedsvis.' },
  { department: 'Kultur og Fritid', title: 'Booking af idrætshaller i ét system', description: 'Foreningerne booker hallerne ved at sende mail til fire forskellige haller. Vi taster bookingerne ind i hver sin kalender. Én fælles booking ville give foreningerne overblik.' },
  { department: 'Kultur og Fritid', title: 'Bibliotekets åbne timer kan bruges bedre', description: 'Biblioteket står tomt i de selvbetjente timer om aftenen. Foreninger og studiegrupper kunne låne lokalerne, hvis de kunne booke dem og låse sig ind med sygesikringskortet.' },
  { department: 'Kultur og Fritid', title: 'Tilskud til foreninger søges på papir', description: 'Foreningerne søger tilskud på en pdf-blanket, vi taster ansøgningerne ind og regner tilskuddet ud i et regneark. Det tager to uger hvert forår.' },
  { department: 'Job og Arbejdsmarked', title: 'Samtaler med ledige flyttes ofte i sidste øjeblik', description: 'Mange samtaler bliver aflyst samme dag. En påmindelse på sms dagen før med mulighed for at flytte tiden selv ville give færre tomme huller i kalenderen.' },
  { department: 'Job og Arbejdsmarked', title: 'Virksomhedspraktik aftales i mails frem og tilbage', description: 'Vi aftaler praktikpladser med virksomhederne i lange mailtråde, og aftalen skrives ind i fagsystemet bagefter. En fælles skabelon, virksomheden kan udfylde, ville spare tid.' },
  { department: 'Job og Arbejdsmarked', title: 'Lægeerklæringer kommer som brev', description: 'Lægeerklæringer kommer med posten og skal scannes og journaliseres. Hvis de kom digitalt direkte i sagen, kunne sagsbehandleren komme i gang med det samme.' },
  { department: 'Digitalisering og IT', title: 'Nye medarbejdere venter på adgang', description: 'Når en ny medarbejder starter, går der ofte en uge, før de har adgang til de systemer, de skal bruge. Bestillingen går gennem mails til tre afdelinger. Én samlet bestilling ved ansættelsen ville løse det.' },
  { department: 'Digitalisering og IT', title: 'Sygefravær meldes tre steder', description: 'Når man er syg, skal man ringe til lederen, skrive i vagtplanen og registrere det i lønsystemet. Lederen taster det ofte igen. Én registrering burde være nok.' },
  { department: 'Digitalisering og IT', title: 'Kørselsgodtgørelse beregnes i hånden', description: 'Medarbejderne skriver deres kørsel i et regneark, lederen godkender på papir, og lønkontoret taster det ind. En app, der beregner kørslen fra kalenderen, ville spare alle led.' },
  { department: 'Digitalisering og IT', title: 'Password skal nulstilles hver måned', description: 'Servicedesken bruger en stor del af mandagen på at nulstille adgangskoder. Selvbetjent nulstilling med MitID ville frigøre tid til de svære sager.' },
  { department: 'Digitalisering og IT', title: 'Fælles skabelon til mødereferater', description: 'Hver afdeling skriver referater på sin egen måde, og beslutninger bliver svære at finde. En fælles skabelon i det fælles drev med faste felter til beslutninger og opfølgning ville hjælpe.' },
  { department: 'Digitalisering og IT', title: 'Onboarding af vikarer i hjemmeplejen', description: 'Vikarer møder ind uden login til omsorgssystemet og følger med en fastansat hele den første dag. Et vikarlogin, der er klar fra første dag, ville betyde flere besøg.' },
  { department: 'Ældre og Sundhed', title: 'Telefonen ringer under besøgene', description: 'Pårørende ringer direkte til medarbejdernes telefoner under besøgene for at høre, hvordan det går. En fast telefontid og en kort status i pårørendeappen ville give ro i besøgene.' },
  { department: 'Børn og Unge', title: 'Skoleskemaer laves forfra hvert år', description: 'Skemalæggeren bygger skemaet op fra bunden hvert forår, selvom de fleste rammer er de samme. Et skemaværktøj, der kan tage sidste års skema som udgangspunkt, ville spare uger.' },
  { department: 'Social og Handicap', title: 'Handleplaner deles som vedhæftede filer', description: 'Handleplaner sendes som Word-filer på mail til bosted, borger og pårørende, og ingen ved, hvilken version der er den gældende. Et fælles dokument med historik ville løse det.' },
  { department: 'Teknik og Miljø', title: 'Klager over støj registreres to gange', description: 'Klager over støj fra byggepladser kommer både til miljøafdelingen og til byggesagsafdelingen og bliver behandlet to gange. En fælles indbakke ville give ét svar til borgeren.' },
  { department: 'Borgerservice', title: 'Telefonkøen om morgenen', description: 'Mellem otte og ni er der lang kø på telefonen, og de fleste spørger om det samme: åbningstider, sygesikringskort og pas. En talebesked med svar på de tre ting kunne korte køen.' },
  { department: 'Kultur og Fritid', title: 'Nøgler til klubhuse udleveres personligt', description: 'Foreningernes ledere henter nøgler på rådhuset og afleverer dem igen. Kodelåse på klubhusene ville spare turene og de tabte nøgler.' },
];

/** The fixtures' prefixes (theme-ideas.json ids) and the department that writes such ideas. */
const FIXTURE_DEPARTMENTS: Readonly<Record<string, Department>> = {
  care: 'Ældre og Sundhed',
  school: 'Børn og Unge',
  daycare: 'Børn og Unge',
  cs: 'Borgerservice',
  tech: 'Teknik og Miljø',
  job: 'Job og Arbejdsmarked',
  adm: 'Digitalisering og IT',
};

/** Words that place a duplicate pair's text in a department, first match wins; the rest (pay, invoices, HR) go to Digitalisering og IT, the administration's. */
const DEPARTMENT_WORDS: readonly [RegExp, Department][] = [
  [/jobcentr|momentum|lægeerklæring|sygedagpenge|kontanthjælp/i, 'Job og Arbejdsmarked'],
  [/tolk|enkeltydelse|handicap|bosted|botilbud|socialrådgiver|udsat/i, 'Social og Handicap'],
  [/medicin|borger.*hjem|pleje|nattevagt|beboer|inkontinens|bleer|hjælpemiddel|kørestol|sosu|sundhedshjælper|nexus|hjemmehjælp|ældre|sygepleje|plejecent/i, 'Ældre og Sundhed'],
  [/skole|elev|lærer|børn|forældre|dagtilbud|vuggestue|børnehave|aula|dagpleje/i, 'Børn og Unge'],
  [/vej|affald|skrald|byggesag|byggeri|park|grønne|miljø|kloak|vintertjeneste|materielgård/i, 'Teknik og Miljø'],
  [/borgerservice|pas|kørekort|sundhedskort|folkeregist|skranke/i, 'Borgerservice'],
  [/bibliotek|forening|hal|kultur|idræt|museum/i, 'Kultur og Fritid'],
];

interface FixtureText {
  id?: string;
  language: 'da' | 'en';
  title: string;
  description: string;
}

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

function departmentOf(text: FixtureText): Department {
  const prefix = text.id?.split('-')[0];
  const byPrefix = prefix === undefined ? undefined : FIXTURE_DEPARTMENTS[prefix];
  if (byPrefix !== undefined) return byPrefix;
  const words = `${text.title} ${text.description}`;
  return DEPARTMENT_WORDS.find(([pattern]) => pattern.test(words))?.[1] ?? 'Digitalisering og IT';
}

/** Every Danish text the seed sends, each with a stable key: fixture texts, near-duplicate pairs side by side, and the written ones. */
function texts(): { key: string; text: Text }[] {
  const themeIdeas = fixture<(FixtureText & { id: string })[]>('theme-ideas.json')
    .filter((text) => text.language === 'da')
    .map((text) => ({ key: `theme-${text.id}`, text: { title: text.title, description: text.description, department: departmentOf(text) } }));
  const pairs = fixture<{ a: FixtureText; b: FixtureText }[]>('duplicate-pairs.json').flatMap((pair, n) =>
    pair.a.language === 'da'
      ? (['a', 'b'] as const).map((side) => ({ key: `pair-${n}-${side}`, text: { title: pair[side].title, description: pair[side].description, department: departmentOf(pair.a) } }))
      : [],
  );
  const written = WRITTEN.map((text, n) => ({ key: `written-${n}`, text }));
  // Interleaved, so that the first ideas of a small seed (the test's) hold some of each.
  const sources = [written, themeIdeas, pairs];
  const all: { key: string; text: Text }[] = [];
  for (let n = 0; all.length < written.length + themeIdeas.length + pairs.length; n++) {
    for (const source of sources) {
      // Pairs two at a time, so a near-duplicate follows its original.
      const take = source === pairs ? source.slice(2 * n, 2 * n + 2) : source.slice(n, n + 1);
      all.push(...take);
    }
  }
  return all;
}

/** The body of POST /ideas: an idea, friction with its four figures, or friction without them (`figuresUnknown`). */
export interface SeedBody {
  kind: 'idea' | 'friction';
  title: string;
  description: string;
  department: Department;
  anonymous?: true;
  frequency?: number;
  frequencyUnit?: 'day' | 'week' | 'month';
  minutesEach?: number;
  peopleAffected?: number;
  figuresUnknown?: true;
}

/** One idea of the seed: who sends it, what, and which colleagues support it. */
export interface SeedIdea {
  /** Stable for the idea: its Idempotency-Key is made from it. */
  key: string;
  submitter: SeedPerson;
  body: SeedBody;
  supporters: SeedPerson[];
}

const UNITS = ['day', 'week', 'month'] as const;

/**
 * The seed's ideas, the first `count` of them (all when left out). One in three is friction with
 * its figures and one in six friction without them (`figuresUnknown: true`); the rest are ideas.
 * One in seven is anonymous. Each is sent by the next colleague of its department in turn, so
 * nobody sends more than a few (the submit limit is 20 an hour a person), and one in four is
 * supported by one to three colleagues.
 */
export function seedIdeas(count?: number): SeedIdea[] {
  const turn = new Map<Department, number>();
  return texts()
    .slice(0, count)
    .map(({ key, text }, n) => {
      const colleagues = SEED_EMPLOYEES.filter((person) => person.department === text.department);
      const at = turn.get(text.department) ?? 0;
      turn.set(text.department, at + 1);
      const submitter = colleagues[at % colleagues.length] as SeedPerson;
      const figures =
        n % 3 === 0
          ? { frequency: 1 + (n % 5), frequencyUnit: UNITS[n % UNITS.length], minutesEach: [2, 5, 10, 15, 30][n % 5], peopleAffected: [3, 8, 12, 25, 40, 120][n % 6] }
          : n % 6 === 1
            ? { figuresUnknown: true as const }
            : undefined;
      const body: SeedBody = { kind: figures === undefined ? 'idea' : 'friction', ...text, ...figures, ...(n % 7 === 3 ? { anonymous: true as const } : {}) };
      const others = SEED_EMPLOYEES.filter((person) => person !== submitter);
      const supporters = n % 4 === 2 ? Array.from({ length: 1 + (n % 3) }, (_, k) => others[(n * 7 + k * 11) % others.length] as SeedPerson) : [];
      return { key, submitter, body, supporters };
    });
}

/** What triage does with the idea at `position` of the seed (skipped when the seed is shorter, or when the idea is no longer in triage). */
export type SeedDecision =
  | { position: number; decision: 'needs_info'; question: string }
  | { position: number; decision: 'park'; inDays: number; message: string }
  | { position: number; decision: 'decline'; reasonCode: 'already_solved'; message: string }
  | { position: number; decision: 'assign' };

/** A few decisions, so every tab of the console's inbox holds something, and some ideas are Jonas's own (the accepted ones are SEED_PILOTS). */
export const SEED_DECISIONS: readonly SeedDecision[] = [
  { position: 1, decision: 'needs_info', question: 'Hvor mange gange om ugen sker det, og hvor lang tid tager det hver gang?' },
  { position: 2, decision: 'assign' },
  { position: 3, decision: 'park', inDays: 90, message: 'Vi venter på det nye omsorgssystem og ser på idéen igen, når det er indført.' },
  { position: 4, decision: 'assign' },
  { position: 5, decision: 'needs_info', question: 'Hvilke systemer drejer det sig om, og hvem bruger dem?' },
  { position: 7, decision: 'decline', reasonCode: 'already_solved', message: 'Det er løst med den nye selvbetjeningsløsning, som kommer i foråret. Tak fordi du meldte det.' },
  { position: 8, decision: 'assign' },
];

/**
 * An idea of the seed (at `position`) that Jonas accepts and the directors move on to `stage`: its
 * hypothesis, owner and risk written by the team, results before it goes into `realised`, and,
 * for `stopped`, the stage it is stopped in with its learnings.
 */
export interface SeedPilot {
  position: number;
  stage: PilotStage;
  accept: string;
  owner: { sub: string; name: string };
  riskLevel: RiskLevel;
  hypothesis: { expectedHoursPerYear: number; successMeasure: string; baseline: string; successThreshold: string };
  results?: { summary: string; realisedHoursPerYear: number; followUps: number };
  stop?: { in: 'sprint' | 'pilot' | 'evaluation' | 'operations'; reason: string; learnings: string };
}

const ACCEPT = 'Tak! Vi tager idéen med i næste sprint og vender tilbage, når vi har en prototype.';

/** The directors' board: every stage holds a pilot or two, one stopped with its learnings, two realised with their hours. */
export const SEED_PILOTS: readonly SeedPilot[] = [
  {
    position: 0,
    stage: 'sprint',
    accept: ACCEPT,
    owner: { sub: 'seed-karen', name: 'Karen Højgaard' },
    riskLevel: 'low',
    hypothesis: { expectedHoursPerYear: 260, successMeasure: 'Opkald om vagtændringer pr. uge', baseline: '35 opkald pr. uge i oktober', successThreshold: 'Under 10 opkald pr. uge' },
  },
  {
    position: 20,
    stage: 'sprint',
    accept: ACCEPT,
    owner: { sub: 'seed-freja', name: 'Freja Østergård' },
    riskLevel: 'low',
    hypothesis: { expectedHoursPerYear: 150, successMeasure: 'Minutter brugt på at booke forældresamtaler pr. stue', baseline: '6 timer pr. stue pr. runde', successThreshold: 'Under 1 time pr. stue pr. runde' },
  },
  {
    position: 6,
    stage: 'pilot',
    accept: ACCEPT,
    owner: { sub: 'seed-lone', name: 'Lone Kjærsgaard' },
    riskLevel: 'high',
    hypothesis: { expectedHoursPerYear: 900, successMeasure: 'Medicinordinationer skrevet to gange pr. uge', baseline: '120 ordinationer pr. uge på Ærøhøj', successThreshold: 'Ingen ordinationer skrevet to gange' },
  },
  {
    position: 13,
    stage: 'pilot',
    accept: ACCEPT,
    owner: { sub: 'seed-signe', name: 'Signe Hjørnholm' },
    riskLevel: 'medium',
    hypothesis: { expectedHoursPerYear: 420, successMeasure: 'Udeblivelser fra samtaler i jobcentret', baseline: '18 % udeblev i 3. kvartal', successThreshold: 'Under 10 % udeblivelser' },
  },
  {
    position: 9,
    stage: 'evaluation',
    accept: ACCEPT,
    owner: { sub: 'seed-martin', name: 'Martin Schrøder' },
    riskLevel: 'medium',
    hypothesis: { expectedHoursPerYear: 1_100, successMeasure: 'Fakturaer tastet i hånden pr. måned', baseline: '1.400 fakturaer pr. måned', successThreshold: 'Under 200 fakturaer pr. måned' },
  },
  {
    position: 21,
    stage: 'operations',
    accept: ACCEPT,
    owner: { sub: 'seed-hanne', name: 'Hanne Dræbye' },
    riskLevel: 'low',
    hypothesis: { expectedHoursPerYear: 300, successMeasure: 'Forgæves kørsler efter storskrald pr. måned', baseline: '90 forgæves kørsler pr. måned', successThreshold: 'Under 30 forgæves kørsler pr. måned' },
  },
  {
    position: 15,
    stage: 'realised',
    accept: ACCEPT,
    owner: { sub: 'seed-bjoern', name: 'Bjørn Thøgersen' },
    riskLevel: 'medium',
    hypothesis: { expectedHoursPerYear: 480, successMeasure: 'Timer brugt på at lægge køreplaner pr. uge', baseline: '12 timer pr. uge i distrikt Nord', successThreshold: 'Under 3 timer pr. uge' },
    results: { summary: 'Køreplanerne lægges nu på to timer om ugen, og kørslen blev 14 % kortere på Ærø.', realisedHoursPerYear: 390, followUps: 1 },
  },
  {
    position: 16,
    stage: 'realised',
    accept: ACCEPT,
    owner: { sub: 'seed-maja', name: 'Maja Brøndum' },
    riskLevel: 'low',
    hypothesis: { expectedHoursPerYear: 200, successMeasure: 'Bestillinger af sygeplejeartikler, der tastes mere end ét sted', baseline: 'Alle 300 bestillinger pr. måned', successThreshold: 'Ingen bestillinger tastes to gange' },
    results: { summary: 'Alle bestillinger går nu gennem én formular, som sender dem videre til leverandøren.', realisedHoursPerYear: 240, followUps: 2 },
  },
  {
    position: 22,
    stage: 'stopped',
    accept: ACCEPT,
    owner: { sub: 'seed-aase', name: 'Åse Mølgaard' },
    riskLevel: 'high',
    hypothesis: { expectedHoursPerYear: 700, successMeasure: 'Natlige tilsyn pr. borger', baseline: '3 tilsyn pr. nat hos 40 borgere', successThreshold: 'Højst 1 tilsyn pr. nat' },
    stop: {
      in: 'pilot',
      reason: 'Sensorerne gav for mange falske alarmer til, at natholdet kunne stole på dem.',
      learnings:
        'Sensorerne slog alarm, hver gang borgerne vendte sig i sengen, så natholdet gik flere tilsyn end før. Næste gang skal vi afprøve sensorerne på et par stuer i en måned, før vi fjerner et eneste tilsyn, og indstille dem sammen med sygeplejerskerne.',
    },
  },
];
