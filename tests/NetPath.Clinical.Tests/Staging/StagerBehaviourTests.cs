using NetPath.Clinical.Assessments;

namespace NetPath.Clinical.Tests.Staging;

/// <summary>How the stager treats unknowns, clinician categories, special histologies and sites.</summary>
public sealed class StagerBehaviourTests
{
    private const string M0 = "\"metastases\": { \"liver\": false, \"extrahepatic\": [] }";
    private const string N0 = "\"lymphNodes\": { \"examined\": 6, \"positive\": 0 }";
    private const string Well = "\"differentiation\": \"well\", \"ki67Percent\": 2";

    private static (StagingEntry Entry, Assessment Assessment) Run(string tumour, string system = "AJCC8")
    {
        var a = StagingTestKit.Assess(StagingTestKit.Case(tumour));
        return (a.Staging.Single(s => s.System == system), a);
    }

    [Fact]
    public void Stomach_T4_with_nodes_unknown_is_stage_III_as_any_N_gives_III()
    {
        var (e, a) = Run($"\"primarySite\": \"stomach\", {Well}, \"sizeMm\": 30, \"depth\": \"serosa\", {M0}");
        (e.T, e.N, e.M, e.Group, e.Stageable).ShouldBe(("T4", "NX", "M0", "III", true));
        a.MissingData.ShouldNotContain(m => m.Field.StartsWith("tumour.lymphNodes", StringComparison.Ordinal));
    }

    [Fact]
    public void Stomach_15mm_without_depth_leaves_T2_to_T4_open_and_names_depth()
    {
        var (e, a) = Run($"\"primarySite\": \"stomach\", {Well}, \"sizeMm\": 15, {N0}, {M0}");
        (e.T, e.Group, e.Stageable).ShouldBe(("TX", null, false));
        a.MissingData.ShouldContain(m => m.Field == "tumour.depth");
    }

    [Fact]
    public void Absent_metastases_leave_M_open_and_the_case_unstaged()
    {
        var (e, a) = Run($"\"primarySite\": \"pancreas\", {Well}, \"sizeMm\": 14, {N0}");
        (e.T, e.N, e.M, e.Stageable).ShouldBe(("T1", "N0", null, false));
        a.MissingData.ShouldContain(m => m.Field == "tumour.metastases");
    }

    [Fact]
    public void Known_liver_metastasis_stages_IV_even_with_T_and_N_unknown()
    {
        var (e, _) = Run($"\"primarySite\": \"ileum\", {Well}, \"metastases\": {{ \"liver\": true, \"extrahepatic\": [] }}");
        (e.T, e.N, e.M, e.Group).ShouldBe(("TX", "NX", "M1a", "IV"));
    }

    [Fact]
    public void Colorectal_T4_with_nodes_unknown_is_stage_III_as_SEER_assigns_it()
    {
        var (e, a) = Run($"\"primarySite\": \"colon\", {Well}, \"sizeMm\": 30, \"depth\": \"serosa\", {M0}");
        (e.T, e.N, e.Group, e.Stageable).ShouldBe(("T4", "NX", "III", true));
        a.MissingData.ShouldContain(m => m.Field == "tumour.lymphNodes");
    }

    [Fact]
    public void Lung_metastasis_in_one_extrathoracic_organ_is_M1b_or_M1c_and_stage_IV()
    {
        var (e, a) = Run($"\"primarySite\": \"lung\", \"differentiation\": \"well\", \"mitosesPer2mm2\": 1, \"necrosis\": \"none\", \"sizeMm\": 18, {N0}, " +
            "\"metastases\": { \"liver\": false, \"extrahepatic\": [\"bone\"] }");
        (e.M, e.Group, e.Stageable).ShouldBe(("M1", "IV", true));
        a.MissingData.ShouldContain(m => m.Field == "tumour.tnm.m");
    }

    [Fact]
    public void Lung_metastases_in_two_extrathoracic_organs_are_M1c_IVB()
    {
        var (e, _) = Run("\"primarySite\": \"lung\", \"differentiation\": \"well\", \"mitosesPer2mm2\": 1, \"necrosis\": \"none\", \"sizeMm\": 18, " +
            "\"metastases\": { \"liver\": true, \"extrahepatic\": [\"bone\"] }");
        (e.M, e.Group).ShouldBe(("M1c", "IVB"));
    }

    [Fact]
    public void Lung_positive_nodes_leave_N1_to_N3_open_until_the_clinician_gives_N()
    {
        var tumour = "\"primarySite\": \"lung\", \"differentiation\": \"well\", \"mitosesPer2mm2\": 1, \"necrosis\": \"none\", \"sizeMm\": 18, " +
            $"\"lymphNodes\": {{ \"examined\": 10, \"positive\": 2 }}, {M0}";
        var (open, a) = Run(tumour);
        (open.N, open.Stageable).ShouldBe(("NX", false));
        a.MissingData.ShouldContain(m => m.Field == "tumour.tnm.n");
        var (given, b) = Run(tumour + ", \"tnm\": { \"n\": \"N2\" }");
        (given.N, given.Group).ShouldBe(("N2", "IIIA"));
        b.Warnings.ShouldNotContain(w => w.Code == "tnm-disagrees-with-facts");
    }

