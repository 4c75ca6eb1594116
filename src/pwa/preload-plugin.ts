/**
 * Build step: src/boot.ts paints first and then imports the document's code and the app's
 * side by side. Those imports are dynamic, so the browser would only learn of their files
 * once boot has run; this adds `<link rel="modulepreload">` for them (and everything they
 * import) to index.html, so a first visit fetches them at once, beside boot itself.
 */
import type { Plugin } from 'vite';

export function preloadAfterBoot(entries: readonly string[]): Plugin {
  return {
    name: 'rapport:preload-after-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((o) => o.type === 'chunk');
        const files = new Set<string>();
        const add = (fileName: string) => {
          if (files.has(fileName)) return;
          files.add(fileName);
          const chunk = chunks.find((c) => c.fileName === fileName);
          if (chunk && chunk.type === 'chunk') chunk.imports.forEach(add);
        };
        for (const chunk of chunks)
          if (chunk.type === 'chunk' && chunk.facadeModuleId && entries.some((e) => chunk.facadeModuleId!.endsWith(e)))
            add(chunk.fileName);
        // The entry itself is already a <script>.
        for (const chunk of chunks) if (chunk.type === 'chunk' && chunk.isEntry) files.delete(chunk.fileName);
        return [...files].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
