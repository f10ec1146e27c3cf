// Short names for a wasm module's imports from its JS glue: wasm-bindgen names each one
// `__wbg_<method>_<16 hex digits>` (217 of them in the app's first module, 14.5 kB raw, about
// 7 kB gzipped between the wasm and the glue, which holds each name once more). They are
// renamed `a`, `b`, … `ba`, … in the wasm's import section, and the glue's keys with them
// (scripts/split.mjs). Nothing else in the module changes: the import section is rewritten
// and every other section copied byte for byte.

/** Reads an unsigned LEB128 at `at`: [value, next offset]. */
function uleb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= bytes.length) throw new Error('wasm_imports: the module ends inside a number');
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [value, at];
    shift += 7;
    if (shift > 35) throw new Error('wasm_imports: a number is longer than 5 bytes');
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

/** The `i`th short name: a … z, A … Z, then two letters and on; never a JS keyword. */
export function shortName(i) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  let n = i;
  do {
    name = letters[n % letters.length] + name;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  // Two-letter keywords (`do`, `if`, `in`) are skipped: the glue's keys stay plain.
  return ['do', 'if', 'in'].includes(name) ? `${name}_` : name;
}

/** The length in bytes of an import's description at `at` (its kind byte included). */
function descEnd(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    if (flags > 0x07) throw new Error(`wasm_imports: unknown limits flags ${flags}`);
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
      throw new Error(`wasm_imports: unknown import kind ${kind}`);
  }
}

/**
 * Renames the imports of `wasm` (bytes) from module `from` to short names, and that module to
 * `to`. Returns the new bytes and the renaming (old name to new) in import order.
 */
export function shortenImports(wasm, from, to) {
  const bytes = wasm instanceof Uint8Array ? wasm : new Uint8Array(wasm);
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new Error('wasm_imports: not a wasm module');
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const readName = (p) => {
    const [len, start] = uleb(bytes, p);
    return [decoder.decode(bytes.subarray(start, start + len)), start + len];
  };
  const parts = [bytes.subarray(0, 8)];
  const renamed = new Map();
  let at = 8;
  let seen = false;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = uleb(bytes, at + 1);
    const end = body + size;
    if (end > bytes.length) throw new Error('wasm_imports: a section runs past the end of the module');
    if (id !== 2) {
      parts.push(bytes.subarray(at, end));
      at = end;
      continue;
    }
    seen = true;
    let [count, p] = uleb(bytes, body);
    const out = [...lebBytes(count)];
    for (; count > 0; count--) {
      const [module, afterModule] = readName(p);
      const [field, afterField] = readName(afterModule);
      const descStop = descEnd(bytes, afterField);
      if (module === from) {
        if (renamed.has(field)) throw new Error(`wasm_imports: ${field} is imported twice`);
        const short = shortName(renamed.size);
        renamed.set(field, short);
        out.push(...nameBytes(to), ...nameBytes(short));
      } else {
        out.push(...bytes.subarray(p, afterField));
      }
      out.push(...bytes.subarray(afterField, descStop));
      p = descStop;
    }
    if (p !== end) throw new Error('wasm_imports: the import section holds more than its imports');
    parts.push(Uint8Array.of(2, ...lebBytes(out.length), ...out));
    at = end;
  }
  if (!seen) throw new Error('wasm_imports: the module imports nothing');
  const total = parts.reduce((n, x) => n + x.length, 0);
  const result = new Uint8Array(total);
  let o = 0;
  for (const x of parts) {
    result.set(x, o);
    o += x.length;
  }
  return { bytes: result, renamed };
}
