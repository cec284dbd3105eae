// The accent colour's contrast (WCAG 2.2, 1.4.3), without a database: the ratios of known pairs,
// the partner that decides, and a ratio never shown as higher than it is.
import { describe, expect, it } from 'vitest';
import { accentContrast, contrastRatio, NEEDED_RATIO, shownRatio } from './contrast.ts';

describe('contrast', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#767676', '#ffffff', 4.54],
  ])('%s on %s is %d:1', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
    expect(contrastRatio(b, a)).toBeCloseTo(ratio, 2);
  });

  it.each([
    ['#8a3b12', true],
    ['#1a5fb4', true],
    ['#ffcc00', false],
    // Passes on white (4.54:1) but not on the page's warm background: the lower one decides.
    ['#767676', false],
  ])('accent %s passes: %s', (accent, passes) => {
    expect(accentContrast(accent) >= NEEDED_RATIO).toBe(passes);
  });

  it('rounds the shown ratio down, so a refused colour never reads as enough', () => {
    expect(shownRatio(4.4999)).toBe('4.49');
    expect(shownRatio(1.4449)).toBe('1.44');
  });
});
