/**
 * The survey builder's one script, served from /assets/survey-builder.js (the pages allow
 * script-src 'self' and nothing inline). Progressive enhancement: without it the "Update
 * preview" and language buttons post the form and the server renders the preview again.
 *
 * With it, typing anywhere in the form posts the form (debounced) to the preview endpoint,
 * which stores nothing, and the returned page replaces the phone frame: a fresh sandboxed
 * iframe with the page as srcdoc, so the builder is not reloaded and no history entry is
 * added. The language buttons switch the preview in place (aria-pressed).
 *
 * Also: a warning before leaving with unsaved edits (any edit, or a page rendered from a post
 * that was not saved: data-unsaved), condition pickers that offer the operators and values of
 * the question chosen (the server renders the same after "Update condition choices"), and
 * dragging a question card to another place (posted as move-<from>-<to>; the move buttons
 * stay the keyboard's way).
 */
export const surveyBuilderScriptPath = '/assets/survey-builder.js';

export const surveyBuilderScript = `
(function () {
  var form = document.getElementById('builder-form');
  var frame = document.getElementById('preview-frame');
  var status = document.getElementById('preview-status');
  if (!form) return;
  var dirty = form.getAttribute('data-unsaved') === '1', leaving = false;
  form.addEventListener('input', function () { dirty = true; });
  form.addEventListener('change', function () { dirty = true; });
  form.addEventListener('submit', function () { leaving = true; });
  window.addEventListener('beforeunload', function (event) {
    if (!dirty || leaving) return;
    event.preventDefault();
    event.returnValue = '';
  });
  // Condition pickers: the question chosen decides the operators and the values offered.
  function conditionValues(box) {
    var question = box.querySelector('[data-condition-question]'), op = box.querySelector('[data-condition-op]');
    var holder = box.querySelector('[data-condition-value]'), detail = box.querySelector('.condition-detail');
    var chosen = question.options[question.selectedIndex];
    detail.hidden = !question.value;
    if (!question.value) return;
    var kind = chosen.getAttribute('data-kind'), values = JSON.parse(chosen.getAttribute('data-values') || '[]');
    Array.prototype.forEach.call(op.options, function (o) { var fits = (' ' + o.getAttribute('data-for') + ' ').indexOf(' ' + kind + ' ') >= 0; o.hidden = !fits; o.disabled = !fits; });
    if (op.options[op.selectedIndex].disabled) for (var k = 0; k < op.options.length; k++) if (!op.options[k].disabled) { op.selectedIndex = k; break; }
    var before = Array.prototype.map.call(holder.querySelectorAll('select option:checked, input:checked'), function (x) { return x.value; });
    var id = question.id.replace(/_if$/, '_ifvalue');
    holder.textContent = '';
    if (op.value === 'answered') return;
    if (op.value === 'in') {
      var set = document.createElement('fieldset'), legend = document.createElement('legend');
      set.className = 'choices condition-values'; set.id = id; legend.textContent = box.getAttribute('data-label-values'); set.appendChild(legend);
      values.forEach(function (v, j) {
        var row = document.createElement('div'), input = document.createElement('input'), label = document.createElement('label');
        row.className = 'choice'; input.type = 'checkbox'; input.id = id + '-' + j; input.name = id; input.value = v[0]; input.checked = before.indexOf(v[0]) >= 0;
        label.htmlFor = input.id; label.textContent = v[1]; row.appendChild(input); row.appendChild(label); set.appendChild(row);
      });
      holder.appendChild(set);
      return;
    }
    var field = document.createElement('div'), label = document.createElement('label'), select = document.createElement('select');
    field.className = 'field'; label.htmlFor = id; label.textContent = box.getAttribute('data-label-value'); select.id = id; select.name = id;
    [['', '\u2013']].concat(values).forEach(function (v) { var o = document.createElement('option'); o.value = v[0]; o.textContent = v[1]; o.selected = v[0] !== '' && before[0] === v[0]; select.appendChild(o); });
    field.appendChild(label); field.appendChild(select); holder.appendChild(field);
  }
  Array.prototype.forEach.call(form.querySelectorAll('fieldset.condition'), function (box) {
    var apply = box.querySelector('[data-condition-apply]');
    if (apply) apply.hidden = true;
    var hint = box.querySelector('.hint');
    if (hint) hint.hidden = true;
    box.querySelector('[data-condition-question]').addEventListener('change', function () { conditionValues(box); });
    box.querySelector('[data-condition-op]').addEventListener('change', function () { conditionValues(box); });
  });
  // Dragging a question card to another place posts the move; the buttons stay for keyboards.
  var cards = form.querySelectorAll('fieldset.question-card'), dragged = null;
  if (cards.length > 1 && 'draggable' in document.createElement('span')) {
    var dragHint = form.querySelector('.drag-hint');
    if (dragHint) dragHint.hidden = false;
    Array.prototype.forEach.call(cards, function (card) {
      var handle = document.createElement('span');
      handle.className = 'drag-handle'; handle.textContent = '\u2630'; handle.title = card.getAttribute('data-drag-label'); handle.setAttribute('aria-hidden', 'true');
      handle.draggable = true;
      card.insertBefore(handle, card.firstChild.nextSibling);
      handle.addEventListener('dragstart', function (event) { dragged = card; card.classList.add('dragging'); event.dataTransfer.effectAllowed = 'move'; event.dataTransfer.setData('text/plain', card.getAttribute('data-index')); });
      handle.addEventListener('dragend', function () { card.classList.remove('dragging'); dragged = null; });
      card.addEventListener('dragover', function (event) { if (dragged && dragged !== card) { event.preventDefault(); card.classList.add('drop-target'); } });
      card.addEventListener('dragleave', function () { card.classList.remove('drop-target'); });
      card.addEventListener('drop', function (event) {
        event.preventDefault();
        card.classList.remove('drop-target');
        if (!dragged || dragged === card) return;
        var move = document.createElement('input');
        move.type = 'hidden'; move.name = 'intent'; move.value = 'move-' + dragged.getAttribute('data-index') + '-' + card.getAttribute('data-index');
        form.appendChild(move);
        leaving = true;
        form.submit();
      });
    });
  }
  if (!frame || !status || !window.fetch || !window.FormData || !window.URLSearchParams) return;
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
