using System.Security.Claims;
using NetPath.Storage;
using NetPath.Web.Security;

namespace NetPath.Web.Components;

/// <summary>
/// The diary, the tumour-board list and the overdue follow-ups for the pages: the storage methods,
/// permission checks and audit actions of DiaryEndpoints and BoardEndpoints, a scope per call.
/// </summary>
internal sealed partial class Clinic
{
    /// <summary>A record's diary, newest first, audited as <c>diary.list</c>; null when absent or not the caller's to see.</summary>
    public async Task<DiaryFile?> DiaryAsync(ClaimsPrincipal user, Guid patientId, int take, CancellationToken ct)
    {
        Require(user, Permissions.DiaryRead);
        await using var scope = scopes.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var actor = user.ToActor();
        if (!await MaySeeAsync(actor, user, patientId, Diary.OpList, audit, ct)) return null;
        var p = await scope.ServiceProvider.GetRequiredService<PatientRecords>().GetPatientAsync(patientId, ct);
        await AuditReadAsync(audit, actor, Diary.OpList, patientId, p is null ? AuditOutcomes.NotFound : AuditOutcomes.Success, ct);
        if (p is null) return null;
        return new DiaryFile(p, await scope.ServiceProvider.GetRequiredService<Diary>().ListAsync(patientId, take, ct));
    }

    /// <summary>Adds a diary entry to the caller's own record (role patient only, by the matrix).</summary>
    public async Task<DiaryWrite> AddDiaryEntryAsync(ClaimsPrincipal user, Guid patientId, DiaryInput input, CancellationToken ct)
    {
        Require(user, Permissions.DiaryWrite);
        await using var scope = scopes.CreateAsyncScope();
        var actor = user.ToActor();
        if (!await MaySeeAsync(actor, user, patientId, Diary.OpAdd, scope.ServiceProvider.GetRequiredService<AuditTrail>(), ct))
            return new DiaryWrite(WriteStatus.NotFound, null, []);
        var result = await scope.ServiceProvider.GetRequiredService<Diary>().AddAsync(actor, patientId, input, null, ct);
        if (result.Status == WriteStatus.Created) Log.PatientWrite(log, user.UserId(), "added a diary entry to", patientId);
        return result;
    }

    /// <summary>Listed items of meetings from today on (the injected clock's date), by meeting date.</summary>
    public async Task<IReadOnlyList<BoardListing>> BoardAgendaAsync(ClaimsPrincipal user, int take, CancellationToken ct)
    {
        Require(user, Permissions.BoardRead);
        await using var scope = scopes.CreateAsyncScope();
        var board = scope.ServiceProvider.GetRequiredService<TumourBoard>();
        var items = await board.ListAsync(board.Today, null, null, false, take, ct);
        await AuditReadAsync(scope.ServiceProvider.GetRequiredService<AuditTrail>(), user.ToActor(), TumourBoard.OpList, null, AuditOutcomes.Success, ct);
        return items;
    }

    /// <summary>Every board item of one record, closed ones included.</summary>
    public async Task<IReadOnlyList<BoardListing>> BoardOfPatientAsync(ClaimsPrincipal user, Guid patientId, CancellationToken ct)
    {
        Require(user, Permissions.BoardRead);
        await using var scope = scopes.CreateAsyncScope();
        var items = await scope.ServiceProvider.GetRequiredService<TumourBoard>().ListAsync(null, null, patientId, true, Features.BoardEndpoints.MaxTake, ct);
        await AuditReadAsync(scope.ServiceProvider.GetRequiredService<AuditTrail>(), user.ToActor(), TumourBoard.OpList, patientId, AuditOutcomes.Success, ct);
        return items;
    }

    public async Task<BoardWrite> AddToBoardAsync(ClaimsPrincipal user, BoardInput input, CancellationToken ct)
    {
        Require(user, Permissions.BoardWrite);
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TumourBoard>().AddAsync(user.ToActor(), input, null, ct);
        if (result.Value is { } item) Log.PatientWrite(log, user.UserId(), "listed for a tumour board", item.PatientId);
        return result;
    }

    public async Task<BoardWrite> ChangeBoardStatusAsync(ClaimsPrincipal user, Guid itemId, int expectedVersion, BoardStatusChange change, CancellationToken ct)
    {
        Require(user, Permissions.BoardWrite);
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TumourBoard>().ChangeStatusAsync(user.ToActor(), itemId, expectedVersion, change, ct);
        if (result.Value is { } item) Log.PatientWrite(log, user.UserId(), "updated a tumour-board item of", item.PatientId);
        return result;
    }

    /// <summary>Records whose stored follow-up date is before today (the injected clock's date), audited as a list.</summary>
    public async Task<OverdueFollowUps> OverdueFollowUpsAsync(ClaimsPrincipal user, int take, CancellationToken ct)
    {
        Require(user, Permissions.PatientsList);
        await using var scope = scopes.CreateAsyncScope();
        var today = DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);
        var overdue = await scope.ServiceProvider.GetRequiredService<PatientRecords>().ListOverdueFollowUpsAsync(today, take, ct);
        await AuditReadAsync(scope.ServiceProvider.GetRequiredService<AuditTrail>(), user.ToActor(), "patient.list", null, AuditOutcomes.Success, ct);
        return new OverdueFollowUps(today, overdue);
    }

    private async Task<bool> MaySeeAsync(Actor actor, ClaimsPrincipal user, Guid patientId, string action, AuditTrail audit, CancellationToken ct)
    {
        if (actor.MaySee(patientId)) return true;
        await AuditReadAsync(audit, actor, action, patientId, AuditOutcomes.Denied, ct);
        Log.Denied(log, user.UserId(), action, patientId);
        return false;
    }
}

internal sealed record DiaryFile(PatientRecord Patient, IReadOnlyList<DiaryEntryRecord> Entries);

internal sealed record OverdueFollowUps(DateOnly Today, IReadOnlyList<PatientRecord> Patients);
