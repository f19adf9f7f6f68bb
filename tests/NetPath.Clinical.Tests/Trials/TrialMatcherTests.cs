using NetPath.Clinical.Trials;
using static NetPath.Clinical.Tests.Trials.TrialPatients;

namespace NetPath.Clinical.Tests.Trials;

public class TrialMatcherTests
{
    [Fact]
    public void Only_trials_open_to_recruitment_are_listed_unless_asked()
    {
        var patient = Patient(PancreaticNet);
        var open = TrialMatcher.Match(patient, ShippedTrials.All);
        open.ShouldAllBe(m => m.Trial.IsOpen);
        open.Count.ShouldBe(ShippedTrials.All.Count(t => t.OverallStatus == "RECRUITING"));
        TrialMatcher.Match(patient, ShippedTrials.All, new TrialMatchOptions(OpenOnly: false)).Count.ShouldBe(28);
    }

    [Fact]
    public void Trials_are_sorted_eligible_then_possibly_then_not_eligible()
    {
        var matches = TrialMatcher.Match(Patient(PancreaticNet), ShippedTrials.All, new TrialMatchOptions(OpenOnly: false));
        var ranks = matches.Select(m => (int)m.Fit).ToList();
        ranks.ShouldBe(ranks.Order().ToList());
        matches.ShouldContain(m => m.Fit == TrialFit.Eligible);
        matches.ShouldContain(m => m.Fit == TrialFit.NotEligible);
    }

    private static Trial Open(string nct, string phase, double? lat = null, double? lon = null) => new()
    {
        NctId = nct,
        Title = "A trial for neuroendocrine tumours",
        OverallStatus = "RECRUITING",
        Phases = [phase],
        Sites = lat is null ? [] : [new TrialSite("Centre", "City", "Country", "RECRUITING", lat, lon)],
        Criteria = [new TrialCriterion { Id = "condition", Kind = CriterionKind.Condition, Section = CriterionSection.Registry, Origin = CriterionOrigin.RegistryField, Source = "conditions", Values = ["Neuroendocrine Tumors"] }],
    };

    [Fact]
    public void With_a_clinic_location_a_trial_with_a_near_site_comes_before_a_later_phase_far_away()
    {
        // Amsterdam clinic; Rotterdam is about 57 km away, Madrid about 1,480 km.
        var near = Open("NCT00000001", "PHASE2", 51.92, 4.48);
        var far = Open("NCT00000002", "PHASE3", 40.42, -3.70);
        var nowhere = Open("NCT00000003", "PHASE3");
        var patient = Patient(PancreaticNet);

        var withClinic = TrialMatcher.Match(patient, [far, nowhere, near], new TrialMatchOptions(new GeoPoint(52.37, 4.90), 250));
        withClinic.Select(m => m.Trial.NctId).ShouldBe(["NCT00000001", "NCT00000002", "NCT00000003"]);
        withClinic[0].NearestSiteKm!.Value.ShouldBeInRange(50, 65);

        // Without a clinic, later phase first.
        TrialMatcher.Match(patient, [near, far, nowhere]).Select(m => m.Trial.NctId).ShouldBe(["NCT00000002", "NCT00000003", "NCT00000001"]);
    }

    [Fact]
    public void A_trial_for_another_cancer_is_not_eligible_and_a_basket_trial_is_checked_by_hand()
    {
        var patient = Patient(PancreaticNet);
        var nsclc = Open("NCT00000004", "PHASE3") with { Criteria = [Open("x", "PHASE3").Criteria[0] with { Values = ["Non-small Cell Lung Cancer"] }] };
        TrialMatcher.Evaluate(patient, nsclc).Fit.ShouldBe(TrialFit.NotEligible);
        var basket = nsclc with { Criteria = [nsclc.Criteria[0] with { Values = ["Advanced Solid Tumors"] }] };
        var m = TrialMatcher.Evaluate(patient, basket);
        m.Fit.ShouldBe(TrialFit.Eligible);
        m.ToCheckByHand.ShouldHaveSingleItem();
    }

