// The search page's only script, loaded on that page alone. It shows the search form (hidden
// without JavaScript, where the page offers its browse links instead), asks Pagefind's index,
// fetched from this site, and lists results newest first. Results are built with textContent:
// nothing from the index is ever parsed as HTML.
const form = document.querySelector("form.search");
const status = document.querySelector(".search-status");
const list = document.querySelector(".search-results");
const more = document.querySelector(".search-more");
const PAGE = 10;
let engine;
let results = [];
let shown = 0;

async function pagefind() {
  if (!engine) {
    engine = await import(form.dataset.index + "pagefind.js");
    // Pagefind can also search from a web worker: another 43 KB to download, for an index this
    // small not worth it on a phone with costly data.
    await engine.options({ noWorker: true });
    await engine.init();
  }
  return engine;
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

async function showMore() {
  const batch = await Promise.all(results.slice(shown, shown + PAGE).map((result) => result.data()));
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
  more.hidden = shown >= results.length;
}

async function run(pushState) {
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
    const found = await (await pagefind()).search(query || null, { filters, sort: { date: "desc" } });
    results = found.results;
    shown = 0;
    // The first results are on the page before the count is announced.
    await showMore();
    const what = query ? ` for “${query}”` : "";
    say(results.length === 0 ? `No result${what}.` : `${results.length} result${results.length === 1 ? "" : "s"}${what}, newest first.`);
  } catch (error) {
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
  more.addEventListener("click", () => void showMore());
  if (params.size) void run(false);
}
