/**
 * The strategy a fresh install ships with: four themes of a Danish municipal digitalisation
 * strategy and the five scorecard criteria. Admins replace it with PUT /console/strategy.
 *
 * Keywords are matched after stemming (shared/domain/text), so one form of a word is enough;
 * Danish compounds are split into known parts, so a keyword also helps the compounds built on it.
 */
import type { Criterion, ScaleStep, StrategyContent, Theme } from './strategy.ts';

const automatisering: Theme = {
  id: 'automatisering',
  name: { da: 'Automatisering', en: 'Automation' },
  description: {
    da:
      'Vi fjerner manuelle, gentagne arbejdsgange, så medarbejderne får tid til borgerne og kerneopgaven. ' +
      'Rutineopgaver løses af regler, robotter og integrationer: oplysninger tastes kun ind én gang, ' +
      'systemerne udveksler data automatisk, breve, påmindelser og kvitteringer sendes af sig selv, ' +
      'og enkle sager og ansøgninger behandles automatisk. Papirblanketter, kopiering mellem systemer ' +
      'og manuel kontrol afløses af digitale selvbetjeningsløsninger og automatiske arbejdsgange.',
    en:
      'We remove manual, repetitive work so that staff have time for citizens and the core task. ' +
      'Routine tasks are done by rules, robots and integrations: information is typed in only once, ' +
      'systems exchange data automatically, letters, reminders and receipts are sent by themselves, ' +
      'and simple cases and applications are processed automatically. Paper forms, copying between ' +
      'systems and manual checks give way to digital self-service and automated workflows.',
  },
  keywords: {
    da: [
      'automatisering', 'automatisk', 'automatisere', 'automatiseret', 'robot', 'softwarerobot',
      'rpa', 'robotic process automation', 'manuel', 'manuelt', 'håndholdt', 'i hånden', 'rutineopgave',
      'gentagne opgaver', 'dobbeltindtastning', 'tastes ind flere gange',
      'indtaste', 'indtastning', 'taste', 'afskrive', 'kopiere', 'copy paste', 'klippe',
      'integration', 'snitflade', 'overføre automatisk', 'overførsel', 'udfylde automatisk',
      'forudfyldt', 'selvbetjening', 'digital selvbetjening', 'selvbetjeningsløsning', 'blanket',
      'papirblanket', 'formular', 'digital ansøgning', 'automatisk sagsbehandling', 'regelbaseret',
      'arbejdsgang', 'workflow', 'flow', 'påmindelse', 'automatisk påmindelse', 'sms-påmindelse',
      'kvittering', 'standardbrev', 'brevflet', 'skabelon', 'autosvar', 'chatbot', 'journalisering',
      'automatisk journalisering', 'scanning', 'tekstgenkendelse', 'ocr', 'fakturabehandling',
      'faktura', 'bogføring', 'afstemning', 'udbetaling', 'opkrævning', 'bestilling', 'genbestilling',
      'booking', 'tidsbestilling', 'planlægning', 'vagtplanlægning', 'ruteplanlægning', 'kontrol',
      'tjekliste', 'opfølgning', 'sagsgang', 'ventetid', 'spildtid', 'tidsforbrug', 'ressourcer',
      'frigøre tid', 'effektivisering', 'færre klik', 'lønindberetning', 'fraværsregistrering',
      'tidsregistrering', 'udsendelse', 'besked', 'notifikation',
    ],
    en: [
      'automation', 'automatic', 'automatically', 'automate', 'automated', 'robot', 'software robot',
      'rpa', 'robotic process automation', 'manual', 'manually', 'by hand', 'routine task',
      'repetitive', 'repetitive tasks', 'double entry',
      'double registration', 'retype', 'typing', 'type in', 're-enter', 'key in', 'copy', 'copy paste',
      'integration', 'interface', 'transfer automatically', 'prefilled', 'auto-fill', 'self-service',
      'digital self-service', 'paper form', 'form', 'online application', 'automatic case processing',
      'rule-based', 'workflow', 'process', 'reminder', 'automatic reminder', 'text message reminder',
      'receipt', 'standard letter', 'mail merge', 'template', 'auto-reply', 'chatbot', 'filing',
      'automatic filing', 'scanning', 'text recognition', 'ocr', 'invoice processing', 'invoice',
      'bookkeeping', 'reconciliation', 'payment', 'payout', 'ordering', 'reorder', 'booking',
      'appointment booking', 'scheduling', 'rota planning', 'route planning', 'checklist', 'check',
      'follow-up', 'waiting time', 'wasted time', 'time-consuming', 'free up time', 'efficiency',
      'fewer clicks', 'payroll', 'absence registration', 'time registration', 'notification', 'message',
    ],
  },
  weight: 1,
};

