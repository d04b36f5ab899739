/**
 * The survey builder's one script, served from /assets/survey-builder.js (the pages allow
 * script-src 'self' and nothing inline). Progressive enhancement: without it the "Update
 * preview" and language buttons post the form and the server renders the preview again.
 *
 * With it, typing anywhere in the form posts the form (debounced) to the preview endpoint,
 * which stores nothing, and the returned page replaces the phone frame: a fresh sandboxed
 * iframe with the page as srcdoc, so the builder is not reloaded and no history entry is
 * added. The language buttons switch the preview in place (aria-pressed).
 */
export const surveyBuilderScriptPath = '/assets/survey-builder.js';

export const surveyBuilderScript = `
(function () {
  var form = document.getElementById('builder-form');
  var frame = document.getElementById('preview-frame');
  var status = document.getElementById('preview-status');
  if (!form || !frame || !status || !window.fetch || !window.FormData || !window.URLSearchParams) return;
  var language = form.querySelector('input[name="previewLang"]');
  var endpoint = form.getAttribute('data-preview');
  var timer = null, sent = 0;
  status.textContent = status.getAttribute('data-live');
  function refresh() {
    var mine = ++sent;
    var body = new URLSearchParams(new FormData(form));
    body.set('intent', 'preview');
    fetch(endpoint, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() })
      // A redirect means the session ended (to the sign-in page): say so rather than show that page in the phone.
      .then(function (r) { if (!r.ok || r.redirected) throw new Error('preview ' + r.status); return r.text(); })
      .then(function (page) {
        if (mine !== sent) return;
        var next = frame.cloneNode(false);
        next.setAttribute('srcdoc', page);
        frame.parentNode.replaceChild(next, frame);
        frame = next;
        status.textContent = status.getAttribute('data-live');
      })
      .catch(function () { if (mine === sent) status.textContent = status.getAttribute('data-failed'); });
  }
  function soon() { clearTimeout(timer); timer = setTimeout(refresh, 400); }
  form.addEventListener('input', soon);
  form.addEventListener('change', soon);
  var buttons = document.querySelectorAll('button[data-preview-lang]');
  Array.prototype.forEach.call(buttons, function (button) {
    button.addEventListener('click', function (event) {
      event.preventDefault();
      language.value = button.value;
      Array.prototype.forEach.call(buttons, function (b) { b.setAttribute('aria-pressed', b === button ? 'true' : 'false'); });
      frame.setAttribute('title', button.getAttribute('data-frame-title'));
      clearTimeout(timer);
      refresh();
    });
  });
  var update = form.querySelector('button[name="intent"][value="preview"]');
  if (update) update.addEventListener('click', function (event) { event.preventDefault(); clearTimeout(timer); refresh(); });
})();
`.trim();
