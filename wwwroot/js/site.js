// Remembers the light/dark choice for a year; the server reads it to render the right theme from the first byte.
window.conflictForum = {
  rememberTheme(theme) {
    document.cookie = `cf-theme=${theme === "dark" ? "dark" : "light"}; path=/; max-age=31536000; samesite=lax`;
    document.querySelector('meta[name="color-scheme"]')?.setAttribute("content", theme);
  },
};

// Drafts of long texts survive a dropped connection or a closed tab: kept in this browser only.
window.conflictForum.drafts = {
  save(key, value) { try { localStorage.setItem(`cf-draft:${key}`, value); } catch { /* storage full or disabled */ } },
  load(key) { try { return localStorage.getItem(`cf-draft:${key}`); } catch { return null; } },
  clear(key) { try { localStorage.removeItem(`cf-draft:${key}`); } catch { } },
};

window.conflictForum.copyText = async (text) => {
  try { await navigator.clipboard.writeText(text); return true; } catch { return false; }
};
