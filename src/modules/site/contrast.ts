// WCAG 2.2 contrast (success criterion 1.4.3): the accent colour is the colour of links on the
// page's background and the background of buttons with white text, so it must reach 4.5:1 against
// both. Dark mode keeps the stylesheet's own accent (docs/site.md).

/** What the accent is used with in the light scheme (src/ui/assets/app.css: --bg, --card, --accent-fg). */
export const ACCENT_PARTNERS = ['#fbfaf7', '#ffffff'] as const;
export const NEEDED_RATIO = 4.5;

function luminance(hex: string): number {
  const channel = (i: number) => {
    const v = Number.parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** The contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The accent's lowest contrast with what it is used with. */
export function accentContrast(accent: string): number {
  return Math.min(...ACCENT_PARTNERS.map((partner) => contrastRatio(accent, partner)));
}

/** The ratio as shown to people: rounded down to two decimals, so 4.499 never reads as 4.5. */
export const shownRatio = (ratio: number) => (Math.floor(ratio * 100) / 100).toFixed(2);
