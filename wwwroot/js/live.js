// Keeps a statically rendered dispute page current for a reader without a circuit. The page names its stream in
// data-live-src; each "regions" event carries a JSON object of region name -> HTML, rendered once on the server for every
// reader, which replaces the content of the element with that data-live-region. EventSource reconnects by itself and
// sends Last-Event-ID, so a page that missed versions gets every region again. When the stream is gone for good, or
// this script fails, the page says it is not live any more (app.css shows the notice) instead of going quietly stale.
(() => {
  const attempts = 4; // failed connections in a row before the page gives up
  let source = null, src = null, failures = 0;

  const root = () => document.querySelector("[data-live-src]");
  const state = value => root()?.setAttribute("data-live", value);

  const giveUp = () => {
    source?.close();
    source = null;
    state("off");
  };

  // A path to the element from the region, to find its new copy after the swap (ids and test ids do not survive in all).
  const pathTo = (region, el) => {
    const path = [];
    for (let node = el; node && node !== region; node = node.parentElement)
      path.unshift(Array.prototype.indexOf.call(node.parentElement.children, node));
    return path;
  };
  const follow = (region, path) => path.reduce((node, i) => node?.children[i] ?? null, region);

  const swap = regions => {
    const changing = [...document.querySelectorAll("[data-live-region]")]
      .filter(region => typeof regions[region.getAttribute("data-live-region")] === "string");
    // Keep what the reader looks at in place: the element a third of the way down the window (or the region about to be
    // redrawn around it, which stays) must not move when regions above it, or beside it in a column, grow or shrink.
    let anchor = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 3);
    const around = anchor && changing.find(region => region !== anchor && region.contains(anchor));
    if (around) anchor = around;
    const anchorTop = anchor?.getBoundingClientRect().top;
    const focused = document.activeElement;
    const changed = [];
    for (const region of changing) {
      const name = region.getAttribute("data-live-region");
      const html = regions[name];
      if (region.innerHTML === html) continue;
      const path = focused && region.contains(focused) && focused !== region ? pathTo(region, focused) : null;
      region.innerHTML = html;
      if (path) {
        const again = follow(region, path);
        if (again && typeof again.focus === "function") again.focus({ preventScroll: true });
      }
      // The window's title is the dispute's title: a hidden dispute's must leave the tab too.
      const heading = region.querySelector("h1");
      if (heading) {
        const at = document.title.lastIndexOf(" · ");
        document.title = heading.textContent.trim() + (at >= 0 ? document.title.slice(at) : "");
      }
      // Every change adds to the timeline: saying so each time would only repeat the news.
      // Said without its brackets ("Discussion 4"): the words a screen reader speaks, not a second copy of the heading.
      if (name !== "timeline") changed.push((region.querySelector("h1, h2, h3")?.textContent.trim() || name).replace(/[()]/g, ""));
      region.classList.remove("cf-live-updated");
      void region.offsetWidth; // restart the highlight (shown only without prefers-reduced-motion, app.css)
      region.classList.add("cf-live-updated");
    }
    const announce = document.querySelector("[data-live-announce]");
    if (announce && changed.length) announce.textContent = `Updated: ${changed.join(", ")}.`;
    if (anchor?.isConnected && anchorTop !== undefined) {
      const moved = anchor.getBoundingClientRect().top - anchorTop;
      if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
    }
  };

  const connect = () => {
    const want = root()?.getAttribute("data-live-src") ?? null;
    if (want === src && source) {
      // The same page again (a verify link, more comments): the merge dropped the state the stream put on it.
      if (source.readyState === EventSource.OPEN) state("on");
      return;
    }
    source?.close();
    source = null;
    src = want;
    failures = 0;
    if (!want) return;
    try {
      const es = new EventSource(want);
      source = es;
      es.addEventListener("open", () => { failures = 0; state("on"); });
      es.addEventListener("regions", e => {
        try {
          swap(JSON.parse(e.data));
        } catch (err) {
          console.error("Live update failed", err);
          giveUp();
        }
      });
      es.addEventListener("error", () => {
        if (es !== source) return;
        // CLOSED: the server refused (a cap, a missing dispute); CONNECTING: the browser retries, for a while.
        if (es.readyState === EventSource.CLOSED || ++failures >= attempts) giveUp();
      });
    } catch (err) {
      console.error("Live stream failed", err);
      giveUp();
    }
  };

  connect();
  // Enhanced navigation swaps the page without loading this script again: follow the new page's stream, if any.
  window.Blazor?.addEventListener("enhancedload", connect);
  window.addEventListener("pagehide", () => { source?.close(); source = null; src = null; });
  window.addEventListener("pageshow", e => { if (e.persisted) connect(); });
})();
