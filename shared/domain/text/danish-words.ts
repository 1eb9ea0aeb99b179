/**
 * A modest base vocabulary of Danish words that municipal compounds are built from, in their
 * dictionary form: journal + notat, borger + service, vagt + plan, sag + s + behandling.
 * compounds.ts splits a long word into these parts (and into the words of a strategy's themes).
 * Function words are left out on purpose, so "medarbejder" is not split into "med" + "arbejder".
 */
export const DANISH_BASE_WORDS: readonly string[] = [
  // People and roles
  'borger', 'beboer', 'bruger', 'patient', 'elev', 'barn', 'børn', 'forælder', 'forældre', 'familie',
  'lærer', 'pædagog', 'leder', 'chef', 'medarbejder', 'kollega', 'personale', 'vikar', 'frivillig',
  'læge', 'sygeplejerske', 'terapeut', 'hjælper', 'assistent', 'konsulent', 'sagsbehandler', 'politiker',
  'leverandør', 'borgmester', 'direktør', 'ansat', 'ung', 'unge', 'ældre', 'voksen', 'handicap',
  // Places and units
  'kommune', 'rådhus', 'afdeling', 'forvaltning', 'enhed', 'center', 'skole', 'klasse', 'børnehave',
  'vuggestue', 'dagpleje', 'dagtilbud', 'institution', 'plejehjem', 'plejecenter', 'hjem', 'hjemme',
  'bolig', 'kontor', 'hal', 'bygning', 'lokale', 'køkken', 'bibliotek', 'klub', 'sygehus', 'hospital',
  'region', 'område', 'vej', 'park', 'plads', 'hus', 'værksted', 'lager', 'genbrugsplads', 'job',
  'jobcenter', 'ydelse', 'social', 'sundhed', 'aktivitet', 'afsnit', 'gruppe', 'team',
  // Work and cases
  'sag', 'opgave', 'arbejde', 'arbejdsgang', 'proces', 'forløb', 'plan', 'planlægning', 'skema',
  'vagt', 'vagtplan', 'tid', 'time', 'dag', 'uge', 'måned', 'aften', 'nat', 'weekend', 'frist',
  'behandling', 'visitation', 'bevilling', 'ansøgning', 'afgørelse', 'klage', 'henvendelse',
  'samtale', 'møde', 'besøg', 'pleje', 'omsorg', 'hjælp', 'støtte', 'indsats', 'tilbud',
  'undervisning', 'læring', 'trivsel', 'fravær', 'sygdom', 'syg', 'sygefravær', 'medicin', 'dosis',
  'rengøring', 'vask', 'tøj', 'mad', 'måltid', 'kost', 'affald', 'skrald', 'tømning', 'kørsel', 'rute',
  'bil', 'bus', 'cykel', 'nøgle', 'lås', 'dør', 'tag', 'lys', 'lampe', 'varme', 'vand', 'strøm', 'energi',
  'løn', 'tillæg', 'økonomi', 'budget', 'regnskab', 'faktura', 'betaling', 'regning', 'indkøb', 'udbud',
  'kontrakt', 'aftale', 'ansættelse', 'opsigelse', 'introduktion', 'uddannelse', 'kursus', 'kompetence',
  // Information and documents
  'journal', 'notat', 'dokument', 'brev', 'post', 'mail', 'besked', 'sms', 'telefon', 'opkald',
  'liste', 'oversigt', 'overblik', 'rapport', 'referat', 'skabelon', 'blanket', 'formular', 'kvittering',
  'påmindelse', 'kalender', 'booking', 'bestilling', 'indkaldelse', 'underskrift', 'arkiv', 'mappe',
  'papir', 'fil', 'data', 'tal', 'statistik', 'måling', 'registrering', 'indtastning', 'oplysning',
  'information', 'viden', 'kvalitet', 'kontrol', 'tjekliste', 'overlevering', 'dagsorden', 'punkt',
  'beslutning', 'analyse', 'prognose', 'adgang', 'kode', 'login', 'profil', 'service',
  // Technology
  'system', 'fagsystem', 'program', 'software', 'app', 'skærm', 'tablet', 'computer', 'toilet',
  'mobil', 'robot', 'sensor', 'alarm', 'kamera', 'video', 'lyd', 'tale', 'genkendelse', 'teknologi',
  'velfærd', 'hjælpemiddel', 'udstyr', 'værktøj', 'net', 'netværk', 'platform', 'portal', 'selvbetjening',
  'betjening', 'løsning', 'integration', 'automatisering', 'digital',
  // Qualities and parts that commonly start a compound
  'dobbelt', 'fælles', 'hoved', 'kerne', 'fag', 'tvær', 'nød', 'fald', 'gammel',
];
