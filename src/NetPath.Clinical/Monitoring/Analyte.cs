namespace NetPath.Clinical.Monitoring;

/// <summary>
/// What a dated measurement measures: its code, its name for people, an example UCUM unit (the
/// dimension a value must have), and the follow-up test it answers (the codes of a follow-up plan,
/// knowledge/&lt;version&gt;/pathways/followup.json), where there is one.
/// </summary>
public sealed record Analyte(string Code, string Name, string ExampleUnit, string? FollowUpTest = null)
{
    public static IReadOnlyList<Analyte> All { get; } =
    [
        new("chromogranin-a", "chromogranin A", "ug/L", "chromogranin-a"),
        new("urine-5hiaa", "24-hour urine 5-HIAA", "mg/d", "urine-5hiaa"),
        new("plasma-5hiaa", "plasma 5-HIAA", "nmol/L"),
        new("nse", "neuron-specific enolase", "ug/L"),
        new("nt-probnp", "NT-proBNP", "ng/L"),
        new("gastrin", "gastrin", "ng/L"),
        new("insulin", "insulin", "m[IU]/L"),
        new("glucagon", "glucagon", "ng/L"),
        new("vip", "vasoactive intestinal peptide", "ng/L"),
        new("metanephrines", "plasma metanephrines", "nmol/L", "metanephrines"),
        new("creatinine", "creatinine", "umol/L"),
        new("egfr", "eGFR", "mL/min/{1.73_m2}"),
        new("bilirubin", "bilirubin", "umol/L"),
        new("hemoglobin", "haemoglobin", "g/L"),
        new("platelets", "platelets", "10*9/L"),
        new("neutrophils", "neutrophils", "10*9/L"),
        new("albumin", "albumin", "g/L"),
        new("weight", "weight", "kg"),
    ];

    private static readonly System.Collections.Frozen.FrozenDictionary<string, Analyte> ByCode =
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(All.ToDictionary(a => a.Code, StringComparer.Ordinal), StringComparer.Ordinal);

    public static bool TryGet(string? code, out Analyte analyte)
    {
        if (code is not null && ByCode.TryGetValue(code, out analyte!)) return true;
        analyte = null!;
        return false;
    }

    public static string AllowedText { get; } = string.Join(", ", All.Select(a => a.Code));
}
