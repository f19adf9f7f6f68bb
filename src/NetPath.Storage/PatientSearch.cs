using Microsoft.EntityFrameworkCore;

namespace NetPath.Storage;

/// <summary>
/// Search by name or record number that answers the same on SQLite and PostgreSQL (decision 0510).
/// The databases disagree on case: SQLite's LIKE and lower() fold ASCII only, PostgreSQL's follow
/// the server's collation and ctype (and do nothing beyond ASCII under the C locale). So the text
/// is folded here, in .NET, once when written (search_name, search_record_number) and once for
/// the search term; the database then compares folded strings exactly, which every backend does alike.
/// </summary>
public static class PatientSearch
{
    /// <summary>The longest search text accepted; longer is refused rather than cut.</summary>
    public const int MaxLength = 100;

    /// <summary>
    /// Invariant upper case: Unicode simple case mapping, the same on every machine, no locale
    /// (Turkish i) in play, both Greek sigmas one. No Unicode normalisation: the app runs with
    /// InvariantGlobalization, which has no normalisation data, so a decomposed "o\u0308" stays
    /// apart from "ö" (decision 0510; browsers and keyboards send the composed form).
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToUpperInvariant();
    }

    public static string? FoldOrNull(string? text) => text is null ? null : Fold(text);

    /// <summary>The folded search term, or null when there is nothing to search for.</summary>
    public static string? Term(string? search)
    {
        var trimmed = search?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : Fold(trimmed);
    }

    /// <summary>Fills the search columns of records written before they existed (migration 0002); a no-op afterwards.</summary>
    internal static async Task<int> FillMissingAsync(NetPathDb db, CancellationToken ct)
    {
        var missing = await db.Patients.AsTracking().Where(p => p.SearchName == null).ToListAsync(ct).ConfigureAwait(false);
        if (missing.Count == 0) return 0;
        foreach (var p in missing)
        {
            p.SearchName = Fold(p.DisplayName);
            p.SearchRecordNumber = FoldOrNull(p.RecordNumber);
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return missing.Count;
    }
}
