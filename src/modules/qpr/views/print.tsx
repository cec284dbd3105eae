// The print-ready report: an A4 portrait document of its own (no site header or footer) that the
// reader's browser prints or saves as PDF; the browser shapes Lao, Khmer, Burmese and Thai with the
// system's Noto fonts, which the common PDF libraries do not. Its stylesheet is the module's own
// (/qpr/print.css): the platform's print.css cuts each sheet to one page, and a report runs on.
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/context.ts';
import { pageContext } from '../../../ui/render.tsx';
import { paragraphsOf, type ReportDocument } from '../document.ts';

export const PRINT_CSS = `@page { size: A4 portrait; margin: 18mm 16mm; }
:root { color-scheme: light; font-family: "Noto Serif", "Noto Serif Lao", "Noto Sans Lao", "Noto Serif Khmer",
  "Noto Sans Khmer", "Noto Serif Myanmar", "Noto Sans Myanmar", "Noto Serif Thai", "Noto Sans Thai",
  "Noto Serif CJK SC", "Noto Sans CJK SC", Georgia, serif; line-height: 1.5; color: #1d1b18; }
body { margin: 0 auto; max-width: 210mm; padding: 1rem; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; break-after: avoid; } h3 { font-size: 1.1rem; break-after: avoid; }
.screen-only { font-family: system-ui, "Noto Sans", sans-serif; border-bottom: 1px solid #ccc; margin-bottom: 1rem; }
@media print { .screen-only { display: none; } body { padding: 0; max-width: none; } }
`;

export async function renderPrint(c: Context<AppEnv>, doc: ReportDocument, back: string): Promise<Response> {
  const ctx = pageContext(c);
  const { t } = ctx;
  const page = (
    <html lang={ctx.locale} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${doc.title} · ${ctx.siteName}`}</title>
        <link rel="stylesheet" href="/qpr/print.css" />
      </head>
      <body>
        <div class="screen-only">
          <p>
            <a href={back}>{t('qpr.backToReport')}</a>
          </p>
          <p>{t('qpr.printHint')}</p>
        </div>
        <main>
          <h1>{doc.title}</h1>
          {doc.facts.map((f) => (
            <p>{f}</p>
          ))}
          {doc.parts.map((part) => (
            <section>
              {part.heading && <h2>{part.heading}</h2>}
              {part.sections.map((s) => {
                const H = part.heading ? 'h3' : 'h2';
                return (
                  <section>
                    <H>{s.title}</H>
                    {paragraphsOf(s.body).map((p) => (
                      <p lang={s.lang}>{p}</p>
                    ))}
                    {s.answers.map((a) => (
                      <p>
                        <strong>{a.question}</strong> {a.answer}
                        {a.evidence && <span lang={s.lang}> — {a.evidence}</span>}
                      </p>
                    ))}
                    {s.statistics.length > 0 && (
                      <ul>
                        {s.statistics.map((st) => (
                          <li lang={s.lang}>{st}</li>
                        ))}
                      </ul>
                    )}
                    {[...s.measures, ...s.inputs].length > 0 && (
                      <ul>
                        {[...s.measures, ...s.inputs].map((m) => (
                          <li>
                            <span lang={m.lang}>{m.title}</span> ({m.line})
                          </li>
                        ))}
                      </ul>
                    )}
                    {s.documents.length > 0 && <p>{s.documents.join(', ')}</p>}
                  </section>
                );
              })}
            </section>
          ))}
        </main>
      </body>
    </html>
  );
  c.header('Cache-Control', 'private, no-store');
  return c.html(`<!DOCTYPE html>${await page.toString()}`);
}
