using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace ConflictForum.Platform;

/// <summary>
/// Unsent text kept in this browser's localStorage, so a dropped connection, a reload or a closed tab loses nothing.
/// The browser saves what is typed as it is typed (site.js, on fields marked <c>data-draft</c> or <c>data-draft-field</c>):
/// no round trip to the server stands between a keystroke and the draft. Drafts belong to their writer: each is kept under
/// the member's id (<see cref="KeyAsync"/>), and sign-out forgets them all (site.js), so the next member on a shared
/// browser is never offered them. Loading and clearing are only valid on interactive pages (after the first render).
/// </summary>
public sealed class BrowserDrafts(IJSRuntime js, AuthenticationStateProvider authentication)
{
    /// <summary>
    /// The storage key of the signed-in member's draft <paramref name="name"/>; null for a reader who is not signed in
    /// (no draft is kept).
    /// </summary>
    public async Task<string?> KeyAsync(string name)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return user.FindFirst(ClaimTypes.NameIdentifier)?.Value is { Length: > 0 } id ? $"{id}:{name}" : null;
    }

    public ValueTask SaveAsync(string key, string value) => js.InvokeVoidAsync("conflictForum.drafts.save", key, value);

    /// <summary>Sets one field of a draft kept as a JSON object, for a field the browser does not see typed (a select).</summary>
    public ValueTask SaveFieldAsync<T>(string key, string field, T value) =>
        js.InvokeVoidAsync("conflictForum.drafts.saveField", key, field, value);

    public ValueTask<string?> LoadAsync(string key) => js.InvokeAsync<string?>("conflictForum.drafts.load", key);

    public ValueTask ClearAsync(string key) => js.InvokeVoidAsync("conflictForum.drafts.clear", key);

    /// <summary>The saved draft, or default when there is none or it no longer reads as a <typeparamref name="T"/>.</summary>
    public async ValueTask<T?> LoadAsync<T>(string key)
    {
        var json = await LoadAsync(key);
        if (string.IsNullOrEmpty(json)) return default;
        try
        {
            return JsonSerializer.Deserialize<T>(json);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
