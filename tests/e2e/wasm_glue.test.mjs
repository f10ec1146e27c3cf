// The first module's interface with its glue, made smaller (scripts/wasm_glue.mjs, run by
// scripts/split.mjs): a module holding every kind of import is renamed and still runs with the
// renamed imports, and loses the exports it is told to; a glue as wasm-bindgen writes it is
// renamed to match and loses the classes nothing constructs; the build's first module asks its
// glue only for short names, and neither holds wasm-streams' unused classes. Custom sections
// (the relocations kept for the split) leave the search before the app's module, which runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dropCustomSections, dropExports, dropGlueClasses, renameGlueImports, shortName, shortenImports } from '../../scripts/wasm_glue.mjs';

const enc = new TextEncoder();
const name = (s) => [enc.encode(s).length, ...enc.encode(s)];
const leb = (n) => (n < 0x80 ? [n] : [0x80 | (n & 0x7f), ...leb(n >> 7)]);
const section = (id, body) => [id, ...leb(body.length), ...body];

/** A module importing a function, a memory, a table and a global from "./g_bg.js" and a
 * function from "other"; `run(x)` returns `double(keep(x)) + glob`, and is exported as `gone`
 * too. */
function module() {
  const imports = [
    5,
    ...name('./g_bg.js'), ...name('__wbg_double_0123456789abcdef'), 0x00, 0,
    ...name('other'), ...name('keep'), 0x00, 0,
    ...name('./g_bg.js'), ...name('__wbg_memory_0123456789abcdef'), 0x02, 0x00, 1,
    ...name('./g_bg.js'), ...name('__wbg_table_0123456789abcdef'), 0x01, 0x70, 0x01, 1, 2,
    ...name('./g_bg.js'), ...name('__wbg_glob_0123456789abcdef'), 0x03, 0x7f, 0x00,
  ];
  const body = [0x00, 0x20, 0x00, 0x10, 0x01, 0x10, 0x00, 0x23, 0x00, 0x6a, 0x0b];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 1, 0x7f, 1, 0x7f]),
    ...section(2, imports),
    ...section(3, [1, 0]),
    ...section(7, [2, ...name('run'), 0x00, 2, ...name('gone'), 0x00, 2]),
    ...section(10, [1, body.length, ...body]),
  ]);
}

/** What `module()` imports from "./g_bg.js", in its order (double, memory, table, glob), keyed
 * by `keys`; the global holds `glob`. */
const glueImports = (keys, glob) => {
  const values = [
    (x) => 2 * x,
    new WebAssembly.Memory({ initial: 1 }),
    new WebAssembly.Table({ initial: 1, maximum: 2, element: 'anyfunc' }),
    new WebAssembly.Global({ value: 'i32', mutable: false }, glob),
  ];
  return Object.fromEntries(keys.map((k, i) => [k, values[i]]));
};

test('every kind of import from the glue is renamed, the others kept, and the module runs', async () => {
  const { bytes, renamed } = shortenImports(module(), './g_bg.js', 'w');
  assert.deepEqual([...renamed], [
    ['__wbg_double_0123456789abcdef', 'a'],
    ['__wbg_memory_0123456789abcdef', 'b'],
    ['__wbg_table_0123456789abcdef', 'c'],
    ['__wbg_glob_0123456789abcdef', 'd'],
  ]);
  const compiled = new WebAssembly.Module(bytes);
  assert.deepEqual(
    WebAssembly.Module.imports(compiled).map((i) => `${i.module} ${i.name} ${i.kind}`),
    ['w a function', 'other keep function', 'w b memory', 'w c table', 'w d global'],
  );
  const { exports } = await WebAssembly.instantiate(compiled, {
    w: glueImports(['a', 'b', 'c', 'd'], 7),
    other: { keep: (x) => x + 1 },
  });
  assert.equal(exports.run(5), 19);
});

test('dropped exports leave the module, the others stay and run; a name not exported is refused', async () => {
  const bytes = dropExports(module(), new Set(['gone']));
  const compiled = new WebAssembly.Module(bytes);
  assert.deepEqual(WebAssembly.Module.exports(compiled).map((e) => e.name), ['run']);
  const long = ['double', 'memory', 'table', 'glob'].map((n) => `__wbg_${n}_0123456789abcdef`);
  const { exports } = await WebAssembly.instantiate(compiled, {
    './g_bg.js': glueImports(long, 1),
    other: { keep: (x) => x },
  });
  assert.equal(exports.run(3), 7);
  assert.throws(() => dropExports(module(), new Set(['run', 'absent'])), /does not export absent/);
});

