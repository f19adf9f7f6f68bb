using System.Security.Claims;
using NetPath.Storage;
using NetPath.Web.Application;
using NetPath.Web.Security;

namespace NetPath.Web.Components;

/// <summary>What the role home pages and the what-if page read; the same checks and audit actions as the API.</summary>
internal sealed partial class Clinic
{
    /// <summary>How far ahead the clinician's home lists follow-ups as due (decision 0523).</summary>
    public const int DueWithinDays = 30;

    /// <summary>The home lists at most this many rows of each kind; the patient list has the rest.</summary>
    public const int HomeRows = 25;

    /// <summary>
    /// The clinician's home: the records they look after and the follow-ups due by <paramref name="today"/>
    /// + <see cref="DueWithinDays"/> (overdue ones included). Audited as one <c>patient.list</c>, as the list is.
    /// </summary>
    public async Task<ClinicianWorklist> ClinicianHomeAsync(ClaimsPrincipal user, DateOnly today, CancellationToken ct)
    {
        Require(user, Permissions.PatientsList);
        await using var scope = scopes.CreateAsyncScope();
        var lists = scope.ServiceProvider.GetRequiredService<Worklists>();
        var actor = user.ToActor();
        var mine = await lists.MineAsync(actor.UserName, HomeRows, ct);
        var due = await lists.DueAsync(today.AddDays(DueWithinDays), HomeRows, ct);
        await AuditReadAsync(scope.ServiceProvider.GetRequiredService<AuditTrail>(), actor, AuditActions.PatientList, null, AuditOutcomes.Success, ct);
        return new ClinicianWorklist(mine, due, today);
    }

    /// <summary>
    /// The record a what-if starts from: the same read as opening the record (audited as
    /// <c>patient.read</c>), for a role that may also assess (decision 0521). Nothing is written.
    /// </summary>
    public async Task<PatientFile?> WhatIfAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        Require(user, Permissions.Assess);
        return await OpenAsync(user, id, ct);
    }

    public async Task<Page<AccountSummary>> AccountsAsync(ClaimsPrincipal user, int page, int pageSize, CancellationToken ct)
    {
        Require(user, Permissions.UsersManage);
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Accounts>()
            .ListAsync(Math.Max(1, page), Math.Clamp(pageSize, 1, Features.AdminEndpoints.MaxAccountPageSize), ct);
    }

    /// <summary>The newest audit events first; page back with <paramref name="beforeId"/>. Reading the trail is not itself audited, as with GET /api/audit.</summary>
    public async Task<IReadOnlyList<AuditEvent>> LatestAuditAsync(ClaimsPrincipal user, long? beforeId, int take, CancellationToken ct)
    {
        Require(user, Permissions.AuditRead);
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditTrail>().LatestAsync(beforeId, Math.Clamp(take, 1, 1000), ct);
    }
}

internal sealed record ClinicianWorklist(Page<PatientRecord> Mine, Page<PatientRecord> Due, DateOnly Today);
