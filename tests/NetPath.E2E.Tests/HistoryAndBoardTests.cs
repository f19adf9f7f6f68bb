using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NetPath.Storage;

namespace NetPath.E2E.Tests;

/// <summary>
/// The version history with its two diffs, and the tumour-board summary: its trend charts, its
/// open questions, one A4 sheet in print for every demo patient, and no way in for role patient.
/// </summary>
[Collection("browser")]
public sealed partial class HistoryAndBoardTests(ServerFixture server)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 15_000 };

    [Fact]
    public Task History_shows_the_Ki67_change_between_two_versions_and_the_grade_change_between_their_assessments() => server.WithPageAsync(nameof(History_shows_the_Ki67_change_between_two_versions_and_the_grade_change_between_their_assessments), async page =>
    {
        await server.SignInAsync(page, ServerFixture.DemoUser, ServerFixture.DemoPassword);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        await page.GotoAsync(server.BaseUrl + "/patients");
        await Assertions.Expect(page.Locator("form.filters[data-interactive=true]")).ToBeVisibleAsync(Soon);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("E2E History Patient");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create patient" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(CaseUrl(), new() { Timeout = 15_000 });
        var patientUrl = page.Url[..^"/case".Length];

        await Assertions.Expect(page.Locator("form.case-form[data-interactive=true]")).ToBeVisibleAsync(Soon);
        await page.GetByLabel("Primary site").SelectOptionAsync("pancreas");
        await page.GetByLabel("Differentiation").SelectOptionAsync("well");
        await page.GetByLabel("Ki-67 index").FillAsync("2");
        await Assertions.Expect(page.GetByTestId("grade")).ToHaveTextAsync("G1", new() { Timeout = 10_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and store assessment" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("case version 1", new() { Timeout = 15_000 });

        await page.GotoAsync(patientUrl + "/case");
        await Assertions.Expect(page.Locator("form.case-form[data-interactive=true]")).ToBeVisibleAsync(Soon);
        await Assertions.Expect(page.GetByLabel("Ki-67 index")).ToHaveValueAsync("2");
        await page.GetByLabel("Ki-67 index").FillAsync("12");
        await Assertions.Expect(page.GetByTestId("grade")).ToHaveTextAsync("G2", new() { Timeout = 10_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and store assessment" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("case version 2", new() { Timeout = 15_000 });

        await page.GotoAsync(patientUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Version history and differences" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/patients/[0-9a-f-]{36}/history$"));
        await Assertions.Expect(page.Locator(".history[data-interactive=true]")).ToBeVisibleAsync(Soon);

        var unlabelled = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('main select')].filter(el => !(el.labels && el.labels.length > 0)).length");
        unlabelled.ShouldBe(0);
        (await page.Locator("main select").CountAsync()).ShouldBe(4);

        // Pick the other way round first, then both as intended: the diff follows the selection.
        await page.GetByLabel("Earlier version").SelectOptionAsync("2");
        await Assertions.Expect(page.GetByTestId("case-diff")).ToContainTextAsync("same version", new() { Timeout = 10_000 });
        await page.GetByLabel("Earlier version").SelectOptionAsync("1");
        await page.GetByLabel("Later version").SelectOptionAsync("2");
        var ki67 = page.GetByTestId("case-change-tumour.ki67Percent");
        await Assertions.Expect(ki67).ToBeVisibleAsync(Soon);
        (await ki67.Locator("td").AllInnerTextsAsync()).ShouldBe(["tumour.ki67Percent", "changed", "2", "12"]);

        await page.GetByLabel("Earlier assessment").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await page.GetByLabel("Later assessment").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var grade = page.GetByTestId("outcome-change-grade");
        await Assertions.Expect(grade).ToBeVisibleAsync(Soon);
        (await grade.Locator("td").AllInnerTextsAsync()).ShouldBe(["Grade", "changed", "G1", "G2"]);
        page.Url.ShouldEndWith("/history");
        await ServerFixture.ShotAsync(page, "history");
    });

    [Fact]
    public Task Board_summary_of_the_demo_course_shows_trends_and_open_questions_and_prints_on_one_A4_page() => server.WithPageAsync(nameof(Board_summary_of_the_demo_course_shows_trends_and_open_questions_and_prints_on_one_A4_page), async page =>
    {
        var demo = await DemoPatientsAsync();
        await server.SignInAsync(page, ServerFixture.DemoUser, ServerFixture.DemoPassword);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));

        await page.GotoAsync($"{server.BaseUrl}/patients/{demo["Demo Patient D"]}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tumour-board summary" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("board-summary")).ToBeVisibleAsync(Soon);
        await Assertions.Expect(page.GetByTestId("board-grade")).ToContainTextAsync("G2");
        var cga = page.GetByTestId("trend-chromogranin-a");
        await Assertions.Expect(cga.Locator("svg polyline")).ToHaveCountAsync(1);
        await Assertions.Expect(cga.Locator("svg circle")).ToHaveCountAsync(3);
        (await cga.Locator("svg title").TextContentAsync()).ShouldNotBeNullOrWhiteSpace();
        await Assertions.Expect(cga.Locator("table tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("trend-urine-5-hiaa")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("trend-ki67")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("open-questions")).ToBeVisibleAsync();
        (await page.GetByTestId("open-questions").Locator("li").CountAsync()).ShouldBeGreaterThan(0);
        await ServerFixture.ShotAsync(page, "board-summary");

        foreach (var (name, id) in demo)
        {
            await page.GotoAsync($"{server.BaseUrl}/patients/{id}/board-summary");
            await Assertions.Expect(page.GetByTestId("board-summary")).ToBeVisibleAsync(Soon);
            var pdf = await page.PdfAsync(new() { Format = "A4" });
            PdfPages(pdf).ShouldBe(1, $"the board summary of {name} prints on one A4 page");
        }
    });

    [Fact]
    public async Task Patient_role_opens_its_own_history_but_never_the_board_summary()
    {
        var demo = await DemoPatientsAsync();
        var own = demo["Demo Patient D"];
        var db = StorageServices.Open(DatabaseLocation.Parse(server.DatabasePath));
        await using (db)
        {
            await new Accounts(db, TimeProvider.System).CreateAsync("e2e-board-patient", "e2e-board-patient-pw", Roles.Patient, own, CancellationToken.None);
        }
        await server.WithPageAsync(nameof(Patient_role_opens_its_own_history_but_never_the_board_summary), async page =>
        {
            await server.SignInAsync(page, "e2e-board-patient", "e2e-board-patient-pw");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));

            await page.GotoAsync($"{server.BaseUrl}/patients/{own}/board-summary");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/denied"));
            (await page.GetByTestId("board-summary").CountAsync()).ShouldBe(0);

            await page.GotoAsync($"{server.BaseUrl}/patients/{own}/history");
            await Assertions.Expect(page.GetByTestId("case-versions")).ToBeVisibleAsync(Soon);
            await page.GotoAsync($"{server.BaseUrl}/patients/{demo["Demo Patient A"]}/history");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Patient not found");
        });
    }

    /// <summary>Pages in a PDF: its page objects (<c>/Type /Page</c>, not <c>/Pages</c>), as Chromium writes them uncompressed.</summary>
    private static int PdfPages(byte[] pdf) => PageObject().Count(Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();

    private async Task<Dictionary<string, Guid>> DemoPatientsAsync()
    {
        var db = StorageServices.Open(DatabaseLocation.Parse(server.DatabasePath));
        await using (db)
        {
            return await db.Patients.Where(p => p.DeletedAt == null && p.DisplayName.StartsWith("Demo Patient"))
                .ToDictionaryAsync(p => p.DisplayName, p => p.Id);
        }
    }

    private static Regex CaseUrl() => CaseUrlRegex();

    [GeneratedRegex("/patients/[0-9a-f-]{36}/case$")]
    private static partial Regex CaseUrlRegex();
}