test('short names are distinct identifiers, and bad input is refused with a reason', () => {
  const names = Array.from({ length: 3000 }, (_, i) => shortName(i));
  assert.equal(new Set(names).size, names.length);
  for (const n of names) assert.match(n, /^[A-Za-z]+$/);
  assert.deepEqual([names[0], names[25], names[26], names[51], names[52], names[53]], ['a', 'z', 'A', 'Z', 'aa', 'ab']);
  assert.throws(() => shortenImports(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8), 'x', 'w'), /not a wasm module/);
  const cut = module().subarray(0, 40);
  assert.throws(() => shortenImports(cut, './g_bg.js', 'w'), /runs past the end|ends inside/);
});

/** A glue as wasm-bindgen writes it: a plain import, a fallible one (its function wrapped in
 * `handleError`), one the module no longer asks for of each shape, an exported class that
 * nothing constructs, with its dispose line and finalization registry. */
const GLUE = `export class Adapter {
    __destroy_into_raw() {
        const ptr = this.__wbg_ptr;
        AdapterFinalization.unregister(this);
        return ptr;
    }
    pull(controller) {
        return wasm.adapter_pull(this.__wbg_ptr, controller);
    }
}
if (Symbol.dispose) Adapter.prototype[Symbol.dispose] = Adapter.prototype.free;
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_log_0123456789abcdef: function(arg0, arg1) {
            console.log(getStringFromWasm0(arg0, arg1));
        },
        __wbg_gone_1111111111111111: function() { return handleError(function (arg0) {
            arg0.close();
        }, arguments); },
        __wbg_append_2222222222222222: function() { return handleError(function (arg0, arg1) {
            arg0.appendChild(arg1);
        }, arguments); },
        __wbg_unused_3333333333333333: function(arg0) {
            return arg0.length;
        },
        __wbindgen_init_externref_table: function() {
            const table = wasm.__wbindgen_externrefs;
        },
    };
    return {
        __proto__: null,
        "./g_bg.js": import0,
        "./__wasm_split.js": import1,
    };
}
const AdapterFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_adapter_free(ptr, 1));
export function start() { wasm.__wbindgen_start(); }
`;

test("the glue's imports are renamed whatever their shape, the unused ones go, and it still runs", () => {
  const renamed = new Map([
    ['__wbg_log_0123456789abcdef', 'a'],
    ['__wbg_append_2222222222222222', 'b'],
    ['__wbindgen_init_externref_table', 'c'],
  ]);
  const out = renameGlueImports(GLUE, './g_bg.js', 'w', renamed);
  const imports = new Function('getStringFromWasm0', 'handleError', 'wasm', 'import1', `${out.replace(/^export /gm, '')}; return __wbg_get_imports();`)(
    (a, b) => `${a}+${b}`,
    (f, args) => f(...args),
    { __wbindgen_externrefs: null },
    {},
  );
  assert.deepEqual(Object.keys(imports), ['w', './__wasm_split.js']);
  assert.deepEqual(Object.keys(imports.w), ['a', 'b', 'c']);
  const child = { appended: [] };
  imports.w.b({ appendChild: (x) => child.appended.push(x) }, 7);
  assert.deepEqual(child.appended, [7]);
  assert.doesNotMatch(out, /__wbg_gone|__wbg_unused|"\.\/g_bg\.js"/);
  assert.throws(() => renameGlueImports(GLUE, './g_bg.js', 'w', new Map([['__wbg_absent_4444444444444444', 'a']])), /no import __wbg_absent/);
  assert.throws(() => renameGlueImports(GLUE, './other_bg.js', 'w', renamed), /import0 as \.\/other_bg\.js/);
  assert.throws(() => renameGlueImports(GLUE.replace('const import0', 'let import0'), './g_bg.js', 'w', renamed), /no object of imports/);
});

