/**
 * The only platform the model may use: what browsers, workers and Node all have. The model
 * is compiled without the DOM (tsconfig.model.json), so reaching for `document`, `window` or
 * `localStorage` here fails to compile; this names the few universal globals it needs.
 */
export {};

declare global {
  class URL {
    constructor(url: string, base?: string);
    readonly href: string;
    readonly protocol: string;
    readonly hostname: string;
    readonly pathname: string;
  }
  const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };
  const performance: { now(): number };
}
