// Starts the bundle that serves this page: members' pages and the staff back-office are downloaded
// only by those who open them. The rule is `Bundle::serving` in app/src/app.rs; the budget tests
// (tests/tests/browser/budget.rs) check that both agree. The wasm download starts at once, beside
// the glue's.
const path = location.pathname;
const under = (prefix) => path === prefix || path.startsWith(prefix + '/');
const bundle = under('/gestion/assemblees') ? 'assembly_staff'
  : under('/gestion') ? 'staff'
  : under('/espace/consultations') ? 'volunteer'
  : under('/espace/assemblee') ? 'assembly'
  : ['/espace', '/reserver', '/mes-reservations', '/annuaire', '/invitation', '/mot-de-passe/nouveau'].some(under) ? 'member'
  : path === '/agenda' || path === '/e-education' ? 'agenda'
  : path.startsWith('/agenda/') ? 'events'
  : under('/inscription') ? 'signup'
  : ['/entreprises', '/ressources'].some(under) ? 'business'
  : under('/consultation') ? 'consultation'
  : ['/adherer', '/connexion', '/mot-de-passe', '/salle/demande', '/location'].some(under) ? 'guest'
  : 'public';
// The back-office's styles (calendar, dashboard, charts, quotes) only for the bundles that show them.
if (/^(guest|member|staff|volunteer|assembly(_staff)?)$/.test(bundle)) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./back.css', import.meta.url).href;
  document.head.append(link);
}
const wasm = fetch(new URL(`./${bundle}_bg.wasm`, import.meta.url));
let glue;
try {
  glue = await import(`./${bundle}.js`);
} catch (offline) {
  // Offline, and this page's bundle was never kept on this phone: say so rather than load forever.
  const en = document.documentElement.lang === 'en';
  const splash = document.getElementById('boot-splash');
  if (splash) {
    splash.innerHTML = en
      ? '<main class="boot-offline"><h1>Offline</h1><p>This page was never opened on this device, so it is not kept for offline use. Your bookings are: <a href="/mes-reservations">My bookings</a>.</p></main>'
      : '<main class="boot-offline"><h1>Hors ligne</h1><p>Cette page n\'a jamais été ouverte sur cet appareil : elle n\'est pas gardée hors ligne. Vos réservations le sont : <a href="/mes-reservations">Mes réservations</a>.</p></main>';
  }
  throw offline;
}
await glue.default({ module_or_path: wasm });
// Installable, the frame and this deploy's files cached, a member's bookings readable offline
// (app/sw.js); registered once the app runs, so that it never competes with the page's own download.
// A member's (or the staff's) installed app opens the public pages and the agenda too: once the
// worker runs, it is asked to keep those bundles, so that a member who came in by an invitation
// and never opened the home still has it offline. A visitor's phone keeps only what it opened.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js');
  const opens = { member: ['public', 'agenda', 'events', 'member'], volunteer: ['public', 'agenda', 'events', 'member', 'volunteer'],
    staff: ['public', 'agenda', 'events', 'member', 'staff'] }[bundle];
  if (opens) navigator.serviceWorker.ready.then((r) => r.active && r.active.postMessage({ kind: 'kerne-keep', bundles: opens }));
}
