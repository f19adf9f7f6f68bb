namespace NetPath.Storage;

/// <summary>
/// Rules for text a person types that other people read: names, record numbers, questions,
/// notes. Control characters can hide or break what is shown (a NUL, a bell), and the Unicode
/// text-direction controls can make a name read as another (U+202E turns "Jane" around); both are
/// refused rather than stripped, so that what is stored is what was sent.
/// </summary>
public static class TextRules
{
    /// <summary>
    /// Trimmed. Not Unicode-normalised: the app runs with InvariantGlobalization, whose
    /// string.Normalize has no data beyond ASCII (decision 0411).
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim();
    }

    public static string? NormalizeOrNull(string? text) => text is null ? null : Normalize(text);

    /// <summary>True when the text holds a control character (line breaks only where allowed) or a text-direction control.</summary>
    public static bool HasForbiddenCharacters(string text, bool allowLineBreaks)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (allowLineBreaks && c is '\n' or '\r' or '\t') continue;
            if (char.IsControl(c) || IsDirectionControl(c)) return true;
        }
        return false;
    }

    /// <summary>The bidirectional formatting characters (Unicode UAX #9): marks, embeddings, overrides and isolates.</summary>
    private static bool IsDirectionControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
