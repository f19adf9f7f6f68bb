using NetPath.Storage;
using NetPath.Web.Features;

namespace NetPath.Web.Hosting;

/// <summary>
/// Clearly synthetic demo records ("Demo Patient A".."D", no dates of birth, no record numbers)
/// and a demo clinician account, so that a fresh install can be tried at once. Seeded only into
/// a database with no accounts at all: a database that already has real users never gets an
/// account whose password is printed on the console. Never seeded with --no-demo.
/// </summary>
internal static class DemoData
{
    public const string UserName = "demo-clinician";
    public const string Password = "demo-only-not-for-patients";

    private static readonly (string Name, string Case)[] Patients =
    [
        ("Demo Patient A", """
            {"schemaVersion":"1","id":"demo-a","patient":{"sex":"female","ageYears":61,"ecog":0},
             "tumour":{"primarySite":"pancreas","differentiation":"well","ki67Percent":1.5,"sizeMm":14,
                       "metastases":{"liver":false,"extrahepatic":[]},"functionalSyndrome":"none","tnm":{"n":"N0"}}}
            """),
        ("Demo Patient B", """
            {"schemaVersion":"1","id":"demo-b","patient":{"sex":"male","ageYears":66,"ecog":1},
             "tumour":{"primarySite":"ileum","differentiation":"well","ki67Percent":4,"mitosesPer2mm2":1,"sizeMm":18,
                       "depth":"subserosa","lymphNodes":{"mesentericMassOver2cm":true},
                       "metastases":{"liver":true,"extrahepatic":[]},"liverTumourBurdenPercent":20,
                       "resectability":"unresectable","functionalSyndrome":"carcinoid-syndrome"},
             "imaging":{"sstrPet":{"done":true,"positive":true,"krenningScore":4}},
             "labs":{"egfrMlMin":85,"ntProBnpPgMl":150},
             "symptoms":{"present":["flushing","diarrhea"],"diarrheaPerDay":3,"flushesPerDay":4}}
            """),
        ("Demo Patient C", """
            {"schemaVersion":"1","id":"demo-c","patient":{"sex":"male","ageYears":52,"ecog":0},
             "tumour":{"primarySite":"rectum","differentiation":"well","ki67Percent":1,"mitosesPer2mm2":0,"sizeMm":8,
                       "depth":"submucosa","lymphNodes":{"examined":0,"positive":0},
                       "metastases":{"liver":false,"extrahepatic":[]},"lymphovascularInvasion":false,
                       "functionalSyndrome":"none","resection":{"done":true,"margin":"R0"}}}
            """),
    ];

