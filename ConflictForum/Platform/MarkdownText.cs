using System.Text;

namespace ConflictForum.Platform;

/// <summary>Plain text placed inside Markdown the forum writes itself (a title in a frozen ranking).</summary>
public static class MarkdownText
{
    /// <summary>
    /// The text as Markdown that renders it literally: every ASCII punctuation character backslash-escaped (CommonMark
    /// allows this for all of them), so a title cannot open a link, an image, emphasis or an autolink; line breaks become spaces.
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n') escaped.Append(' ');
            else if (char.IsAsciiLetterOrDigit(c) || c is ' ' || c > '~' || c < '!') escaped.Append(c);
            else escaped.Append('\\').Append(c);
        }
        return escaped.ToString();
    }
}
