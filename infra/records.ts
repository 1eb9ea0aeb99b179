/**
 * Small helpers for the records of the system description (infra/system.ts), shared by the
 * stack and its constructs.
 */

/** `intakeWorker` → `IntakeWorker`: construct ids from the description's names. */
export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** A record's entries, keyed by its own key type. */
export function entries<K extends string, V>(record: Record<K, V>): [K, V][] {
  return Object.entries(record) as [K, V][];
}

/** A record with every value mapped, keys kept. */
export function mapRecord<K extends string, V, R>(record: Record<K, V>, map: (value: V, key: K) => R): Record<K, R> {
  return Object.fromEntries(entries(record).map(([key, value]) => [key, map(value, key)])) as Record<K, R>;
}
