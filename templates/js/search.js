// The search page's only script, loaded on that page alone. It shows the search form (hidden
// without JavaScript, where the page offers its browse links instead), asks Pagefind's index,
// fetched from this site, and lists results newest first. Results are built with textContent:
// nothing from the index is ever parsed as HTML.
// Read from the page; none outside a browser (the tests import the formatter below).
const page = globalThis.document;
const form = page?.querySelector("form.search");
const status = page?.querySelector(".search-status");
const list = page?.querySelector(".search-results");
const more = page?.querySelector(".search-more");
const messages = JSON.parse(form?.dataset.messages ?? "{}");
const formatMessage = messageFormatter(form?.dataset.locale || page?.documentElement.lang || "en");
/** The edition's message `key`, with its values. */
const t = (key, values = {}) => formatMessage(messages[key], values);
const PAGE = 10;
/** The first results come five at a time: each needs a fragment of its own (about 2 KB). */
const FIRST = 5;
// One index bundle per year of the dates shown, newest first, all searched at once: the newest
// year's Pagefind is loaded and every other year merged into it (Pagefind's mergeIndex), so
// its WebAssembly is fetched once and each other year adds only its small index files.
const years = (form?.dataset.years ?? "").split(" ").filter(Boolean);
let engine;
/** The current search's results, newest first, and how many are shown. */
let results = [];
let shown = 0;
/** Each search's number: a search still in flight when a newer one starts leaves the page alone. */
let generation = 0;
/** One "show more" at a time. */
let showing = Promise.resolve();

/** Pagefind with every year merged in, loaded once (the first time the reader may search). */
function engineOf() {
  // A failed load is forgotten, so the next search tries again.
  engine ??= (async () => {
    const [newest, ...older] = years.map((year) => `${form.dataset.index}${year}/`);
    const pagefind = await import(`${newest}pagefind.js`);
    // Pagefind can also search from a web worker: another 43 KB to download, not worth it
    // on a phone with costly data.
    await pagefind.options({ noWorker: true });
    await pagefind.init();
    await Promise.all(older.map((folder) => pagefind.mergeIndex(folder)));
    return pagefind;
  })().catch((error) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

/**
 * Every result, newest first. Pagefind orders a merged search by score, and a sorted search's
 * score is a page's rank within its own year's index, so the years would interleave. Each
 * year is asked apart (by its Year filter: one index answers), newest year first; what no year
 * holds (the countries, undated) comes last.
 */
async function searchAll(query, filters) {
  const pagefind = await engineOf();
  const ask = (only) => pagefind.search(query ? normaliseArabic(query) : null, { filters: { ...filters, ...only }, sort: { date: "desc" } });
  if (filters.year) return (await ask({})).results;
  const [all, ...byYear] = await Promise.all([ask({}), ...years.map((year) => ask({ year }))]);
  const dated = byYear.flatMap((found) => found.results);
  const ids = new Set(dated.map((result) => result.id));
  return dated.concat(all.results.filter((result) => !ids.has(result.id)));
}

function chosenFilters() {
  const filters = {};
  for (const select of form.querySelectorAll("select[data-filter]")) {
    if (select.value) filters[select.dataset.filter] = select.value;
  }
  return filters;
}

function say(text) {
  status.textContent = text;
}

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Shows the next results. */
async function showMore(count = PAGE, run = generation) {
  const batch = await Promise.all(results.slice(shown, shown + count).map((result) => result.data()));
  if (run !== generation) return;
  for (const data of batch) {
    const li = element("li", "search-result");
    // A result in another language than the page's (an item nobody translated) says so.
    if (/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/.test(data.meta.lang ?? "")) li.lang = data.meta.lang;
    const heading = element("h2", "search-title");
    const link = element("a", "", data.meta.title);
    link.href = data.url;
    heading.append(link);
    const meta = [data.meta.date, data.meta.countries].filter(Boolean).join(" · ");
    li.append(heading);
    if (meta) li.append(element("p", "meta", meta));
    if (data.meta.summary) li.append(element("p", "summary", data.meta.summary));
    list.append(li);
  }
  shown += batch.length;
  more.hidden = shown >= results.length;
}

function countText(query) {
  return t("search.js.status", { count: results.length, hasQuery: query ? "yes" : "no", query });
}

async function run(pushState) {
  const id = ++generation;
  const query = form.elements.q.value.trim();
  const filters = chosenFilters();
  if (pushState) {
    const params = new URLSearchParams();
    if (query) params.set("q", query);
    for (const [key, value] of Object.entries(filters)) params.set(key, value);
    history.replaceState(null, "", params.size ? `?${params}` : location.pathname);
  }
  list.replaceChildren();
  more.hidden = true;
  if (!query && Object.keys(filters).length === 0) {
    say(t("search.js.prompt"));
    return;
  }
  say(t("search.js.searching"));
  try {
    const found = await searchAll(query, filters);
    if (id !== generation) return;
    results = found;
    shown = 0;
    await showMore(FIRST, id);
    if (id === generation && shown < results.length) await showMore(PAGE - FIRST, id);
    if (id === generation) say(countText(query));
  } catch (error) {
    if (id !== generation) return;
    say(t("search.js.failed"));
    console.error(error);
  }
}

if (form && status && list && more) {
  form.hidden = false;
  const params = new URLSearchParams(location.search);
  form.elements.q.value = params.get("q") ?? "";
  for (const select of form.querySelectorAll("select[data-filter]")) select.value = params.get(select.dataset.filter) ?? "";
  // A filter in the address is shown set: its fold opened.
  const filters = form.querySelector("details.search-filters");
  if (filters && [...form.querySelectorAll("select[data-filter]")].some((select) => select.value)) filters.open = true;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void run(true);
  });
  for (const select of form.querySelectorAll("select[data-filter]")) select.addEventListener("change", () => void run(true));
  more.addEventListener("click", () => {
    showing = showing.then(async () => {
      more.disabled = true;
      try {
        await showMore();
      } finally {
        more.disabled = false;
      }
    });
  });
  // The index starts loading as soon as the reader may search (the box is focused), so its
  // WebAssembly arrives while they type; nothing is fetched on a visit that never searches.
  form.elements.q.addEventListener("focus", () => void engineOf().catch(() => {}), { once: true });
  if (params.size) void run(false);
}

