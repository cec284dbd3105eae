// Suggestions while typing in a search box: fills the box's <datalist> with matching titles from
// /api/v1/search/suggest. Searching works without this script; it only saves typing.
for (const input of document.querySelectorAll('input[data-suggest]')) {
  const list = document.getElementById(input.dataset.suggest);
  if (!list) continue;
  let timer;
  let controller;
  let last = '';
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      if (q.length < 2 || q === last) return;
      last = q;
      controller?.abort();
      controller = new AbortController();
      try {
        const res = await fetch(`/api/v1/search/suggest?q=${encodeURIComponent(q)}`, {
          signal: controller.signal,
          headers: { accept: 'application/json' },
        });
        if (!res.ok) return;
        const { suggestions } = await res.json();
        list.replaceChildren(
          ...suggestions.map((s) => {
            const option = document.createElement('option');
            option.value = s.title;
            return option;
          }),
        );
      } catch {
        // Offline or aborted by the next keystroke: keep what is shown.
      }
    }, 150);
  });
}
