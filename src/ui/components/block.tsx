// One block of a page made of blocks (the home page, an organisation's page): a titled section, a
// short list, and a link on to the full list ("All events (12)"). See docs/home.md.
import type { Child } from 'hono/jsx';

export function Block(props: {
  id: string;
  title: string;
  /** The full list this block shows the start of. */
  more?: { href: string; label: string };
  children: Child;
}) {
  const heading = `${props.id}-h`;
  return (
    <section class="block card" id={props.id} aria-labelledby={heading}>
      <h2 id={heading}>{props.title}</h2>
      {props.children}
      {props.more && (
        <p class="more">
          <a href={props.more.href}>{props.more.label}</a>
        </p>
      )}
    </section>
  );
}

/** A short list of a block: one line per record, a link and a muted line under it. */
export function BlockList(props: { children: Child }) {
  return <ul class="plain block-list">{props.children}</ul>;
}

export function BlockItem(props: { href: string; title: string; lang?: string; meta?: Child }) {
  return (
    <li>
      <a href={props.href} lang={props.lang}>
        {props.title}
      </a>
      {props.meta && <span class="muted"> · {props.meta}</span>}
    </li>
  );
}
