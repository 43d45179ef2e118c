using System.Text.Json;
using Microsoft.JSInterop;

namespace ConflictForum.Platform;

/// <summary>
/// Unsent text kept in this browser's localStorage, so a dropped connection, a reload or a closed tab loses
/// nothing. Only valid on interactive pages (after the first render).
/// </summary>
public sealed class BrowserDrafts(IJSRuntime js)
{
    public ValueTask SaveAsync(string key, string value) => js.InvokeVoidAsync("conflictForum.drafts.save", key, value);

    public ValueTask<string?> LoadAsync(string key) => js.InvokeAsync<string?>("conflictForum.drafts.load", key);

    public ValueTask ClearAsync(string key) => js.InvokeVoidAsync("conflictForum.drafts.clear", key);

    public ValueTask SaveAsync<T>(string key, T value) => SaveAsync(key, JsonSerializer.Serialize(value));

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
