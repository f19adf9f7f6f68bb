using NetPath.Clinical.Trials;
using static NetPath.Clinical.Tests.Trials.TrialPatients;

namespace NetPath.Clinical.Tests.Trials;

/// <summary>
/// For 20 of the 28 shipped trials: a patient the criteria text admits, two patients each turned
/// away by one named criterion, and one patient missing the single fact that decides. Each
/// scenario is written from the trial's eligibility text (quoted), not from the program's output.
/// </summary>
public class ShippedTrialScenarioTests
{
    private const string SsaProgressed = """history.priorTherapies=[{"code":"systemic.ssa","outcome":"progression","startDate":"2025-06-01","endDate":"2026-09-30"}]""";
    private const string PrrtProgressed = """history.priorTherapies=[{"code":"systemic.prrt","outcome":"progression","startDate":"2025-10-01","endDate":"2026-06-30"}]""";
    private const string PlatinumProgressed = """history.priorTherapies=[{"code":"systemic.platinum-etoposide","outcome":"progression","startDate":"2026-03-01","endDate":"2026-09-15"}]""";

    public sealed record Scenario(string NctId, string Base, string[] Eligible, Exclusion First, Exclusion Second, Missing Possibly)
    {
        public override string ToString() => NctId;
    }

    /// <param name="Sets">Changes to the eligible patient.</param>
    /// <param name="CriterionId">The criterion that turns the patient away.</param>
    public sealed record Exclusion(string[] Sets, string CriterionId);

    /// <param name="Sets">Changes to the eligible patient that leave one fact unknown.</param>
    /// <param name="Fact">The missing fact that decides.</param>
    public sealed record Missing(string[] Sets, string Fact);