    [Fact]
    public void Explanations_speak_the_case_s_facts_in_words_never_codes()
    {
        var patient = Patient(PancreaticNet, """history.priorTherapies=[{"code":"systemic.prrt","outcome":"progression","endDate":"2026-06-30"}]""");
        foreach (var m in TrialMatcher.Match(patient, ShippedTrials.All, new TrialMatchOptions(OpenOnly: false)))
        {
            foreach (var r in m.Results)
            {
                r.Explanation.ShouldNotMatch(@"\b(systemic|liver|radiation)\.[a-z]", $"{m.Trial.NctId} {r.Criterion.Id}");
                r.Explanation.ShouldNotContain("_", customMessage: $"{m.Trial.NctId} {r.Criterion.Id}: {r.Explanation}");
            }
        }
        // START-NET excludes "Previous PRRT": the reason names the patient's own course.
        var startNet = TrialMatcher.Evaluate(patient, Shipped("NCT05387603"));
        startNet.Failing.Single(r => r.Criterion.Id == "prior-excluded.1").Explanation
            .ShouldBe("Not met: the history records 177Lu-DOTATATE PRRT (ended with progression); the trial needs no earlier 177Lu-DOTATATE PRRT.");
        var ki67 = TrialMatcher.Evaluate(Patient(PancreaticNet, "tumour.ki67Percent=8"), Shipped("NCT03972488")).Failing.Single(r => r.Criterion.Id == "ki67");
        ki67.Explanation.ShouldBe("Not met: Ki-67 is 8 %; the trial needs Ki-67 from 10 to 55 %.");
    }

    [Fact]
    public void Two_missing_facts_are_both_listed_and_neither_alone_decides()
    {
        var m = TrialMatcher.Evaluate(Patient(PancreaticNet, "imaging.sstrPet=<absent>", "patient.ecog=<absent>"), Shipped("NCT02683941") with { });
        // SPINET is for lung carcinoids: a pancreatic NET is not eligible whatever is missing.
        m.Fit.ShouldBe(TrialFit.NotEligible);
        var action = TrialMatcher.Evaluate(Patient(PancreaticNet, "imaging.sstrPet=<absent>", "patient.ecog=<absent>",
            """history.priorTherapies=[{"code":"systemic.prrt","outcome":"progression","endDate":"2026-06-30"}]"""), Shipped("NCT05477576"));
        action.Fit.ShouldBe(TrialFit.PossiblyEligible);
        action.MissingFacts.Select(f => f.Fact).ShouldBe([Facts.Sstr, Facts.Ecog], ignoreOrder: true);
        action.MissingFacts.ShouldAllBe(f => !f.Decides);
    }

    [Fact]
    public void A_coordinator_s_correction_replaces_a_criterion_and_keeps_who_and_why()
    {
        // NETTER-2's text admits "prior SSA without progression"; the curated cap of 0 prior lines is marked uncertain,
        // so it is checked by hand and excludes no one, even a patient after everolimus.
        var stableOnSsa = Patient(PancreaticNet, """history.priorTherapies=[{"code":"systemic.ssa","outcome":"stable"}]""");
        var afterEverolimus = Patient(PancreaticNet, """history.priorTherapies=[{"code":"systemic.everolimus","outcome":"progression"}]""");
        var netter2 = Shipped("NCT03972488");
        netter2.Criteria.Single(c => c.Id == "prior-lines").Kind.ShouldBe(CriterionKind.FreeText);
        TrialMatcher.Evaluate(afterEverolimus, netter2).Fit.ShouldBe(TrialFit.Eligible);

        var corrections = new TrialCorrections
        {
            Corrections =
            [
                new CriterionCorrection
                {
                    NctId = "NCT03972488", CriterionId = "prior-lines", Action = CorrectionAction.Replace, By = "trial coordinator", On = new DateOnly(2026, 11, 30),
                    Reason = "Somatostatin analogue naive, or prior SSA without progression: only other systemic therapy excludes.",
                    Criterion = new TrialCriterion
                    {
                        Id = "prior-lines", Kind = CriterionKind.PriorTherapyExcluded, Section = CriterionSection.Inclusion, Origin = CriterionOrigin.Correction,
                        Source = netter2.Criteria.Single(c => c.Id == "prior-lines").Source,
                        Values = ["systemic.prrt", "systemic.everolimus", "systemic.sunitinib", "systemic.cabozantinib", "systemic.captem", "systemic.streptozocin-5fu", "systemic.platinum-etoposide", "systemic.folfiri", "systemic.folfox"],
                    },
                },
            ],
        };
        var corrected = TrialCorrectionsApplier.Apply(ShippedTrials.All, corrections, "corrections.json");
        corrected.Errors.ShouldBeEmpty();
        var fixedTrial = corrected.Trials.Single(t => t.NctId == "NCT03972488");
        var criterion = fixedTrial.Criteria.Single(c => c.Id == "prior-lines");
        criterion.Origin.ShouldBe(CriterionOrigin.Correction);
        criterion.Note.ShouldNotBeNull().ShouldContain("by trial coordinator on 2026-11-30");
        TrialMatcher.Evaluate(stableOnSsa, fixedTrial).Fit.ShouldBe(TrialFit.Eligible);
        TrialMatcher.Evaluate(afterEverolimus, fixedTrial).Failing.Select(r => r.Criterion.Id).ShouldBe(["prior-lines"]);
    }

