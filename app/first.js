// Runs before the first paint (a classic script in <head>): which first view the page shows — index.html
// holds the home's and, for every path without a page of its own, the frame with a loading line — and
// in which language (the one chosen before, as app/src/i18n.rs remembers it). Kept tiny: the page
// waits for it.
(function () {
  var html = document.documentElement;
  html.setAttribute('data-first', location.pathname === '/' ? 'home' : 'page');
  try {
    if (localStorage.getItem('kerne.lang') === 'en') html.lang = 'en';
  } catch (e) {}
})();
