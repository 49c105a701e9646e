/**
 * Progressive enhancement of the text editor: with JavaScript, the preview and the error list follow
 * the text as it is typed (the same server-rendered preview the button posts for, fetched after a
 * pause). Without JavaScript the "preview" button does the same with a page load.
 */
export const livePreviewScript = `(() => {
  const form = document.querySelector('form[data-live-preview]');
  const body = form && form.querySelector('textarea[name=body]');
  if (!form || !body) return;
  // form.action would be the button named "action": read the attribute
  let timer, seq = 0;
  const update = async () => {
    const mine = ++seq;
    const data = new URLSearchParams(new FormData(form));
    data.set('action', 'preview');
    try {
      const res = await fetch(form.getAttribute('action'), { method: 'POST', body: data, credentials: 'same-origin' });
      if (!res.ok || mine !== seq) return;
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      for (const id of ['body-status', 'preview-body']) {
        const fresh = doc.getElementById(id), old = document.getElementById(id);
        if (fresh && old) old.replaceChildren(...fresh.childNodes);
      }
      const invalid = doc.getElementById('body') && doc.getElementById('body').getAttribute('aria-invalid');
      if (invalid) body.setAttribute('aria-invalid', invalid); else body.removeAttribute('aria-invalid');
    } catch (e) { /* the preview button still works */ }
  };
  body.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(update, 700); });
})();
`;