/**
 * The query folded as the index was (src/pages/search-records.ts, normaliseArabic): Arabic
 * found with or without harakat, with any alif, ta marbuta or ha, alif maqsura or ya.
 */
export function normaliseArabic(text) {
  return text.replace(/[\u0640\u064B-\u065F\u0670\u0622\u0623\u0625\u0671\u0629\u0649]/g, (c) => ({ "\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627", "\u0629": "\u0647", "\u0649": "\u064A" })[c] ?? "");
}

/** A formatter for `language`'s messages: format(message, values) → text. */
export function messageFormatter(language) {
  const plurals = new Intl.PluralRules(language);
  const numbers = new Intl.NumberFormat(language);
  const format = (message, values, count) => {
    let out = "";
    let i = 0;
    while (i < message.length) {
      const c = message[i];
      if (c === "{") {
        const end = closing(message, i);
        out += argument(message.slice(i + 1, end), values, count);
        i = end + 1;
      } else if (c === "#" && count !== undefined) {
        out += numbers.format(count);
        i++;
      } else if (c === "'" && message[i + 1] === "'") {
        out += "'";
        i += 2;
      } else {
        out += c;
        i++;
      }
    }
    return out;
  };
  const argument = (body, values, count) => {
    const [name, type] = body.split(",", 2).map((part) => part.trim());
    const value = values[name];
    // A plain {value} is written as it is, numbers too, as intl-messageformat writes it.
    if (type === undefined) return String(value);
    if (type === "number") return numbers.format(value);
    const cases = casesOf(body.slice(body.indexOf(",", body.indexOf(",") + 1) + 1));
    if (type === "plural") {
      const chosen = cases.get(`=${value}`) ?? cases.get(plurals.select(value)) ?? cases.get("other");
      return format(chosen, values, value);
    }
    return format(cases.get(String(value)) ?? cases.get("other"), values, count);
  };
  return format;
}

/** The index of the brace that closes the one at `open`. */
function closing(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  throw new Error(`Unclosed brace in message: ${text}`);
}

/** "one {# result} other {# results}" → Map { one → "# result", other → "# results" }. */
function casesOf(text) {
  const cases = new Map();
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("{", i);
    if (open === -1) break;
    const end = closing(text, open);
    cases.set(text.slice(i, open).trim(), text.slice(open + 1, end));
    i = end + 1;
  }
  return cases;
}
