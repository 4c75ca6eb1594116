/**
 * Which build of the app this is. `VITE_RAPPORT_BUILD` is set at build time (a
 * release tag, a commit; the update tests build twice with different values);
 * it is written on <html data-build> so a person or a test can tell builds apart.
 */
export const APP_BUILD: string = String(import.meta.env['VITE_RAPPORT_BUILD'] ?? 'dev');
