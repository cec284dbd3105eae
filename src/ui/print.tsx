// Documents made to be printed (a certificate of attendance, an attestation, a one-page summary): a
// page of its own without the site's header and footer, with the print stylesheet (assets/print.css:
// one A4 page per .sheet, fonts that shape Lao, Khmer and Burmese). The reader's browser prints it to
// PDF ("Save as PDF"): the common PDF libraries do not shape these scripts, so the PDF is left to the
// browser. A module writes the sheets' content; this writes the document around them.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../platform/context.ts';
import { varyOnLanguage } from '../platform/http/language.ts';
import { assetUrl } from './assets.ts';
import { PageCtx } from './page-context.ts';
import { pageContext } from './render.tsx';

/** The print stylesheet's URL (hashed, cached for a year). */
export const printStylesheetUrl = () => assetUrl('print.css');

/**
 * A print document: `title` (the site's name is added), on screen a way back and a hint on
 * printing above the sheets (hidden when printed), then the sheets (each a `.sheet` element; their
 * components render inside the page's context, so usePage works in them).
 */
export async function renderPrintDocument(
  c: Context<AppEnv>,
  props: { title: string; back: { href: string; label: string }; hint: string; children: Child },
): Promise<Response> {
  const ctx = pageContext(c);
  const document = (
    <PageCtx.Provider value={ctx}>
      <html lang={ctx.locale} dir="ltr">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{`${props.title} · ${ctx.siteName}`}</title>
          <link rel="stylesheet" href={printStylesheetUrl()} />
        </head>
        <body>
          <main>
            <div class="screen-only">
              <p>
                <a href={props.back.href}>{props.back.label}</a>
              </p>
              <p>{props.hint}</p>
            </div>
            {props.children}
          </main>
        </body>
      </html>
    </PageCtx.Provider>
  );
  // What a printed document holds is personal (a name, days present): no cache keeps it.
  c.header('Cache-Control', 'private, no-store');
  varyOnLanguage(c);
  return c.html(`<!DOCTYPE html>${await document.toString()}`);
}
