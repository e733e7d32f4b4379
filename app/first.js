// Runs before the first paint (a classic script in <head>): which first view the page shows — index.html
// holds the home's and, for every path without a page of its own, the frame with a loading line — and
// in which language (the one chosen before, else the browser's, as app/src/i18n.rs decides). Kept tiny: the page
// waits for it.
(function () {
  var html = document.documentElement;
  html.setAttribute('data-first', location.pathname === '/' ? 'home' : 'page');
  var chosen = null;
  try {
    chosen = localStorage.getItem('kerne.lang');
  } catch (e) {}
  // Nothing chosen yet: the browser's language when it is English (as app/src/i18n.rs decides).
  if (chosen === 'en' || (!chosen && /^en\b/i.test(navigator.language || ''))) html.lang = 'en';
})();
