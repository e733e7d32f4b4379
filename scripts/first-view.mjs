// Fills the first view of app/index.html with the app's own strings: each `{{Enum.Key.fr}}` or
// `{{Enum.Key.en}}` becomes that entry of the `messages!` tables in app/src/text/, so the page
// painted before the app loads says exactly what the app then renders. Fails on an unknown key.
import { readFileSync, readdirSync } from 'node:fs';

const [template, textDir] = process.argv.slice(2);
// A Rust string literal's text: `\u{a0}` escapes, then JSON's.
const rust = (s) => JSON.parse(`"${s.replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, h) => String.fromCodePoint(parseInt(h, 16)))}"`);
const texts = new Map();
for (const file of readdirSync(textDir).filter((f) => f.endsWith('.rs'))) {
  const source = readFileSync(`${textDir}/${file}`, 'utf8');
  const name = source.match(/^(\w+) \{$/m)?.[1];
  if (!name) continue;
  for (const m of source.matchAll(/^\s*(\w+) => "((?:[^"\\]|\\.)*)", "((?:[^"\\]|\\.)*)";$/gm)) {
    texts.set(`${name}.${m[1]}`, { fr: rust(m[2]), en: rust(m[3]) });
  }
}
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const html = readFileSync(template, 'utf8').replace(/\{\{(\w+\.\w+)\.(fr|en)\}\}/g, (_, key, lang) => {
  const text = texts.get(key);
  if (!text) throw new Error(`app/index.html names ${key}, which app/src/text does not define`);
  return escape(text[lang]);
});
process.stdout.write(html);
