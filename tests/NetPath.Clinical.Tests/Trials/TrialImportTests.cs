using System.Text;
using NetPath.Clinical.Trials;

namespace NetPath.Clinical.Tests.Trials;

/// <summary>
/// The importer on real ClinicalTrials.gov v2 records (TestData/trials, ATTRIBUTION.md): what the
/// records say, read from their text, and every sentence kept.
/// </summary>
public class TrialImportTests
{
    private static TrialImportResult Import(string file) =>
        TrialImporter.Read(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "trials", file)), file);

    private static Trial Single(string file)
    {
        var result = Import(file);
        result.Errors.ShouldBeEmpty();
        return result.Trials.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_full_study_reads_its_identity_status_phase_and_geocoded_sites()
    {
        var t = Single("NCT06131398.v2.full.json");
        t.NctId.ShouldBe("NCT06131398");
        t.OverallStatus.ShouldBe("COMPLETED");
        t.Phases.ShouldBe(["PHASE1"]);
        t.IsOpen.ShouldBeFalse();
        var duarte = t.Sites.First(s => s.City == "Duarte");
        duarte.Latitude.ShouldBe(34.13945);
        duarte.Longitude.ShouldBe(-117.97729);
        t.Provenance.RegistryVersion.ShouldNotBeNull();
    }

    [Fact]
    public void The_full_study_s_ecog_age_and_measurable_disease_are_read_from_their_sentences()
    {
        var t = Single("NCT06131398.v2.full.json");
        // "Eastern Cooperative Oncology Group Performance status 0 or 1."
        var ecog = t.Criteria.Single(c => c.Kind == CriterionKind.Ecog);
        ecog.Max.ShouldBe(1);
        t.Sentences.Single(s => s.Id == ecog.SentenceId).Text.ShouldStartWith("Eastern Cooperative Oncology Group");
        // minimumAge "18 Years", maximumAge "100 Years", and the sentence "Age ≥ 18 years at the time of signing".
        var age = t.Criteria.Single(c => c.Kind == CriterionKind.Age);
        age.Min.ShouldBe(18);
        age.Max.ShouldBe(100);
        age.Origin.ShouldBe(CriterionOrigin.RegistryField);
        t.Sentences.Single(s => s.Id == age.SentenceId).Text.ShouldStartWith("Age ≥ 18 years");
        // "At least 1 measurable lesion as defined by modified RECIST 1.1 guidelines."
        t.Criteria.ShouldContain(c => c.Kind == CriterionKind.MeasurableDisease);
    }

    [Fact]
    public void No_sentence_of_a_real_record_is_dropped()
    {
        foreach (var file in new[] { "NCT06131398.v2.full.json", "NCT06382129.v2.partial-fields.json" })
        {
            var t = Single(file);
            t.Sentences.ShouldNotBeEmpty();
            foreach (var sentence in t.Sentences)
                t.Criteria.ShouldContain(c => c.SentenceId == sentence.Id, $"{file}: {sentence.Id} \"{sentence.Text}\" has no criterion");
        }
    }

    [Fact]
    public void Sentences_no_rule_reads_are_kept_word_for_word_as_check_by_hand()
    {
        var t = Single("NCT06131398.v2.full.json");
        var catchAll = t.Criteria.Single(c => c.Source == "Other protocol-defined inclusion/exclusion criteria apply.");
        catchAll.Kind.ShouldBe(CriterionKind.FreeText);
        var transplant = t.Criteria.Single(c => c.Source == "History of organ transplantation.");
        transplant.Kind.ShouldBe(CriterionKind.FreeText);
        transplant.Section.ShouldBe(CriterionSection.Exclusion);
    }

    [Fact]
    public void Markdown_escapes_are_removed_and_sub_items_and_notes_become_sentences()
    {
        var t = Single("NCT06131398.v2.full.json");
        t.Sentences.ShouldContain(s => s.Text == "Life expectancy of > 3 months, in the opinion of the investigator.");
        t.Sentences.ShouldContain(s => s.Text == "Group A: NSCLC, CRC, GC, and melanoma.");
        t.Sentences.ShouldContain(s => s.Text.StartsWith("Note: Where slides are accepted", StringComparison.Ordinal));
        t.Sentences.ShouldNotContain(s => s.Text.Contains('\\', StringComparison.Ordinal));
        // "Key Exclusion Criteria:" opens the exclusion section.
        t.Sentences.Single(s => s.Text == "History of organ transplantation.").Section.ShouldBe(CriterionSection.Exclusion);
    }

    [Fact]
    public void A_record_restricted_with_fields_reads_its_numbered_lists()
    {
        var t = Single("NCT06382129.v2.partial-fields.json");
        t.Sentences.Count(s => s.Section == CriterionSection.Inclusion).ShouldBe(12);
        t.Sentences.Count(s => s.Section == CriterionSection.Exclusion).ShouldBe(26);
        // "7. ECOG 0 or 1;"
        t.Criteria.Single(c => c.Kind == CriterionKind.Ecog).Max.ShouldBe(1);
        // "12. ... serum pregnancy must be negative, and must be non-lactating"
        t.Criteria.ShouldContain(c => c.Kind == CriterionKind.NotPregnant && c.SentenceId == "inclusion-12");
        // "8. Toxicity ... returned to ≤ grade 1 defined by NCI-CTCAE" is a toxicity grade, not the tumour's.
        t.Criteria.ShouldNotContain(c => c.Kind == CriterionKind.Grade);
        t.Criteria.Single(c => c.Kind == CriterionKind.Condition).Values.ShouldBe(["Non-small Cell Lung Cancer"]);
    }

    [Fact]
    public void A_search_page_imports_each_study_and_a_study_without_criteria_text_is_checked_by_hand()
    {
        var result = Import("search-page.v2.melanoma-recruiting.json");
        result.Errors.ShouldBeEmpty();
        result.Trials.Count.ShouldBe(3);
        foreach (var t in result.Trials)
        {
            t.OverallStatus.ShouldBe("RECRUITING");
            t.Criteria.ShouldContain(c => c.Id == "text.none" && c.Kind == CriterionKind.FreeText);
        }
    }

    [Fact]
    public void The_shipped_set_holds_the_28_trials_with_provenance_and_the_dated_status_warning()
    {
        var all = ShippedTrials.All;
        all.Count.ShouldBe(28);
        all.Select(t => t.NctId).Distinct().Count().ShouldBe(28);
        foreach (var t in all)
        {
            t.Provenance.EligibilityTextIsParaphrase.ShouldBeTrue();
            t.Provenance.Sources.ShouldNotBeEmpty();
            t.Provenance.Warnings.ShouldContain(w => w.Contains("PARAPHRASE", StringComparison.Ordinal));
            t.Provenance.Warnings.ShouldContain(w => w.Contains("last seen", StringComparison.Ordinal));
            foreach (var sentence in t.Sentences)
                t.Criteria.ShouldContain(c => c.SentenceId == sentence.Id, $"{t.NctId}: {sentence.Id} \"{sentence.Text}\" has no criterion");
        }
    }

    [Fact]
    public void What_the_curator_marked_uncertain_is_checked_by_hand_and_excludes_no_one()
    {
        // START-NET: x_provenance.uncertainFields lists "x_net.ki67.max (from EU register version)".
        var startNet = ShippedTrials.All.Single(t => t.NctId == "NCT05387603");
        var ki67 = startNet.Criteria.Single(c => c.Id == "ki67");
        ki67.Kind.ShouldBe(CriterionKind.FreeText);
        ki67.Note.ShouldNotBeNull().ShouldContain("uncertain");
    }

    private static TrialImportResult Read(string json, string source = "bad.json") => TrialImporter.Read(Encoding.UTF8.GetBytes(json), source);

    [Fact]
    public void A_study_without_an_nct_number_is_an_error_naming_the_file_and_the_field_and_nothing_is_imported()
    {
        var result = Read("""
            { "studies": [
              { "protocolSection": { "identificationModule": { "nctId": "NCT01234567", "briefTitle": "Good" } } },
              { "protocolSection": { "identificationModule": { "briefTitle": "No number" } } } ] }
            """, "page.json");
        result.Trials.ShouldBeEmpty();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Source.ShouldBe("page.json");
        error.Path.ShouldBe("$.studies[1].protocolSection.identificationModule.nctId");
    }

    [Theory]
    [InlineData("""{ "protocolSection": { "identificationModule": { "nctId": "NCT123", "briefTitle": "T" } } }""", "$.protocolSection.identificationModule.nctId")]
    [InlineData("""{ "protocolSection": { "identificationModule": { "nctId": "NCT01234567" } } }""", "$.protocolSection.identificationModule.briefTitle")]
    [InlineData("""{ "protocolSection": { "identificationModule": { "nctId": "NCT01234567", "briefTitle": "T" }, "eligibilityModule": { "minimumAge": "eighteen" } } }""", "$.protocolSection.eligibilityModule.minimumAge")]
    [InlineData("""{ "protocolSection": { "identificationModule": { "nctId": "NCT01234567", "briefTitle": "T" }, "designModule": { "phases": "PHASE2" } } }""", "$.protocolSection.designModule.phases")]
    [InlineData("""{ "protocolSection": { "identificationModule": { "nctId": "NCT01234567", "briefTitle": "T" }, "contactsLocationsModule": { "locations": [ { "city": "X", "geoPoint": { "lat": 95, "lon": 4 } } ] } } }""", "$.protocolSection.contactsLocationsModule.locations[0].geoPoint")]
    [InlineData("""{ "studies": "none" }""", "$.studies")]
    [InlineData("""{ "study": {} }""", "$")]
    [InlineData("""{ "protocolSection": """, "$")]
    public void A_malformed_record_is_an_error_naming_the_field(string json, string path)
    {
        var result = Read(json);
        result.Trials.ShouldBeEmpty();
        result.Errors.ShouldContain(e => e.Path == path && e.Source == "bad.json", string.Join("; ", result.Errors.Select(e => e.Path + " " + e.Message)));
    }

    [Fact]
    public void Absent_modules_unknown_members_and_new_status_values_are_accepted()
    {
        var result = Read("""
            { "protocolSection": { "identificationModule": { "nctId": "NCT07654321", "briefTitle": "T", "someFutureField": 1 },
                                   "statusModule": { "overallStatus": "A_STATUS_ADDED_LATER" },
                                   "eligibilityModule": { "minimumAge": "N/A", "maximumAge": "6 Months" } },
              "annotationSection": { "x": 1 } }
            """);
        result.Errors.ShouldBeEmpty();
        var t = result.Trials.ShouldHaveSingleItem();
        t.OverallStatus.ShouldBe("A_STATUS_ADDED_LATER");
        t.IsOpen.ShouldBeFalse();
        t.Criteria.Single(c => c.Kind == CriterionKind.Age).Max.ShouldBe(0.5);
    }

    [Fact]
    public void The_same_trial_twice_across_inputs_is_an_error()
    {
        var one = Read("""{ "protocolSection": { "identificationModule": { "nctId": "NCT01234567", "briefTitle": "T" } } }""", "a.json");
        var two = Read("""{ "protocolSection": { "identificationModule": { "nctId": "NCT01234567", "briefTitle": "T" } } }""", "b.json");
        var both = TrialImporter.Combine([one, two]);
        both.Trials.ShouldBeEmpty();
        both.Errors.ShouldHaveSingleItem().Message.ShouldContain("NCT01234567 appears twice");
    }

    [Fact]
    public void A_trial_set_written_by_import_reads_back_the_same_criteria()
    {
        var set = new TrialSet { Trials = ShippedTrials.All };
        var bytes = set.ToJson();
        TrialSet.IsTrialSet(bytes).ShouldBeTrue();
        var back = TrialSet.Read(bytes, "set.json");
        back.Errors.ShouldBeEmpty();
        back.Trials.Count.ShouldBe(28);
        new TrialSet { Trials = back.Trials }.ToJson().ShouldBe(bytes);
    }
}
