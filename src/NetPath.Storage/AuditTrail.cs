using Microsoft.EntityFrameworkCore;

namespace NetPath.Storage;

/// <summary>The signed-in user as storage sees it: a name for the record, a role, and for role patient their record.</summary>
public sealed record Actor(string UserName, string Role, Guid? PatientId);

/// <summary>
/// Audit events: who, what, which patient, when, outcome. Writes add their event to the same
/// SaveChanges as the change (one transaction); reads and refusals record it on their own.
/// </summary>
public sealed class AuditTrail(NetPathDb db, TimeProvider time)
{
    public AuditEvent Event(Actor actor, string action, Guid? patientId, string outcome)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new AuditEvent
        {
            At = time.GetUtcNow().UtcDateTime,
            UserName = actor.UserName,
            Action = action,
            PatientId = patientId,
            Outcome = outcome,
        };
    }

    public async Task RecordAsync(Actor actor, string action, Guid? patientId, string outcome, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.AuditEvents.Add(Event(actor, action, patientId, outcome));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }

    public async Task<IReadOnlyList<AuditEvent>> ListAsync(Guid? patientId, long? afterId, int take, CancellationToken ct)
    {
        var q = db.AuditEvents.AsQueryable();
        if (patientId is { } p) q = q.Where(a => a.PatientId == p);
        if (afterId is { } after) q = q.Where(a => a.Id > after);
        return await q.OrderBy(a => a.Id).Take(take).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The newest events first; page back with <paramref name="beforeId"/> = the last id seen.</summary>
    public async Task<IReadOnlyList<AuditEvent>> LatestAsync(long? beforeId, int take, CancellationToken ct)
    {
        var q = db.AuditEvents.AsQueryable();
        if (beforeId is { } before) q = q.Where(a => a.Id < before);
        return await q.OrderByDescending(a => a.Id).Take(take).ToListAsync(ct).ConfigureAwait(false);
    }
}
