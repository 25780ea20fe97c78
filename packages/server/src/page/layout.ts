import { html, raw } from 'hono/html';
import { SUPPORTED_LANGUAGES, type Language } from '@wismo/order-view';
import type { ResolvedBrand } from './brand';
import { LANGUAGE_NAMES } from './locale';
import { say } from './words';

/** A fragment of escaped HTML (hono/html escapes every interpolated string). */
export type Html = ReturnType<typeof html>;

/** Builds the page's links: base path, language prefix, path. */
export interface PageLinks {
  /** `/base/de/track/ups/1Z…` for a path given without base or language. */
  to(path: string, language?: Language): string;
}

export function createPageLinks(basePath: string, language: Language): PageLinks {
  return {
    to: (path, lang = language) => `${basePath}/${lang}${path.startsWith('/') ? path : `/${path}`}`,
  };
}

/** The page's CSS: the brand theme as custom properties; status colours fixed at AA contrast on their own backgrounds. */
export function pageCss(brand: ResolvedBrand): string {
  const t = brand.theme;
  return `:root{--primary:${t.primary};--on-primary:${t.onPrimary};--bg:${t.background};--text:${t.text};--muted:${t.muted};--link:${t.link};--border:${t.border};--error:${t.error}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;background:var(--bg);color:var(--text)}
a{color:var(--link);text-underline-offset:.15em}
:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.skip-link{position:absolute;left:.5rem;top:-4rem;z-index:10;background:var(--bg);color:var(--link);padding:.5rem 1rem;border:2px solid var(--link);border-radius:.25rem}
.skip-link:focus{top:.5rem}
.site-header{background:var(--primary);color:var(--on-primary)}
.site-header :focus-visible{outline-color:var(--on-primary)}
.site-header .inner{max-width:50rem;margin:0 auto;padding:.75rem 1rem;display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1rem}
.brand{color:inherit;text-decoration:none;font-weight:700;font-size:1.25rem;display:inline-flex;align-items:center;gap:.6rem}
.brand img{height:2.25rem;width:auto;display:block}
.languages ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem}
.languages a{color:inherit;display:inline-block;padding:.2rem .5rem;border-radius:.25rem}
.languages a[aria-current]{font-weight:700;text-decoration:none;box-shadow:inset 0 0 0 2px currentColor}
main{display:block;max-width:50rem;margin:0 auto;padding:1.5rem 1rem 3rem}
main:focus{outline:none}
h1{font-size:1.75rem;line-height:1.25;margin:.5rem 0 .25rem}
h2{font-size:1.25rem;line-height:1.3;margin:2rem 0 .5rem}
h3{font-size:1.1rem;margin:0 0 .5rem}
.subtitle,.muted{color:var(--muted)}
.card{border:1px solid var(--border);border-radius:.5rem;padding:1rem 1.25rem;margin:1rem 0}
.card>h2:first-child,.card>h3:first-child{margin-top:0}
.card section{margin-top:1.25rem}
.card section h3{margin-bottom:.25rem}
.status-line{font-size:1.2rem;font-weight:700;margin:.25rem 0;display:flex;align-items:center;gap:.5rem}
.status-icon{display:inline-flex;align-items:center;justify-content:center;width:1.75rem;height:1.75rem;border-radius:50%;border:2px solid currentColor;font-size:1rem;line-height:1}
.steps{list-style:none;margin:1rem 0 .5rem;padding:0;display:grid;grid-template-columns:repeat(auto-fit,minmax(7.5rem,1fr));gap:.75rem}
.steps li{display:flex;flex-direction:column;gap:.2rem;padding-top:.6rem;border-top:4px solid var(--border)}
.steps li.done,.steps li.current{border-top-color:var(--link)}
.steps .marker{display:inline-flex;align-items:center;justify-content:center;width:1.8rem;height:1.8rem;border-radius:50%;border:2px solid var(--border);font-weight:700;font-size:.9rem}
.steps li.done .marker{background:var(--link);border-color:var(--link);color:var(--bg)}
.steps li.current .marker{border:3px solid var(--link);color:var(--link)}
.steps .step-label{font-weight:600}
.steps .step-state{font-size:.875rem;color:var(--muted)}
.steps li.current .step-label{font-weight:800}
.steps li.current .step-state{color:var(--text);font-weight:700;text-decoration:underline;text-decoration-thickness:2px}
.banner{display:flex;gap:.75rem;align-items:flex-start;border:2px solid #8a4b00;background:#fff6e0;color:#3b2300;border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0}
.banner a{color:#3b2300}
.banner.problem{border-color:#a1001a;background:#fff0f1;color:#52000d}
.banner.problem a{color:#52000d}
.banner .banner-icon{flex:none;display:inline-flex;align-items:center;justify-content:center;width:1.6rem;height:1.6rem;border-radius:50%;border:2px solid currentColor;font-weight:800}
.banner p,.banner ul{margin:0}
.banner ul{padding-left:1.1rem}
.banner strong{display:block}
.eta-day{font-size:1.2rem;font-weight:700;margin:.25rem 0}
dl.contact{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}
dl.contact dt{font-weight:600}
dl.contact dd{margin:0}
.timeline{list-style:none;margin:.5rem 0 0;padding:0 0 0 1.25rem;border-left:2px solid var(--border)}
.timeline li{position:relative;padding:0 0 1rem}
.timeline li::before{content:"";position:absolute;left:-1.75rem;top:.35rem;width:.75rem;height:.75rem;border-radius:50%;background:var(--bg);border:2px solid var(--muted)}
.timeline li:first-child::before{background:var(--link);border-color:var(--link)}
.timeline .when{display:block;font-size:.9rem;color:var(--muted)}
.timeline .what{display:block}
.timeline .where,.timeline .note{color:var(--muted);font-size:.9rem}
form .field{margin:0 0 1rem}
fieldset{border:1px solid var(--border);border-radius:.5rem;margin:0 0 1rem;padding:.75rem 1rem}
legend{font-weight:600;padding:0 .25rem}
label{display:block;font-weight:600;margin-bottom:.2rem}
.hint{display:block;color:var(--muted);font-size:.9rem;margin-bottom:.25rem}
.field-error{display:block;color:var(--error);font-weight:700;margin-bottom:.25rem}
input,select{font:inherit;color:var(--text);background:var(--bg);border:2px solid var(--border);border-radius:.375rem;padding:.5rem .75rem;width:100%;max-width:26rem}
input[aria-invalid="true"]{border-color:var(--error);border-width:3px}
button{font:inherit;font-weight:700;padding:.6rem 1.25rem;border:2px solid transparent;border-radius:.375rem;background:var(--primary);color:var(--on-primary);cursor:pointer}
.error-summary{border:3px solid #a1001a;background:#fff0f1;color:#52000d;border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0}
.error-summary a{color:#52000d}
.error-summary h2{margin:0 0 .25rem;font-size:1.1rem}
.error-summary p{margin:0}
.two-up{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:0 2rem}
.items{margin:.25rem 0;padding-left:1.25rem}
.upsell{margin:2rem 0;padding:1rem 1.25rem;border:1px dashed var(--border);border-radius:.5rem}
.upsell>:first-child{margin-top:0}
.upsell>:last-child{margin-bottom:0}
.site-footer{max-width:50rem;margin:0 auto;padding:1rem;color:var(--muted);font-size:.875rem;border-top:1px solid var(--border)}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
@media (prefers-reduced-motion:no-preference){a,button{transition:box-shadow .1s}}`;
}

