using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NetPath.E2E.Tests;

/// <summary>
/// The case form's closed groups (decision 0541): their inputs are rendered only when opened, so a
/// missing-data link must open the group and focus the field, an error inside a closed group must
/// open it, and a group opens from the keyboard.
/// </summary>
[Collection("browser")]
public sealed partial class CaseGroupsTests(ServerFixture server)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 15_000 };

    [Fact]
    public Task A_missing_data_link_opens_the_closed_group_and_focuses_the_field() => server.WithPageAsync(nameof(A_missing_data_link_opens_the_closed_group_and_focuses_the_field), async page =>
    {
        await NewPatientCaseAsync(page, "E2E Groups Missing");
        await page.GetByLabel("Primary site").SelectOptionAsync("pancreas");
        await page.GetByLabel("Differentiation").SelectOptionAsync("well");
        await page.GetByLabel("Ki-67 index").FillAsync("12");
        await page.GetByLabel("Size of the primary").FillAsync("45");
        await page.GetByLabel("Liver metastases").SelectOptionAsync("yes");
        await Assertions.Expect(page.GetByTestId("grade")).ToHaveTextAsync("G2", new() { Timeout = 10_000 });

        // Labs is closed: its inputs are not on the page until opened.
        var labs = page.GetByRole(AriaRole.Button, new() { Name = "Labs", Exact = true });
        await Assertions.Expect(labs).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(page.Locator("#f-labs-egfrMlMin")).ToHaveCountAsync(0);

        var missing = page.GetByTestId("missing");
        await missing.GetByRole(AriaRole.Button, new() { Name = "eGFR", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-labs-egfrMlMin")).ToBeFocusedAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(labs).ToHaveAttributeAsync("aria-expanded", "true");

        // A missing fact named by its object (imaging.sstrPet) reaches the object's first field.
        await missing.GetByRole(AriaRole.Button, new() { Name = "imaging.sstrPet", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-imaging-sstrPet-done")).ToBeFocusedAsync(new() { Timeout = 10_000 });

        // The opened field takes input and the assessment follows.
        await page.Keyboard.TypeAsync("no");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Imaging", Exact = true })).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(page.GetByTestId("error-count")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task An_error_in_a_closed_group_opens_it_and_shows_at_the_field() => server.WithPageAsync(nameof(An_error_in_a_closed_group_opens_it_and_shows_at_the_field), async page =>
    {
        await NewPatientCaseAsync(page, "E2E Groups Error");
        await page.GetByLabel("Primary site").SelectOptionAsync("pancreas");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a prior therapy" }).ClickAsync();
        await page.GetByLabel("Therapy 1", new() { Exact = true }).SelectOptionAsync("systemic.ssa");
        await page.GetByLabel("Start date").FillAsync("2026-06-01");

        var therapies = page.GetByRole(AriaRole.Button, new() { Name = "History: prior therapies", Exact = true });
        await therapies.ClickAsync();
        await Assertions.Expect(therapies).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(page.Locator("#f-history-priorTherapies-0-startDate")).ToHaveCountAsync(0);

        // An assessment date before the therapy's start is an error at the therapy, whose group is closed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Patient and history", Exact = true }).ClickAsync();
        await page.GetByLabel("Assessment date").FillAsync("2026-01-01");
        await Assertions.Expect(page.Locator("#f-history-priorTherapies-0-startDate-error")).ToBeVisibleAsync(Soon);
        await Assertions.Expect(therapies).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(page.Locator("#f-history-priorTherapies-0-startDate")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save case version" })).ToBeDisabledAsync();
    });

    [Fact]
    public Task A_closed_group_opens_from_the_keyboard_and_shows_what_it_holds_when_closed() => server.WithPageAsync(nameof(A_closed_group_opens_from_the_keyboard_and_shows_what_it_holds_when_closed), async page =>
    {
        await NewPatientCaseAsync(page, "E2E Groups Keyboard");
        await page.GetByLabel("Primary site").SelectOptionAsync("ileum");
        var labs = page.GetByRole(AriaRole.Button, new() { Name = "Labs", Exact = true });
        await labs.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(labs).ToHaveAttributeAsync("aria-expanded", "true");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("f-labs-egfrMlMin");
        await page.Keyboard.TypeAsync("55");
        await Assertions.Expect(page.GetByTestId("error-count")).ToHaveCountAsync(0);

        // Closed again, the group still shows its value.
        await labs.ClickAsync();
        await Assertions.Expect(labs).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(page.Locator("#g-labs")).ToContainTextAsync("eGFR (mL/min): 55");
    });

    private async Task NewPatientCaseAsync(IPage page, string name)
    {
        await server.SignInAsync(page, ServerFixture.DemoUser, ServerFixture.DemoPassword);
        await page.GotoAsync(server.BaseUrl + "/patients");
        await Assertions.Expect(page.Locator("form.filters[data-interactive=true]")).ToBeVisibleAsync(Soon);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create patient" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(CaseUrl(), new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("form.case-form[data-interactive=true]")).ToBeVisibleAsync(Soon);
    }

    [GeneratedRegex("/patients/[0-9a-f-]{36}/case$")]
    private static partial Regex CaseUrl();
}
