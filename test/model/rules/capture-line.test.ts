import { describe, expect, test } from 'vitest';
import { splitCaptureLine } from '../../../src/model/rules/index.ts';

describe('an email typed into the capture line', () => {
  test.each([
    ['VC at Pale Blue Dot; ping him re: portfolio jobs', 'VC at Pale Blue Dot; ping him re: portfolio jobs', null],
    ['mei@paleblue.vc', '', 'mei@paleblue.vc'],
    ['VC at Pale Blue Dot mei@paleblue.vc', 'VC at Pale Blue Dot', 'mei@paleblue.vc'],
    ['VC at Pale Blue Dot — mei@paleblue.vc', 'VC at Pale Blue Dot', 'mei@paleblue.vc'],
    ['mei@paleblue.vc, ping him re: jobs', 'ping him re: jobs', 'mei@paleblue.vc'],
    ['write to Mei.Lin@PaleBlue.vc.', 'write to', 'Mei.Lin@PaleBlue.vc'],
    ['met @ the bar, not an address', 'met @ the bar, not an address', null],
  ])('%j', (typed, line, email) => {
    expect(splitCaptureLine(typed)).toEqual({ line, email });
  });
});
