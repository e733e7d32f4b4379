// Fits wasm-bindgen's JS glue to the module wasm-opt made of it.
//
// 1. Dropped classes. Leptos always links `wasm-streams` (for server functions, unused by this
//    client-only app), whose three JS-facing stream classes are exported from the module; the
//    build removes those exports (`wasm-opt --remove-exports`) so their code goes, and this script
//    removes the classes from the glue.
//
// 2. Short names. wasm-bindgen names every import after the Rust item plus a hash (`__wbg_set_bcb0ec2400cfa22e`)
// and the glue spells each name once more; hashes do not compress, and with ~170 imports they were
// about 4 KB of the brotli budget. `wasm-opt --minify-imports-and-exports-and-modules` renames them
// in the wasm and prints the mapping; this script applies the same mapping to the glue (before
// esbuild minifies it), and fails the build if any name is not where it is expected, so a glue that
// does not match its module can never ship.
//
// (Replacements go through functions: a short name such as `$` or `$a` must not be read as a
// replacement pattern.)
//
// usage: node fit-glue.mjs <mapping.json> <minified.wasm> <app.js> [DroppedClass ...]   (rewrites app.js)

import { readFileSync, writeFileSync } from "node:fs";

const [mappingPath, wasmPath, gluePath, ...droppedClasses] = process.argv.slice(2);
const mapping = JSON.parse(readFileSync(mappingPath, "utf8"));
let glue = readFileSync(gluePath, "utf8");
// What the minified module imports (read once: compiling it is the slow part).
const imports = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasmPath)));

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const fail = (message) => {
    console.error(`fit-glue: ${message}`);
    process.exit(1);
};
const count = (re) => (glue.match(re) ?? []).length;

// The end of the block that starts at `open` (an index of `{`), by counting braces outside strings.
const blockEnd = (text, open) => {
    let depth = 0;
    for (let i = open; i < text.length; i++) {
        const c = text[i];
        if (c === '"' || c === "'" || c === "`") {
            for (i++; text[i] !== c; i++) if (text[i] === "\\") i++;
        } else if (c === "{") depth++;
        else if (c === "}" && --depth === 0) return i + 1;
    }
    fail("unbalanced braces");
};

for (const name of droppedClasses) {
    const start = glue.indexOf(`export class ${name} {`);
    if (start < 0) fail(`no class ${name} to drop`);
    glue = glue.slice(0, start) + glue.slice(blockEnd(glue, glue.indexOf("{", start)));
    const dispose = `if (Symbol.dispose) ${name}.prototype[Symbol.dispose] = ${name}.prototype.free;\n`;
    if (!glue.includes(dispose)) fail(`no dispose line for ${name}`);
    glue = glue.replace(dispose, () => "");
    const registry = new RegExp(`const ${name}Finalization = [^;]*;\\n`);
    if (!registry.test(glue)) fail(`no finalization registry for ${name}`);
    glue = glue.replace(registry, () => "");
    if (glue.includes(name)) fail(`${name} is still used by the glue`);
}

// The imports: the keys of the imports object, one per line: `    __wbg_x_0123: function(…`.
for (const [, name, short] of mapping.imports) {
    const key = new RegExp(`^(\\s+)${escape(name)}(: function)`, "m");
    if (count(new RegExp(key.source, "gm")) !== 1) fail(`import ${name} is not a key of the imports object`);
    glue = glue.replace(key, (_, indent, rest) => `${indent}${short}${rest}`);
    if (count(new RegExp(`\\b${escape(name)}\\b`, "g")) !== 0) fail(`import ${name} is named elsewhere in the glue`);
}

// The module the imports come from (`"./app_bg.js": import0`), renamed too: read its new name
// from the minified module itself.
const oldModules = [...new Set(mapping.imports.map(([module]) => module))];
const newModules = [...new Set(imports.map((i) => i.module))];
if (oldModules.length !== 1 || newModules.length !== 1) fail(`expected one import module, got ${oldModules} → ${newModules}`);
const moduleKey = new RegExp(`"${escape(oldModules[0])}":`, "g");
if (count(moduleKey) !== 1) fail(`module ${oldModules[0]} is not a key of the imports`);
glue = glue.replace(moduleKey, () => `"${newModules[0]}":`);

// The exports: always read as `wasm.name` (other occurrences are the glue's own functions of the
// same name, which esbuild renames).
const shortExports = new Set();
for (const [name, short] of mapping.exports) {
    glue = glue.replace(new RegExp(`\\bwasm\\.${escape(name)}\\b`, "g"), () => `wasm.${short}`);
    shortExports.add(short);
}
for (const [, used] of glue.matchAll(/\bwasm\.([A-Za-z_$][\w$]*)/g)) {
    if (!shortExports.has(used)) fail(`the glue reads wasm.${used}, which the minified module does not export`);
}

// Every import of the minified module is a key of the rewritten imports object, once.
for (const { name } of imports) {
    if (count(new RegExp(`^\\s+${escape(name)}: function`, "gm")) !== 1) fail(`the module imports ${name}, which the glue does not provide once`);
}

writeFileSync(gluePath, glue);
console.log(`fit-glue: ${droppedClasses.length} classes dropped; ${mapping.imports.length} imports, ${mapping.exports.length} exports, 1 module renamed`);
