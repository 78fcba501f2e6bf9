/* Tra cứu văn bản: the header search box, driving Pagefind.
 *
 * The index holds search tokens, not Vietnamese words (hooks/vanban/search/
 * tokens.py explains them): a query word with diacritics is searched as its
 * fold plus diacritics ("vận" → "vanzq1cj"), one without as its fold alone
 * ("dan" → "danzq", every accented form). Numbers in any spelling become one
 * key ("114 KH DUK" → 114khduk); quoted phrases are checked word by word from
 * the positions Pagefind returns. The engine loads only when search opens;
 * query and filters live in the page URL (?q=&loai=&nam=&co_quan=).
 */
(() => {
  "use strict";
  const script = document.currentScript;
  const ROOT = new URL("..", script.src);
  const BUNDLE = new URL("pagefind/", ROOT);
  const FILTERS = ["loai", "nam", "co_quan"];
  const PAGE = 6; // results shown at once; each needs its fragment fetched

  // --- Query words → index tokens (mirror of tokens.py) -------------------
  const MARKS = { "\u0306": "b", "\u0302": "c", "\u031b": "h" };
  const TONES = { "\u0300": "f", "\u0301": "s", "\u0303": "x", "\u0309": "r", "\u0323": "j" };
  const MARK_CHAR = { b: "\u0306", c: "\u0302", h: "\u031b" };
  const TONE_CHAR = { f: "\u0300", s: "\u0301", x: "\u0303", r: "\u0309", j: "\u0323" };
  const B36 = "0123456789abcdefghijklmnopqrstuvwxyz";
  const WORD = /[\p{L}\p{N}]+/gu;
  const GLUE = "\u2063";
  const REPEAT = "zr"; // a word's later occurrences in a document (tokens.py index_text)

  const clean = (text) => text
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, "")
    .replace(/[\u00a0\u202f\u2007\u2009\u200a\u3000]/g, " ")
    .replace(/[\u00d0\u0189]/g, "Đ").replace(/[\u00f0\u0256]/g, "đ")
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, "-").replace(/[\uff0f\u2215\u2044]/g, "/")
    .normalize("NFC");
  const fold = (text) => text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d");
  const alnum = (text) => fold(text).replace(/[^a-z0-9]/g, "");
  const escape = (base) => base.replace(/z/g, "zz");
  const hex = (word) => [...new TextEncoder().encode(word)].map((b) => b.toString(16).padStart(2, "0")).join("");

  function queryToken(word) {
    const fallback = "zx" + hex(word) + "zq";
    let base = "", marks = "", tones = [];
    const chars = [...word];
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i].toLowerCase();
      if (ch === "đ") { base += "d"; marks += i + "d"; continue; }
      const parts = [...ch.normalize("NFD")];
      if (!/^[a-z0-9]$/.test(parts[0])) return fallback;
      base += parts[0];
      let mark = "", tone = "";
      for (const c of parts.slice(1)) {
        if (MARKS[c] && !mark) mark = MARKS[c];
        else if (TONES[c] && !tone) tone = TONES[c];
        else return fallback;
      }
      if (mark) marks += i + mark;
      if (tone) tones.push([i, tone]);
    }
    if (tones.length > 1 || /\d\d/.test(marks) || (tones[0] && tones[0][0] > 9)) return fallback;
    if (!marks && !tones.length) return escape(base) + "zq";
    return escape(base) + "zq" + marks + (tones.length ? tones[0][1] : "n");
  }

  // --- Shards (tokens.py): a document's tokens carry its shard's tag ---------
  const SHARD = "y";
  const hidden = (tok) => /^z[nctu]/.test(tok); // keys never shown (tokens.py HIDDEN)
  /* Where a token's fold and separator end (after "zr", if any), or -1. */
  function separatorEnd(tok) {
    const start = tok.startsWith(REPEAT) ? 2 : 0;
    if (hidden(tok.slice(start))) return -1;
    if (tok.startsWith("zx", start)) { const i = tok.indexOf("zq", start); return i < 0 ? -1 : i + 2; }
    for (let i = start; i < tok.length; i++) {
      if (tok[i] !== "z") continue;
      if (tok[i + 1] === "q") return i + 2;
      i++; // an escaped "z"
    }
    return -1;
  }
  const shardTag = (j) => SHARD + B36[Math.floor(j / 36)] + B36[j % 36];
  function tagged(term, j) {
    const at = separatorEnd(term);
    return at < 0 ? term : term.slice(0, at) + shardTag(j) + term.slice(at);
  }
  function untag(tok) {
    const at = separatorEnd(tok);
    return at >= 0 && tok[at] === SHARD ? tok.slice(0, at) + tok.slice(at + 3) : tok;
  }

  /* [word, written glued to what precedes it] of one token (tokens.py _parse). */
  function decode(tok) {
    if (tok.startsWith(REPEAT)) tok = tok.slice(2);
    tok = untag(tok);
    if (hidden(tok)) return ["", false];
    if (tok.startsWith("zx")) {
      const end = tok.indexOf("zq");
      const bytes = tok.slice(2, end).match(/../g) || [];
      return [new TextDecoder().decode(new Uint8Array(bytes.map((b) => parseInt(b, 16)))), tok.slice(end + 2) === "g"];
    }
    let i = 0, base = "";
    while (i < tok.length) {
      if (tok[i] !== "z") base += tok[i++];
      else if (tok[i + 1] === "q") { i += 2; break; }
      else { base += "z"; i += 2; }
    }
    const letters = [...base].map((c) => [c, "", ""]);
    const rest = tok.slice(i);
    let p = 0;
    if (rest && /[0-9nfsrxj]/.test(rest[0])) {
      while (/\d/.test(rest[p])) { letters[+rest[p]][1] = rest[p + 1]; p += 2; }
      const tone = rest[p++];
      if (tone !== "n") letters[+rest[p++]][2] = tone;
    }
    const glued = rest[p] === "g";
    const kase = rest.slice(p + (glued ? 1 : 0));
    let chars = letters.map(([c, m, t]) => m === "d" ? "đ" : (c + (MARK_CHAR[m] || "") + (TONE_CHAR[t] || "")).normalize("NFC"));
    if (kase === "k") chars[0] = chars[0].toUpperCase();
    else if (kase === "u") chars = chars.map((c) => c.toUpperCase());
    else if (kase[0] === "m") for (const c of kase.slice(1)) chars[B36.indexOf(c)] = chars[B36.indexOf(c)].toUpperCase();
    return [chars.join(""), glued];
  }

  /* [text, glued] of one word of the indexed text: a token, or a run of marks. */
  function shown(word) {
    if (word.startsWith(GLUE)) return [word.slice(1), true];
    if (/^[a-z0-9]+$/.test(word)) return decode(word);
    return [word, false];
  }

  // --- Shapes (tokens.py): the index content has no case; the "h" metadata
  // says, word by word, how each was written: a lower, b Capitalised, c UPPER,
  // d e f the same glued to what precedes it, g (h glued) + count + indexes.
  const SHAPES = "h";
  const SHAPES_PREFIX = "zzzzzzzzq";
  const showsAWord = (item) => /^[a-z0-9]+$/.test(item) && !hidden(item);
  function readShapes(text) {
    const s = (text || "").replace(SHAPES_PREFIX, "");
    const out = [];
    for (let i = 0; i < s.length;) {
      const k = "abcdef".indexOf(s[i]);
      if (k >= 0) { out.push([["l", "k", "u"][k % 3], k >= 3]); i++; continue; }
      const count = B36.indexOf(s[i + 1]);
      out.push(["m" + s.slice(i + 2, i + 2 + count), s[i] === "h"]);
      i += 2 + count;
    }
    return out;
  }
  /* [text, glued] of a word of the index content, with its shape. */
  function shownShaped(item, shape) {
    if (!shape) return shown(item);
    const [caseLetters, glued] = shape;
    const bare = untag(item.startsWith(REPEAT) ? item.slice(2) : item);
    return [decode(bare.startsWith("zx") ? bare : bare + caseLetters)[0], glued];
  }

  const decodeText = (text) => {
    let out = "";
    for (const word of (text || "").split(/\s+/).filter(Boolean)) {
      const [t, glued] = shown(word);
      if (!t) continue;
      out += (out && !glued ? " " : "") + t;
    }
    return out;
  };

  // --- Reading a query --------------------------------------------------------
  let settings = { codes: [], type_names: [], filters: {} };
  const PARTY = /(?<![\p{L}\p{N}/])(\d{1,5}[a-z]?)\s*[-\s]\s*(\p{L}{1,5})\s*[/\s-]\s*([\p{L}\p{N}]{2,12}(?:-[\p{L}\p{N}]{1,12})*)/giu;
  const STATE = /(?<![\p{L}\p{N}/])(\d{1,5}(?:\.\d{1,3})?)\s*\/\s*((?:(?:19|20)\d\d\s*\/\s*)?\p{L}[\p{L}\p{N}]{0,11}(?:\s*-\s*[\p{L}\p{N}]{1,12})*)/gu;
  const pad = (n) => /^\d(\D|$)/.test(n) ? "0" + n : n;

  function findNumber(text) {
    for (const m of text.matchAll(PARTY)) {
      if (settings.codes.includes(alnum(m[2]))) return { key: pad(m[1]) + alnum(m[2] + m[3]), span: m };
    }
    for (const m of text.matchAll(STATE)) return { key: pad(m[1]) + alnum(m[2]), span: m };
    return null;
  }

  /* {words, phrases, number, typeNumeral, typeWords}: what to ask Pagefind. */
  function parse(raw) {
    let text = clean(raw);
    const number = findNumber(text);
    if (number) text = text.slice(0, number.span.index) + " " + text.slice(number.span.index + number.span[0].length);
    const phrases = [];
    text = text.replace(/["“”]([^"“”]*)["“”]?/g, (_, inner) => { phrases.push(inner.match(WORD) || []); return " "; });
    const words = text.match(WORD) || [];
    const plan = { words, phrases: phrases.filter((p) => p.length), number: number && number.key, typeNumeral: null, rest: words };
    if (!number) {
      const folded = words.map(fold);
      for (const name of settings.type_names) {
        const parts = name.split(" ");
        for (let i = 0; i + parts.length < folded.length; i++) {
          if (parts.some((part, k) => folded[i + k] !== part)) continue;
          let j = i + parts.length;
          if (folded[j] === "so" && j + 1 < folded.length) j++;
          if (/^\d{1,5}[a-z]?$/.test(folded[j])) {
            plan.typeNumeral = parts.join("") + pad(folded[j]);
            plan.rest = words.filter((_, k) => k < i || k > j);
          }
        }
      }
    }
    return plan;
  }

  // --- The engine: Pagefind's WebAssembly in a worker (search-worker.js) ----
  // Two of them, each on a core of its own, share a query's shards.
  const WORKER = new URL("search-worker.js", script.src);
  function engineWorker() {
    const worker = new Worker(WORKER);
    const waiting = new Map();
    let last = 0;
    worker.addEventListener("message", ({ data }) => {
      if (!waiting.has(data.id)) return; // given up on (the worker failed)
      const [resolve, reject] = waiting.get(data.id);
      waiting.delete(data.id);
      if ("error" in data) reject(new Error(data.error));
      else resolve(data.result);
    });
    worker.addEventListener("error", (event) => {
      for (const [, reject] of waiting.values()) reject(new Error(event.message || "search-worker.js"));
      waiting.clear();
    });
    const call = (method, ...args) => new Promise((resolve, reject) => {
      const id = ++last;
      waiting.set(id, [resolve, reject]);
      worker.postMessage({ id, method, args });
    });
    const toResult = ([id, score, words]) => ({ id, score, words: words || [] });
    return {
      ready: call("init", BUNDLE.href, document.documentElement.lang || "vi"),
      stop: () => worker.terminate(),
      /* The index chunk that holds `word`. */
      preload: (word) => call("load", word),
      /* One result list a query ({id, score, words}); `locations`: with the
         positions of the matched words (phrases need them, cards do not). */
      search: (queries, filters = {}, locations = false) =>
        call("search", queries, filters, locations).then((lists) => lists.map((list) => list.map(toResult))),
    };
  }

  let engine = null;
  let second = null; // the second engine, once up
  let failed = false; // the engine did not load: the form leads to the listings
  function loadEngine() {
    if (!engine) {
      let first = null;
      engine = (async () => {
        first = engineWorker();
        // "no-cache": asked again each visit (a 304 if unchanged), as they
        // name the index files of the build that wrote them.
        const [loaded] = await Promise.all([
          fetch(new URL("vanban-search.json", BUNDLE), { cache: "no-cache" }).then((r) => {
            if (!r.ok) throw new Error(`vanban-search.json: ${r.status}`);
            return r.json();
          }),
          first.ready,
        ]);
        settings = loaded;
        const [marker] = await first.search([settings.sentinel]);
        sentinel = marker.length ? marker[0].id : null;
        warmAtLoad(first);
        if ((settings.shards || 1) > 1) {
          // Started once the first is up: its files come from the browser's cache.
          const other = engineWorker();
          second = await other.ready.then(() => other, () => { other.stop(); return null; });
          if (second) warmAtLoad(second);
        }
        failed = false;
        return first;
      })();
      // Asked again by the next search (the connection may have dropped), by
      // a new worker: this one is let go.
      engine.catch(() => { failed = true; engine = null; first?.stop(); });
    }
    return engine;
  }

  /* A fresh engine runs its first searches three times slower than later ones
     (the browser compiles its code for speed once it runs hot): it searches
     a prefix of words in the chunk its first search fetched (index.py picks
     it), a few times, while the reader starts typing. No download. */
  const WARM_RUNS = 3;
  function warmAtLoad(searcher) {
    if (!settings.warm) return;
    (async () => {
      for (let i = 0; i < WARM_RUNS && !running; i++) { await searcher.search([settings.warm]); warmed++; }
    })().catch(() => null);
  }

  const tokensOf = (words) => words.map(queryToken);
  let sentinel = null; // the index's page of one-letter words (index.py): never a result

  /* Chunks of the index holding words that start with `term` (search/bundles.py, join). */
  const chunksFor = new Map(); // term → its chunks: asked again by every fetch of a query (a scan of a thousand ranges)
  function chunksOf(term) {
    if (!chunksFor.has(term)) {
      const end = term + "\x7f";
      chunksFor.set(term, (settings.chunks || []).filter(([from, to]) => to + "\x7f" >= term && from <= end).map(([from]) => from));
    }
    return chunksFor.get(term);
  }

  // Pagefind fetches only the first chunk a word falls in; a prefix running
  // over several chunks would lose the pages in the others.
  const loading = new Map(); // engine → Map(chunk → its loading)
  function fetchChunks(searcher, terms) {
    if (!loading.has(searcher)) loading.set(searcher, new Map());
    const mine = loading.get(searcher);
    const chunks = [...new Set(terms.flatMap(chunksOf))];
    // One by one, so that the shards whose chunks are in can be searched
    // while the others' are still on their way.
    for (const f of chunks.filter((c) => !mine.has(c))) {
      mine.set(f, searcher.preload(f).catch((err) => { mine.delete(f); throw err; })); // a lost chunk is asked again
    }
    return Promise.all(chunks.map((f) => mine.get(f)));
  }

  /* The terms as asked of each shard: one list per shard, or one list if
     only hidden keys (which carry no tag) are asked. */
  function perShard(terms) {
    const shards = terms.some((t) => separatorEnd(t) >= 0) ? (settings.shards || 1) : 1;
    return Array.from({ length: shards }, (_, j) => terms.map((t) => tagged(t, j)));
  }

  /* [engine, first shard, end] of each engine: the first half of the shards
     to one, the second to the other. A word's shards lie in its chunks in
     shard order, so each engine fetches and reads about half of them: reading
     a chunk into the engine costs as much as searching a dozen shards. */
  function halves(count, searcher) {
    if (!second || count < 2) return [[searcher, 0, count]];
    const half = Math.ceil(count / 2);
    return [[searcher, 0, half], [second, half, count]];
  }

  /* Fetch the index chunks of `terms` into the engine(s) that will search them. */
  function fetchShards(searcher, terms) {
    const asked = perShard(terms);
    return Promise.all(halves(asked.length, searcher).map(([engine, from, to]) =>
      fetchChunks(engine, asked.slice(from, to).flat())));
  }

  const AHEAD = 0.75; // share of the shards searched before the best records are fetched

  /* The `n` results of highest score (the sentinel page left out). */
  function best(results, n) {
    const top = [];
    for (const r of results) {
      if (!r || r.id === sentinel || (top.length === n && r.score <= top[n - 1].score)) continue;
      const at = top.findIndex((t) => t.score < r.score); // after those of equal score, as the final sort
      top.splice(at < 0 ? top.length : at, 0, r);
      if (top.length > n) top.pop();
    }
    return top;
  }

  // Thrown when a newer query has been typed: the rest of this search is not
  // worth running, and the next one would wait behind it.
  const STALE = new Error("stale");
  const BATCH = 8; // shard searches an engine is given at a time

  /* Results of `terms` in every shard, best first. `ahead`: these are the
     results to show; once most shards are searched, the records of the best
     so far are fetched while the rest are searched (they are most often the
     best of all: a few KB for records not shown, some 30 ms sooner on screen). */
  async function run(searcher, terms, filters, stale = () => false, locations = false, ahead = false) {
    if (!terms.length) return [];
    const asked = perShard(terms);
    const found = new Array(asked.length); // by shard: the same order whichever engine searched it
    let done = 0;
    const shards = async ([engine, from, to]) => {
      fetchChunks(engine, asked.slice(from, to).flat()).catch(() => null); // all asked for now; each batch waits for its own
      const sent = []; // batches the engine has and has not answered yet
      try {
        await sendAll(engine, from, to, sent);
        await Promise.all(sent);
      } finally {
        sent.forEach((p) => p.catch(() => null)); // a stopped search leaves its last batch unread
      }
    };
    const sendAll = async (engine, from, to, sent) => {
      for (let at = from; at < to; at += BATCH) {
        if (stale()) throw STALE;
        const batch = asked.slice(at, Math.min(to, at + BATCH));
        await fetchChunks(engine, batch.flat());
        const answered = engine.search(batch.map((ts) => ts.join(" ")), filters, locations).then((lists) => {
          lists.forEach((f, k) => { found[at + k] = f; });
          done += batch.length;
          if (ahead && done >= AHEAD * asked.length && !stale()) best(found.flat(), PAGE).forEach((r) => record(r.id).catch(() => null));
        });
        answered.catch(() => null); // its failure is read where it is awaited, not reported as unhandled before
        sent.push(answered);
        // The next batch goes while this one is searched: the engine never
        // waits for the page between two batches.
        if (sent.length > 1) await sent.shift();
      }
    };
    await Promise.all(halves(asked.length, searcher).map(shards));
    const results = found.flatMap((f) => f || []).filter((r) => r.id !== sentinel);
    return asked.length > 1 ? results.sort((a, b) => b.score - a.score) : results;
  }

  /* Start fetching the index chunks of the words typed so far. */
  // A number being typed ("114-", "114-KH/"): its parts are not words to
  // search, and would fetch the chunks of "114" and "kh" in every shard.
  // Parts joined by "-", "/" or "." (spaces around them allowed, not between
  // words: "15/2020 về xử phạt" is a number and then words).
  const NUMBER_TYPED = /(?<![\p{L}\p{N}])\d{1,5}\p{L}?\s*[-/.]\s*(?:[\p{L}\p{N}]{0,12}\s*[-/.]\s*)*[\p{L}\p{N}]{0,12}$/u;

  /* Where a number half typed ("114-KH/Đ") begins in `value`, or -1: its
     parts would be searched as words. */
  function numberStart(value) {
    const tail = value.match(NUMBER_TYPED);
    return tail && !findNumber(tail[0]) ? tail.index : -1;
  }
  const numberTyping = (value) => numberStart(clean(value)) >= 0;

  function preload(raw) {
    if (!engine) return;
    // Words still being typed would fetch stray chunks.
    let text = clean(raw).replace(/[\p{L}\p{N}]+$/u, "");
    const number = numberStart(text);
    if (number >= 0) text = text.slice(0, number);
    const plan = parse(text);
    const words = plan.words.slice(0, plan.words.length - typeNameTail(plan.words));
    const terms = tokensOf([...words, ...plan.phrases.flat()]);
    if (plan.number) terms.push("zn" + escape(plan.number) + "zq", "zc" + escape(plan.number) + "zq");
    if (terms.length) engine.then((searcher) => fetchShards(searcher, terms)).catch(() => null);
  }

  let warmed = 0; // warm-up searches run (warmAtLoad; tests)

  /* How many of the last words may begin "Chỉ thị số 06": a type name (and
     "số") that a numeral may follow, searched then by a hidden key, not by
     words most documents hold; their index chunks are not fetched ahead.
     `typing`: the last word may be unfinished ("Chỉ th"). */
  function typeNameTail(words, typing = false) {
    const folded = words.map(fold);
    const last = folded.length - 1;
    let longest = 0;
    for (const name of settings.type_names) {
      const parts = [...name.split(" "), "so"];
      for (let n = Math.min(parts.length, folded.length); n > longest; n--) {
        const start = folded.length - n;
        const fits = (w, k) => w === parts[k] || (typing && start + k === last && parts[k].startsWith(w));
        if (folded.slice(start).every(fits)) { longest = n; break; }
      }
    }
    return longest;
  }

  /* Pages where the phrase's words stand one after another. */
  async function phrasePages(searcher, words, stale) {
    // Every occurrence counts here, the later ones (REPEAT) included.
    const maps = [];
    for (const w of words) {
      const map = new Map();
      for (const term of [queryToken(w), REPEAT + queryToken(w)]) {
        for (const r of await run(searcher, [term], {}, stale, true)) {
          const set = map.get(r.id) || new Set();
          r.words.forEach((p) => set.add(p));
          map.set(r.id, set);
        }
      }
      maps.push(map);
    }
    const pages = new Set();
    for (const [id, first] of maps[0]) {
      if (!maps.every((m) => m.has(id))) continue;
      for (const pos of first) {
        if (maps.every((m, k) => m.get(id).has(pos + k))) { pages.add(id); break; }
      }
    }
    return pages;
  }

  async function searchAll(raw, filters, stale = () => false) {
    const searcher = await loadEngine();
    const plan = parse(raw);
    const phraseWords = plan.phrases.flat();
    const words = tokensOf([...plan.words, ...phraseWords]);
    let lists = [];
    if (plan.number) {
      lists.push(await run(searcher, ["zn" + escape(plan.number) + "zq", ...words], filters, stale));
      lists.push(await run(searcher, ["zc" + escape(plan.number) + "zq", ...words], filters, stale));
    } else {
      if (plan.typeNumeral) {
        // "Chỉ thị 06": the document so numbered, then those citing it (hidden keys).
        const rest = [...tokensOf(plan.rest), ...tokensOf(phraseWords)];
        for (const kind of ["zt", "zu"]) lists.push(await run(searcher, [kind + escape(plan.typeNumeral) + "zq", ...rest], filters, stale));
      } else if (words.length) lists.push(await run(searcher, words, filters, stale, false, !plan.phrases.length));
      else if (Object.keys(filters).length) lists.push((await searcher.search([null], filters))[0]);
    }
    const seen = new Set();
    let results = lists.flat().filter((r) => !seen.has(r.id) && seen.add(r.id));
    for (const phrase of plan.phrases.filter((p) => p.length > 1)) {
      const pages = await phrasePages(searcher, phrase, stale);
      results = results.filter((r) => pages.has(r.id));
    }
    return { results, plan };
  }

  // --- Showing results ----------------------------------------------------------
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    for (const c of children) node.append(c);
    return node;
  };

  /* A token's fold ("dangzq0dr1k" → "dang"); "" for marks and hidden tokens. */
  function baseOf(word) {
    if (word.startsWith(REPEAT)) word = word.slice(2);
    if (!/^[a-z0-9]+$/.test(word) || /^z[nctux]/.test(word)) return "";
    let base = "";
    for (let i = 0; i < word.length; i++) {
      if (word[i] !== "z") base += word[i];
      else if (word[i + 1] === "q") break;
      else { base += "z"; i++; }
    }
    return base;
  }

  /* Some forty words around the first match, matched words in <mark>. */
  function excerpt(data, plan) {
    const words = data.content.split(/\s+/);
    const shapes = readShapes(data.meta[SHAPES]);
    const shapeAt = [];
    let n = 0;
    words.forEach((w, i) => { if (showsAWord(w)) shapeAt[i] = shapes[n++]; });
    // Decoding every word of a long document costs; only the shown ones are.
    const visible = (i) => Boolean(words[i]) && !hidden(words[i]) && words[i] !== GLUE;
    const marked = new Set(data.locations.filter(visible));
    if (plan.number) markNumber(words, plan.number, marked);
    // The query's words wherever they stand: later occurrences (REPEAT) and
    // results found by a hidden key (type and numeral) have no locations.
    const terms = tokensOf([...plan.words, ...plan.phrases.flat()]);
    words.forEach((w, i) => {
      const tok = untag(w.startsWith(REPEAT) ? w.slice(2) : w);
      if (terms.some((t) => tok.startsWith(t))) marked.add(i);
    });
    let first = Math.min(...marked);
    let lead = 0; // the hidden tokens' line comes first
    while (lead < words.length && !baseOf(words[lead])) lead++;
    if (!isFinite(first)) first = lead;
    const start = Math.max(lead, first - 12);
    const end = Math.min(words.length, start + 40);
    const out = el("p", { class: "vb-tim-doan" });
    if (start > lead) out.append("… ");
    for (let i = start; i < end; i++) {
      if (!visible(i)) continue;
      const [text, glued] = shownShaped(words[i], shapeAt[i]);
      if (!glued && i > start) out.append(" ");
      out.append(marked.has(i) ? el("mark", {}, text) : text);
    }
    if (end < words.length) out.append(" …");
    return out;
  }

  /* The words spelling the searched number ("06", "CT", "TU"), wherever written. */
  function markNumber(words, key, marked) {
    for (let i = 0; i < words.length; i++) {
      const first = baseOf(words[i]);
      if (!first || !key.startsWith(first)) continue;
      let acc = "";
      const hit = [];
      for (let j = i; j < Math.min(words.length, i + 10); j++) {
        const base = baseOf(words[j]);
        if (!base && /^[a-z0-9]+$/.test(words[j])) break;
        acc += base;
        if (base) hit.push(j);
        if (acc === key) { hit.forEach((k) => marked.add(k)); break; }
        if (!key.startsWith(acc)) break;
      }
    }
  }

  /* A result's page record (Pagefind's fragment file), read with the browser's own gzip. */
  const fragments = new Map();
  const SIGNATURE = "pagefind_dcd";
  const signed = (bytes) => new TextDecoder().decode(bytes.subarray(0, SIGNATURE.length)) === SIGNATURE;
  async function readFragment(id) {
    const response = await fetch(new URL(`fragment/${id}.pf_fragment`, BUNDLE));
    if (!response.ok) throw new Error(`fragment ${id}: ${response.status}`);
    let bytes = new Uint8Array(await response.arrayBuffer());
    if (!signed(bytes)) { // written gzip-compressed; a host may have unpacked it on the way
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      bytes = new Uint8Array(await new Response(stream).arrayBuffer());
      if (!signed(bytes)) throw new Error(`fragment ${id}: not a Pagefind fragment`);
    }
    return JSON.parse(new TextDecoder().decode(bytes.subarray(SIGNATURE.length)));
  }
  function record(id) {
    if (!fragments.has(id)) fragments.set(id, readFragment(id).catch((err) => { fragments.delete(id); throw err; }));
    return fragments.get(id);
  }
  async function pageData(result) {
    return { ...await record(result.id), locations: result.words };
  }

  async function card(result, plan) {
    const data = await pageData(result);
    const meta = Object.fromEntries(Object.entries(data.meta).filter(([k]) => k !== SHAPES).map(([k, v]) => [k, decodeText(v)]));
    const href = new URL(data.url.replace(/^\//, ""), ROOT).href;
    const heading = el("h3", { class: "vb-tim-tieu-de" }, el("a", { href }, `${meta.loai} ${meta.so}`));
    const facts = el("p", { class: "vb-tim-thuoc-tinh" },
      `${meta.co_quan} · Ngày ban hành: ${meta.ngay} · Trạng thái: ${(meta.trang_thai || "Chưa rõ").toLowerCase()}`);
    const title = el("p", { class: "vb-tim-trich-yeu" }, meta.title);
    return el("li", { class: "vb-tim-ket-qua" }, heading, title, facts, excerpt(data, plan));
  }

  // --- The search box -----------------------------------------------------------
  const ui = {};
  let current = { results: [], plan: null, shown: 0 };
  let sequence = 0;

  function state() {
    const params = new URLSearchParams(location.search);
    const filters = {};
    for (const f of FILTERS) if (params.get(f)) filters[f] = params.get(f);
    return { q: params.get("q") || "", filters };
  }

  function writeState(push) {
    const params = new URLSearchParams(location.search);
    params.delete("q");
    FILTERS.forEach((f) => params.delete(f));
    if (ui.input.value.trim()) params.set("q", ui.input.value);
    for (const f of FILTERS) if (ui[f] && ui[f].value) params.set(f, ui[f].value);
    const query = params.toString();
    const url = location.pathname + (query ? "?" + query : "") + location.hash;
    if (url === location.pathname + location.search + location.hash) return;
    history[push ? "pushState" : "replaceState"](null, "", url);
  }

  function filters() {
    const out = {};
    for (const f of FILTERS) if (ui[f] && ui[f].value) out[f] = ui[f].value;
    return out;
  }

  let running = null; // the search Pagefind is running
  let typed = 0; // input events so far: a search of an earlier text is stale

  async function update(push) {
    const mine = ++sequence;
    writeState(push);
    const q = ui.input.value.trim();
    const chosen = filters();
    if (!q && !Object.keys(chosen).length) { render({ results: [], plan: null }, mine, ""); return; }
    ui.status.textContent = "Đang tìm…";
    // A search stops at its next few shards once a key is typed or the query
    // changes; while one runs, only the newest query waits for it.
    while (running) {
      await running.catch(() => null);
      if (mine !== sequence) return;
    }
    const typedNow = typed;
    running = searchAll(q, chosen, () => mine !== sequence || typed !== typedNow);
    let found;
    try {
      found = await running;
    } catch (err) {
      if (err === STALE || mine !== sequence) return;
      if (failed) unavailable();
      else ui.status.textContent = "Không tải được chỉ mục tra cứu. Hãy thử lại.";
      return;
    } finally {
      running = null;
    }
    fillFilters(); // once the engine is up, if opening the box could not load it
    if (mine === sequence) render(found, mine, q);
  }

  async function render(found, mine, q) {
    current = { ...found, shown: 0 };
    if (!found.plan) {
      ui.list.replaceChildren();
      ui.more.hidden = true;
      ui.status.textContent = "Gõ từ cần tìm, có dấu hoặc không dấu, hoặc số hiệu văn bản.";
      return;
    }
    let cards;
    try {
      cards = await page(mine);
    } catch (err) { // a result's record did not arrive
      if (mine !== sequence) return;
      ui.list.replaceChildren();
      ui.more.hidden = true;
      ui.status.textContent = "Không tải được kết quả tra cứu. Hãy thử lại.";
      return;
    }
    if (!cards) return;
    ui.list.replaceChildren(...cards);
    // The count is announced once the results it speaks of are on screen.
    const n = found.results.length;
    const about = q ? ` với “${q}”` : "";
    ui.status.textContent = n ? `Có ${n} văn bản phù hợp${about}.` : `Không có văn bản nào phù hợp${about}.`;
    ui.more.hidden = current.shown >= n;
  }

  /* The next cards, or null if a newer search has started meanwhile. */
  async function page(mine) {
    const slice = current.results.slice(current.shown, current.shown + PAGE);
    const cards = await Promise.all(slice.map((r) => card(r, current.plan)));
    if (mine !== sequence) return null;
    current.shown += slice.length; // only once they are shown: after a failure, the same cards are asked again
    return cards;
  }

  async function more() {
    const mine = sequence;
    let cards;
    try {
      cards = await page(mine);
    } catch (err) {
      if (mine === sequence) ui.status.textContent = "Không tải được thêm kết quả. Hãy thử lại.";
      return;
    }
    if (!cards) return;
    ui.list.append(...cards);
    ui.more.hidden = current.shown >= current.results.length;
    if (cards[0]) cards[0].querySelector("a").focus();
  }

  function fillFilters() {
    const wanted = state().filters;
    for (const f of FILTERS) {
      const select = ui[f];
      if (!select || select.options.length > 1) continue;
      for (const value of (settings.filters[f] || [])) select.append(el("option", { value }, value));
      if (wanted[f]) select.value = wanted[f];
    }
  }

  let opened = false;
  async function open(focus) {
    ui.toggle.checked = true;
    if (focus) { ui.input.focus(); ui.input.select(); }
    if (opened) return;
    opened = true;
    ui.status.textContent = "Đang tải bộ tra cứu…";
    try {
      await loadEngine();
    } catch (err) {
      unavailable();
      return;
    }
    fillFilters();
    await update(false);
  }

  /* An old browser (no workers, no gzip in script) or a lost connection: the
     box does what it does without JavaScript; the next search tries again. */
  function unavailable() {
    const link = el("a", { href: ui.form.action }, "danh mục văn bản");
    ui.status.replaceChildren("Không tải được bộ tra cứu. Xem ", link, " theo loại, năm và cơ quan ban hành.");
  }

  function restore() {
    const { q, filters: chosen } = state();
    ui.input.value = q;
    for (const f of FILTERS) if (ui[f]) ui[f].value = chosen[f] || "";
    if (q || Object.keys(chosen).length) { opened ? update(false) : open(false); }
  }

  function typing(target) {
    const tag = target && target.tagName;
    return target && (target.isContentEditable || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT");
  }

  let timer = null;
  function setup() {
    const form = document.querySelector("form.vb-tim");
    if (!form) return;
    Object.assign(ui, {
      form, toggle: document.getElementById("__search"),
      input: form.querySelector("input[name=q]"),
      status: document.getElementById("vb-tim-trang-thai"),
      list: document.getElementById("vb-tim-danh-sach"),
      more: document.getElementById("vb-tim-them"),
    });
    for (const f of FILTERS) ui[f] = document.getElementById("vb-tim-" + f);
    form.addEventListener("submit", (e) => {
      if (failed) return; // to the listings, as without JavaScript
      e.preventDefault(); clearTimeout(timer); update(true);
    });
    ui.input.addEventListener("input", () => {
      typed++;
      clearTimeout(timer);
      preload(ui.input.value);
      // "Chỉ thị số" is most often followed by a numeral, a word of one letter
      // by more letters, "114-KH/Đ" by the rest of the number: wait for them,
      // rather than fetch the index of words that most documents hold and make
      // the next search wait behind.
      const value = ui.input.value;
      const unfinished = /(^|\s)[\p{L}\p{N}]$/u.test(value) || typeNameTail(parse(value).words, true)
        || numberTyping(value);
      const pause = unfinished ? 600 : 60;
      timer = setTimeout(() => update(false), pause);
    });
    ui.input.addEventListener("focus", () => open(false));
    for (const f of FILTERS) if (ui[f]) ui[f].addEventListener("change", () => update(true));
    ui.more.addEventListener("click", more);
    ui.toggle.addEventListener("change", () => { if (ui.toggle.checked) open(true); });
    form.addEventListener("reset", () => setTimeout(() => update(true), 0));
    document.addEventListener("keydown", (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (ui.toggle.checked && e.key === "Escape") {
        ui.toggle.checked = false; ui.input.blur();
        document.querySelector("label[for=__search]")?.focus();
        return;
      }
      if (!ui.toggle.checked && !typing(e.target) && ["/", "s", "f", "S", "F"].includes(e.key)) {
        e.preventDefault(); open(true);
      }
    });
    for (const label of document.querySelectorAll("label.vb-tim-mo")) {
      label.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(true); }
      });
    }
    window.addEventListener("popstate", restore);
    restore();
  }

  window.vanbanSearch = { queryToken, decode, decodeText, parse, numberTyping, search: (q, f = {}, stale = undefined) => searchAll(q, f, stale), ready: loadEngine, warmed: () => warmed,
    engines: () => (engine ? 1 : 0) + (second ? 1 : 0) };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
