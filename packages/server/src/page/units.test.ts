import { describe, expect, it } from 'vitest';
import type { ParcelView } from '@wismo/order-view';
import { createAccessTokens } from './access-token';
import { contrastRatio, ensureContrast, parseHexColor, readableTextOn, toHex } from './colors';
import { negotiatePageLocale, parseAcceptLanguage } from './locale';
import { parcelSteps } from './milestones';
import { PAGE_WORDS, say } from './words';

describe('colours', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio(parseHexColor('#000')!, parseHexColor('#fff')!)).toBeCloseTo(21, 5);
    expect(contrastRatio(parseHexColor('#777777')!, parseHexColor('#ffffff')!)).toBeCloseTo(4.48, 2);
    expect(parseHexColor('red')).toBeNull();
    expect(parseHexColor('#12345')).toBeNull();
  });

  it('picks black or white text for a background, whichever reads better', () => {
    expect(toHex(readableTextOn(parseHexColor('#ffd400')!))).toBe('#000000');
    expect(toHex(readableTextOn(parseHexColor('#0b5cad')!))).toBe('#ffffff');
  });

  it('darkens or lightens a colour just enough to reach the ratio', () => {
    const white = parseHexColor('#ffffff')!;
    const adjusted = ensureContrast(parseHexColor('#ffd400')!, white, 4.5);
    expect(contrastRatio(adjusted, white)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(adjusted, white)).toBeLessThan(6);
    const dark = parseHexColor('#101820')!;
    expect(contrastRatio(ensureContrast(parseHexColor('#0b5cad')!, dark, 4.5), dark)).toBeGreaterThanOrEqual(4.5);
    expect(ensureContrast(parseHexColor('#000000')!, white)).toEqual(parseHexColor('#000000'));
  });
});

describe('locale', () => {
  it('parses Accept-Language by weight, keeping order for ties', () => {
    expect(parseAcceptLanguage('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).toEqual(['fr-CH', 'fr', 'en', 'de']);
    expect(parseAcceptLanguage('de;q=0, nl')).toEqual(['nl']);
    expect(parseAcceptLanguage('<script>, es')).toEqual(['es']);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
  });

  it('keeps the visitor’s regional tag for formatting when it is of the page language', () => {
    expect(negotiatePageLocale({ acceptLanguage: 'de-AT,de;q=0.9', defaultLanguage: 'en' })).toEqual({
      language: 'de',
      locale: 'de-AT',
      source: 'accept-language',
    });
    expect(negotiatePageLocale({ urlLanguage: 'nl', acceptLanguage: 'de-AT', defaultLanguage: 'en' })).toEqual({
      language: 'nl',
      locale: 'nl',
      source: 'url',
    });
    expect(negotiatePageLocale({ queryLanguage: 'es-MX', defaultLanguage: 'en' })).toEqual({
      language: 'es',
      locale: 'es-MX',
      source: 'query',
    });
    expect(negotiatePageLocale({ queryLanguage: 'xx-invalid-!!', acceptLanguage: 'ja', defaultLanguage: 'fr' })).toEqual({
      language: 'fr',
      locale: 'fr',
      source: 'default',
    });
  });
});

describe('page words', () => {
  it('has every key in every language, with the same placeholders', () => {
    const keys = Object.keys(PAGE_WORDS.en).sort();
    for (const [language, catalogue] of Object.entries(PAGE_WORDS)) {
      expect(Object.keys(catalogue).sort(), language).toEqual(keys);
      for (const key of keys) {
        const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
        expect(placeholders(catalogue[key as keyof typeof catalogue]), `${language} ${key}`).toEqual(
          placeholders(PAGE_WORDS.en[key as keyof typeof PAGE_WORDS.en]),
        );
      }
    }
    expect(say('de', 'order.heading', { number: '1001' })).toBe('Bestellung 1001');
  });
});

describe('milestones', () => {
  const parcel = (overrides: Partial<ParcelView>): ParcelView =>
    ({ direction: 'outbound', tracking: 'tracked', status: 'in_transit', ...overrides }) as ParcelView;
  const current = (steps: ReturnType<typeof parcelSteps>) => steps.find((step) => step.state === 'current')?.id ?? null;

  it('marks the current step by status', () => {
    expect(current(parcelSteps(parcel({ status: 'info_received' }), []))).toBe('label_created');
    expect(current(parcelSteps(parcel({ status: 'in_transit' }), []))).toBe('in_transit');
    expect(current(parcelSteps(parcel({ status: 'available_for_pickup' }), []))).toBe('available_for_pickup');
    expect(current(parcelSteps(parcel({ status: 'attempt_failed' }), []))).toBe('attempt_failed');
    expect(current(parcelSteps(parcel({ status: 'delivered' }), []))).toBe('delivered');
    expect(current(parcelSteps(parcel({ status: 'returning' }), []))).toBe('returning');
    expect(current(parcelSteps(parcel({ status: 'cancelled' }), []))).toBe('cancelled');
    expect(current(parcelSteps(parcel({ tracking: 'no_tracking_number' }), []))).toBeNull();
    expect(current(parcelSteps(parcel({ direction: 'return', status: 'delivered' }), []))).toBe('return_received');
  });

  it('keeps an exception at the furthest step reached', () => {
    expect(current(parcelSteps(parcel({ status: 'exception' }), ['exception', 'out_for_delivery', 'in_transit', 'info_received']))).toBe(
      'out_for_delivery',
    );
    expect(current(parcelSteps(parcel({ status: 'exception' }), ['exception', 'info_received']))).toBe('label_created');
    const steps = parcelSteps(parcel({ status: 'exception' }), ['exception', 'in_transit']);
    expect(steps.map((step) => step.state)).toEqual(['done', 'current', 'upcoming', 'upcoming']);
  });
});

describe('order access tokens', () => {
  it('round-trips, expires, and rejects tampering', () => {
    let now = 1_000_000;
    const tokens = createAccessTokens({ secret: 's3cret-for-tests', ttlMs: 60_000, now: () => now });
    const token = tokens.issue('ord_1001');
    expect(tokens.verify(token)).toBe('ord_1001');
    const [id, expiry, signature] = token.split('.') as [string, string, string];
    expect(tokens.verify(`${Buffer.from('ord_1002').toString('base64url')}.${expiry}.${signature}`)).toBeNull();
    expect(tokens.verify(`${id}.${(now + 10 ** 9).toString(36)}.${signature}`)).toBeNull();
    expect(tokens.verify('garbage')).toBeNull();
    expect(createAccessTokens({ secret: 'other', now: () => now }).verify(token)).toBeNull();
    now += 60_001;
    expect(tokens.verify(token)).toBeNull();
  });
});