    [Theory]
    [InlineData("\"examined\": 14, \"positive\": 3", "N1", "III")]
    [InlineData("\"examined\": 14, \"positive\": 12", "N2", "III")]
    [InlineData("\"examined\": 14, \"positive\": 2, \"mesentericMassOver2cm\": true", "N2", "III")]
    [InlineData("\"examined\": 14, \"positive\": 0", "N0", "II")]
    public void Jejunum_ileum_N_from_counts_and_mesenteric_mass(string nodes, string n, string group)
    {
        var (e, _) = Run($"\"primarySite\": \"ileum\", {Well}, \"sizeMm\": 15, \"depth\": \"subserosa\", \"lymphNodes\": {{ {nodes} }}, {M0}");
        (e.N, e.Group).ShouldBe((n, group));
    }

    [Fact]
    public void Multiple_primaries_take_the_m_suffix()
    {
        var (e, _) = Run($"\"primarySite\": \"ileum\", {Well}, \"sizeMm\": 15, \"depth\": \"muscularis-propria\", \"tumourCount\": 3, {N0}, {M0}");
        (e.T, e.Group).ShouldBe(("T2(m)", "II"));
    }

    [Theory]
    [InlineData("\"differentiation\": \"poor\", \"ki67Percent\": 80")]
    [InlineData("\"histologicType\": \"minen\", \"ki67Percent\": 40")]
    public void NEC_and_MiNEN_of_a_digestive_site_are_not_staged_by_the_NET_chapter(string histology)
    {
        var a = StagingTestKit.Assess(StagingTestKit.Case($"\"primarySite\": \"stomach\", {histology}, \"sizeMm\": 30, {M0}"));
        var e = a.Staging.ShouldHaveSingleItem();
        (e.System, e.Stageable, e.T, e.Group).ShouldBe(("AJCC8", false, null, null));
        a.Warnings.ShouldContain(w => w.Code == "staging-nec-not-net-chapter");
    }

    [Fact]
    public void Lung_NEC_is_staged_by_the_lung_chapter()
    {
        var (e, _) = Run($"\"primarySite\": \"lung\", \"differentiation\": \"poor\", \"histologicType\": \"nec-large-cell\", \"sizeMm\": 25, {N0}, {M0}");
        (e.T, e.Group).ShouldBe(("T1c", "IA3"));
    }

    [Fact]
    public void G3_range_without_differentiation_says_staging_depends_on_it()
    {
        var a = StagingTestKit.Assess(StagingTestKit.Case($"\"primarySite\": \"pancreas\", \"ki67Percent\": 35, \"sizeMm\": 14, {N0}, {M0}"));
        foreach (var e in a.Staging)
        {
            (e.T, e.Stageable, e.Group).ShouldBe(("T1", false, null));
        }
        a.Warnings.ShouldContain(w => w.Code == "staging-depends-on-differentiation");
        a.MissingData.ShouldContain(m => m.Field == "tumour.differentiation");
    }

    [Theory]
    [InlineData("\"primarySite\": \"thymus\", \"differentiation\": \"well\", \"mitosesPer2mm2\": 1, \"necrosis\": \"none\"")]
    [InlineData("\"primarySite\": \"unknown-primary\", \"differentiation\": \"well\", \"ki67Percent\": 5")]
    [InlineData("\"primarySite\": \"other\", \"otherSite\": \"ovary\", \"differentiation\": \"well\", \"ki67Percent\": 5")]
    [InlineData("\"primarySite\": \"extra-adrenal-paraganglion\", \"paragangliomaType\": \"parasympathetic\"")]
    public void Sites_without_a_chapter_get_one_unstageable_AJCC8_entry_with_the_reason(string tumour)
    {
        var e = StagingTestKit.Assess(StagingTestKit.Case(tumour)).Staging.ShouldHaveSingleItem();
        (e.System, e.Stageable, e.Group, e.Chapter).ShouldBe(("AJCC8", false, null, null));
        e.Basis.ShouldNotBeEmpty();
    }

    [Fact]
    public void Sympathetic_paraganglioma_is_T2_by_the_adrenal_chapter()
    {
        var (e, _) = Run($"\"primarySite\": \"extra-adrenal-paraganglion\", \"paragangliomaType\": \"sympathetic\", \"sizeMm\": 30, {N0}, {M0}");
        (e.T, e.Group).ShouldBe(("T2", "II"));
    }

    [Theory]
    [InlineData("[\"bone\"]", false, "M1a")]
    [InlineData("[\"lung\"]", false, "M1b")]
    [InlineData("[]", true, "M1b")]
    [InlineData("[\"bone\"]", true, "M1c")]
    public void Adrenal_M_subcategories(string extrahepatic, bool liver, string m)
    {
        var (e, _) = Run($"\"primarySite\": \"adrenal\", \"histologicType\": \"pheochromocytoma\", \"sizeMm\": 30, " +
            $"\"metastases\": {{ \"liver\": {(liver ? "true" : "false")}, \"extrahepatic\": {extrahepatic} }}");
        (e.M, e.Group).ShouldBe((m, "IV"));
    }

