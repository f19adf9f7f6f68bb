using System.Diagnostics.Metrics;

namespace NetPath.Web.Hosting;

/// <summary>
/// NetPath's own metrics beside ASP.NET Core's request rate and latency
/// (http.server.request.duration): assessments made and sign-ins refused. Counts and codes only,
/// never who or which patient.
/// </summary>
public sealed class NetPathMetrics
{
    public const string MeterName = "NetPath";

    private readonly Counter<long> assessments;
    private readonly Counter<long> signInFailures;

    public NetPathMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        assessments = meter.CreateCounter<long>("netpath.assessments", "{assessment}", "Assessments computed: ad hoc (POST /api/assessments, what-if, live case entry) or stored with a case version.");
        signInFailures = meter.CreateCounter<long>("netpath.signin.failures", "{attempt}", "Sign-ins refused, by reason (wrong credentials, locked out).");
    }

    public void Assessed(string kind) => assessments.Add(1, new KeyValuePair<string, object?>("netpath.assessment.kind", kind));

    public void SignInFailed(string reason) => signInFailures.Add(1, new KeyValuePair<string, object?>("netpath.signin.reason", reason));
}
