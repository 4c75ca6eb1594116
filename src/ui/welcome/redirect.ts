/**
 * First run: an empty space opens on /welcome until the user has finished or
 * skipped it once on this device (remembered in localStorage).
 */
import { useNavigate } from '@solidjs/router';
import { onMount, untrack } from 'solid-js';
import { createLive } from '../space.tsx';

const WELCOME_KEY = 'rapport.welcome';

function welcomeDone(): boolean {
  try {
    return localStorage.getItem(WELCOME_KEY) !== null;
  } catch {
    return true; // without storage we could not remember a skip: never trap the user in the tour
  }
}

export function rememberWelcome(how: 'done' | 'skipped'): void {
  try {
    localStorage.setItem(WELCOME_KEY, how);
  } catch {
    // Nothing to do: the tour will simply be offered again.
  }
}

/** Call at the top of Today: sends an empty space to the first run, once. */
export function useWelcomeRedirect(): void {
  const navigate = useNavigate();
  const people = createLive('contacts');
  const objectives = createLive('objectives');
  const communities = createLive('communities');
  onMount(() => {
    if (welcomeDone()) return;
    const empty = untrack(() => people().length + objectives().length + communities().length === 0);
    if (empty) navigate('/welcome', { replace: true });
  });
}
