// Remembers the light/dark choice for a year; the server reads it to render the right theme from the first byte.
window.conflictForum = {
  rememberTheme(theme) {
    document.cookie = `cf-theme=${theme === "dark" ? "dark" : "light"}; path=/; max-age=31536000; samesite=lax`;
    document.querySelector('meta[name="color-scheme"]')?.setAttribute("content", theme);
    // Both palettes are on the page (App.razor): the class picks one, so the switch is instant and costs no circuit a render.
    document.documentElement.classList.toggle("cf-dark", theme === "dark");
  },
};

// The theme switch (ThemeToggle) is a form that posts the other theme; with script it switches in place instead, and
// the form is set up for the next switch. app.css shows the icon for the theme on <html>.
document.addEventListener("submit", e => {
  const form = e.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-theme-toggle")) return;
  e.preventDefault();
  const theme = form.elements.namedItem("theme").value;
  window.conflictForum.rememberTheme(theme);
  const other = theme === "dark" ? "light" : "dark";
  form.elements.namedItem("theme").value = other;
  for (const button of form.querySelectorAll("button")) {
    button.title = `Switch to ${other} theme`;
    button.setAttribute("aria-label", button.title);
  }
});

// After a navigation FocusOnNavigate (Routes.razor) puts the focus on the new page's heading. When that page's circuit
// comes up, Blazor renders the page again in place of its prerendered HTML, and the focused heading goes with it: put the
// focus on the new heading, unless the reader has moved it meanwhile.
(() => {
  let heading = null;
  document.addEventListener("focusin", e => {
    heading = e.target instanceof Element && e.target.matches("main h1") ? e.target : null;
  });
  new MutationObserver(() => {
    if (!heading || heading.isConnected || (document.activeElement && document.activeElement !== document.body)) return;
    heading = null;
    const next = document.querySelector("main h1");
    if (!next) return;
    if (!next.hasAttribute("tabindex")) next.setAttribute("tabindex", "-1");
    next.focus({ preventScroll: true });
  }).observe(document.body, { childList: true, subtree: true });
})();

// Drafts of long texts survive a dropped connection or a closed tab: kept in this browser only, under the member's id
// (BrowserDrafts.KeyAsync), and forgotten at sign-out.
window.conflictForum.drafts = {
  save(key, value) { try { localStorage.setItem(`cf-draft:${key}`, value); } catch { /* storage full or disabled */ } },
  load(key) { try { return localStorage.getItem(`cf-draft:${key}`); } catch { return null; } },
  clear(key) { try { localStorage.removeItem(`cf-draft:${key}`); } catch { } },
  // One field of a draft kept as a JSON object (a form of several fields).
  saveField(key, field, value) {
    let draft = {};
    try { draft = JSON.parse(window.conflictForum.drafts.load(key) ?? "{}") ?? {}; } catch { /* not an object: start again */ }
    draft[field] = value;
    window.conflictForum.drafts.save(key, JSON.stringify(draft));
  },
  clearAll() {
    try {
      for (const key of Object.keys(localStorage)) if (key.startsWith("cf-draft:")) localStorage.removeItem(key);
    } catch { }
  },
};

// What is typed is saved here, as it is typed, not by the server after its debounce and a round trip: a reload or a closed
// tab right after a keystroke loses nothing. A field marked data-draft="key" is a whole draft (a statement); a field marked
// data-draft-field="Name" is one field of the draft named by the nearest data-draft around it (a form).
document.addEventListener("input", e => {
  const field = e.target;
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
  const drafts = window.conflictForum.drafts;
  if (field.dataset.draft) { drafts.save(field.dataset.draft, field.value); return; }
  const key = field.dataset.draftField && field.closest("[data-draft]")?.dataset.draft;
  if (key) drafts.saveField(key, field.dataset.draftField, field.value);
});

// Signing out forgets every draft in this browser, so the next person on a shared device finds none (SignOutForm).
document.addEventListener("submit", e => {
  if (e.target instanceof HTMLFormElement && e.target.hasAttribute("data-sign-out")) window.conflictForum.drafts.clearAll();
});

// After an action the focus goes to its result (a new comment; CommentsPanel), brought into view unless already there.
window.conflictForum.focusById = id => {
  const target = document.getElementById(id);
  if (!target) return;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: "nearest" });
};

// A live page that changed what it shows in place (the order of the comments) says so in its address, to share or reload.
// The fragment is dropped: it named a place on the page as it was.
window.conflictForum.replaceAddress = url => history.replaceState(history.state, "", new URL(url.split("#")[0], document.baseURI));

// A comment's permalink by its fragment alone (#comment-12) whose comment is not on the page as served (a later page of the
// discussion): ask the server for the page that holds it.
(() => {
  const linked = /^#comment-(\d+)$/.exec(location.hash), query = new URLSearchParams(location.search);
  if (!linked || document.getElementById(linked[0].slice(1)) || query.has("comment")) return;
  query.set("comment", linked[1]);
  location.replace(`${location.pathname}?${query}${linked[0]}`);
})();

window.conflictForum.copyText = async (text) => {
  try { await navigator.clipboard.writeText(text); return true; } catch { return false; }
};

// Countdowns (<time data-countdown="Voting closes" datetime="…">) keep ticking in the browser: the server renders
// them once, and no circuit needs a timer. Same wording as DisputeLabels.Relative on the server.
window.conflictForum.relative = (at, now) => {
  const ms = at - now, past = ms < 0, abs = Math.abs(ms);
  const days = abs / 864e5, hours = abs / 36e5, minutes = abs / 6e4;
  const text = days >= 2 ? `${Math.floor(days)} days` : hours >= 2 ? `${Math.floor(hours)} hours`
    : minutes >= 2 ? `${Math.floor(minutes)} minutes` : "a moment";
  return past ? `${text} ago` : `in ${text}`;
};
setInterval(() => {
  for (const el of document.querySelectorAll("time[data-countdown]")) {
    const text = `${el.dataset.countdown} ${window.conflictForum.relative(Date.parse(el.getAttribute("datetime")), Date.now())}`;
    if (el.textContent !== text) el.textContent = text;
  }
}, 30_000);

// The site menu, in the browser alone (no circuit; it works the same on static pages): a class on <html> that app.css
// reads as "hidden" on wide screens and "open" on narrow ones. On a narrow screen a link, the scrim or Escape closes it.
// A navigation merges the server's <html> into the page, which drops the class: it is put back after each one.
(() => {
  const root = document.documentElement;
  const wide = window.matchMedia("(min-width: 960px)");
  let toggled = false;
  const set = on => root.classList.toggle("cf-nav-toggled", toggled = on);
  window.Blazor?.addEventListener("enhancedload", () => set(toggled));
  document.addEventListener("click", e => {
    if (!(e.target instanceof Element)) return;
    if (e.target.closest("[data-nav-toggle]")) set(!toggled);
    else if (!wide.matches && toggled && e.target.closest("[data-nav-close], #cf-drawer a")) set(false);
  });
  document.addEventListener("keydown", e => {
    if (e.key === "Escape" && !wide.matches && toggled) set(false);
  });
  wide.addEventListener("change", () => set(false));
})();
