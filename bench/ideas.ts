/** Synthetic ideas for the benchmarks: one a minute from 1 January 2026, anonymous, in Danish with æ, ø and å. */
import type { Idea } from '../shared/domain/idea.ts';

export const DEPARTMENTS = ['Ældreplejen', 'Børn og Unge', 'Jobcenter', 'Teknik og Miljø', 'Sundhed og Omsorg', 'Borgerservice', 'Skoler', 'Økonomi'];

export const pickFrom = <T>(next: () => number, values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;

/** Idea number `n`, submitted, its kind and department drawn from `next`. */
export function syntheticIdea(n: number, next: () => number): Idea {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    kind: next() < 0.5 ? 'idea' : 'friction',
    title: `Idé nummer ${n} om bøvl i hverdagen`,
    description: 'En syntetisk idé til benchmarks, med æ, ø og å.',
    department: pickFrom(next, DEPARTMENTS),
    language: 'da',
    anonymous: true,
    status: 'submitted',
    createdAt: at,
    statusChangedAt: at,
    updatedAt: at,
    version: 1,
    requeueCount: 0,
  };
}
