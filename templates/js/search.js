// The search page's only script, loaded on that page alone. It shows the search form (hidden
// without JavaScript, where the page offers its browse links instead), asks Pagefind's index,
// fetched from this site, and lists results newest first. Results are built with textContent:
// nothing from the index is ever parsed as HTML.
const form = document.querySelector("form.search");
const status = document.querySelector(".search-status");
const list = document.querySelector(".search-results");
const more = document.querySelector(".search-more");
const PAGE = 10;
/** The first results come five at a time: each needs a fragment of its own (about 2 KB). */
const FIRST = 5;
// One index bundle per year, newest first. A search starts with the newest year's; the next
// year's is fetched only when the reader has seen every result of the years before, so a
// first result costs one year's index, not the whole archive's, and results stay newest first.
const allYears = (form?.dataset.years ?? "").split(" ").filter(Boolean);
/** The years this search goes through: all, or the one its Year filter names. */
let years = allYears;
const engines = new Map();
/** The years searched so far for the current search, and their results, in order. */
let searched = 0;
let results = [];
let shown = 0;
let current = { query: "", options: {} };
/** Each search's number: a search still in flight when a newer one starts leaves the page alone. */
let generation = 0;
/** One "show more" at a time. */
let showing = Promise.resolve();

/** One year's Pagefind: its own module, loaded from its own folder. */
async function engineOf(year) {
  if (!engines.has(year)) {
    // A failed load is forgotten, so the next search tries again.
    engines.set(year, (async () => {
      const engine = await import(`${form.dataset.index}${year}/pagefind.js`);
      // Pagefind can also search from a web worker: another 43 KB to download, not worth it
      // on a phone with costly data.
      await engine.options({ noWorker: true });
      await engine.init();
      return engine;
    })().catch((error) => {
      engines.delete(year);
      throw error;
    }));
  }
  return engines.get(year);
}

/** Searches the next year not yet searched; false when none is left. */
async function searchNextYear(run) {
  if (searched >= years.length) return false;
  const year = years[searched];
  const found = await (await engineOf(year)).search(current.query || null, current.options);
  if (run !== generation) return false;
  searched++;
  results = results.concat(found.results);
  return true;
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

/** Shows the next results; past those of the years searched so far, searches the next year. */
async function showMore(count = PAGE, run = generation) {
  if (shown >= results.length) await searchNextYear(run);
  const batch = await Promise.all(results.slice(shown, shown + count).map((result) => result.data()));
  if (run !== generation) return;
  for (const data of batch) {
    const li = element("li", "search-result");
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
  const left = years.slice(searched);
  more.hidden = shown >= results.length && left.length === 0;
  more.textContent = shown < results.length ? "More results" : `Search ${left[0]} and earlier too`;
}

function countText(what) {
  const inYears = searched < years.length ? ` in ${years.slice(0, searched).join(", ")}` : "";
  const earlier = searched < years.length ? `; earlier years (${years[searched]} and before) not searched yet` : "";
  if (results.length === 0) return `No result${what}${inYears}${earlier}.`;
  return `${results.length} result${results.length === 1 ? "" : "s"}${what}${inYears}, newest first${earlier}.`;
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
    say("Type a word, a place or a name, or choose a filter.");
    return;
  }
  say("Searching…");
  try {
    const what = query ? ` for “${query}”` : "";
    current = { query, options: { filters, sort: { date: "desc" } } };
    years = filters.year ? allYears.filter((year) => year === filters.year) : allYears;
    results = [];
    searched = 0;
    shown = 0;
    await showMore(FIRST, id);
    if (id === generation && shown < results.length) await showMore(PAGE - FIRST, id);
    if (id === generation) say(countText(what));
  } catch (error) {
    if (id !== generation) return;
    say("The search could not be loaded. Browse the links below instead.");
    console.error(error);
  }
}

if (form && status && list && more) {
  form.hidden = false;
  const params = new URLSearchParams(location.search);
  form.elements.q.value = params.get("q") ?? "";
  for (const select of form.querySelectorAll("select[data-filter]")) select.value = params.get(select.dataset.filter) ?? "";
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
        say(countText(current.query ? ` for “${current.query}”` : ""));
      } finally {
        more.disabled = false;
      }
    });
  });
  if (params.size) void run(false);
}
