namespace NetPath.Clinical.Assessments;

/// <summary>
/// What each step of the engine adds beside its result: the missing facts that would change a
/// conclusion, and warnings. Collected in the order found; a field is listed once.
/// </summary>
public sealed class Findings
{
    private readonly List<MissingDatum> missing = [];
    private readonly List<Warning> warnings = [];

    public IReadOnlyList<MissingDatum> Missing => missing;
    public IReadOnlyList<Warning> Warnings => warnings;

    public void AddMissing(string field, string why)
    {
        foreach (var m in missing)
        {
            if (m.Field == field) return;
        }
        missing.Add(new MissingDatum(field, why));
    }

    public void Warn(string code, string message)
    {
        foreach (var w in warnings)
        {
            if (w.Code == code && w.Message == message) return;
        }
        warnings.Add(new Warning(code, message));
    }
}
