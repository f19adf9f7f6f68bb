using Microsoft.AspNetCore.Http.HttpResults;
using NetPath.Storage;
using NetPath.Web.Security;

namespace NetPath.Web.Features;

internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", ListAudit).RequireAuthorization(Permissions.AuditRead).WithTags("Audit").WithName("ListAuditEvents");
        app.MapGet("/api/admin/accounts", ListAccounts).RequireAuthorization(Permissions.UsersManage).WithTags("Accounts").WithName("ListAccounts");
        app.MapPost("/api/users", CreateUser).RequireAuthorization(Permissions.UsersManage).WithTags("Accounts").WithName("CreateUser");
    }

    /// <summary>Audit events in order; page on with <c>after</c> = the last id seen.</summary>
    private static async Task<Ok<IReadOnlyList<AuditView>>> ListAudit(
        AuditTrail audit, CancellationToken ct, Guid? patientId = null, long? after = null, int take = 100)
    {
        var events = await audit.ListAsync(patientId, after, Math.Clamp(take, 1, 1000), ct).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<AuditView>>([.. events.Select(AuditView.Of)]);
    }

    public const int MaxAccountPageSize = 200;

    /// <summary>Accounts by user name, with role, linked record and lock state; never a password hash.</summary>
    private static async Task<Ok<PageView<AccountView>>> ListAccounts(Accounts accounts, CancellationToken ct, int page = 1, int pageSize = 50)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxAccountPageSize);
        var result = await accounts.ListAsync(page, pageSize, ct).ConfigureAwait(false);
        return TypedResults.Ok(new PageView<AccountView>([.. result.Items.Select(AccountView.Of)], result.PageNumber, result.PageSize, result.Total));
    }

    private static async Task<Results<Created<UserView>, ProblemHttpResult>> CreateUser(
        UserCreate request, Accounts accounts, PatientRecords records, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Length > 100)
            return Problems.Invalid("required", "$.userName", "userName is required (1 to 100 characters).");
        if (request.Password is null || request.Password.Length < Accounts.MinPasswordLength)
            return Problems.Invalid("out-of-range", "$.password", $"A password needs at least {Accounts.MinPasswordLength} characters.");
        if (request.Role is null || !Roles.All.Contains(request.Role))
            return Problems.Invalid("invalid-code", "$.role", "role is one of " + string.Join(", ", Roles.All) + ".");
        if ((request.Role == Roles.Patient) != request.PatientId.HasValue)
            return Problems.Invalid("contradiction.facts", "$.patientId", "An account of role patient names exactly one patient record; other roles none.");
        if (request.PatientId is { } pid && await records.GetPatientAsync(pid, ct).ConfigureAwait(false) is null)
            return Problems.Invalid("not-found", "$.patientId", "No such patient record.");
        if (await accounts.ExistsAsync(request.UserName, ct).ConfigureAwait(false))
            return Problems.Result(StatusCodes.Status409Conflict, "user-exists", "An account with this user name exists.");
        var user = await accounts.CreateAsync(request.UserName, request.Password, request.Role, request.PatientId, ct).ConfigureAwait(false);
        return TypedResults.Created($"/api/users/{user.Id}", new UserView(user.Id, user.UserName, user.Role, user.PatientId));
    }
}
