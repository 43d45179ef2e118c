// Times in the reader's own zone. The server writes every time as <time datetime="…Z" title="… UTC">; where no circuit owns
// the HTML (static pages, the live stream's regions) it marks them data-local-time, in UTC, and this writes them in the
// browser's zone, as they arrive. A circuit's page is written by the server in the zone this remembers in a cookie
// (ReaderTimeZone): text Blazor owns is never rewritten here, or its diff would break.
(() => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone && /^[A-Za-z0-9_+/-]{1,64}$/.test(zone) && !document.cookie.split("; ").includes(`cf-tz=${zone}`)) {
    document.cookie = `cf-tz=${zone}; path=/; max-age=31536000; samesite=lax`;
  }
  const utc = zone === "UTC" || zone === "Etc/UTC";
  // The server's own wording (TimeText.Exact): "Sun 6 Dec 2026, 05:00 GMT-5".
  const format = new Intl.DateTimeFormat("en-US", {
    weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit",
    hourCycle: "h23", timeZoneName: "shortOffset",
  });
  const write = date => {
    const part = Object.fromEntries(format.formatToParts(date).map(p => [p.type, p.value]));
    return `${part.weekday} ${part.day} ${part.month} ${part.year}, ${part.hour}:${part.minute} ${part.timeZoneName}`;
  };
  const localize = () => {
    if (utc) return;
    for (const time of document.querySelectorAll("time[data-local-time]")) {
      const date = new Date(time.dateTime);
      if (Number.isNaN(date.getTime())) continue;
      const text = write(date);
      // Only when it differs: writing it is itself a change the observer below hears.
      if (time.textContent !== text) time.textContent = text;
    }
  };
  localize();
  // Sections live.js swaps in and pages enhanced navigation renders arrive as new nodes.
  new MutationObserver(localize).observe(document.body, { childList: true, subtree: true, characterData: true });
})();
