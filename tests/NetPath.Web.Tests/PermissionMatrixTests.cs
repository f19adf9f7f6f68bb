using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NetPath.Storage;
using NetPath.Web.Security;
using NetPath.Web.Tests.Infrastructure;

namespace NetPath.Web.Tests;

/// <summary>
/// Generated from the one permission matrix: every endpoint of every policy, called by every
/// role; roles holding the policy get past authorization, the others get 403, anonymous 401.
/// </summary>
[Collection("api")]
public sealed partial class PermissionMatrixTests(Servers servers)
{
    public static TheoryData<string, string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var backend in Backends.All)
                foreach (var p in Permissions.Matrix)
                    foreach (var role in Roles.All)
                        data.Add(backend, p.Policy, role);
            return data;
        }
    }

    private sealed record ApiEndpoint(string Method, string Route, string? Policy);

    private static List<ApiEndpoint> Endpoints(NetPathFactory app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => new ApiEndpoint(
                m, e.RoutePattern.RawText!, e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null))))];

    [Theory, MemberData(nameof(Cases))]
    public async Task Each_role_is_allowed_exactly_what_the_matrix_grants(string backend, string policy, string role)
    {
        var app = servers.For(backend);
        var (patientId, clients) = await servers.MatrixAsync(backend);
        var client = clients[role];
        var allowed = Permissions.Of(policy).Roles.Contains(role);
        var endpoints = Endpoints(app).Where(e => e.Policy == policy).ToList();
        endpoints.ShouldNotBeEmpty($"no endpoint uses policy {policy}");

        foreach (var e in endpoints)
        {
            var response = await client.SendAsync(Request(e, patientId));
            if (allowed)
                response.StatusCode.ShouldNotBeOneOf([HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden], $"{role} {e.Method} {e.Route}");
            else
                response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{role} {e.Method} {e.Route}");

            var anonymous = await app.Client().SendAsync(Request(e, patientId));
            anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"anonymous {e.Method} {e.Route}");
        }
    }

    [Fact]
    public void Every_API_endpoint_names_a_matrix_policy_or_is_one_of_the_sign_in_routes()
    {
        var app = servers.For(Backends.Sqlite);
        var open = new[] { "/api/auth/signin", "/api/auth/signout", "/api/auth/me" };
        foreach (var e in Endpoints(app).Where(e => !open.Contains(e.Route)))
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

    [GeneratedRegex(@"\{assessmentId(:guid)?\}")]
    private static partial Regex AssessmentRoute();

    [GeneratedRegex(@"\{version(:int)?\}")]
    private static partial Regex VersionRoute();
}
