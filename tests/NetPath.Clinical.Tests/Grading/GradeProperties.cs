using FsCheck;
using FsCheck.Fluent;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Tests.TestSupport;
using static NetPath.Clinical.Tests.TestSupport.Engine;

namespace NetPath.Clinical.Tests.Grading;

/// <summary>Properties of grading over the whole range of Ki-67 and mitoses: the grade never falls as proliferation rises.</summary>
public class GradeProperties
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    /// <summary>Ki-67 in steps of 0.01 % over 0-100, often right at a cut-off.</summary>
    private static readonly Gen<double> Ki67 = Gen.Frequency(
        (3, Gen.Choose(0, 10000).Select(i => i / 100.0)),
        (1, Gen.Elements(0, 2.99, 3, 3.01, 19.99, 20, 20.01, 100)));

    /// <summary>Mitoses per 2 mm² in steps of 0.1 over 0-60, often right at a cut-off.</summary>
    private static readonly Gen<double> Mitoses = Gen.Frequency(
        (3, Gen.Choose(0, 600).Select(i => i / 10.0)),
        (1, Gen.Elements(0, 1.9, 2, 2.1, 10, 10.1, 19.9, 20, 20.1, 21)));

    private static Gen<double?> Maybe(Gen<double> g) => Gen.Frequency((4, g.Select(v => (double?)v)), (1, Gen.Constant<double?>(null)));

    private static readonly Gen<string> GepSite = Gen.Elements("stomach", "duodenum", "ampulla", "jejunum", "ileum", "appendix", "colon", "rectum", "pancreas", "unknown-primary");

    private static readonly Gen<string?> Differentiation = Gen.Elements<string?>(null, "well", "unknown");

    /// <summary>G1 &lt; G2 &lt; G3; "unknown" here only ever means the G3 range awaiting differentiation, so it ranks with G3.</summary>
    private static int Rank(GradeValue g) => g switch
    {
        GradeValue.G1 => 1,
        GradeValue.G2 => 2,
        GradeValue.G3 or GradeValue.Unknown => 3,
        _ => throw new InvalidOperationException($"{g} is not a WHO 2019 grade of a non-NEC tumour"),
    };

    private static Grade GradeOf(string site, string? differentiation, double? ki67, double? mitoses)
    {
        var json = CaseJson.Minimal(site);
        if (differentiation is not null) json.Set("tumour.differentiation", differentiation);
        if (ki67 is { } k) json.Set("tumour.ki67Percent", k);
        if (mitoses is { } m) json.Set("tumour.mitosesPer2mm2", m);
        return ClassifyAndGrade(json).Grade;
    }

    [Fact]
    public void The_grade_never_falls_as_ki67_rises_with_mitoses_fixed() =>
        Check.One(Runs, Prop.ForAll(
            Gen.Zip(Gen.Zip(GepSite, Differentiation), Gen.Zip(Gen.Two(Ki67), Maybe(Mitoses))).ToArbitrary(),
            input =>
            {
                var ((site, differentiation), ((a, b), mitoses)) = input;
                var (low, high) = a <= b ? (a, b) : (b, a);
                return Rank(GradeOf(site, differentiation, low, mitoses).Value) <= Rank(GradeOf(site, differentiation, high, mitoses).Value);
            }));

    [Fact]
    public void The_grade_never_falls_as_mitoses_rise_with_ki67_fixed() =>
        Check.One(Runs, Prop.ForAll(
            Gen.Zip(Gen.Zip(GepSite, Differentiation), Gen.Zip(Gen.Two(Mitoses), Maybe(Ki67))).ToArbitrary(),
            input =>
            {
                var ((site, differentiation), ((a, b), ki67)) = input;
                var (low, high) = a <= b ? (a, b) : (b, a);
                return Rank(GradeOf(site, differentiation, ki67, low).Value) <= Rank(GradeOf(site, differentiation, ki67, high).Value);
            }));

    [Fact]
    public void The_grade_is_the_higher_of_the_two_and_discordance_is_flagged_exactly_when_they_differ() =>
        Check.One(Runs, Prop.ForAll(Gen.Zip(Ki67, Mitoses).ToArbitrary(), input =>
        {
            var (ki67, mitoses) = input;
            var g = GradeOf("ileum", "well", ki67, mitoses);
            return g.ByKi67 is { } k && g.ByMitoses is { } m
                && g.Value == (k > m ? k : m)
                && g.Discordant == (k != m);
        }));

    [Fact]
    public void The_grade_by_ki67_follows_the_who_2019_cut_offs() =>
        Check.One(Runs, Prop.ForAll(Ki67.ToArbitrary(), ki67 =>
            GradeOf("pancreas", "well", ki67, null).Value == (ki67 < 3 ? GradeValue.G1 : ki67 <= 20 ? GradeValue.G2 : GradeValue.G3)));

    [Fact]
    public void The_grade_by_mitoses_follows_the_who_2019_cut_offs() =>
        Check.One(Runs, Prop.ForAll(Mitoses.ToArbitrary(), mitoses =>
            GradeOf("rectum", "well", null, mitoses).Value == (mitoses < 2 ? GradeValue.G1 : mitoses <= 20 ? GradeValue.G2 : GradeValue.G3)));

    [Fact]
    public void A_poorly_differentiated_tumour_is_nec_whatever_its_proliferation() =>
        Check.One(Runs, Prop.ForAll(Gen.Zip(GepSite, Gen.Zip(Maybe(Ki67), Maybe(Mitoses))).ToArbitrary(), input =>
        {
            var (site, (ki67, mitoses)) = input;
            return GradeOf(site, "poor", ki67, mitoses).Value == GradeValue.Nec;
        }));

    [Fact]
    public void The_thoracic_class_never_falls_as_mitoses_rise_with_necrosis_fixed() =>
        Check.One(Runs, Prop.ForAll(
            Gen.Zip(Gen.Elements("lung", "thymus"), Gen.Zip(Gen.Two(Mitoses), Gen.Elements("none", "punctate", "extensive"))).ToArbitrary(),
            input =>
            {
                var (site, ((a, b), necrosis)) = input;
                var (low, high) = a <= b ? (a, b) : (b, a);
                static int ThoracicRank(GradeValue g) => g switch
                {
                    GradeValue.TypicalCarcinoid => 1,
                    GradeValue.AtypicalCarcinoid => 2,
                    GradeValue.HighGradeCarcinoma => 3,
                    _ => throw new InvalidOperationException($"{g} with mitoses and necrosis given"),
                };
                Grade Class(double m) => ClassifyAndGrade(CaseJson.Minimal(site).Set("tumour.mitosesPer2mm2", m).Set("tumour.necrosis", necrosis)).Grade;
                return ThoracicRank(Class(low).Value) <= ThoracicRank(Class(high).Value);
            }));

    /// <summary>The GAPP total equals the sum of the Kimura points (reference.md §3.1), computed here independently.</summary>
    [Fact]
    public void The_gapp_score_is_the_sum_of_its_points_and_its_category_follows_the_total() =>
        Check.One(Runs, Prop.ForAll(
            Gen.Zip(
                Gen.Zip(Gen.Elements(("zellballen", 0), ("large-irregular-nests", 1), ("pseudorosette", 1)), Gen.Elements(("low", 0), ("moderate", 1), ("high", 2))),
                Gen.Zip(Gen.Zip(Gen.Elements(false, true), Gen.Elements(false, true)),
                        Gen.Zip(Ki67, Gen.Elements(("adrenergic", 0), ("noradrenergic", 1), ("non-functioning", 0))))).ToArbitrary(),
            input =>
            {
                var ((pattern, cellularity), ((comedo, invasion), (ki67, catecholamine))) = input;
                var json = CaseJson.Minimal("adrenal").Set("tumour.ki67Percent", ki67)
                    .Set("tumour.gapp.histologicPattern", pattern.Item1).Set("tumour.gapp.cellularity", cellularity.Item1)
                    .Set("tumour.gapp.comedoNecrosis", comedo).Set("tumour.gapp.vascularOrCapsularInvasion", invasion)
                    .Set("tumour.gapp.catecholamineType", catecholamine.Item1);
                var expected = pattern.Item2 + cellularity.Item2 + (comedo ? 2 : 0) + (invasion ? 1 : 0)
                    + (ki67 < 1 ? 0 : ki67 <= 3 ? 1 : 2) + catecholamine.Item2;
                var category = expected <= 2 ? GappCategory.WellDifferentiated : expected <= 6 ? GappCategory.ModeratelyDifferentiated : GappCategory.PoorlyDifferentiated;
                return ClassifyAndGrade(json).Grade.Gapp == new GappScore(expected, expected, category, true);
            }));
}
