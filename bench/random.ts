/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so every benchmark run, and every fault-injected run of the local runtime (infra/local/faults.ts), is the same for one seed. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
