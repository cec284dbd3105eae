// Answering a skills survey on a bad connection (src/modules/skills): the plain form posts each
// section as it always does; offline, a section is kept on this device (localStorage) instead, the
// next section opens from the service worker's copy, and what was kept is sent, in order, as soon
// as the connection is back. The service worker (/skills/offline-sw.js) keeps copies of the
// survey's pages and of the site's styles; it never holds answers.
const form = document.getElementById('skills-section');
const box = document.getElementById('skills-offline');
const status = document.getElementById('skills-offline-status');
const KEY = 'skills-offline-answers';

const kept = () => {
  try {
    return JSON.parse(localStorage.getItem(KEY) || '[]');
  } catch {
    return [];
  }
};
const keep = (items) => localStorage.setItem(KEY, JSON.stringify(items));
const say = (text) => {
  if (status) status.textContent = text;
};

async function send() {
  let items = kept();
  let sent = 0;
  while (items.length > 0) {
    const [item] = items;
    try {
      const res = await fetch(item.action, {
        method: 'POST',
        body: new URLSearchParams(item.fields),
        credentials: 'same-origin',
      });
      // A server error may pass: try again later. Anything else was read (saved, or refused and shown again).
      if (res.status >= 500) return;
    } catch {
      return; // Still offline.
    }
    items = kept().slice(1);
    keep(items);
    sent++;
  }
  if (sent > 0 && box) say(box.dataset.sent);
}

if (form && box) {
  if ('serviceWorker' in navigator)
    navigator.serviceWorker.register(box.dataset.sw, { scope: '/skills/' }).catch(() => {});
  form.addEventListener('submit', (event) => {
    if (navigator.onLine) return;
    event.preventDefault();
    const fields = [...new FormData(form)].filter(([, v]) => typeof v === 'string');
    keep([...kept().filter((item) => item.action !== form.action), { action: form.action, fields }]);
    say(box.dataset.kept);
    if (box.dataset.next) location.href = box.dataset.next;
  });
  // The next section, fetched while online, so that the service worker has it for the way offline.
  if (navigator.onLine && box.dataset.next)
    fetch(box.dataset.next, { credentials: 'same-origin' }).catch(() => {});
}
window.addEventListener('online', send);
if (navigator.onLine) send();
