using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NetPath.Clinical.Engine;

namespace NetPath.Clinical.Tests.Staging;

/// <summary>Invariants over generated cases (FsCheck), through the whole engine.</summary>
public sealed class StagingPropertyTests
{
    private static readonly string[] Sites =
        ["stomach", "duodenum", "ampulla", "jejunum", "ileum", "appendix", "colon", "rectum", "pancreas", "lung", "thymus", "adrenal",
         "extra-adrenal-paraganglion", "unknown-primary", "other"];
    private static readonly string[] SizedSites = ["stomach", "duodenum", "ampulla", "jejunum", "ileum", "appendix", "colon", "rectum", "pancreas", "lung", "adrenal"];
    private static readonly string[] Depths = ["lamina-propria", "submucosa", "muscularis-propria", "subserosa", "serosa"];
    private static readonly string[] Structures =
        ["duodenum", "common-bile-duct", "pancreas", "peripancreatic-tissue", "stomach", "spleen", "colon", "adrenal", "kidney", "liver",
         "large-vessels", "mesoappendix", "peritoneum", "adjacent-organ", "local-tissues"];
    private static readonly string[] Metastatic = ["bone", "lung", "peritoneum", "distant-lymph-nodes", "brain", "pleura", "other"];

    private static Gen<string?> Optional(Gen<string> g) => Gen.Frequency((1, Gen.Constant<string?>(null)), (3, g.Select(s => (string?)s)));

    private static Gen<string> Subset(string[] items) =>
        Gen.ListOf(Gen.Elements(items)).Select(l => "[" + string.Join(", ", l.Distinct().Select(x => $"\"{x}\"")) + "]");

    private static string Num(double x) => x.ToString("0.#", CultureInfo.InvariantCulture);

    private static readonly Gen<string> TumourGen =
        from site in Gen.Elements(Sites)
        from diff in Optional(Gen.Elements("well", "poor", "unknown"))
        from ki67 in Optional(Gen.Choose(0, 1000).Select(x => Num(x / 10.0)))
        from size in Optional(Gen.Choose(1, 2000).Select(x => Num(x / 10.0)))
        from depth in Optional(Gen.Elements(Depths))
        from invades in Subset(Structures)
        from examined in Gen.Choose(0, 30)
        from positive in Gen.Choose(0, 30)
        from nodesGiven in Gen.Elements(true, false)
        from liver in Optional(Gen.Elements("true", "false"))
        from extra in Subset(Metastatic)
        from metsGiven in Gen.Elements(true, false)
        from count in Optional(Gen.Choose(1, 5).Select(x => x.ToString(CultureInfo.InvariantCulture)))
        from pgl in Optional(Gen.Elements("sympathetic", "parasympathetic"))
        select string.Join(", ", new[]
        {
            $"\"primarySite\": \"{site}\"",
            diff is null ? null : $"\"differentiation\": \"{diff}\"",
            ki67 is null ? null : $"\"ki67Percent\": {ki67}",
            size is null ? null : $"\"sizeMm\": {size}",
            depth is null ? null : $"\"depth\": \"{depth}\"",
            $"\"invades\": {invades}",
            nodesGiven ? $"\"lymphNodes\": {{ \"examined\": {examined}, \"positive\": {Math.Min(positive, examined)} }}" : null,
            metsGiven ? $"\"metastases\": {{ {(liver is null ? "" : $"\"liver\": {liver}, ")}\"extrahepatic\": {extra} }}" : null,
            count is null ? null : $"\"tumourCount\": {count}",
            pgl is null || site != "extra-adrenal-paraganglion" ? null : $"\"paragangliomaType\": \"{pgl}\"",
        }.Where(x => x is not null));

    [Fact]
    public void No_valid_case_throws_and_each_has_exactly_one_AJCC8_entry()
    {
        var valid = 0;
        Prop.ForAll(TumourGen.ToArbitrary(), tumour =>
        {
            var read = NetPathEngine.Current.Read(StagingTestKit.Case(tumour));
            if (!read.IsValid) return true;
            valid++;
            var staging = NetPathEngine.Current.Assess(read.Case!, StagingTestKit.Today).Staging;
            return staging.Count(s => s.System == "AJCC8") == 1
                && staging.All(s => s.Stageable == (s.Group is not null));
        }).QuickCheckThrowOnFailure();
        valid.ShouldBeGreaterThan(20, "too few generated cases were valid for the property to mean anything");
    }

    [Fact]
    public void T_never_falls_as_size_rises_at_fixed_depth_and_invasion()
    {
        var gen =
            from site in Gen.Elements(SizedSites)
            from depth in Optional(Gen.Elements(Depths))
            from invades in Subset(Structures)
            from a in Gen.Choose(1, 1500)
            from b in Gen.Choose(1, 1500)
            select (site, depth, invades, Small: Math.Min(a, b) / 10.0, Large: Math.Max(a, b) / 10.0);
        Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var luminal = x.site is not ("pancreas" or "lung" or "adrenal");
            string Tumour(double mm) =>
                $"\"primarySite\": \"{x.site}\", {(x.site == "adrenal" ? "\"histologicType\": \"pheochromocytoma\"" : "\"differentiation\": \"well\"")}, " +
                $"\"sizeMm\": {Num(mm)}, \"invades\": {x.invades}" + (luminal && x.depth is not null ? $", \"depth\": \"{x.depth}\"" : "");
            Cases.WireCode<Cases.PrimarySite>.TryParse(x.site, out var site).ShouldBeTrue();
            var chapter = NetPathEngine.Current.Knowledge.Staging.Ajcc(site)!;
            var (smallLow, smallHigh) = Range(chapter, StagingTestKit.Ajcc(Tumour(x.Small)).T);
            var (largeLow, largeHigh) = Range(chapter, StagingTestKit.Ajcc(Tumour(x.Large)).T);
            return largeLow >= smallLow && largeHigh >= smallHigh;
        }).QuickCheckThrowOnFailure();
    }

    private static (int Low, int High) Range(Clinical.Staging.Chapter chapter, string? t)
    {
        if (t is null or "TX") return (0, chapter.T.Leaves.Length - 1);
        var indexes = t.Replace("(m)", "", StringComparison.Ordinal).Split('/').Select(chapter.T.IndexOf).ToList();
        indexes.ShouldAllBe(i => i >= 0);
        return (indexes.Min(), indexes.Max());
    }
}
