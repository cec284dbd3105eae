// The top of a page: the way back (a breadcrumb of links separated by ›), the heading with the
// buttons beside it, and those buttons (links drawn as buttons). Every page draws them the same way,
// so the CSS (.breadcrumb, .page-head, .actions, .button) and the print sheet (.no-print) hold.
import type { Child } from 'hono/jsx';

/** One step of the way back; `lang` when its text is in another language than the page's. */
export interface Crumb {
  href: string;
  label: string;
  lang?: string;
}

/** The way back, from the widest page to the nearest; steps that are `false` are left out. */
export function Breadcrumb(props: { trail: (Crumb | false | null | undefined)[]; noPrint?: boolean }) {
  const steps = props.trail.filter((c): c is Crumb => !!c);
  return (
    <p class={props.noPrint ? 'breadcrumb no-print' : 'breadcrumb'}>
      {steps.map((c, i) => (
        <>
          {i > 0 && ' › '}
          <a href={c.href} lang={c.lang}>
            {c.label}
          </a>
        </>
      ))}
    </p>
  );
}

/** A link drawn as a button ("Add a post"); `secondary` for the less important ones. */
export interface ButtonLink {
  href: string;
  label: string;
  secondary?: boolean;
}

/** Links drawn as buttons, in order; those that are `false` (not allowed to the reader) are left out. */
export function ButtonLinks(props: { links: (ButtonLink | false | null | undefined)[] }) {
  return (
    <>
      {props.links
        .filter((l): l is ButtonLink => !!l)
        .map((l) => (
          <a class={l.secondary ? 'button secondary' : 'button'} href={l.href}>
            {l.label}
          </a>
        ))}
    </>
  );
}

/** The buttons of a page grouped in `.actions`; nothing when the reader may use none of them. */
export function Actions(props: { links: (ButtonLink | false | null | undefined)[]; noPrint?: boolean }) {
  if (!props.links.some(Boolean)) return null;
  return (
    <div class={props.noPrint ? 'actions no-print' : 'actions'}>
      <ButtonLinks links={props.links} />
    </div>
  );
}

/** A page's heading and what stands beside it (its buttons). */
export function PageHead(props: { title: string; lang?: string; children?: Child }) {
  return (
    <div class="page-head">
      <h1 lang={props.lang}>{props.title}</h1>
      {props.children}
    </div>
  );
}