    [Fact]
    public void A_correction_naming_an_unknown_criterion_is_an_error_and_nothing_is_applied()
    {
        var result = TrialCorrectionsApplier.Apply(ShippedTrials.All, new TrialCorrections
        {
            Corrections = [new CriterionCorrection { NctId = "NCT03972488", CriterionId = "no-such", Action = CorrectionAction.CheckByHand, Reason = "x" }],
        }, "corrections.json");
        result.Trials.ShouldBeEmpty();
        result.Errors.ShouldHaveSingleItem().Path.ShouldBe("$.corrections[0].criterionId");
    }
}

public class EligibilityParserTests
{
    private static IReadOnlyList<TrialCriterion> Parse(string text, CriterionSection section = CriterionSection.Inclusion) =>
        EligibilityParser.Parse(new EligibilitySentence(section == CriterionSection.Inclusion ? "inclusion-1" : "exclusion-1", section, text));

    [Fact]
    public void Two_ki67_ranges_joined_by_or_are_one_range_from_the_lowest_to_the_highest()
    {
        var ki67 = Parse("Higher grade 2 (Ki-67 10-20%) or grade 3 (Ki-67 >20-55%)").Single(c => c.Kind == CriterionKind.Ki67);
        (ki67.Min, ki67.MinInclusive, ki67.Max, ki67.MaxInclusive).ShouldBe((10.0, true, 55.0, true));
    }

    [Theory]
    [InlineData("Ki-67 <10%", null, 10.0, false)]
    [InlineData("Ki-67 ≤ 20%", null, 20.0, true)]
    [InlineData("NEN with Ki-67 >20% and <=60%", 20.0, 60.0, true)]
    [InlineData("Ki-67 (highest reported) >=3% and <=55%", 3.0, 55.0, true)]
    public void Ki67_bounds_are_read_with_their_comparators(string text, double? min, double? max, bool maxInclusive)
    {
        var c = Parse(text).Single(x => x.Kind == CriterionKind.Ki67);
        c.Min.ShouldBe(min);
        c.Max.ShouldBe(max);
        c.MaxInclusive.ShouldBe(maxInclusive);
    }

    [Theory]
    [InlineData("ECOG 0-1", 1)]
    [InlineData("Eastern Cooperative Oncology Group Performance status 0 or 1.", 1)]
    [InlineData("ECOG performance status ≤ 2", 2)]
    [InlineData("Zubrod performance status 0-2; age 18 or older", 2)]
    public void Ecog_limits_are_read(string text, double max) =>
        Parse(text).Single(c => c.Kind == CriterionKind.Ecog).Max.ShouldBe(max);

    [Fact]
    public void Laboratory_limits_are_converted_to_the_case_s_units()
    {
        var labs = Parse("Hb >=90 g/L; ANC >=1.5x10^9/L; platelets >=100x10^9/L; bilirubin <=1.5x ULN; albumin >=3.0 g/dL; eGFR or CrCl >=30")
            .Where(c => c.Kind == CriterionKind.Lab).ToDictionary(c => c.Analyte!.Value);
        labs[LabAnalyte.Hemoglobin].Min!.Value.ShouldBe(9.0, 1e-9);
        labs[LabAnalyte.Neutrophils].Min.ShouldBe(1.5);
        labs[LabAnalyte.Platelets].Min.ShouldBe(100);
        labs[LabAnalyte.Bilirubin].Max.ShouldBe(1.5);
        labs[LabAnalyte.Albumin].Min!.Value.ShouldBe(30, 1e-9);
        labs[LabAnalyte.Egfr].Min.ShouldBe(30);
    }

    [Fact]
    public void An_exclusion_threshold_becomes_the_limit_the_patient_must_meet()
    {
        var c = Parse("Creatinine clearance (Cockcroft-Gault) <70 mL/min", CriterionSection.Exclusion).Single(x => x.Kind == CriterionKind.Lab);
        (c.Analyte, c.Min, c.MinInclusive).ShouldBe((LabAnalyte.Egfr, 70.0, true));
        c.Section.ShouldBe(CriterionSection.Exclusion);
    }

    [Fact]
    public void Either_of_two_tests_is_not_read_as_two_requirements()
    {
        Parse("Creatinine <=1.5x ULN or CrCl >=50 mL/min").ShouldNotContain(c => c.Kind == CriterionKind.Lab);
    }

