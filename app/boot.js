// Starts the bundle that serves this page: members' pages and the staff back-office are downloaded
// only by those who open them. The rule is `Bundle::serving` in app/src/app.rs; the budget tests
// (tests/tests/browser/budget.rs) check that both agree. The wasm download starts at once, beside
// the glue's.
const path = location.pathname;
const under = (prefix) => path === prefix || path.startsWith(prefix + '/');
const bundle = under('/gestion') ? 'staff'
  : under('/espace/consultations') ? 'volunteer'
  : ['/espace', '/reserver', '/mes-reservations', '/annuaire', '/invitation', '/mot-de-passe/nouveau'].some(under) ? 'member'
  : path === '/agenda' || path === '/e-education' ? 'agenda'
  : path.startsWith('/agenda/') ? 'events'
  : under('/inscription') ? 'signup'
  : ['/entreprises', '/ressources'].some(under) ? 'business'
  : under('/consultation') ? 'consultation'
  : ['/adherer', '/connexion', '/mot-de-passe', '/salle/demande', '/location'].some(under) ? 'guest'
  : 'public';
// The back-office's styles (calendar, dashboard, charts, quotes) only for the bundles that show them.
if (bundle === 'guest' || bundle === 'member' || bundle === 'staff' || bundle === 'volunteer') {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./back.css', import.meta.url).href;
  document.head.append(link);
}
const wasm = fetch(new URL(`./${bundle}_bg.wasm`, import.meta.url));
const glue = await import(`./${bundle}.js`);
await glue.default({ module_or_path: wasm });
// Installable, the frame and this deploy's files cached, a member's bookings readable offline
// (app/sw.js); registered once the app runs, so that it never competes with the page's own download.
if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js');
