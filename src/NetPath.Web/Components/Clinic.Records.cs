using System.Security.Claims;
using NetPath.Storage;
using NetPath.Web.Application;
using NetPath.Web.Security;

namespace NetPath.Web.Components;

/// <summary>
/// The diary (through <see cref="Application.DiaryUseCases"/>, as the API), the tumour-board list
/// and the overdue follow-ups for the pages, a scope per call.
/// </summary>
internal sealed partial class Clinic
{
    /// <summary>A record's diary, newest first, audited as <c>diary.list</c> once per visit; null when absent or not the caller's to see.</summary>
    public async Task<DiaryFile?> DiaryAsync(ClaimsPrincipal user, Guid patientId, int take, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<DiaryUseCases>().ListAsync(user, patientId, take, reads, ct)).Value;
    }

    /// <summary>Adds a diary entry to the caller's own record (role patient only, by the matrix).</summary>
    public async Task<Outcome<DiaryEntryRecord>> AddDiaryEntryAsync(ClaimsPrincipal user, Guid patientId, DiaryInput input, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DiaryUseCases>().AddAsync(user, patientId, _ => Task.FromResult(new DiaryRequest(input, null, IdempotencyInput.None)), ct);
    }

    /// <summary>Listed items of meetings from today on (the injected clock's date), by meeting date.</summary>
    public async Task<IReadOnlyList<BoardListing>> BoardAgendaAsync(ClaimsPrincipal user, int take, CancellationToken ct)
    {
        Require(user, Permissions.BoardRead);
        await using var scope = scopes.CreateAsyncScope();
        var board = scope.ServiceProvider.GetRequiredService<TumourBoard>();
        var items = await board.ListAsync(board.Today, null, null, false, take, ct);
        await AuditReadAsync(scope.ServiceProvider.GetRequiredService<AuditTrail>(), user.ToActor(), AuditActions.BoardList, null, AuditOutcomes.Success, ct);
        return items;
    }

    /// <summary>Every board item of one record, closed ones included.</summary>
    public async Task<IReadOnlyList<BoardListing>> BoardOfPatientAsync(ClaimsPrincipal user, Guid patientId, CancellationToken ct)
    {
        Require(user, Permissions.BoardRead);
        await using var scope = scopes.CreateAsyncScope();
        var items = await scope.ServiceProvider.GetRequiredService<TumourBoard>().ListAsync(null, null, patientId, true, Features.BoardEndpoints.MaxTake, ct);
        await AuditReadAsync(scope.ServiceProvider.GetRequiredService<AuditTrail>(), user.ToActor(), AuditActions.BoardList, patientId, AuditOutcomes.Success, ct);
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
        await AuditReadAsync(scope.ServiceProvider.GetRequiredService<AuditTrail>(), user.ToActor(), AuditActions.PatientList, null, AuditOutcomes.Success, ct);
        return new OverdueFollowUps(today, overdue);
    }
}

internal sealed record OverdueFollowUps(DateOnly Today, IReadOnlyList<PatientRecord> Patients);