const dataunderstoettelse: Theme = {
  id: 'dataunderstoettelse',
  name: { da: 'Dataunderstøttelse', en: 'Data support' },
  description: {
    da:
      'Vi træffer beslutninger på et oplyst grundlag. Data, vi allerede har, bruges til overblik, ' +
      'opfølgning og læring: ledelsesinformation, nøgletal og dashboards, der viser udviklingen over tid, ' +
      'statistik om fravær, ventetider, belægning, forbrug og økonomi, og analyser, der finder mønstre ' +
      'og forudser behov. Data skal have god kvalitet, være ens registreret og kunne deles og findes, ' +
      'så medarbejdere og ledere kan se, hvad der virker, prioritere og handle i tide.',
    en:
      'We make decisions on an informed basis. Data we already hold is used for overview, follow-up ' +
      'and learning: management information, key figures and dashboards that show developments over ' +
      'time, statistics on absence, waiting times, occupancy, consumption and finances, and analyses ' +
      'that find patterns and anticipate needs. Data must be of good quality, registered consistently, ' +
      'and easy to share and find, so that staff and managers can see what works, prioritise and act in time.',
  },
  keywords: {
    da: [
      'data', 'datadrevet', 'datagrundlag', 'datakvalitet', 'dataanalyse', 'analyse', 'overblik',
      'samlet overblik', 'dashboard', 'ledelsesinformation', 'nøgletal', 'kpi', 'statistik', 'tal',
      'rapport', 'rapportering', 'udtræk', 'dataudtræk', 'opgørelse', 'måling', 'måle', 'målinger',
      'monitorering', 'opfølgning', 'følge udviklingen', 'tendens', 'trend', 'mønster', 'prognose',
      'forudsige', 'forudsigelse', 'tidlig opsporing', 'risikovurdering', 'benchmark', 'sammenligne',
      'sammenligning', 'visualisering', 'graf', 'digitalt kort', 'kortlægning', 'gis', 'geodata', 'grunddata', 'register',
      'registrering', 'registrere', 'ensartet registrering', 'struktureret', 'fritekst', 'indsamle', 'andel', 'procent', 'fravær', 'fraværsstatistik', 'sygefravær', 'belægning',
      'kapacitet', 'ventetid', 'ventelister', 'forbrug', 'energiforbrug', 'vandforbrug', 'økonomi',
      'budget', 'budgetopfølgning', 'regnskab', 'omkostninger', 'udgifter', 'effekt', 'effektmåling',
      'resultater', 'kvalitet', 'tilfredshed', 'tilfredshedsmåling', 'spørgeskema', 'undersøgelse',
      'evaluering', 'indsigt', 'viden', 'beslutningsgrundlag', 'prioritering',
      'excel', 'regneark', 'business intelligence', 'power bi', 'datavarehus', 'kilde', 'fejl i data',
      'sensordata', 'aktivitetsdata', 'elevdata', 'trivselsmåling', 'karakterer', 'sagsantal',
    ],
    en: [
      'data', 'data-driven', 'data basis', 'data quality', 'data analysis', 'analysis', 'analytics',
      'overview', 'full picture', 'dashboard', 'management information', 'key figures', 'kpi',
      'statistics', 'numbers', 'figures', 'report', 'reporting', 'extract', 'data extract', 'measure',
      'measurement', 'monitoring', 'follow-up', 'follow developments', 'tendency', 'trend', 'pattern', 'forecast',
      'predict', 'prediction', 'early detection', 'risk assessment', 'benchmark', 'compare',
      'comparison', 'visualisation', 'visualization', 'chart', 'graph', 'digital map', 'mapping', 'gis', 'geodata',
      'master data', 'register', 'registration', 'record', 'consistent registration', 'structured data', 'free text', 'collect', 'rate', 'percentage', 'absence', 'absence statistics',
      'sick leave', 'occupancy', 'capacity', 'waiting time', 'waiting list', 'consumption',
      'energy consumption', 'water consumption', 'finances', 'budget', 'budget follow-up', 'accounts',
      'costs', 'spending', 'impact', 'effect', 'outcomes', 'results', 'quality', 'satisfaction',
      'satisfaction survey', 'questionnaire', 'survey', 'evaluation', 'insight', 'knowledge',
      'evidence', 'decision', 'prioritise', 'excel', 'spreadsheet',
      'business intelligence', 'power bi', 'data warehouse', 'source', 'errors in data', 'sensor data',
      'activity data', 'pupil data', 'well-being survey', 'grades', 'caseload',
    ],
  },
  weight: 1,
};

