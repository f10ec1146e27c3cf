// The first module's interface with its JS glue, made smaller after wasm-bindgen (run by
// scripts/split.mjs). On the wasm side one section is rewritten and every other byte copied;
// on the glue side (wasm-bindgen's, as written, before it is minified) the pieces are found by
// the shape wasm-bindgen writes them in, and anything not found as expected fails the build.
//  - Short import names: wasm-bindgen names each import `__wbg_<method>_<16 hex digits>` (217
//    of them in the app's first module, 14.5 kB raw, about 7 kB gzipped between the wasm and
//    the glue, which holds each name once more); they are renamed `a`, `b`, … in the import
//    section and in the glue's object of imports, whose entries the module no longer asks for
//    are taken out.
//  - Classes dropped: the exported classes that nothing constructs (wasm-streams' stream
//    adapters, which Leptos's server functions bring in and this app never uses) leave the
//    glue, and their exports the wasm, so that wasm-opt can remove what only they used.
//  - Custom sections dropped, for the search before the app (scripts/early.mjs): wasm-opt
//    keeps the linking and relocation sections that `--emit-relocs` adds for the split.

/** Reads an unsigned LEB128 at `at`: [value, next offset]. */
function uleb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= bytes.length) throw new Error('wasm_glue: the module ends inside a number');
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [value, at];
    shift += 7;
    // Ten bytes hold a 64-bit number (a memory64 limit); sizes and counts take at most five.
    if (shift >= 70) throw new Error('wasm_glue: a number is longer than 10 bytes');
  }
}

/** `n` as unsigned LEB128 bytes. */
function lebBytes(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return out;
}

/** A wasm name (length, then UTF-8) from `text`. */
function nameBytes(text) {
  const utf8 = new TextEncoder().encode(text);
  return [...lebBytes(utf8.length), ...utf8];
}

/** The `i`th short name: a … z, A … Z, then two letters and on. Each is only ever a property
 * key of the glue's object of imports and a name in the wasm's import section, where any
 * identifier will do (a reserved word too). */
export function shortName(i) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  let n = i;
  do {
    name = letters[n % letters.length] + name;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return name;
}

/** The length in bytes of an import's description at `at` (its kind byte included). */
function descEnd(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    if (flags > 0x07) throw new Error(`wasm_glue: unknown limits flags ${flags}`);
    [, p] = uleb(bytes, p);
    if (flags & 1) [, p] = uleb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0x00: // a function: its type
      return uleb(bytes, at)[1];
    case 0x01: // a table: element type, limits
      return limits(at + 1);
    case 0x02: // a memory: limits
      return limits(at);
    case 0x03: // a global: value type, mutability
      return at + 2;
    case 0x04: // a tag: attribute, type
      return uleb(bytes, at + 1)[1];
    default:
      throw new Error(`wasm_glue: unknown import kind ${kind}`);
  }
}

/** `wasm` (bytes) checked to be a module. */
function moduleBytes(wasm) {
  const bytes = wasm instanceof Uint8Array ? wasm : new Uint8Array(wasm);
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new Error('wasm_glue: not a wasm module');
  }
  return bytes;
}

/** `bytes` with each section as `each(id, bodyStart, bodyEnd)` says: kept as it is
 * (`undefined`), dropped (`null`), or given a new body (an array of bytes). */
function eachSection(bytes, each) {
  const parts = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const [size, body] = uleb(bytes, at + 1);
    const end = body + size;
    if (end > bytes.length) throw new Error('wasm_glue: a section runs past the end of the module');
    const id = bytes[at];
    const out = each(id, body, end);
    if (out === undefined) parts.push(bytes.subarray(at, end));
    else if (out !== null) parts.push(Uint8Array.of(id, ...lebBytes(out.length)), Uint8Array.from(out));
    at = end;
  }
  const result = new Uint8Array(parts.reduce((n, x) => n + x.length, 0));
  let o = 0;
  for (const x of parts) {
    result.set(x, o);
    o += x.length;
  }
  return result;
}

