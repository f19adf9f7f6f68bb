namespace NetPath.Interop;

/// <summary>
/// A laboratory test NetPath reads by LOINC, with the UCUM units it accepts and the factor to the
/// case's unit. A unit not listed is reported, not guessed: each accepted unit is a clinical
/// choice (decision 0702). <see cref="RelativeToUln"/> tests are stored as a multiple of the
/// upper limit of normal and need the result's reference range.
/// </summary>
internal sealed record LabTest(string Field, string Name, IReadOnlyDictionary<string, double> Units, bool RelativeToUln = false);

internal static class Labs
{
    private static readonly Dictionary<string, double> PerNanolitre = new(StringComparer.Ordinal)
    {
        // 10^9/L = 10^3/µL = 10^3/mm³ = 1/nL
        ["10*9/L"] = 1, ["10*3/uL"] = 1, ["10*3/mm3"] = 1, ["/nL"] = 1, ["10*3/mL"] = 0.001, ["/uL"] = 0.001, ["/mm3"] = 0.001,
    };

    private static readonly Dictionary<string, double> Egfr = new(StringComparer.Ordinal)
    {
        ["mL/min/{1.73_m2}"] = 1, ["mL/min/1.73.m2"] = 1, ["mL/min/(1.73.m2)"] = 1, ["mL/min"] = 1,
    };

    private static readonly Dictionary<string, double> Same = new(StringComparer.Ordinal);

    private static readonly LabTest EgfrTest = new("labs.egfrMlMin", "eGFR", Egfr);
    private static readonly LabTest Bilirubin = new("labs.bilirubinXUln", "bilirubin", Same, RelativeToUln: true);
    private static readonly LabTest Platelets = new("labs.plateletsPerNl", "platelets", PerNanolitre);
    private static readonly LabTest Neutrophils = new("labs.neutrophilsPerNl", "neutrophils", PerNanolitre);
    private static readonly LabTest Hemoglobin = new("labs.hemoglobinGDl", "haemoglobin", new Dictionary<string, double>(StringComparer.Ordinal) { ["g/dL"] = 1, ["g/L"] = 0.1 });
    private static readonly LabTest Albumin = new("labs.albuminGL", "albumin", new Dictionary<string, double>(StringComparer.Ordinal) { ["g/L"] = 1, ["g/dL"] = 10 });
    private static readonly LabTest NtProBnp = new("labs.ntProBnpPgMl", "NT-proBNP", new Dictionary<string, double>(StringComparer.Ordinal) { ["pg/mL"] = 1, ["ng/L"] = 1, ["ng/mL"] = 1000 });
    private static readonly LabTest ChromograninA = new("labs.chromograninAXUln", "chromogranin A", Same, RelativeToUln: true);
    // 5-HIAA: molar mass 191.18 g/mol, so 1 µmol = 0.19118 mg.
    private static readonly LabTest Urine5Hiaa = new("labs.urine5HiaaMg24h", "24-hour urine 5-HIAA", new Dictionary<string, double>(StringComparer.Ordinal) { ["mg/(24.h)"] = 1, ["mg/d"] = 1, ["mg/24.h"] = 1, ["umol/(24.h)"] = 0.19118, ["umol/d"] = 0.19118 });
    private static readonly LabTest Gastrin = new("labs.gastrinXUln", "gastrin", Same, RelativeToUln: true);

    /// <summary>LOINC codes read into the case (LOINC 2.78 names in the comments).</summary>
    public static IReadOnlyDictionary<string, LabTest> ByLoinc { get; } = new Dictionary<string, LabTest>(StringComparer.Ordinal)
    {
        ["33914-3"] = EgfrTest, // GFR/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (MDRD)
        ["62238-1"] = EgfrTest, // ... by Creatinine-based formula (CKD-EPI)
        ["98979-8"] = EgfrTest, // ... by Creatinine-based formula (CKD-EPI 2021)
        ["48642-3"] = EgfrTest, // ... MDRD, non-black
        ["48643-1"] = EgfrTest, // ... MDRD, black
        ["1975-2"] = Bilirubin, // Bilirubin.total [Mass/volume] in Serum or Plasma
        ["14631-6"] = Bilirubin, // Bilirubin.total [Moles/volume] in Serum or Plasma
        ["777-3"] = Platelets, // Platelets [#/volume] in Blood by Automated count
        ["26515-7"] = Platelets, // Platelets [#/volume] in Blood
        ["751-8"] = Neutrophils, // Neutrophils [#/volume] in Blood by Automated count
        ["26499-4"] = Neutrophils, // Neutrophils [#/volume] in Blood
        ["718-7"] = Hemoglobin, // Hemoglobin [Mass/volume] in Blood
        ["1751-7"] = Albumin, // Albumin [Mass/volume] in Serum or Plasma
        ["33762-6"] = NtProBnp, // Natriuretic peptide.B prohormone N-Terminal [Mass/volume] in Serum or Plasma
        ["9811-1"] = ChromograninA, // Chromogranin A [Mass/volume] in Serum or Plasma
        ["1695-6"] = Urine5Hiaa, // 5-Hydroxyindoleacetate [Mass/time] in 24 hour Urine
        ["2333-3"] = Gastrin, // Gastrin [Mass/volume] in Serum or Plasma
    };

    /// <summary>Tests NetPath recognises but whose result the case has no field for, with why.</summary>
    public static IReadOnlyDictionary<string, string> RecognisedNotRead { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["2160-0"] = "Creatinine: the case holds the laboratory's eGFR; NetPath does not choose an eGFR formula itself.",
        ["15060-7"] = "Neuron-specific enolase: the case contract has no field for it.",
        ["20448-7"] = "Insulin: the case contract has no field for it; an insulinoma is recorded as tumour.functionalSyndrome.",
    };
}