const teknologianvendelse: Theme = {
  id: 'teknologianvendelse',
  name: { da: 'Teknologianvendelse', en: 'Use of technology' },
  description: {
    da:
      'Vi tager ny og velafprøvet teknologi i brug, hvor den gør en forskel for borgere og medarbejdere: ' +
      'velfærdsteknologi og hjælpemidler i ældreplejen og på handicapområdet, skærmbesøg og video, ' +
      'sensorer og alarmer, apps og mobile enheder i marken, digitale læremidler og udstyr i skolen, ' +
      'talegenkendelse og kunstig intelligens, intelligente bygninger, droner og måleudstyr i teknik og ' +
      'miljø. Teknologien skal være nem at bruge, virke stabilt og følges af oplæring, så den faktisk bliver brugt.',
    en:
      'We put new and well-tested technology to use where it makes a difference to citizens and staff: ' +
      'welfare technology and assistive devices in elderly care and disability services, video visits, ' +
      'sensors and alarms, apps and mobile devices in the field, digital learning tools and equipment ' +
      'in schools, speech recognition and artificial intelligence, smart buildings, drones and measuring ' +
      'equipment in technical services. Technology must be easy to use, work reliably and come with ' +
      'training, so that it is actually used.',
  },
  keywords: {
    da: [
      'teknologi', 'ny teknologi', 'velfærdsteknologi', 'hjælpemiddel', 'hjælpemidler', 'robot',
      'vaskerobot', 'robotstøvsuger', 'støvsugerrobot', 'spiserobot', 'loftlift', 'lift', 'forflytning', 'vasketoilet',
      'sensor', 'sensorer', 'alarm', 'nødkald', 'faldalarm', 'gps', 'gps-tracker', 'sporing', 'skærmbesøg',
      'videobesøg', 'video', 'videokonsultation', 'videomøde', 'skærm', 'tablet', 'ipad', 'computer',
      'bærbar', 'pc', 'chromebook', 'smartphone', 'mobil', 'mobiltelefon', 'app',
      'applikation', 'mobilapp', 'digitalt værktøj', 'værktøj', 'udstyr', 'hardware', 'software',
      'it', 'it-system', 'netværk', 'wifi', 'trådløst', 'internet', 'digital',
      'digitale læremidler', 'læringsplatform', 'interaktiv tavle', 'projektor', 'virtual reality',
      'vr', '3d-print', 'talegenkendelse', 'diktering', 'oplæsning', 'kunstig intelligens', 'ai',
      'sprogmodel', 'chatgpt', 'maskinlæring', 'billedgenkendelse', 'kamera', 'drone', 'måler',
      'fjernaflæsning', 'iot', 'intelligent', 'smart', 'smart city', 'elektronisk lås', 'nøglefri',
      'digital lås', 'medicinhuse', 'medicindispenser', 'elektronisk medicinhus', 'skærmløsning',
      'scanner', 'printer', 'headset', 'oplæring', 'digitale kompetencer', 'brugervenlig',
      'afprøve', 'pilotprojekt', 'innovation',
    ],
    en: [
      'technology', 'new technology', 'welfare technology', 'assistive technology', 'assistive device',
      'aids', 'robot', 'cleaning robot', 'robot vacuum', 'feeding robot', 'ceiling hoist', 'hoist',
      'lifting', 'transfer', 'wash and dry toilet', 'sensor', 'sensors', 'alarm', 'emergency call',
      'fall alarm', 'fall detection', 'gps', 'gps tracker', 'tracking', 'video visit', 'video', 'video consultation',
      'video call', 'video meeting', 'screen', 'tablet', 'ipad', 'computer', 'laptop', 'pc',
      'chromebook', 'smartphone', 'mobile', 'mobile phone', 'app', 'application',
      'mobile app', 'digital tool', 'tool', 'equipment', 'device', 'hardware', 'software',
      'IT', 'IT system', 'network', 'wifi', 'wireless', 'internet', 'digital',
      'digital learning materials', 'learning platform', 'interactive whiteboard', 'projector',
      'virtual reality', 'vr', '3d printing', 'speech recognition', 'dictation', 'text to speech',
      'artificial intelligence', 'ai', 'language model', 'chatgpt', 'machine learning',
      'image recognition', 'camera', 'drone', 'meter', 'remote reading', 'iot', 'smart',
      'smart city', 'electronic lock', 'keyless', 'digital lock', 'medicine dispenser',
      'electronic pill dispenser', 'scanner', 'printer', 'headset', 'training', 'digital skills',
      'user-friendly', 'pilot', 'innovation',
    ],
  },
  weight: 1,
};

