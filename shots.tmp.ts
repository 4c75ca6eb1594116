// Screenshot script (not committed): Today, person page and Capture at 390 and 1280, light and dark.
import { App } from './test/browser/pages/app.ts';
import { startAppServer } from './test/browser/support/app-server.ts';
import { launchBrowser } from './test/browser/support/browser.ts';

const server = await startAppServer();
const browser = await launchBrowser();
const which = process.argv[2] ?? 'today';
for (const scheme of ['light', 'dark'] as const) {
  for (const [w, h] of [[390, 844], [1280, 800]]) {
    const context = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: scheme });
    await context.clock.install({ time: new Date('2026-06-15T18:30:00') });
    const app = await App.open(context, server.url);
    await app.capture.startEvent('Climate Week meetup', 'Berlin');
    const names = ['Mei Lin', 'Ben Carter', 'Priya Raghunathan-Oyelaran Wolfeschlegelsteinhausen', 'Lena Fischer', 'Marco Rossi', 'Sofía Núñez', 'Kwame Mensah'];
    const lines = ['VC at Pale Blue Dot; ping him re: portfolio jobs', 'Onboarding flow at Ecosia', 'Climate data PM, wants intros to grid operators in the Nordics', '', 'Hiring PMs at Tado', 'Runs the climate PM guild', 'Talent partner at Climatebase'];
    for (let i = 0; i < names.length; i++) await app.capture.quickCapture(names[i]!, lines[i] || undefined);
    await app.page.clock.fastForward(3 * 86_400_000);
    if (which === 'today') await app.today.open();
    if (which === 'capture') await app.capture.open();
    if (which === 'person') {
      await app.goto('/people');
      await app.people.openPerson('Mei Lin');
      await app.person.addEmail('mei@paleblue.vc');
      await app.person.edit('Role', 'Partner');
      await app.person.edit('Organisation', 'Pale Blue Dot');
      await app.page.getByRole('button', { name: 'Done editing' }).last().click();
    }
    await app.page.waitForTimeout(300);
    await app.page.screenshot({ path: `/tmp/shots/${which}-${w}-${scheme}.png`, fullPage: which !== 'person' && w === 390 });
    await context.close();
  }
}
await browser.close();
await server.stop();