    [Fact]
    public void Prior_therapy_exclusions_name_care_codes_and_an_allowance_is_not_an_exclusion()
    {
        Parse("Prior PRRT", CriterionSection.Exclusion).Single().Values.ShouldBe(["systemic.prrt"]);
        Parse("Prior mTOR inhibitor", CriterionSection.Exclusion).Single().Values.ShouldBe(["systemic.everolimus"]);
        Parse("PRRT-naive or previously treated with PRRT").ShouldNotContain(c => c.Kind == CriterionKind.PriorTherapyExcluded);
        // A time-limited exclusion is not applied as a whole class: checked by hand.
        Parse("Liver-directed therapy within 12 weeks", CriterionSection.Exclusion).Single().Kind.ShouldBe(CriterionKind.FreeText);
    }

    [Fact]
    public void Progression_after_a_named_therapy_is_a_requirement_with_progression()
    {
        var c = Parse("RECIST 1.1 progression after 2-4 cycles of a 177Lu-labelled somatostatin analogue").Single(x => x.Kind == CriterionKind.PriorTherapyRequired);
        c.Values.ShouldBe(["systemic.prrt"]);
        c.RequiresProgression.ShouldBeTrue();
    }

    [Fact]
    public void A_sentence_that_differs_by_cohort_is_checked_by_hand()
    {
        var c = Parse("G1/G2: progression after >=12 weeks of fixed-dose octreotide LAR; G3: progression after >=1 prior line").ShouldHaveSingleItem();
        c.Kind.ShouldBe(CriterionKind.FreeText);
        c.Values.ShouldContain("systemic.ssa");
    }

    [Fact]
    public void Pregnancy_germline_and_grade_exclusions_are_read()
    {
        Parse("Pregnancy; breastfeeding unless stopped", CriterionSection.Exclusion).ShouldContain(c => c.Kind == CriterionKind.NotPregnant);
        Parse("Known MEN1 or von Hippel-Lindau syndrome", CriterionSection.Exclusion).Single(c => c.Kind == CriterionKind.GermlineExcluded).Values.ShouldBe(["MEN1", "VHL"]);
        // "G3 NET or NEC" excluded: grades 1 and 2 (and the carcinoids) remain, well-differentiated required.
        var parsed = Parse("G3 NET or NEC", CriterionSection.Exclusion);
        parsed.Single(c => c.Kind == CriterionKind.Grade).Values.ShouldNotContain("G3");
    }
}

public class PlanTrialsTests
{
    [Fact]
    public void Where_the_plan_says_look_for_a_trial_the_matching_open_trials_are_named()
    {
        // Pathway rule all.trial: advanced disease (here metastatic to the liver) recommends trial.consider.
        var engine = NetPath.Clinical.Engine.NetPathEngine.Current;
        var c = engine.Read(TrialPatients.PancreaticNet).Case!;
        var withTrial = (Case: c, Assessment: engine.Assess(c, TrialPatients.Today, explain: false));
        withTrial.Assessment.Recommendations.ShouldContain(r => r.Code == PlanTrials.TrialConsider);
        var patient = TrialPatient.From(withTrial.Case, withTrial.Assessment, TrialPatients.Today);

        var named = PlanTrials.WithMatchingTrials(withTrial.Assessment, patient, ShippedTrials.All);
        var trials = named.Recommendations.Single(r => r.Code == PlanTrials.TrialConsider).Trials.ShouldNotBeNull();
        trials.ShouldNotBeEmpty();
        var expected = TrialMatcher.Match(patient, ShippedTrials.All).Where(m => m.Fit != TrialFit.NotEligible).Select(m => m.Trial.NctId);
        trials.Select(t => t.NctId).ShouldBe(expected);
        trials.ShouldAllBe(t => t.Fit == "eligible" || t.Fit == "possibly-eligible");
        named.Recommendations.Where(r => r.Code != PlanTrials.TrialConsider).ShouldAllBe(r => r.Trials == null);
    }

    [Fact]
    public void Without_trial_consider_the_assessment_is_returned_unchanged_and_its_json_has_no_trials_field()
    {
        var engine = NetPath.Clinical.Engine.NetPathEngine.Current;
        var read = engine.Read(TrialPatients.PancreaticNet);
        var assessment = engine.Assess(read.Case!, TrialPatients.Today, explain: false) with
        {
            Recommendations = [],
        };
        var patient = TrialPatient.From(read.Case!, assessment, TrialPatients.Today);
        PlanTrials.WithMatchingTrials(assessment, patient, ShippedTrials.All).ShouldBeSameAs(assessment);
        var json = System.Text.Json.JsonSerializer.Serialize(engine.Assess(read.Case!, TrialPatients.Today, explain: false), NetPath.Clinical.Assessments.AssessmentJsonContext.Default.Assessment);
        json.ShouldNotContain("\"trials\"");
    }
}
