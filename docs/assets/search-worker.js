/* Tra cứu văn bản: the search engine, in a worker of its own.
 *
 * Pagefind's WebAssembly, driven directly rather than through Pagefind's own
 * worker. A query here is a hundred small searches (one a shard, search.js),
 * and Pagefind's worker spends as long again as the search itself on each:
 * an object and a kept callback for every result, every location copied twice,
 * a message each way per search; its chunks are unpacked in script. Here a
 * batch of searches is one message, a result is [page, score, locations], and
 * the browser unpacks the chunks.
 *
 * Messages: {id, method, args} in, {id, result} or {id, error} out.
 *   init [bundle URL, language]   the WebAssembly and the meta file
 *   load [word]                   the index chunk holding the word
 *   search [queries, filters, locations]  one result list a query
 */
"use strict";
{
  // The Pagefind release whose WebAssembly functions this calls by name and
  // argument list (requirements.txt pins it; a test holds the two together).
  const PAGEFIND = "1.5.2";
  const SIGNATURE = "pagefind_dcd";
  let engine = null; // Pagefind's WebAssembly functions (wasm_bindgen of pagefind-worker.js)
  let pointer = null; // the engine's state: every load returns the next one
  let bundle = "";
  const chunks = new Map(); // chunk file → its loading

  const startsWith = (bytes, head) => bytes.length >= head.length && head.every((b, i) => bytes[i] === b);
  const SIGNED = [...new TextEncoder().encode(SIGNATURE)];
  const WASM = [0, 0x61, 0x73, 0x6d];

  /* A file of the bundle, unpacked and without Pagefind's signature: gzip as
     written, unless the host has already unpacked it on the way. `wasm`: the
     WebAssembly file, whose signature is followed by WebAssembly's own. */
  async function file(path, wasm = false) {
    const response = await fetch(bundle + path);
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    let bytes = new Uint8Array(await response.arrayBuffer());
    const bare = () => startsWith(bytes, SIGNED) ? bytes.subarray(SIGNED.length) : null;
    const whole = () => bare() && (!wasm || startsWith(bare(), WASM));
    if (!whole()) {
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      bytes = new Uint8Array(await new Response(stream).arrayBuffer());
      if (!whole()) throw new Error(`${path}: not a Pagefind file`);
    }
    return bare();
  }

  async function init(url, language) {
    bundle = url;
    // Only its WebAssembly glue is wanted: the script also listens for
    // Pagefind's own messages, which this worker answers itself.
    self.addEventListener = () => {};
    try {
      importScripts(bundle + "pagefind-worker.js");
    } finally {
      delete self.addEventListener;
    }
    engine = wasm_bindgen; // eslint-disable-line no-undef -- defined by pagefind-worker.js
    if (pagefind_version !== PAGEFIND) throw new Error(`Pagefind ${pagefind_version}, not ${PAGEFIND}`); // eslint-disable-line no-undef
    // Asked again each visit (a 304 if unchanged): it names the meta file of
    // the build that wrote it, and an older one would name deleted files.
    const response = await fetch(bundle + "pagefind-entry.json", { cache: "no-cache" });
    if (!response.ok) throw new Error(`pagefind-entry.json: ${response.status}`);
    const entry = await response.json();
    const languages = entry.languages || {};
    const index = languages[language] || languages[language.split("-")[0]]
      || Object.values(languages).sort((a, b) => b.page_count - a.page_count)[0];
    if (!index) throw new Error("no index");
    const [wasm, meta] = await Promise.all([
      file(`wasm.${index.wasm || "unknown"}.pagefind`, true),
      file(`pagefind.${index.hash}.pf_meta`),
    ]);
    await engine({ module_or_path: wasm });
    pointer = engine.init_pagefind(meta);
    return true;
  }

  function loadFile(folder, name, method) {
    const path = `${folder}/${name}.pf_${folder}`; // index/….pf_index, filter/….pf_filter
    if (!chunks.has(path)) {
      chunks.set(path, file(path)
        .then((bytes) => { pointer = engine[method](pointer, bytes); })
        .catch((error) => { chunks.delete(path); throw error; })); // asked again by the next search
    }
    return chunks.get(path);
  }

  /* The chunk that holds `word` (a chunk's first word names it). */
  function load(word) {
    const names = JSON.parse(engine.request_indexes(pointer, word)).filter(Boolean);
    return Promise.all(names.map((name) => loadFile("index", name, "load_index_chunk"))).then(() => true);
  }

  /* Each query's results; first the chunks Pagefind asks for (the first that
     each word falls in: search.js asks ahead for the others a prefix runs into). */
  async function search(queries, filters, locations) {
    const filter = JSON.stringify(filters || {});
    const needed = JSON.parse(engine.request_filter_indexes(pointer, filter)).filter(Boolean);
    await Promise.all([
      ...needed.map((name) => loadFile("filter", name, "load_filter_chunk")),
      ...queries.filter(Boolean).map(load),
    ]);
    return queries.map((query) => {
      const found = JSON.parse(engine.search(pointer, query || "", query || "", filter, "", false, false));
      return found.results.map((r) => [r.p, r.s, locations ? r.l.map((l) => l.l) : null]);
    });
  }

  const methods = { init, load, search };
  self.addEventListener("message", async (event) => {
    const { id, method, args } = event.data;
    try {
      self.postMessage({ id, result: await methods[method](...args) });
    } catch (error) {
      self.postMessage({ id, error: String(error && error.message || error) });
    }
  });
}
