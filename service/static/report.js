// Report page: mentions are <span data-href>; a click or Enter opens the entity they name.
(function () {
  function open(el) { if (el && el.dataset.href) { window.location.href = el.dataset.href; } }
  var body = document.getElementById('report-text');
  if (!body) { return; }
  body.addEventListener('click', function (ev) {
    var el = ev.target.closest('.mention');
    if (el) { ev.preventDefault(); open(el); }
  });
  body.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter') { open(ev.target.closest('.mention')); }
  });
  if (location.hash.indexOf('#m-') === 0) {
    var target = document.getElementById(location.hash.slice(1));
    if (target) { target.classList.add('focus'); target.scrollIntoView({block: 'center'}); }
  }
})();
