/**
 * Words that say nothing about what a text is about. The Snowball project's lists for Danish and
 * English (from @orama/stopwords), plus the fillers of everyday workplace writing that those
 * lists leave in (kan, får, gerne; also, just, get).
 */
import { stopwords as danish } from '@orama/stopwords/danish';
import { stopwords as english } from '@orama/stopwords/english';
import type { Language } from '../idea.ts';

const DANISH_FILLERS = [
  'kan', 'får', 'få', 'fik', 'fået', 'gør', 'gøre', 'gjort', 'gik', 'går', 'bare', 'gerne', 'lige', 'helt',
  'hel', 'hele', 'rigtig', 'rigtigt', 'mere', 'mest', 'flere', 'fleste', 'andre', 'andet', 'hver', 'hvert',
  'samme', 'hvem', 'hvilke', 'hvilken', 'hvilket', 'hvordan', 'hvorfor', 'hvornår', 'nogen', 'ingen', 'intet',
  'kun', 'også', 'altid', 'aldrig', 'tit', 'ofte', 'stadig', 'igen', 'måske', 'både', 'samt', 'via',
  'uden', 'mens', 'fordi', 'derfor', 'så', 'vores', 'jeres', 'blevet', 'bliver', 'burde', 'måtte',
  'må', 'kunne', 'skulle', 'ville', 'vil', 'fx', 'feks', 'osv', 'ca', 'evt', 'ikke', 'nok', 'sådan',
  'selv', 'ved', 'siger', 'sige', 'står', 'tage', 'tager', 'giver', 'give',
  'fra', 'frem', 'først', 'sidst', 'næsten', 'meget', 'mange', 'lidt', 'godt', 'nogle',
  'dag', 'dage', 'gang', 'gange', 'allerede', 'enkelte', 'to', 'tre', 'fire', 'fem',
  // "Use" is in every kind of text; "bruger" stays, as it is also the noun "user".
  'bruge', 'bruges', 'brugt', 'brugte',
];

const ENGLISH_FILLERS = [
  'also', 'just', 'get', 'gets', 'got', 'getting', 'every', 'lot', 'lots', 'really', 'still', 'even',
  'etc', 'eg', 'ie', 'via', 'instead', 'without', 'within', 'much', 'many', 'often', 'always', 'never',
  'one', 'two', 'three', 'four', 'five', 'day', 'days', 'way', 'thing', 'things',
  'make', 'makes', 'made', 'let', 'lets', 'us', 'would', 'could', 'should', 'can', 'will', 'may',
  'might', 'need', 'needs', 'like', 'well', 'already', 'almost', 'someone', 'nobody', 'everyone',
  'anyone', 'something', 'nothing', 'everything', 'else', 'whole', 'less', 'far', 'since', 'yet',
  'actual', 'actually', 'same',
  // "Use" is in every kind of text.
  'use', 'uses', 'used', 'using',
];

/**
 * The stop words of each language, as normalise() gives them, which is how the lists are written
 * (a unit test holds them to it): so nothing is normalised as a function loads, and functions that
 * never read a text's words never compile normalise()'s Unicode expressions. ("ét" and "én" are
 * "et" and "en", which the Danish list has.)
 */
export const STOP_WORDS: Record<Language, ReadonlySet<string>> = {
  da: new Set([...danish, ...DANISH_FILLERS]),
  en: new Set([...english, ...ENGLISH_FILLERS]),
};

/** Whether a normalised word is a stop word of the language. */
export function isStopWord(normal: string, language: Language): boolean {
  return STOP_WORDS[language].has(normal);
}
