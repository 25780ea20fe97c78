import { ConfigurationError, type ShipmentStatus } from '@wismo/core';
import type { Language, OrderStage } from '@wismo/order-view';
import { contrastRatio, ensureContrast, parseHexColor, readableTextOn, toHex, type Rgb } from './colors';
import { isLanguage } from './locale';

/** What the merchant's upsell / cross-sell slot is told about the page it appears on. */
export interface UpsellContext {
  /** `parcel`: looked up by tracking number (no order data); `order`: unlocked with order number + email/postcode. */
  tier: 'parcel' | 'order';
  language: Language;
  /** The `Intl` locale of the page, e.g. `de-AT`. */
  locale: string;
  /** The parcel's status (parcel tier, or the first parcel of an order). */
  status: ShipmentStatus | null;
  /** The order's stage (order tier only). */
  stage: OrderStage | null;
  carrier: string | null;
  /** Order tier only: the order number and the ordered items (id, name, quantity) for cross-selling. */
  orderNumber: string | null;
  items: readonly { id: string; name: string; quantity: number }[];
}

export interface BrandColors {
  /** Header, buttons and links. `#rgb` or `#rrggbb`. */
  primary: string;
  /** Page background. */
  background: string;
  /** Body text. */
  text: string;
}

export interface BrandOptions {
  name: string;
  /** `https://…` or a path on this server (`/assets/logo.svg`). Shown beside the name. */
  logoUrl?: string;
  colors: BrandColors;
  /**
   * HTML for the upsell / cross-sell slot, or null for none. Inserted as-is: it is the merchant's own
   * markup, so never put customer input in it unescaped. Scripts do not run (the page's CSP forbids them).
   */
  upsell?: (context: UpsellContext) => string | null;
  /** The shop's default language when neither the URL nor `Accept-Language` names one: en, de, nl, fr or es. */
  defaultLocale: string;
  /** IANA time zone for times on the parcel page, where the customer's own zone is unknown. */
  timeZone: string;
  /** Where the brand name in the header links to (the shop). Default: the tracking form. */
  homeUrl?: string;
}

export interface ResolvedBrand {
  name: string;
  logoUrl: string | null;
  homeUrl: string | null;
  defaultLanguage: Language;
  timeZone: string;
  upsell: ((context: UpsellContext) => string | null) | null;
  /** The colours the page uses: adjusted where the configured ones would be hard to read. */
  theme: {
    primary: string;
    onPrimary: string;
    background: string;
    text: string;
    muted: string;
    link: string;
    border: string;
    /** Field error text: a red that reads on the background. */
    error: string;
  };
  /** What was changed in the configured colours, and why (logged once at start-up). */
  adjustments: string[];
}

/** Only web links and paths on this server: no `javascript:` or `data:` URLs from configuration or carriers. */
export function safeUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function colorOf(value: string, field: string): Rgb {
  const color = parseHexColor(value);
  if (!color) throw new ConfigurationError(`brand.colors.${field} must be a hex colour like #1a5fb4 (got "${value}")`);
  return color;
}

function mix(a: Rgb, b: Rgb, amount: number): Rgb {
  return { r: a.r + (b.r - a.r) * amount, g: a.g + (b.g - a.g) * amount, b: a.b + (b.b - a.b) * amount };
}

/**
 * Validates the brand and derives a readable theme (WCAG 2.2 AA): body text at least 4.5:1 on the
 * background, links in the brand colour darkened/lightened until they reach 4.5:1, and black or white text
 * on the brand colour, whichever reads better. Unreadable colours are adjusted, not rejected, and each
 * adjustment is reported.
 */
export function resolveBrand(brand: BrandOptions): ResolvedBrand {
  if (!brand || typeof brand.name !== 'string' || brand.name.trim() === '') throw new ConfigurationError('brand.name is required');
  const language = brand.defaultLocale?.toLowerCase().split(/[-_]/)[0];
  if (!isLanguage(language))
    throw new ConfigurationError(`brand.defaultLocale must be one of en, de, nl, fr, es (got "${brand.defaultLocale}")`);
  try {
    new Intl.DateTimeFormat('en', { timeZone: brand.timeZone });
  } catch {
    throw new ConfigurationError(`brand.timeZone must be an IANA time zone such as Europe/Berlin (got "${brand.timeZone}")`);
  }
  const logoUrl = brand.logoUrl === undefined ? null : safeUrl(brand.logoUrl);
  if (brand.logoUrl !== undefined && logoUrl === null)
    throw new ConfigurationError('brand.logoUrl must be an http(s) URL or a path starting with /');
  const homeUrl = brand.homeUrl === undefined ? null : safeUrl(brand.homeUrl);
  if (brand.homeUrl !== undefined && homeUrl === null)
    throw new ConfigurationError('brand.homeUrl must be an http(s) URL or a path starting with /');

  const primary = colorOf(brand.colors?.primary ?? '', 'primary');
  const background = colorOf(brand.colors?.background ?? '', 'background');
  const configuredText = colorOf(brand.colors?.text ?? '', 'text');
  const adjustments: string[] = [];
  const text = ensureContrast(configuredText, background, 4.5);
  if (toHex(text) !== toHex(configuredText)) {
    adjustments.push(
      `brand.colors.text ${brand.colors.text} has ${contrastRatio(configuredText, background).toFixed(2)}:1 contrast on ${brand.colors.background}; using ${toHex(text)} (4.5:1 needed)`,
    );
  }
  const link = ensureContrast(primary, background, 4.5);
  if (toHex(link) !== toHex(primary)) {
    adjustments.push(
      `brand.colors.primary ${brand.colors.primary} has ${contrastRatio(primary, background).toFixed(2)}:1 contrast on the background; links use ${toHex(link)}`,
    );
  }
  const onPrimary = readableTextOn(primary);
  const muted = ensureContrast(mix(text, background, 0.35), background, 4.5);
  // Borders of form fields need 3:1 (WCAG 1.4.11).
  const border = ensureContrast(mix(text, background, 0.5), background, 3);
  return {
    name: brand.name.trim(),
    logoUrl,
    homeUrl,
    defaultLanguage: language,
    timeZone: brand.timeZone,
    upsell: brand.upsell ?? null,
    theme: {
      primary: toHex(primary),
      onPrimary: toHex(onPrimary),
      background: toHex(background),
      text: toHex(text),
      muted: toHex(muted),
      link: toHex(link),
      border: toHex(border),
      error: toHex(ensureContrast({ r: 0xa1, g: 0x00, b: 0x1a }, background, 4.5)),
    },
    adjustments,
  };
}

/** A neutral brand for a server started without one (e.g. `wismo serve` with no brand configured). */
export const DEFAULT_BRAND: BrandOptions = {
  name: 'Parcel tracking',
  colors: { primary: '#1a5fb4', background: '#ffffff', text: '#1f2328' },
  defaultLocale: 'en',
  timeZone: 'UTC',
};