test('an exported class nothing constructs leaves the glue with the exports only it called; a used one stops the build', () => {
  const { glue, exports } = dropGlueClasses(GLUE, ['Adapter', 'Absent']);
  assert.deepEqual([...exports].sort(), ['__wbg_adapter_free', 'adapter_pull']);
  assert.doesNotMatch(glue, /Adapter|adapter_/);
  assert.match(glue, /export function start\(\) \{ wasm\.__wbindgen_start\(\); \}/);
  assert.match(glue, /__wbg_get_imports/);
  assert.throws(() => dropGlueClasses(`${GLUE}const made = Adapter.__wrap(1);\n`, ['Adapter']), /makes Adapter: it is used/);
  assert.throws(() => dropGlueClasses(`${GLUE}wasm.adapter_pull(0, 0);\n`, ['Adapter']), /names adapter_pull outside/);
});

test("the build's first module asks its glue for short names only", () => {
  const wasm = readdirSync('dist').find((f) => /^nienbieu-[0-9a-f]+_bg\.wasm$/.test(f));
  assert.ok(wasm, 'a built first module in dist/');
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(`dist/${wasm}`)));
  const fromGlue = imports.filter((i) => i.module === 'w');
  assert.ok(fromGlue.length > 100, `${fromGlue.length} imports from the glue`);
  for (const i of fromGlue) assert.match(i.name, /^[A-Za-z_]{1,3}$/, i.name);
  assert.deepEqual([...new Set(imports.map((i) => i.module))].sort(), ['./__wasm_split.js', 'w']);
  const glue = readFileSync(`dist/${wasm.replace('_bg.wasm', '.js')}`, 'utf8');
  assert.doesNotMatch(glue, /[{,](__wbg_|__wbindgen_)\w*:/);
  // Every short name the module asks for is a key of the glue's object of imports.
  for (const i of fromGlue) assert.match(glue, new RegExp(`[{,]${i.name}:function`), i.name);
  assert.doesNotMatch(glue, /IntoUnderlying/);
  const exported = WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(`dist/${wasm}`))).map((e) => e.name);
  assert.ok(exported.includes('memory') && exported.includes('__wbindgen_start'), `${exported}`);
  assert.deepEqual(exported.filter((n) => /intounderlying/.test(n)), []);
});

test('custom sections leave a module, which still runs; the build ships the early search without them', async () => {
  const m = module();
  const custom = (label, body) => section(0, [...name(label), ...body]);
  // One before the first section, one between two, one at the end, as linkers place them.
  const head = m.subarray(0, 8);
  const rest = [...m.subarray(8)];
  const firstEnd = 2 + rest[1]; // the type section: id, one-byte size, body
  const withCustom = Uint8Array.from([...head, ...custom('linking', [2, 1, 2, 3]), ...rest.slice(0, firstEnd), ...custom('reloc.CODE', [9, 9]), ...rest.slice(firstEnd), ...custom('name', [])]);
  assert.deepEqual(WebAssembly.Module.customSections(new WebAssembly.Module(withCustom), 'linking').length, 1);
  const stripped = dropCustomSections(withCustom);
  assert.deepEqual([...stripped], [...m], 'byte for byte the module without them');
  const { instance } = await WebAssembly.instantiate(stripped, { './g_bg.js': glueImports(['__wbg_double_0123456789abcdef', '__wbg_memory_0123456789abcdef', '__wbg_table_0123456789abcdef', '__wbg_glob_0123456789abcdef'], 3), other: { keep: (x) => x + 1 } });
  assert.equal(instance.exports.run(4), 13);
  assert.throws(() => dropCustomSections(Uint8Array.from([1, 2, 3])), /not a wasm module/);
  assert.throws(() => dropCustomSections(Uint8Array.from([...head, 0, 50, 1])), /runs past the end/);
  const early = readdirSync('dist').find((f) => /^nienbieu-early-[0-9a-f]{16}\.wasm$/.test(f));
  assert.ok(early, 'the early search in dist/');
  const built = new WebAssembly.Module(readFileSync(`dist/${early}`));
  for (const label of ['linking', 'reloc.CODE', 'reloc.DATA', 'name', 'producers']) {
    assert.equal(WebAssembly.Module.customSections(built, label).length, 0, label);
  }
  assert.ok(WebAssembly.Module.exports(built).some((e) => e.name === 'early_new'), 'it exports the searcher');
});
