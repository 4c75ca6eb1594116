/** Hands text to the browser as a file download: Blob → object URL → <a download>, URL revoked after. */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a few seconds is plenty for it to start.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "rapport-people-2026-11-25.vcf": dated, so a second export never overwrites the first. */
export function datedName(stem: string, ext: string, now = new Date()): string {
  const d = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `rapport-${stem}-${d}.${ext}`;
}
