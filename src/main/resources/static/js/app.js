// CSRF token for every htmx request (no inline script: the CSP forbids it).
document.addEventListener('htmx:configRequest', function (evt) {
  var header = document.querySelector('meta[name="_csrf_header"]');
  var token = document.querySelector('meta[name="_csrf"]');
  if (header && token) {
    evt.detail.headers[header.content] = token.content;
  }
});
// "Show full ID number": the server logs each use.
document.addEventListener('click', function (evt) {
  var btn = evt.target.closest('[data-reveal-url]');
  if (!btn) { return; }
  evt.preventDefault();
  var header = document.querySelector('meta[name="_csrf_header"]').content;
  var token = document.querySelector('meta[name="_csrf"]').content;
  var headers = {};
  headers[header] = token;
  fetch(btn.getAttribute('data-reveal-url'), {method: 'POST', headers: headers, credentials: 'same-origin'})
    .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
    .then(function (data) {
      document.getElementById(btn.getAttribute('data-target')).textContent = data.idNumber;
      btn.remove();
    })
    .catch(function () { btn.classList.add('disabled'); });
});
// "Print" on a printable page (the bill): the browser's print dialog.
document.addEventListener('click', function (evt) {
  if (evt.target.closest('[data-print]')) {
    evt.preventDefault();
    window.print();
  }
});
// The menu on a phone: the button opens and closes it (issue 17 item 7).
document.addEventListener('click', function (evt) {
  var toggle = evt.target.closest('[data-menu-toggle]');
  if (!toggle) { return; }
  var menu = document.getElementById(toggle.getAttribute('aria-controls'));
  var open = menu.classList.toggle('show');
  toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
});
// The current menu item is marked, for the eye and for screen readers.
document.addEventListener('DOMContentLoaded', function () {
  var best = null;
  // the menu's entries, not the language link (its address is this page's own)
  document.querySelectorAll('#menu a.nav-link:not(#language)').forEach(function (a) {
    var path = new URL(a.href, location.href).pathname;
    var here = location.pathname;
    if ((here === path || (path !== '/' && here.indexOf(path + '/') === 0))
        && (!best || path.length > new URL(best.href, location.href).pathname.length)) {
      best = a;
    }
  });
  if (best) {
    best.setAttribute('aria-current', 'page');
    best.classList.add('active');
    var group = best.closest('.nav-group');
    if (group) { group.querySelector('.nav-group-toggle').classList.add('active'); }
  }
});
// The staff menu's groups: a button opens its list; one open at a time; Escape or a click elsewhere closes it.
function closeMenuGroups(except) {
  document.querySelectorAll('.nav-group-toggle[aria-expanded=true]').forEach(function (b) {
    if (b !== except) {
      b.setAttribute('aria-expanded', 'false');
      document.getElementById(b.getAttribute('aria-controls')).hidden = true;
    }
  });
}
document.addEventListener('click', function (evt) {
  var toggle = evt.target.closest('.nav-group-toggle');
  closeMenuGroups(toggle);
  if (!toggle) { return; }
  var list = document.getElementById(toggle.getAttribute('aria-controls'));
  var open = toggle.getAttribute('aria-expanded') !== 'true';
  toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  list.hidden = !open;
});
document.addEventListener('keydown', function (evt) {
  if (evt.key !== 'Escape') { return; }
  var open = document.querySelector('.nav-group-toggle[aria-expanded=true]');
  if (open) {
    closeMenuGroups(null);
    open.focus();
  }
});
