/** The seeds `npm test` runs: 18 with five Node devices, 2 of them also with two browsers. */
export const NODE_SEEDS = Array.from({ length: 18 }, (_, i) => i + 1);
export const BROWSER_SEEDS = [101, 102];
