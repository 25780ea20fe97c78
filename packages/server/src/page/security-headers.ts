import type { Context } from 'hono';

/** CSP of every HTML page the server writes: no scripts, inline styles only, embeddable where configured. */
export function pageContentSecurityPolicy(frameAncestors: string): string {
  return `default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors ${frameAncestors}`;
}

/** The headers of every HTML page: the tracking page, the problem type pages, the 404 and error pages. */
export function applyPageSecurityHeaders(c: Context, frameAncestors: string): void {
  c.header('Content-Security-Policy', pageContentSecurityPolicy(frameAncestors));
  c.header('X-Content-Type-Options', 'nosniff');
  // Order pages carry an access token in their URL: never send it to carriers or the upsell's links.
  c.header('Referrer-Policy', 'no-referrer');
}
