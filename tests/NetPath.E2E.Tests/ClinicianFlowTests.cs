using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NetPath.E2E.Tests;

/// <summary>
/// A clinician's path through the pages in a real browser: sign in, create a patient, enter a case
/// field by field and watch the assessment follow, meet a validation error at its field, save, sign
/// out. Asserts the engine's codes (G2, T3), never sentences.
/// </summary>
[Collection("browser")]
public sealed partial class ClinicianFlowTests(ServerFixture server)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 15_000 };

    [Fact]
    public Task Clinician_signs_in_creates_a_patient_enters_a_case_live_saves_and_signs_out() => server.WithPageAsync(nameof(Clinician_signs_in_creates_a_patient_enters_a_case_live_saves_and_signs_out), async page =>
    {
        await page.GotoAsync(server.BaseUrl + "/patients");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/signin"));
        await SignInAsync(page);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/patients$"));
        await Assertions.Expect(page.Locator("form.filters[data-interactive=true]")).ToBeVisibleAsync(Soon);
        await ServerFixture.ShotAsync(page, "patients");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("E2E Test Patient");
        await page.GetByLabel("Record number").FillAsync("E2E-0001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create patient" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(PatientCaseUrl(), new() { Timeout = 15_000 });
        // The address carries only the record's GUID, never a name or record number.
        page.Url.ShouldNotContain("E2E");
        await Assertions.Expect(page.Locator("form.case-form[data-interactive=true]")).ToBeVisibleAsync(Soon);

        await page.GetByLabel("Primary site").SelectOptionAsync("pancreas");
        await page.GetByLabel("Differentiation").SelectOptionAsync("well");
        await page.GetByLabel("Ki-67 index").FillAsync("12");
        await page.GetByLabel("Size of the primary").FillAsync("45");
        await page.GetByLabel("Liver metastases").SelectOptionAsync("yes");

        await Assertions.Expect(page.GetByTestId("grade")).ToHaveTextAsync("G2", new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("tnm-AJCC8")).ToContainTextAsync("T3");
        await Assertions.Expect(page.GetByTestId("tnm-AJCC8")).ToContainTextAsync("M1");
        await ServerFixture.ShotAsync(page, "case-entry");

        var ki67 = page.GetByLabel("Ki-67 index");
        await ki67.FillAsync("140");
        var error = page.GetByTestId("f-tumour-ki67Percent-error");
        await Assertions.Expect(error).ToBeVisibleAsync(Soon);
        await Assertions.Expect(ki67).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save case version" })).ToBeDisabledAsync();
        await ServerFixture.ShotAsync(page, "case-entry-error");
        await ki67.FillAsync("12");
        await Assertions.Expect(error).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("grade")).ToHaveTextAsync("G2");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a prior therapy" }).ClickAsync();
        await page.GetByLabel("Therapy 1", new() { Exact = true }).SelectOptionAsync("systemic.ssa");
        await page.GetByLabel("Outcome", new() { Exact = true }).SelectOptionAsync("progression");
        await Assertions.Expect(page.GetByTestId("grade")).ToHaveTextAsync("G2", new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("error-count")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save and store assessment" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("case version 1", new() { Timeout = 15_000 });
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the stored assessment" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("grade")).ToHaveTextAsync("G2", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("tnm-AJCC8")).ToContainTextAsync("T3");
        await ServerFixture.ShotAsync(page, "assessment");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".topbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("grade")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/signin"));
        await page.GotoAsync(server.BaseUrl + "/patients");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/signin"));
    });

    [Fact]
    public Task Wrong_password_is_refused_on_the_sign_in_page() => server.WithPageAsync(nameof(Wrong_password_is_refused_on_the_sign_in_page), async page =>
    {
        await page.GotoAsync(server.BaseUrl + "/signin");
        await page.GetByLabel("User name").FillAsync("nobody-here");
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("error=bad-credentials"));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await ServerFixture.ShotAsync(page, "signin");
    });

    [Fact]
    public Task Case_form_is_usable_from_the_keyboard_and_every_input_has_a_label() => server.WithPageAsync(nameof(Case_form_is_usable_from_the_keyboard_and_every_input_has_a_label), async page =>
    {
        await page.GotoAsync(server.BaseUrl + "/signin");
        await SignInAsync(page);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        await page.GotoAsync(server.BaseUrl + "/patients");
        await Assertions.Expect(page.Locator("form.filters[data-interactive=true]")).ToBeVisibleAsync(Soon);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("E2E Keyboard Patient");
        await page.GetByLabel("Name", new() { Exact = true }).PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(PatientCaseUrl(), new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("form.case-form[data-interactive=true]")).ToBeVisibleAsync(Soon);

        var unlabelled = await page.EvaluateAsync<int>("""
            () => [...document.querySelectorAll('form.case-form input:not([type=hidden]), form.case-form select')]
                .filter(el => !(el.labels && el.labels.length > 0)).length
            """);
        unlabelled.ShouldBe(0);

        // Keyboard only: focus the site, choose with the arrow keys, tab on to the next field.
        await page.GetByLabel("Primary site").FocusAsync();
        await page.Keyboard.TypeAsync("pancreas");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("f-tumour-otherSite");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("f-tumour-differentiation");
        await page.Keyboard.TypeAsync("well");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("5");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("f-tumour-ki67Percent");
        await Assertions.Expect(page.GetByTestId("grade")).ToHaveTextAsync("G2", new() { Timeout = 10_000 });
    });

    private static Regex PatientCaseUrl() => PatientCaseRegex();

    [GeneratedRegex("/patients/[0-9a-f-]{36}/case$")]
    private static partial Regex PatientCaseRegex();

    private static async Task SignInAsync(IPage page)
    {
        await page.GetByLabel("User name").FillAsync(ServerFixture.DemoUser);
        await page.GetByLabel("Password").FillAsync(ServerFixture.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