    [Fact]
    public void Unknown_liver_with_extrahepatic_disease_is_M1b_or_M1c_and_stage_IV()
    {
        var (e, _) = Run($"\"primarySite\": \"pancreas\", {Well}, \"sizeMm\": 14, \"metastases\": {{ \"extrahepatic\": [\"bone\"] }}");
        (e.M, e.Group).ShouldBe(("M1", "IV"));
    }

    [Fact]
    public void A_clinician_category_fills_what_the_facts_leave_open()
    {
        var (e, a) = Run($"\"primarySite\": \"pancreas\", {Well}, \"sizeMm\": 14, {N0}, {M0}, \"tnm\": {{ \"t\": \"T4\" }}");
        (e.T, e.Group).ShouldBe(("T4", "III"));
        a.Warnings.ShouldNotContain(w => w.Code == "tnm-disagrees-with-facts");
    }

    [Fact]
    public void Where_the_facts_decide_otherwise_they_win_and_a_warning_says_so()
    {
        var (e, a) = Run($"\"primarySite\": \"stomach\", {Well}, \"sizeMm\": 8, \"depth\": \"muscularis-propria\", {N0}, {M0}, \"tnm\": {{ \"t\": \"T1\", \"n\": \"N1\" }}");
        (e.T, e.N).ShouldBe(("T2", "N0"));
        a.Warnings.Count(w => w.Code == "tnm-disagrees-with-facts").ShouldBe(2);
    }

    [Fact]
    public void ENETS_splits_colorectal_stage_I_and_reads_M1_for_any_distant_disease()
    {
        var a = StagingTestKit.Assess(StagingTestKit.Case($"\"primarySite\": \"rectum\", {Well}, \"sizeMm\": 8, \"depth\": \"submucosa\", {N0}, {M0}"));
        a.Staging.Single(s => s.System == "ENETS").Group.ShouldBe("IA");
        var (e, _) = Run($"\"primarySite\": \"pancreas\", {Well}, \"sizeMm\": 25, {N0}, \"metastases\": {{ \"liver\": true, \"extrahepatic\": [] }}", "ENETS");
        (e.T, e.M, e.Group).ShouldBe(("T2", "M1", "IV"));
    }

    [Fact]
    public void ENETS_pancreas_substages()
    {
        Run($"\"primarySite\": \"pancreas\", {Well}, \"sizeMm\": 25, {N0}, {M0}", "ENETS").Entry.Group.ShouldBe("IIA");
        Run($"\"primarySite\": \"pancreas\", {Well}, \"sizeMm\": 45, {N0}, {M0}", "ENETS").Entry.Group.ShouldBe("IIB");
        Run($"\"primarySite\": \"pancreas\", {Well}, \"sizeMm\": 45, \"invades\": [\"spleen\"], {N0}, {M0}", "ENETS").Entry.Group.ShouldBe("IIIA");
    }

    [Fact]
    public void Every_category_has_a_basis_sentence()
    {
        var (e, _) = Run($"\"primarySite\": \"pancreas\", {Well}, \"sizeMm\": 32, \"invades\": [\"duodenum\"], " +
            "\"lymphNodes\": { \"examined\": 14, \"positive\": 2 }, \"metastases\": { \"liver\": true, \"extrahepatic\": [\"bone\"] }");
        (e.T, e.N, e.M, e.Group).ShouldBe(("T3", "N1", "M1c", "IV"));
        e.Basis.ShouldContain(b => b.StartsWith("T3:", StringComparison.Ordinal));
        e.Basis.ShouldContain(b => b.StartsWith("N1: 2 of 14", StringComparison.Ordinal));
        e.Basis.ShouldContain(b => b.StartsWith("M1c:", StringComparison.Ordinal));
        e.Chapter.ShouldNotBeNull();
    }

    [Fact]
    public void No_examined_nodes_is_NX_unless_the_clinician_gives_N()
    {
        var tumour = $"\"primarySite\": \"rectum\", {Well}, \"sizeMm\": 8, \"depth\": \"submucosa\", \"lymphNodes\": {{ \"examined\": 0, \"positive\": 0 }}, {M0}";
        Run(tumour).Entry.N.ShouldBe("NX");
        var (e, _) = Run(tumour + ", \"tnm\": { \"n\": \"cN0\" }");
        (e.N, e.Group).ShouldBe(("N0", "I"));
    }

    [Fact]
    public void A_disagreement_is_warned_once_even_where_ENETS_stages_too()
    {
        var a = StagingTestKit.Assess(StagingTestKit.Case($"\"primarySite\": \"pancreas\", {Well}, \"sizeMm\": 14, " +
            $"\"lymphNodes\": {{ \"examined\": 10, \"positive\": 2 }}, {M0}, \"tnm\": {{ \"n\": \"N0\" }}"));
        a.Warnings.Count(w => w.Code == "tnm-disagrees-with-facts").ShouldBe(1);
        a.Staging.ShouldAllBe(s => s.N == "N1");
    }
}
