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
        app.MapPost("/api/users", CreateUser).RequireAuthorization(Permissions.UsersManage).WithTags("Accounts").WithName("CreateUser")
            .Accepts<UserCreate>("application/json").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
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
        HttpRequest http, Accounts accounts, PatientRecords records, CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync(http, ct).ConfigureAwait(false);
        if (body is null) return Problems.Result(StatusCodes.Status413PayloadTooLarge, "too-large", "The body is too large.");
        var (request, error) = JsonRequest.Read(body, WebJsonContext.Default.UserCreate);
        if (error is not null) return Problems.InvalidFields([error]);
        var userName = request!.UserName is null ? "" : TextRules.Normalize(request.UserName);
        if (userName.Length == 0 || userName.Length > Accounts.MaxUserNameLength)
            return Problems.Invalid("required", "$.userName", $"userName is required (1 to {Accounts.MaxUserNameLength} characters).");
        if (Accounts.UserNameProblem(userName) is { } problem)
            return Problems.Invalid("invalid-code", "$.userName", problem);
        if (request.Password is null || request.Password.Length < Accounts.MinPasswordLength || request.Password.Length > Accounts.MaxPasswordLength)
            return Problems.Invalid("out-of-range", "$.password", $"A password has {Accounts.MinPasswordLength} to {Accounts.MaxPasswordLength} characters.");
        if (request.Role is null || !Roles.All.Contains(request.Role))
            return Problems.Invalid("invalid-code", "$.role", "role is one of " + string.Join(", ", Roles.All) + ".");
        if ((request.Role == Roles.Patient) != request.PatientId.HasValue)
            return Problems.Invalid("contradiction.facts", "$.patientId", "An account of role patient names exactly one patient record; other roles none.");
        if (request.PatientId is { } pid && await records.GetPatientAsync(pid, ct).ConfigureAwait(false) is null)
            return Problems.Invalid("not-found", "$.patientId", "No such patient record.");
        if (await accounts.ExistsAsync(userName, ct).ConfigureAwait(false))
            return Problems.Result(StatusCodes.Status409Conflict, "user-exists", "An account with this user name exists.");
        var user = await accounts.CreateAsync(userName, request.Password, request.Role, request.PatientId, ct).ConfigureAwait(false);
        return TypedResults.Created($"/api/users/{user.Id}", new UserView(user.Id, user.UserName, user.Role, user.PatientId));
    }
}