export interface PageShellInput {
  brand: ResolvedBrand;
  css: string;
  language: Language;
  /** The page title (the brand name is appended). */
  title: string;
  /** Language switcher targets: this page in each language. */
  languageHref: (language: Language) => string;
  homeHref: string;
  body: Html;
}

/** The page around every tracking view: skip link, branded header, language switcher, `<main>`. */
export function pageShell(input: PageShellInput): Html {
  const { brand, language } = input;
  const logo = brand.logoUrl ? html`<img src="${brand.logoUrl}" alt="" width="36" height="36">` : '';
  return html`<!doctype html>
<html lang="${language}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${input.title} – ${brand.name}</title>
<style>${raw(input.css)}</style>
</head>
<body>
<a class="skip-link" href="#main">${say(language, 'page.skip')}</a>
<header class="site-header">
<div class="inner">
<a class="brand" href="${brand.homeUrl ?? input.homeHref}">${logo}<span>${brand.name}</span></a>
<nav class="languages" aria-label="${say(language, 'page.languages')}">
<ul>${SUPPORTED_LANGUAGES.map(
    (candidate) =>
      html`<li><a href="${input.languageHref(candidate)}" lang="${candidate}" hreflang="${candidate}"${candidate === language ? raw(' aria-current="true"') : ''}>${LANGUAGE_NAMES[candidate]}</a></li>`,
  )}</ul>
</nav>
</div>
</header>
<main id="main" tabindex="-1">
${input.body}
</main>
<footer class="site-footer"><p>${brand.name}</p></footer>
</body>
</html>`;
}