    /// <summary>
    /// A course over a year, each version assessed, for the version history and the board's trends:
    /// a metastatic ileal NET with carcinoid syndrome, G1 at diagnosis; progression on a somatostatin
    /// analogue with Ki-67 4 % on a liver biopsy (G2) after six months; a response to PRRT after a year.
    /// </summary>
    internal static readonly string[] CourseOfPatientD =
    [
        """
        {"schemaVersion":"1","id":"demo-d","assessmentDate":"2025-11-17","patient":{"sex":"female","ageYears":63,"ecog":0},
         "tumour":{"primarySite":"ileum","differentiation":"well","ki67Percent":2.5,"mitosesPer2mm2":1,"sizeMm":21,
                   "depth":"subserosa","lymphNodes":{"mesentericMassOver2cm":true},
                   "metastases":{"liver":true,"extrahepatic":[]},"liverTumourBurdenPercent":10,
                   "resectability":"unresectable","functionalSyndrome":"carcinoid-syndrome"},
         "imaging":{"sstrPet":{"done":true,"positive":true,"krenningScore":3}},
         "labs":{"egfrMlMin":88,"ntProBnpPgMl":120,"chromograninAXUln":2.4,"urine5HiaaMg24h":38},
         "history":{"priorTherapies":[]},
         "symptoms":{"present":["flushing","diarrhea"],"diarrheaPerDay":4,"flushesPerDay":3}}
        """,
        """
        {"schemaVersion":"1","id":"demo-d","assessmentDate":"2026-05-18","patient":{"sex":"female","ageYears":63,"ecog":1},
         "tumour":{"primarySite":"ileum","differentiation":"well","ki67Percent":4,"mitosesPer2mm2":1,"sizeMm":22,
                   "depth":"subserosa","lymphNodes":{"mesentericMassOver2cm":true},
                   "metastases":{"liver":true,"extrahepatic":[]},"liverTumourBurdenPercent":15,
                   "resectability":"unresectable","functionalSyndrome":"carcinoid-syndrome"},
         "imaging":{"sstrPet":{"done":true,"positive":true,"krenningScore":3}},
         "labs":{"egfrMlMin":85,"ntProBnpPgMl":180,"chromograninAXUln":3.8,"urine5HiaaMg24h":64},
         "history":{"priorTherapies":[{"code":"systemic.ssa","outcome":"progression","startDate":"2025-12-01","endDate":"2026-05-11"}]},
         "symptoms":{"present":["flushing","diarrhea"],"diarrheaPerDay":6,"flushesPerDay":4}}
        """,
        """
        {"schemaVersion":"1","id":"demo-d","assessmentDate":"2026-11-16","patient":{"sex":"female","ageYears":64,"ecog":0},
         "tumour":{"primarySite":"ileum","differentiation":"well","ki67Percent":4,"mitosesPer2mm2":1,"sizeMm":22,
                   "depth":"subserosa","lymphNodes":{"mesentericMassOver2cm":true},
                   "metastases":{"liver":true,"extrahepatic":[]},"liverTumourBurdenPercent":10,
                   "resectability":"unresectable","functionalSyndrome":"carcinoid-syndrome"},
         "imaging":{"sstrPet":{"done":true,"positive":true,"krenningScore":3}},
         "labs":{"egfrMlMin":82,"ntProBnpPgMl":160,"chromograninAXUln":1.9,"urine5HiaaMg24h":30},
         "history":{"priorTherapies":[{"code":"systemic.ssa","outcome":"progression","startDate":"2025-12-01","endDate":"2026-05-11"},
                                      {"code":"systemic.prrt","outcome":"response","startDate":"2026-06-01","endDate":"2026-09-21"}]},
         "symptoms":{"present":["flushing","diarrhea"],"diarrheaPerDay":3,"flushesPerDay":2}}
        """,
    ];

    /// <summary>Seeds the demo data unless present; returns the number of patients added.</summary>
    public static async Task<int> SeedAsync(Accounts accounts, PatientRecords records, Assessor assessor, CancellationToken ct)
    {
        if (await accounts.AnyAsync(ct).ConfigureAwait(false)) return 0;
        var actor = new Actor("system:demo-seed", Roles.Clinician, null);
        foreach (var (name, versions) in Patients.Select(p => (p.Name, new[] { p.Case })).Append(("Demo Patient D", CourseOfPatientD)))
        {
            var patient = (await records.CreatePatientAsync(actor, new PatientInput(name, null, null), null, ct).ConfigureAwait(false)).Value!;
            var recordVersion = patient.Version;
            foreach (var json in versions)
            {
                var read = assessor.Read(System.Text.Encoding.UTF8.GetBytes(json));
                if (!read.IsValid) throw new InvalidOperationException($"Demo case for {name} is invalid: {read.Errors[0].Code} at {read.Errors[0].Path}");
                await records.AddCaseVersionAsync(actor, patient.Id, recordVersion, json, null, ct).ConfigureAwait(false);
                await records.StoreAssessmentAsync(actor, patient.Id, assessor.ForStorage, null, ct).ConfigureAwait(false);
                recordVersion = (await records.GetPatientAsync(patient.Id, ct).ConfigureAwait(false))!.Version;
            }
        }
        await accounts.CreateAsync(UserName, Password, Roles.Clinician, null, ct).ConfigureAwait(false);
        return Patients.Length + 1;
    }
}
