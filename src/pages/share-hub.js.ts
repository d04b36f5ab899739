/**
 * The distribution hub's one small script, served from /assets/share-hub.js (its pages allow
 * script-src 'self' and nothing inline). Progressive enhancement: without it every link and the
 * widget code sit in readonly fields that can be selected and copied by hand.
 *
 * - Each field with data-copy-label gets a button that copies its text with navigator.clipboard
 *   and says data-copied in a live region next to it (or selects the text when copying fails).
 * - On the widget test page, data-simulate buttons make the widget see a visit to another page
 *   address (two history.replaceState calls: the widget listens to them as single-page apps'
 *   page views, and the address bar is left as it was), and data-track buttons call kaiku('track').
 */
export const shareHubScriptPath = '/assets/share-hub.js';

export const shareHubScript = `
(function () {
  var fields = document.querySelectorAll('[data-copy-label]');
  for (var i = 0; i < fields.length; i++) (function (field) {
    var button = document.createElement('button'), status = document.createElement('span');
    button.type = 'button';
    button.className = 'button secondary copy-button';
    button.textContent = field.getAttribute('data-copy-label');
    status.setAttribute('role', 'status');
    status.className = 'copy-status';
    field.parentNode.insertBefore(status, field.nextSibling);
    field.parentNode.insertBefore(button, status);
    button.addEventListener('click', function () {
      status.textContent = '';
      var done = function () { status.textContent = field.getAttribute('data-copied'); };
      var failed = function () { field.select(); status.textContent = field.getAttribute('data-copy-failed'); };
      if (navigator.clipboard) navigator.clipboard.writeText(field.value).then(done, failed); else failed();
    });
  })(fields[i]);

  var controls = document.querySelectorAll('[data-simulate], [data-track]');
  for (var j = 0; j < controls.length; j++) (function (control) {
    control.hidden = false;
    var status = document.getElementById(control.getAttribute('data-status'));
    control.addEventListener('click', function () {
      var kaiku = window.kaiku;
      if (!kaiku || !kaiku.loaded) { status.textContent = control.getAttribute('data-wait'); return; }
      var input = document.getElementById(control.getAttribute('data-simulate'));
      if (input) {
        var here = location.pathname + location.search + location.hash, to = input.value.trim();
        history.replaceState(history.state, '', to.charAt(0) === '/' ? to : '/' + to);
        history.replaceState(history.state, '', here);
      } else kaiku('track', control.getAttribute('data-track'));
      status.textContent = control.getAttribute('data-done') || '';
    });
  })(controls[j]);
})();
`;