/** `bytes` with the body of its section `id` (`what`, for the message when it has none)
 * replaced by `rewrite(bodyStart, bodyEnd)`, an array of bytes. */
function rewriteSection(bytes, id, what, rewrite) {
  let seen = false;
  const result = eachSection(bytes, (sid, body, end) => {
    if (sid !== id) return undefined;
    seen = true;
    return rewrite(body, end);
  });
  if (!seen) throw new Error(`wasm_glue: the module has no ${what}`);
  return result;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A name read from `bytes` at `p`: [text, next offset]. */
function readName(bytes, p) {
  const [len, start] = uleb(bytes, p);
  if (start + len > bytes.length) throw new Error('wasm_glue: a name runs past the end of the module');
  return [UTF8.decode(bytes.subarray(start, start + len)), start + len];
}

/**
 * Renames the imports of `wasm` (bytes) from module `from` to short names, and that module to
 * `to`. Returns the new bytes and the renaming (old name to new) in import order.
 */
export function shortenImports(wasm, from, to) {
  const bytes = moduleBytes(wasm);
  const renamed = new Map();
  const result = rewriteSection(bytes, 2, 'imports', (body, end) => {
    let [count, p] = uleb(bytes, body);
    const out = [...lebBytes(count)];
    for (; count > 0; count--) {
      const [module, afterModule] = readName(bytes, p);
      const [field, afterField] = readName(bytes, afterModule);
      const descStop = descEnd(bytes, afterField);
      if (module === from) {
        if (renamed.has(field)) throw new Error(`wasm_glue: ${field} is imported twice`);
        const short = shortName(renamed.size);
        renamed.set(field, short);
        out.push(...nameBytes(to), ...nameBytes(short));
      } else {
        out.push(...bytes.subarray(p, afterField));
      }
      out.push(...bytes.subarray(afterField, descStop));
      p = descStop;
    }
    if (p !== end) throw new Error('wasm_glue: the import section holds more than its imports');
    return out;
  });
  return { bytes: result, renamed };
}

/**
 * `wasm` (bytes) without the exports `drop` names (a Set); each must be there. Their code stays
 * until wasm-opt finds nothing else calls it.
 */
export function dropExports(wasm, drop) {
  const bytes = moduleBytes(wasm);
  const dropped = new Set();
  const result = rewriteSection(bytes, 7, 'exports', (body, end) => {
    let [count, p] = uleb(bytes, body);
    const kept = [];
    for (; count > 0; count--) {
      const [name, afterName] = readName(bytes, p);
      const stop = uleb(bytes, afterName + 1)[1];
      if (drop.has(name)) dropped.add(name);
      else kept.push(bytes.subarray(p, stop));
      p = stop;
    }
    if (p !== end) throw new Error('wasm_glue: the export section holds more than its exports');
    return [...lebBytes(kept.length), ...kept.flatMap((k) => [...k])];
  });
  const missing = [...drop].filter((n) => !dropped.has(n));
  if (missing.length) throw new Error(`wasm_glue: the module does not export ${missing.join(', ')}`);
  return result;
}

/** The first object of imports in wasm-bindgen's glue: where its entries start and end. */
const IMPORTS_START = '    const import0 = {\n        __proto__: null,\n';
const IMPORTS_END = '\n    };\n';
/** An entry's first line: its key at the object's indentation (the entries' bodies are
 * indented further, their closing lines start with `}`). */
const ENTRY = /^ {8}([A-Za-z_$][\w$]*): /gm;

/**
 * wasm-bindgen's glue (as written) with its imports from `module` renamed as `renamed` (old
 * name to new, from `shortenImports`), that module's key in the object handed to the wasm
 * made `to`, and the imports the module no longer asks for taken out. Each entry of the object
 * of imports runs from its key to the next key, whatever the shape of its function.
 */
export function renameGlueImports(glue, module, to, renamed) {
  const start = glue.indexOf(IMPORTS_START);
  const end = start < 0 ? -1 : glue.indexOf(IMPORTS_END, start);
  if (start < 0 || end < 0) throw new Error("wasm_glue: the glue has no object of imports as wasm-bindgen writes it");
  const body = glue.slice(start + IMPORTS_START.length, end + 1);
  const keys = [...body.matchAll(ENTRY)];
  if (keys.length === 0 || keys[0].index !== 0) throw new Error('wasm_glue: the object of imports does not start with an entry');
  const seen = new Set();
  let out = '';
  keys.forEach((k, i) => {
    const entry = body.slice(k.index, i + 1 < keys.length ? keys[i + 1].index : body.length);
    const short = renamed.get(k[1]);
    if (seen.has(k[1])) throw new Error(`wasm_glue: the glue imports ${k[1]} twice`);
    seen.add(k[1]);
    if (short !== undefined) out += `        ${short}: ${entry.slice(k[0].length)}`;
  });
  const missing = [...renamed.keys()].filter((name) => !seen.has(name));
  if (missing.length) throw new Error(`wasm_glue: the glue has no import ${missing.join(', ')}`);
  const rest = glue.slice(end + 1);
  const key = `"${module}": import0,`;
  if (rest.split(key).length !== 2) throw new Error(`wasm_glue: the glue does not hand the wasm import0 as ${module} once`);
  return glue.slice(0, start + IMPORTS_START.length) + out + rest.replace(key, `"${to}": import0,`);
}

/**
 * wasm-bindgen's glue without the exported classes `classes` names (each class, its dispose
 * line and its finalization registry), and the wasm exports only they called. A class the glue
 * does not hold is passed over. Fails if the glue constructs or wraps one of them (then
 * something uses it), or calls one of those exports elsewhere.
 */
export function dropGlueClasses(glue, classes) {
  let out = glue;
  const cut = [];
  const take = (re, what) => {
    const m = re.exec(out);
    if (!m) throw new Error(`wasm_glue: the glue has no ${what}`);
    cut.push(m[0]);
    out = out.slice(0, m.index) + out.slice(m.index + m[0].length);
  };
  const present = classes.filter((cls) => glue.includes(`export class ${cls} `));
  for (const cls of present) {
    if (new RegExp(`\\bnew ${cls}\\b|\\b${cls}\\.__wrap\\b`).test(glue)) throw new Error(`wasm_glue: the glue makes ${cls}: it is used`);
    take(new RegExp(`^export class ${cls} \\{\\n[\\s\\S]*?^\\}\\n`, 'm'), `class ${cls}`);
    take(new RegExp(`^if \\(Symbol\\.dispose\\) ${cls}\\.prototype\\[Symbol\\.dispose\\] = ${cls}\\.prototype\\.free;\\n`, 'm'), `dispose line of ${cls}`);
    take(new RegExp(`^const ${cls}Finalization = [^;]*;\\n`, 'm'), `finalization registry of ${cls}`);
  }
  const exports = new Set(cut.flatMap((c) => [...c.matchAll(/\bwasm\.(\w+)/g)].map((m) => m[1])));
  for (const name of exports) {
    if (new RegExp(`\\b${name}\\b`).test(out)) throw new Error(`wasm_glue: the glue names ${name} outside the classes it drops`);
  }
  const named = present.find((cls) => new RegExp(`\\b${cls}\\b`).test(out));
  if (named) throw new Error(`wasm_glue: the glue still names ${named}`);
  return { glue: out, exports };
}

/** `wasm` (bytes) without its custom sections (names, producers, and the linking and
 * relocation sections that `--emit-relocs` keeps for the split: .cargo/config.toml). */
export function dropCustomSections(wasm) {
  return eachSection(moduleBytes(wasm), (id) => (id === 0 ? null : undefined));
}
