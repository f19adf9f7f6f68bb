using Microsoft.AspNetCore.Components;
using NetPath.Storage;

namespace NetPath.Web.Components;

/// <summary>
/// One visit to an interactive page runs its reads twice: when the page is prerendered in the HTTP
/// request, and again when its circuit starts. The audit trail should show one read per visit. The
/// reads audited in the prerender are carried into the circuit as persisted component state (which
/// the server protects with Data Protection, so a browser cannot forge it), and there the same read
/// by the same user is answered without a second audit event, once. Every later read is audited.
/// </summary>
public sealed class PageReads
{
    /// <summary>Reads audited so far in this scope; what the prerender leaves here reaches the circuit.</summary>
    [PersistentState]
    public List<string>? Audited { get; set; }

    private List<string>? carried;

    /// <summary>True, once, when the prerender of this visit already audited the same read.</summary>
    internal bool AuditedInPrerender(Actor actor, string action, Guid? patientId, string outcome)
    {
        // The first use in a scope takes what was restored (nothing in a prerender) and starts afresh.
        if (carried is null)
        {
            carried = Audited ?? [];
            Audited = [];
        }
        var key = Key(actor, action, patientId, outcome);
        if (carried.Remove(key)) return true;
        Audited!.Add(key);
        return false;
    }

    private static string Key(Actor actor, string action, Guid? patientId, string outcome) =>
        string.Join('|', actor.UserName, action, patientId?.ToString("N") ?? "-", outcome);
}
