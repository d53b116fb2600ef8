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
