// Questions asked only after a given answer (platform/questionnaires): hides such a question while
// the answer it waits for is not given, and shows it as soon as it is. Without this script every
// question is shown with a line saying when to answer it; the server ignores the others anyway.
const wrappers = [...document.querySelectorAll('[data-show-if]')];

/** The values chosen in the form for a field name (radio buttons, check boxes, a select). */
function chosen(form, name) {
  const values = [];
  for (const el of form.querySelectorAll(`[name="${CSS.escape(name)}"]`)) {
    if ((el.type === 'radio' || el.type === 'checkbox') && !el.checked) continue;
    if (el.closest('[hidden]')) continue;
    values.push(el.value);
  }
  return values;
}

function update() {
  // In document order: a question's condition may name a question that has one too.
  for (const wrapper of wrappers) {
    const form = wrapper.closest('form');
    if (!form) continue;
    const wanted = JSON.parse(wrapper.dataset.showValues || '[]');
    wrapper.hidden = !chosen(form, wrapper.dataset.showIf).some((v) => wanted.includes(v));
  }
}

for (const form of new Set(wrappers.map((w) => w.closest('form')))) form?.addEventListener('change', update);
update();
