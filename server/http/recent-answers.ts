/**
 * The answers to recent creations, by the request id the client sent with them: a client that
 * retries after a lost response (a network error after the relay had created the space) gets
 * the same answer back instead of a second, orphaned space. In memory only, for a few minutes,
 * and bounded: it exists to make retries safe, not to remember anything.
 */
interface RecentAnswers<T> {
  get(requestId: string): T | undefined;
  set(requestId: string, answer: T): void;
}

/** A request id carries at least 128 random bits, so it is as hard to guess as the token it may return. */
export const REQUEST_ID = /^[A-Za-z0-9_-]{22,64}$/;

export function makeRecentAnswers<T>(ttlMs = 10 * 60_000, max = 1000, now: () => number = Date.now): RecentAnswers<T> {
  const answers = new Map<string, { at: number; answer: T }>();
  return {
    get(requestId) {
      const found = answers.get(requestId);
      if (found === undefined) return undefined;
      if (now() - found.at > ttlMs) {
        answers.delete(requestId);
        return undefined;
      }
      return found.answer;
    },
    set(requestId, answer) {
      answers.set(requestId, { at: now(), answer });
      // Maps iterate in insertion order: the oldest go first.
      for (const key of answers.keys()) {
        if (answers.size <= max) break;
        answers.delete(key);
      }
    },
  };
}
