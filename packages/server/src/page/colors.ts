/** WCAG 2.x contrast arithmetic for brand colours given as `#rgb` or `#rrggbb`. */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

const HEX = /^#(?:([0-9a-f]{3})|([0-9a-f]{6}))$/i;

export function parseHexColor(value: string): Rgb | null {
  const match = HEX.exec(value.trim());
  if (!match) return null;
  const hex = match[1] ? [...match[1]].map((digit) => digit + digit).join('') : match[2]!;
  return { r: parseInt(hex.slice(0, 2), 16), g: parseInt(hex.slice(2, 4), 16), b: parseInt(hex.slice(4, 6), 16) };
}

export function toHex({ r, g, b }: Rgb): string {
  return `#${[r, g, b]
    .map((channel) =>
      Math.round(Math.min(255, Math.max(0, channel)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

function linear(channel: number): number {
  const value = channel / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance (WCAG 2.2, 1.4.3). */
export function luminance(color: Rgb): number {
  return 0.2126 * linear(color.r) + 0.7152 * linear(color.g) + 0.0722 * linear(color.b);
}

/** Contrast ratio between two colours, 1 … 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const BLACK: Rgb = { r: 0, g: 0, b: 0 };
const WHITE: Rgb = { r: 255, g: 255, b: 255 };

/** Black or white, whichever reads better on `background` (always at least 4.58:1). */
export function readableTextOn(background: Rgb): Rgb {
  return contrastRatio(BLACK, background) >= contrastRatio(WHITE, background) ? BLACK : WHITE;
}

function mix(from: Rgb, to: Rgb, amount: number): Rgb {
  return { r: from.r + (to.r - from.r) * amount, g: from.g + (to.g - from.g) * amount, b: from.b + (to.b - from.b) * amount };
}

/**
 * `foreground`, darkened or lightened just enough to reach `minimum` contrast on `background` (towards
 * black on light backgrounds, towards white on dark ones), so the brand hue survives where it can.
 */
export function ensureContrast(foreground: Rgb, background: Rgb, minimum = 4.5): Rgb {
  if (contrastRatio(foreground, background) >= minimum) return foreground;
  const target = readableTextOn(background);
  for (let step = 1; step <= 20; step++) {
    const candidate = mix(foreground, target, step / 20);
    const rounded = parseHexColor(toHex(candidate))!;
    if (contrastRatio(rounded, background) >= minimum) return rounded;
  }
  return target;
}