    public static readonly Scenario[] Scenarios =
    [
        // NETTER-2: "Higher grade 2 (Ki-67 10-20%) or grade 3 (Ki-67 >20-55%)"; "Somatostatin receptor positive disease";
        // exclusion "Prior radioembolisation, chemoembolisation or radiofrequency ablation for GEP-NET".
        new("NCT03972488", PancreaticNet, [],
            new(["tumour.ki67Percent=8"], "ki67"),
            new(["""history.priorTherapies=[{"code":"liver.tace","outcome":"stable"}]"""], "prior-excluded.4"),
            new(["imaging.sstrPet=<absent>"], Facts.Sstr)),
        // NETTER-3: "well-differentiated G1/G2 (Ki-67 <10%) GEP-NET", metastatic or locally advanced unresectable.
        new("NCT06784752", PancreaticNet, ["tumour.ki67Percent=6"],
            new(["tumour.ki67Percent=12"], "ki67"),
            new(["tumour.primarySite=\"lung\""], "primary-site"),
            new(["tumour.metastases=<absent>", "tumour.resectability=<absent>"], Facts.Extent)),
        // COMPETE: "grade 1 or 2 (Ki-67 <=20%)"; "Somatostatin receptor positive disease"; "Age 18 or older".
        new("NCT03049189", PancreaticNet, [],
            new(["tumour.ki67Percent=25"], "ki67"),
            new(["imaging.sstrPet={\"done\":true,\"positive\":false,\"krenningScore\":1}"], "sstr"),
            new(["patient.ageYears=<absent>"], Facts.Age)),
        // COMPOSE: "Ki-67 15-55% inclusive"; "at most one prior line (SSA counts as a line)"; exclusion "Prior PRRT".
        new("NCT04919226", PancreaticNet, ["tumour.ki67Percent=30", SsaProgressed],
            new(["tumour.ki67Percent=12"], "ki67"),
            new([PrrtProgressed], "prior-excluded.1"),
            new(["imaging.sstrPet=<absent>"], Facts.Sstr)),
        // SPINET: typical or atypical lung carcinoid; "Octreoscan Krenning >=2 or Ga-68 PET uptake above liver"; "ECOG 0-1".
        new("NCT02683941", LungCarcinoid, [],
            new(["patient.ecog=2"], "ecog"),
            new(["imaging.sstrPet={\"done\":true,\"positive\":false,\"krenningScore\":1}"], "sstr"),
            new(["patient.ecog=<absent>"], Facts.Ecog)),
        // ACTION-1: "RECIST 1.1 progression after 2-4 cycles of a 177Lu-labelled somatostatin analogue"; "ECOG 0-2".
        new("NCT05477576", PancreaticNet, [PrrtProgressed],
            new(["history.priorTherapies=[]"], "prior-required.1"),
            new(["patient.ecog=3"], "ecog"),
            new(["""history.priorTherapies=[{"code":"systemic.prrt"}]"""], Facts.CourseOutcome)),
        // [225Ac]Ac-DOTATATE phase 1: "Age 18-80"; "platelets >=100x10^9/L"; "ANC >=1.5x10^9/L".
        new("NCT06732505", PancreaticNet, [],
            new(["patient.ageYears=82"], "age"),
            new(["labs.plateletsPerNl=80"], "lab.platelets"),
            new(["labs.neutrophilsPerNl=<absent>"], "neutrophils")),
        // START-NET: "Measured GFR >50 mL/min/1.73 m2"; exclusion "Pregnancy or lactation";
        // "Radiological progression within the last 1-24 months".
        new("NCT05387603", PancreaticNet, [SsaProgressed],
            new(["labs.egfrMlMin=45"], "lab.egfr"),
            new(["patient.ageYears=34", "patient.pregnant=true"], "exclusion-2.not-pregnant"),
            new(["history.priorTherapies=[]"], Facts.Progression)),
        // NELMAS: "R0 or R1 resection of neuroendocrine liver metastases"; exclusions "R2 resection", "G3 NET or NEC"
        // ("Well-differentiated G1/G2 (Ki-67 <20%)"); exclusion "Pregnancy".
        new("NCT05987176", PancreaticNet, ["tumour.resection={\"done\":true,\"margin\":\"R0\"}", "tumour.resectability=\"resectable\"", "patient.ecog=0"],
            new(["tumour.resection={\"done\":true,\"margin\":\"R2\"}"], "extent"),
            new(["tumour.ki67Percent=22"], "ki67"),
            new(["patient.ageYears=40", "patient.pregnant=<absent>"], Facts.Pregnancy)),
        // S2012: "extrapulmonary poorly differentiated (small cell) neuroendocrine carcinoma, unresectable or metastatic".
        new("NCT05058651", ColonNec, [],
            new(["tumour.primarySite=\"lung\""], "primary-site"),
            new(["tumour.differentiation=\"well\"", "tumour.histologicType=<absent>", "tumour.ki67Percent=30"], "differentiation"),
            new(["tumour.metastases=<absent>", "tumour.resectability=<absent>"], Facts.Extent)),
        // NET-02: "Progression after first-line platinum-based chemotherapy"; "ECOG performance status 0-2".
        new("NCT03837977", ColonNec, [PlatinumProgressed],
            new(["history.priorTherapies=[]"], "prior-required.1"),
            new(["patient.ecog=3"], "ecog"),
            new(["patient.ecog=<absent>"], Facts.Ecog)),
        // NETTER-P: "Age 12 to <18 years"; exclusion "Creatinine clearance (Cockcroft-Gault) <70 mL/min"; exclusion "Hb <8.0 g/dL".
        new("NCT04711135", PancreaticNet, ["patient.ageYears=15"],
            new(["patient.ageYears=19"], "age"),
            new(["labs.egfrMlMin=60"], "lab.egfr"),
            new(["labs.hemoglobinGDl=<absent>"], "haemoglobin")),
        // Olaparib + Lu-177-DOTATATE: "Hb >=10 g/dL without transfusion in 28 days"; "ECOG <=1"; "bilirubin <=1.5x ULN".
        new("NCT04086485", PancreaticNet, [],
            new(["labs.hemoglobinGDl=9.5"], "lab.hemoglobin"),
            new(["patient.ecog=2"], "ecog"),
            new(["labs.bilirubinXUln=<absent>"], "bilirubin")),
        // 177Lu-DOTATOC + ...: "aggressive grade 2 with Ki-67 >15%"; "GFR >50 mL/min"; "Progression within the last 14 months".
        new("NCT04375267", PancreaticNet, ["tumour.ki67Percent=18", SsaProgressed],
            new(["tumour.ki67Percent=12"], "ki67"),
            new(["labs.egfrMlMin=40"], "lab.egfr"),
            new(["history.priorTherapies=[]"], Facts.Progression)),
        // CABONEN: "Ki-67 >20% and <=60%"; "platelets >80/nL"; "albumin >=2.8 g/dL".
        new("NCT04524208", PancreaticNet, ["tumour.ki67Percent=35"],
            new(["tumour.ki67Percent=70"], "ki67"),
            new(["labs.plateletsPerNl=70"], "lab.platelets"),
            new(["labs.albuminGL=<absent>"], "albumin")),
        // S2104: "Well-differentiated pancreatic NET resected 14-90 days before registration, R0 or R1".
        new("NCT05040360", PancreaticNet, ["tumour.resection={\"done\":true,\"margin\":\"R0\"}", "tumour.metastases={\"liver\":false,\"extrahepatic\":[]}", "tumour.resectability=\"resectable\""],
            new(["tumour.primarySite=\"ileum\""], "primary-site"),
            new(["tumour.resection={\"done\":false}"], "extent"),
            new(["tumour.resection={\"done\":true}"], Facts.Margin)),
        // NCT02939651: "At least one prior platinum-containing regimen"; exclusion "Large or small cell NEC of lung/thymus origin"; "Age >18".
        new("NCT02939651", ColonNec, [PlatinumProgressed],
            new(["tumour.primarySite=\"lung\""], "primary-site"),
            new(["history.priorTherapies=[]"], "prior-required.1"),
            new(["patient.ageYears=<absent>"], Facts.Age)),
        // E2211: "low- or intermediate-grade pancreatic NET"; exclusion "Prior temozolomide, dacarbazine (DTIC), capecitabine or 5-FU";
        // "Documented progression within 12 months of randomisation".
        new("NCT01824875", PancreaticNet, [SsaProgressed],
            new(["""history.priorTherapies=[{"code":"systemic.ssa","outcome":"progression","endDate":"2026-09-30"},{"code":"systemic.captem","outcome":"stable"}]"""], "prior-excluded.1"),
            new(["tumour.ki67Percent=30"], "grade"),
            new(["history.priorTherapies=[]"], Facts.Progression)),
        // LEVEL: exclusions "Prior radioligand therapy", "Prior mTOR inhibitor"; "All RECIST target lesions ... SSTR-positive".
        new("NCT05918302", LungCarcinoid, [SsaProgressed],
            new(["""history.priorTherapies=[{"code":"systemic.ssa","outcome":"progression","endDate":"2026-09-30"},{"code":"systemic.everolimus","outcome":"progression","endDate":"2026-10-30"}]"""], "prior-excluded.2"),
            new(["""history.priorTherapies=[{"code":"systemic.ssa","outcome":"progression","endDate":"2026-09-30"},{"code":"systemic.prrt","outcome":"progression","endDate":"2026-10-30"}]"""], "prior-excluded.1"),
            new(["imaging.sstrPet=<absent>"], Facts.Sstr)),
        // DeLLight: "ECOG 0-2"; "eGFR or CrCl >=30"; "ANC >=1.5x10^9/L".
        new("NCT06893783", ColonNec, [],
            new(["patient.ecog=3"], "ecog"),
            new(["labs.egfrMlMin=25"], "lab.egfr"),
            new(["labs.neutrophilsPerNl=<absent>"], "neutrophils")),
    ];

