using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NetPath.Storage;
using NetPath.Web.Security;
using NetPath.Web.Tests.Infrastructure;

namespace NetPath.Web.Tests;

/// <summary>
/// Generated from the app's endpoints and the one permission matrix: each endpoint called by each
/// role; roles holding its policy get past authorization, the others get 403, anonymous 401.
/// </summary>
[Collection("api")]
public sealed partial class PermissionMatrixTests(Servers servers)
{
    /// <summary>(backend, method, route, policy, role) for every API endpoint that names a policy and every role.</summary>
    public static TheoryData<string, string, string, string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string, string, string, string>();
            foreach (var backend in Backends.All)
                foreach (var e in DeclaredEndpoints.Value.Where(e => e.Policy is not null))
                    foreach (var role in Roles.All)
                        data.Add(backend, e.Method, e.Route, e.Policy!, role);
            return data;
        }
    }

    private sealed record ApiEndpoint(string Method, string Route, string? Policy);

    /// <summary>The endpoints as the app maps them, read from a built (never started) app.</summary>
    private static readonly Lazy<List<ApiEndpoint>> DeclaredEndpoints = new(() =>
    {
        var app = NetPathServer.Build([$"--{NetPathServer.NoDemoKey}=true"]);
        try
        {
            return Endpoints(((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints));
        }
        finally
        {
            ((IDisposable)app).Dispose();
        }
    });

    private static List<ApiEndpoint> Endpoints(IEnumerable<Endpoint> endpoints) =>
        [.. endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => new ApiEndpoint(
                m, e.RoutePattern.RawText!, e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null))))];

    [Theory, MemberData(nameof(Cases))]
    public async Task Each_role_is_allowed_exactly_what_the_matrix_grants(string backend, string method, string route, string policy, string role)
    {
        var app = servers.For(backend);
        var (patientId, clients) = await servers.MatrixAsync(backend);
        var e = new ApiEndpoint(method, route, policy);
        var allowed = Permissions.Of(policy).Roles.Contains(role);

        var response = await clients[role].SendAsync(Request(e, patientId));
        if (allowed)
            response.StatusCode.ShouldNotBeOneOf([HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden], $"{role} {method} {route}");
        else
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{role} {method} {route}");

        var anonymous = await app.Client().SendAsync(Request(e, patientId));
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"anonymous {method} {route}");
    }

    [Fact]
    public void Every_policy_in_the_matrix_guards_at_least_one_endpoint()
    {
        foreach (var p in Permissions.Matrix)
            DeclaredEndpoints.Value.ShouldContain(e => e.Policy == p.Policy, $"no endpoint uses policy {p.Policy}");
    }

    [Fact]
    public void The_served_app_maps_the_same_endpoints_as_the_declared_list()
    {
        Endpoints(servers.For(Backends.Sqlite).Services.GetRequiredService<EndpointDataSource>().Endpoints).ShouldBe(DeclaredEndpoints.Value, ignoreOrder: true);
    }

    [Fact]
    public void Every_API_endpoint_names_a_matrix_policy_or_is_one_of_the_sign_in_routes()
    {
        var open = new[] { "/api/auth/signin", "/api/auth/signout", "/api/auth/me" };
        foreach (var e in DeclaredEndpoints.Value.Where(e => !open.Contains(e.Route)))
            Permissions.Matrix.Select(p => p.Policy).ShouldContain(e.Policy, $"{e.Method} {e.Route}");
    }

    private static HttpRequestMessage Request(ApiEndpoint e, Guid patientId)
    {
        var path = AssessmentRoute().Replace(VersionRoute().Replace(IdRoute().Replace(e.Route, patientId.ToString()), "1"), Guid.Empty.ToString());
        var request = new HttpRequestMessage(new HttpMethod(e.Method), path);
        if (e.Method is "POST" or "PUT")
        {
            var body = path switch
            {
                _ when path.EndsWith("/cases", StringComparison.Ordinal) || path == "/api/assessments" => Repo.Case("01-rectal-small"),
                _ when path.StartsWith("/api/patients", StringComparison.Ordinal) && !path.EndsWith("/assessments", StringComparison.Ordinal) => """{"displayName":"Matrix Edit"}""",
                _ => "{}",
            };
            request.Content = Http.JsonBody(body);
        }
        return request;
    }

    [GeneratedRegex(@"\{id(:guid)?\}")]
    private static partial Regex IdRoute();

    /// <summary>Ids of things under a record or of board items: an id that names nothing (404 for the allowed).</summary>
    [GeneratedRegex(@"\{(assessmentId|entryId|itemId)(:guid)?\}")]
    private static partial Regex AssessmentRoute();

    [GeneratedRegex(@"\{version(:int)?\}")]
    private static partial Regex VersionRoute();
}
