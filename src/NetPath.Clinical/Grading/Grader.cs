using System.Globalization;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;

namespace NetPath.Clinical.Grading;

/// <summary>
/// Grades a neuroendocrine neoplasm by the system its site calls for: WHO 2019/2022 for digestive,
/// pancreatic and unknown-primary tumours, WHO 2021 for lung and thymus, GAPP for
/// pheochromocytoma and paraganglioma (NetPath conventions §2).
/// </summary>
public sealed class Grader(GradingKnowledge rules)
{
    public Grade Grade(Case c, Assessments.Classification classification, Findings findings)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(classification);
        ArgumentNullException.ThrowIfNull(findings);
        return classification.Family switch
        {
            ClassificationFamily.Ppgl => GradePpgl(c.Tumour, findings),
            ClassificationFamily.LungNet => GradeThoracic(c.Tumour, classification, findings),
            _ => GradeDigestive(c.Tumour, classification, findings),
        };
    }

    /// <summary>WHO 2019: Ki-67 and mitoses each give a grade; the higher stands.</summary>
    private Grade GradeDigestive(Tumour t, Assessments.Classification cls, Findings findings)
    {
        var byKi67 = t.Ki67 is { } k ? BandOf(rules.Ki67Bands, k.Value) : (GradeValue?)null;
        var byMitoses = t.Mitoses is { } m ? BandOf(rules.MitosisBands, m.Value) : (GradeValue?)null;
        var basis = new List<string>(3);
        if (t.Ki67 is { } ki) basis.Add($"{byKi67} by Ki-67: {Fmt(ki.Value)} % {Describe(rules.Ki67Bands, byKi67!.Value, "%")}");
        if (t.Mitoses is { } mi) basis.Add($"{byMitoses} by mitoses: {Fmt(mi.Value)} per 2 mm² {Describe(rules.MitosisBands, byMitoses!.Value, "per 2 mm²")}");
        var discordant = byKi67 is not null && byMitoses is not null && byKi67 != byMitoses;

        if (cls.Differentiation == Differentiation.Poor)
        {
            basis.Insert(0, "NEC: poorly differentiated neuroendocrine carcinoma is high grade by definition (WHO 2019)");
            if (t.HistologicType == HistologicType.Minen)
                findings.Warn("minen-grade-components", "MiNEN: each component is graded separately; the grade shown is the neuroendocrine component's.");
            return new Grade { System = GradeSystem.Who2019, Value = GradeValue.Nec, ByKi67 = byKi67, ByMitoses = byMitoses, Discordant = discordant, Basis = basis };
        }

        GradeValue? value = (byKi67, byMitoses) switch
        {
            (null, null) => null,
            ({ } a, null) => a,
            (null, { } b) => b,
            ({ } a, { } b) => a > b ? a : b,
        };

        if (value is null)
        {
            findings.AddMissing("tumour.ki67Percent", "The WHO grade (G1, G2, G3) rests on Ki-67 and the mitotic count; neither is given. The grade decides surveillance, SSA versus PRRT versus chemotherapy, and the follow-up interval.");
            findings.AddMissing("tumour.mitosesPer2mm2", "The mitotic count grades the tumour with Ki-67 (the higher grade stands).");
            return new Grade { System = GradeSystem.Who2019, Value = GradeValue.Unknown, Basis = ["Grade unknown: neither Ki-67 nor the mitotic count is given"] };
        }

        if (value != GradeValue.G3)
        {
            if (byKi67 is null)
                findings.AddMissing("tumour.ki67Percent", $"The grade rests on the mitotic count alone ({value}); Ki-67 could only raise it.");
            if (byMitoses is null)
                findings.AddMissing("tumour.mitosesPer2mm2", $"The grade rests on Ki-67 alone ({value}); the mitotic count could only raise it.");
        }

        if (value == GradeValue.G3 && cls.Differentiation != Differentiation.Well)
        {
            // WHO 2019: only morphology separates NET G3 from NEC; the numbers do not.
            findings.AddMissing("tumour.differentiation", "Proliferation is in the G3 range: differentiation (morphology) decides NET G3 versus NEC, which changes staging and treatment (PRRT and SSA for NET G3, platinum-etoposide for NEC).");
            basis.Add("G3 range, but NET G3 versus NEC needs the differentiation");
            return new Grade { System = GradeSystem.Who2019, Value = GradeValue.Unknown, ByKi67 = byKi67, ByMitoses = byMitoses, Discordant = discordant, Basis = basis };
        }

        if (discordant)
            basis.Add($"{value}: Ki-67 and mitoses disagree; the higher grade stands (WHO 2019)");
        if (t.Ki67 is { } high && high.Value > rules.NecKi67Above && value == GradeValue.G3)
            basis.Add("Well differentiated with Ki-67 over 20 %: NET G3, not NEC (WHO 2019)");
        return new Grade { System = GradeSystem.Who2019, Value = value.Value, ByKi67 = byKi67, ByMitoses = byMitoses, Discordant = discordant, Basis = basis };
    }

    /// <summary>WHO 2021 thoracic: mitoses and necrosis classify; Ki-67 is reported, not used.</summary>
    private Grade GradeThoracic(Tumour t, Assessments.Classification cls, Findings findings)
    {
        var basis = new List<string>(3);
        if (t.Ki67 is { } ki) basis.Add($"Ki-67 {Fmt(ki.Value)} % is reported, not used to classify (WHO 2021)");
        if (cls.Differentiation == Differentiation.Poor)
        {
            basis.Insert(0, "High-grade carcinoma: poorly differentiated (LCNEC or SCLC by morphology)");
            return new Grade { System = GradeSystem.Who2021Thoracic, Value = GradeValue.HighGradeCarcinoma, Basis = basis };
        }
        var mitoses = t.Mitoses?.Value;
        var necrosis = t.Necrosis;
        var necrosisPresent = necrosis is Necrosis.Punctate or Necrosis.Extensive;

        GradeValue value;
        if (mitoses > rules.AtypicalCarcinoidMitosesUpTo)
        {
            value = GradeValue.HighGradeCarcinoma;
            basis.Insert(0, $"High-grade carcinoma: {Fmt(mitoses.Value)} mitoses per 2 mm², over {Fmt(rules.AtypicalCarcinoidMitosesUpTo)}");
        }
        else if (mitoses >= rules.TypicalCarcinoidMitosesBelow)
        {
            value = GradeValue.AtypicalCarcinoid;
            basis.Insert(0, $"Atypical carcinoid: {Fmt(mitoses.Value)} mitoses per 2 mm² (2 to 10)");
        }
        else if (necrosisPresent && rules.NecrosisMakesAtypical && mitoses is not null)
        {
            value = GradeValue.AtypicalCarcinoid;
            basis.Insert(0, $"Atypical carcinoid: {WireCode<Necrosis>.Of(necrosis!.Value)} necrosis");
        }
        else if (mitoses is not null && necrosis == Necrosis.None)
        {
            value = GradeValue.TypicalCarcinoid;
            basis.Insert(0, $"Typical carcinoid: {Fmt(mitoses.Value)} mitoses per 2 mm² (under 2) and no necrosis");
        }
        else
        {
            value = GradeValue.Unknown;
            if (mitoses is null)
                findings.AddMissing("tumour.mitosesPer2mm2", "Lung and thymic carcinoids are classified by the mitotic count (typical under 2, atypical 2 to 10, high-grade over 10 per 2 mm²).");
            if (necrosis is null)
                findings.AddMissing("tumour.necrosis", "Any necrosis makes a carcinoid atypical (WHO 2021); typical versus atypical changes surgery and follow-up.");
            basis.Insert(0, "Typical versus atypical carcinoid cannot be decided without the mitotic count and necrosis");
        }

        // A carcinoid type the counts place elsewhere (including over 10 mitoses, a high-grade carcinoma) needs review.
        if (t.HistologicType is HistologicType.TypicalCarcinoid && value is GradeValue.AtypicalCarcinoid or GradeValue.HighGradeCarcinoma
            || t.HistologicType is HistologicType.AtypicalCarcinoid && value is GradeValue.TypicalCarcinoid or GradeValue.HighGradeCarcinoma)
        {
            findings.Warn("histologic-type-discordant",
                $"The histologic type given ({WireCode<HistologicType>.Of(t.HistologicType.Value)}) disagrees with the WHO 2021 criteria applied to the counts ({WireCode<GradeValue>.Of(value)}); please review the pathology.");
        }
        return new Grade { System = GradeSystem.Who2021Thoracic, Value = value, Basis = basis };
    }

    /// <summary>Pheochromocytoma and paraganglioma have no WHO grade; GAPP scores them where its inputs are given.</summary>
    private Grade GradePpgl(Tumour t, Findings findings)
    {
        var g = t.Gapp;
        if (!g.AnyGiven)
        {
            findings.AddMissing("tumour.gapp", "The GAPP score (histologic pattern, cellularity, comedo necrosis, vascular or capsular invasion, Ki-67, catecholamine type) estimates metastatic risk and shapes follow-up.");
            return new Grade { System = GradeSystem.None, Value = GradeValue.NotApplicable, Basis = ["Pheochromocytoma and paraganglioma have no WHO grade; GAPP inputs are not given"] };
        }
        var gapp = rules.Gapp;
        int min = 0, max = 0;
        var basis = new List<string>(7);
        void Add(string item, int? points, int worst, string field, string why)
        {
            if (points is { } p)
            {
                min += p;
                max += p;
                basis.Add($"{item}: {p}");
            }
            else
            {
                max += worst;
                findings.AddMissing(field, why);
            }
        }
        Add("histologic pattern", g.HistologicPattern is { } hp ? gapp.HistologicPattern[WireCode<GappHistologicPattern>.Of(hp)] : null,
            gapp.HistologicPattern.Values.Max(), "tumour.gapp.histologicPattern", "A GAPP input (0-1 points).");
        Add("cellularity", g.Cellularity is { } ce ? gapp.Cellularity[WireCode<GappCellularity>.Of(ce)] : null,
            gapp.Cellularity.Values.Max(), "tumour.gapp.cellularity", "A GAPP input (0-2 points).");
        Add("comedo necrosis", g.ComedoNecrosis is { } cn ? (cn ? gapp.ComedoNecrosisPresent : 0) : null,
            gapp.ComedoNecrosisPresent, "tumour.gapp.comedoNecrosis", "A GAPP input (0 or 2 points).");
        Add("vascular or capsular invasion", g.VascularOrCapsularInvasion is { } vi ? (vi ? gapp.VascularOrCapsularInvasionPresent : 0) : null,
            gapp.VascularOrCapsularInvasionPresent, "tumour.gapp.vascularOrCapsularInvasion", "A GAPP input (0 or 1 point).");
        Add("Ki-67", t.Ki67 is { } k ? BandOf(gapp.Ki67, k.Value) : null,
            gapp.Ki67[^1].Value, "tumour.ki67Percent", "A GAPP input (0-2 points).");
        Add("catecholamine type", g.CatecholamineType is { } ct ? gapp.CatecholamineType[WireCode<CatecholamineType>.Of(ct)] : null,
            gapp.CatecholamineType.Values.Max(), "tumour.gapp.catecholamineType", "A GAPP input (0-1 point).");

        var low = gapp.CategoryOf(min);
        var high = gapp.CategoryOf(max);
        var complete = min == max;
        basis.Insert(0, complete
            ? $"GAPP {min} of 10: {WireCode<GappCategory>.Of(low)}"
            : $"GAPP at least {min}, at most {max} of 10 with the inputs given" + (low == high ? $": {WireCode<GappCategory>.Of(low)}" : ": category open"));
        return new Grade
        {
            System = GradeSystem.Gapp,
            Value = GradeValue.NotApplicable,
            Basis = basis,
            Gapp = new GappScore(min, max, low == high ? low : null, complete),
        };
    }

    private static T BandOf<T>(IReadOnlyList<Band<T>> bands, double value)
    {
        foreach (var band in bands)
        {
            if (band.Holds(value)) return band.Value;
        }
        return bands[^1].Value;
    }

    private static string Describe(IReadOnlyList<Band<GradeValue>> bands, GradeValue grade, string unit)
    {
        for (var i = 0; i < bands.Count; i++)
        {
            if (bands[i].Value != grade) continue;
            var lower = i == 0 ? null : bands[i - 1];
            var upper = bands[i];
            var from = lower is null ? null : (lower.Inclusive ? "over " : "at least ") + Fmt(lower.UpTo!.Value);
            var to = upper.UpTo is null ? null : (upper.Inclusive ? "at most " : "under ") + Fmt(upper.UpTo.Value);
            return "(" + string.Join(" and ", new[] { from, to }.Where(s => s is not null)) + " " + unit + ")";
        }
        return "";
    }

    private static string Fmt(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
