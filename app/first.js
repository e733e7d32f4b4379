// Runs before the first paint (a classic script in <head>): which first view index.html shows — the
// home's hero on `/`, the agenda's head on `/agenda`, a loading line elsewhere — and in which language (the one chosen before, as
// app/src/i18n.rs remembers it). Kept tiny: the page waits for it.
(function () {
  var html = document.documentElement;
  var path = location.pathname;
  html.setAttribute('data-first', path === '/' ? 'home' : path === '/agenda' ? 'agenda' : 'page');
  try {
    if (localStorage.getItem('kerne.lang') === 'en') html.lang = 'en';
  } catch (e) {}
})();