    public static TheoryData<Scenario> All() => [.. Scenarios];

    [Fact]
    public void At_least_15_of_the_shipped_trials_have_scenarios()
    {
        Scenarios.Select(s => s.NctId).Distinct().Count().ShouldBeGreaterThanOrEqualTo(15);
        foreach (var s in Scenarios) ShippedTrials.All.ShouldContain(t => t.NctId == s.NctId);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void The_patient_the_criteria_admit_is_eligible(Scenario s)
    {
        var match = TrialMatcher.Evaluate(Patient(s.Base, s.Eligible), Shipped(s.NctId));
        match.Fit.ShouldBe(TrialFit.Eligible, Describe(match));
    }

    [Theory]
    [MemberData(nameof(All))]
    public void The_first_excluding_criterion_turns_the_patient_away(Scenario s) => Excluded(s, s.First);

    [Theory]
    [MemberData(nameof(All))]
    public void The_second_excluding_criterion_turns_the_patient_away(Scenario s) => Excluded(s, s.Second);

    [Theory]
    [MemberData(nameof(All))]
    public void Without_the_deciding_fact_the_patient_is_possibly_eligible(Scenario s)
    {
        var match = TrialMatcher.Evaluate(Patient(s.Base, [.. s.Eligible, .. s.Possibly.Sets]), Shipped(s.NctId));
        match.Fit.ShouldBe(TrialFit.PossiblyEligible, Describe(match));
        var missing = match.MissingFacts.ShouldHaveSingleItem(Describe(match));
        missing.Fact.ShouldBe(s.Possibly.Fact);
        missing.Decides.ShouldBeTrue();
    }

    private static void Excluded(Scenario s, Exclusion e)
    {
        var match = TrialMatcher.Evaluate(Patient(s.Base, [.. s.Eligible, .. e.Sets]), Shipped(s.NctId));
        match.Fit.ShouldBe(TrialFit.NotEligible, Describe(match));
        var failing = match.Failing.Select(r => r.Criterion.Id).ToList();
        failing.ShouldContain(e.CriterionId, Describe(match));
        foreach (var r in match.Failing) r.Explanation.ShouldStartWith("Not met: ");
    }

    private static string Describe(TrialMatch m) =>
        $"{m.Trial.NctId} {m.Fit}: " + string.Join(" | ", m.Results.Where(r => r.Outcome != CriterionOutcome.Met).Select(r => $"{r.Criterion.Id} {r.Outcome}: {r.Explanation}"));
}