const organisatoriskSammenhaeng: Theme = {
  id: 'organisatorisk_sammenhaeng',
  name: { da: 'Organisatorisk sammenhæng', en: 'Organisational coherence' },
  description: {
    da:
      'Vi arbejder som én kommune. Borgeren skal opleve et sammenhængende forløb, også når sagen går ' +
      'på tværs af afdelinger, forvaltninger og sektorer, og medarbejderne skal kunne samarbejde, ' +
      'koordinere og dele viden uden at skulle lede efter den rette kollega. Det kræver fælles ' +
      'arbejdsgange og standarder, klare roller og ansvar, gode overleveringer, fælles kalendere og ' +
      'kontaktoplysninger, én indgang for borgeren og et godt samarbejde med region, sygehuse og ' +
      'andre kommuner. Vi deler løsninger og ressourcer i stedet for at opfinde dem hver for sig.',
    en:
      'We work as one municipality. Citizens should experience a coherent journey, also when their case ' +
      'crosses departments, administrations and sectors, and staff should be able to collaborate, ' +
      'coordinate and share knowledge without hunting for the right colleague. That takes shared ' +
      'procedures and standards, clear roles and responsibilities, good handovers, shared calendars and ' +
      'contact details, one point of entry for the citizen and good cooperation with the region, ' +
      'hospitals and other municipalities. We share solutions and resources instead of inventing them separately.',
  },
  keywords: {
    da: [
      'sammenhæng', 'sammenhængende', 'sammenhængende forløb', 'borgerforløb', 'på tværs', 'tværgående',
      'tværfaglig', 'tværfagligt samarbejde', 'samarbejde', 'koordinering', 'koordinere', 'afstemme',
      'fælles', 'fælles praksis', 'fælles arbejdsgang', 'ensartet', 'standard', 'standardisering',
      'retningslinje', 'procedure', 'roller', 'ansvar', 'ansvarsfordeling', 'overlevering', 'overdragelse', 'vagtskifte', 'sektorovergang', 'udskrivelse', 'hospital',
      'sygehus', 'region', 'praktiserende læge', 'afdeling', 'afdelinger', 'forvaltning', 'enhed',
      'team', 'kollega', 'kolleger', 'siloer', 'silo', 'kommunikation',
      'informationsdeling', 'videndeling', 'dele viden', 'dele', 'deling', 'hinanden', 'orientere', 'intranet', 'fælles kalender',
      'kalender', 'mødebooking', 'lokalebooking', 'deleordning', 'delebil', 'ressourcedeling',
      'kontaktliste', 'kontaktoplysninger', 'telefonliste', 'rette person', 'én indgang', 'én kontakt',
      'kontaktperson', 'tovholder', 'sagsansvarlig', 'netværk', 'onboarding', 'introduktion',
      'nye medarbejdere', 'vikar', 'vikarer', 'møde', 'tværmøde', 'samarbejdsaftale', 'helhed',
      'helhedsorienteret', 'fælles plan', 'familie', 'skole-hjem', 'forældresamarbejde',
      'frivillige', 'foreninger', 'leverandør', 'tværkommunal', 'organisering', 'ledelse',
    ],
    en: [
      'coherence', 'coherent', 'seamless', 'citizen journey', 'across', 'cross-departmental',
      'interdisciplinary', 'cross-disciplinary', 'collaboration', 'collaborate', 'cooperation',
      'coordination', 'coordinate', 'align', 'shared', 'common', 'common practice', 'joint',
      'consistent', 'standard', 'standardisation', 'guideline', 'procedure', 'roles', 'responsibility',
      'ownership', 'handover', 'shift change', 'transition', 'discharge',
      'hospital', 'region', 'general practitioner', 'department', 'departments', 'administration',
      'unit', 'team', 'colleague', 'colleagues', 'silos', 'silo', 'separately', 'communication', 'information sharing', 'knowledge sharing', 'share knowledge', 'share',
      'sharing', 'keep informed', 'intranet', 'shared calendar', 'calendar', 'room booking', 'pool', 'car sharing',
      'shared resources', 'contact list', 'contact details', 'phone list', 'the right person',
      'single point of contact', 'one point of entry', 'contact person', 'case owner', 'network',
      'onboarding', 'induction', 'new staff', 'new employees', 'substitute', 'temp', 'meeting',
      'partnership', 'holistic', 'joint plan', 'family', 'parents', 'volunteers',
      'associations', 'supplier', 'intermunicipal', 'organisation', 'management',
    ],
  },
  weight: 1,
};

