// The search page: queries Pagefind's index of the page's language (`etalase build` makes it
// when Pagefind is installed). Without JavaScript, or without an index, the page offers the
// list pages instead.
const form = document.querySelector("form[data-search]");
const input = form.querySelector("input[name=q]");
const status = document.querySelector("[data-search-status]");
const list = document.querySelector("[data-search-results]");
const strings = form.dataset;

// Loaded when the search field is first focused (or a query is run), not with the page:
// what is typed meanwhile is searched once the index is there.
let loading = null;
function load() {
  loading ??= import("/pagefind/pagefind.js").catch(() => {
    status.textContent = strings.unavailable;
    return null;
  });
  return loading;
}
input.addEventListener("focus", load, { once: true });

let latest = 0;

async function run(query) {
  const ticket = ++latest;
  const pagefind = await load();
  if (!pagefind || ticket !== latest) return;
  const search = await pagefind.debouncedSearch(query, {}, 150);
  // null: a newer query replaced this one while it waited.
  if (search === null || ticket !== latest) return;
  const found = await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
  if (ticket !== latest) return;
  list.replaceChildren(...found.map(item));
  const count = strings.count.replace("{n}", search.results.length);
  status.textContent = query.trim() === "" ? "" : found.length ? count : strings.none;
}

function item(result) {
  const li = document.createElement("li");
  const link = document.createElement("a");
  link.href = result.url;
  link.textContent = result.meta.title;
  li.append(link, excerpt(result.excerpt));
  return li;
}

// Pagefind marks matches with <mark>; everything else is taken as text, never as markup.
function excerpt(html) {
  const parsed = new DOMParser().parseFromString(html, "text/html").body;
  const p = document.createElement("p");
  for (const node of parsed.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      p.append(mark);
    } else {
      p.append(node.textContent);
    }
  }
  return p;
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  history.replaceState(null, "", `?q=${encodeURIComponent(input.value)}`);
  run(input.value);
});
input.addEventListener("input", () => run(input.value));

const initial = new URLSearchParams(location.search).get("q");
if (initial) {
  input.value = initial;
  run(initial);
}
