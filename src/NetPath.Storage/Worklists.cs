using Microsoft.EntityFrameworkCore;

namespace NetPath.Storage;

/// <summary>
/// The lists a clinician's home page starts from (decision 0523): the records they look after
/// and the follow-ups that are due. Read from the stored summary columns, one query each.
/// </summary>
public sealed class Worklists(NetPathDb db)
{
    /// <summary>
    /// Records the user created, or whose latest case version the user wrote; most recently
    /// changed first. NetPath has no assignment of patients to clinicians, so authorship stands for it.
    /// </summary>
    public async Task<Page<PatientRecord>> MineAsync(string userName, int take, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        var q = db.Patients.Where(p => p.DeletedAt == null && (p.CreatedBy == userName
            || db.CaseVersions.Where(c => c.PatientId == p.Id).OrderByDescending(c => c.VersionNumber).Select(c => c.CreatedBy).FirstOrDefault() == userName));
        var total = await q.CountAsync(ct).ConfigureAwait(false);
        var items = await q.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id).Take(take).ToListAsync(ct).ConfigureAwait(false);
        return new Page<PatientRecord>(items, 1, take, total);
    }

    /// <summary>Records whose next follow-up (the stored <see cref="PatientRecord.FollowUpDue"/>) falls on or before <paramref name="by"/>, overdue ones included; soonest first.</summary>
    public async Task<Page<PatientRecord>> DueAsync(DateOnly by, int take, CancellationToken ct)
    {
        var q = db.Patients.Where(p => p.DeletedAt == null && p.FollowUpDue != null && p.FollowUpDue <= by);
        var total = await q.CountAsync(ct).ConfigureAwait(false);
        var items = await q.OrderBy(p => p.FollowUpDue).ThenBy(p => p.Id).Take(take).ToListAsync(ct).ConfigureAwait(false);
        return new Page<PatientRecord>(items, 1, take, total);
    }
}