/**
 * One step of a 0–4 scale: what the score means, in Danish and English. Marked free of side
 * effects, so esbuild leaves the criteria out of the bundles of functions that never read the
 * default strategy (as it does the themes, which are plain object literals).
 */
const step = /* @__NO_SIDE_EFFECTS__ */ (da: string, en: string): ScaleStep => ({ da, en });

const criteria: Criterion[] = [
  {
    id: 'strategic_fit',
    name: { da: 'Strategisk match', en: 'Strategic fit' },
    weight: 3,
    scale: [
      step('Rører ingen af strategiens temaer', 'Touches none of the strategy’s themes'),
      step('Rører et tema i udkanten', 'Touches a theme at the edges'),
      step('Understøtter et tema', 'Supports one theme'),
      step('Understøtter et tema tydeligt eller flere temaer', 'Clearly supports one theme or several'),
      step('Er et kerneeksempel på strategien', 'Is a core example of the strategy'),
    ],
  },
  {
    id: 'benefit',
    name: { da: 'Gevinst', en: 'Benefit' },
    weight: 3,
    scale: [
      step('Ingen mærkbar gevinst', 'No noticeable benefit'),
      step('Lille gevinst, under 50 timer om året', 'Small benefit, under 50 hours a year'),
      step('Mærkbar gevinst, 50–250 timer om året eller bedre kvalitet for nogle borgere', 'Noticeable benefit, 50–250 hours a year or better quality for some citizens'),
      step('Stor gevinst, 250–1.000 timer om året eller klart bedre service', 'Large benefit, 250–1,000 hours a year or clearly better service'),
      step('Meget stor gevinst, over 1.000 timer om året eller afgørende for borgerne', 'Very large benefit, over 1,000 hours a year or decisive for citizens'),
    ],
  },
  {
    id: 'feasibility',
    name: { da: 'Gennemførlighed', en: 'Feasibility' },
    weight: 2,
    scale: [
      step('Kan ikke lade sig gøre med de midler, vi har', 'Cannot be done with the means we have'),
      step('Kræver nyt system, stort budget eller lang udvikling', 'Needs a new system, a large budget or long development'),
      step('Kan lade sig gøre med en indsats over flere måneder', 'Doable with an effort over several months'),
      step('Kan laves med eksisterende systemer på få uger', 'Can be done with existing systems in a few weeks'),
      step('Kan afprøves med det samme', 'Can be tried right away'),
    ],
  },
  {
    id: 'risk_compliance',
    name: { da: 'Risiko og regelefterlevelse', en: 'Risk and compliance' },
    weight: 2,
    scale: [
      step('Høj risiko: strider mod regler eller behandler følsomme data uden afklaring', 'High risk: breaks rules or handles sensitive data without clearance'),
      step('Betydelig risiko, der kræver juridisk afklaring først', 'Significant risk that needs legal clearance first'),
      step('Nogen risiko, kan håndteres med en konsekvensanalyse og aftaler', 'Some risk, manageable with an impact assessment and agreements'),
      step('Lav risiko, kendte regler og data', 'Low risk, familiar rules and data'),
      step('Ingen væsentlig risiko, ingen persondata', 'No significant risk, no personal data'),
    ],
  },
  {
    id: 'reach',
    name: { da: 'Rækkevidde', en: 'Reach' },
    weight: 1,
    scale: [
      step('Gavner kun forslagsstilleren', 'Benefits only the submitter'),
      step('Gavner et enkelt team', 'Benefits a single team'),
      step('Gavner en afdeling eller en gruppe borgere', 'Benefits a department or a group of citizens'),
      step('Gavner flere afdelinger eller mange borgere', 'Benefits several departments or many citizens'),
      step('Gavner hele kommunen eller alle borgere', 'Benefits the whole municipality or all citizens'),
    ],
  },
];

export const DEFAULT_STRATEGY: StrategyContent = {
  name: { da: 'Digitaliseringsstrategi 2026–2029', en: 'Digital strategy 2026–2029' },
  period: { from: '2026-01-01', to: '2029-12-31' },
  themes: [automatisering, dataunderstoettelse, teknologianvendelse, organisatoriskSammenhaeng],
  criteria,
};
