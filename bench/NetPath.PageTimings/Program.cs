using System.Globalization;
using Microsoft.Playwright;

// Usage: NetPath.PageTimings BASE_URL PATIENT_ID ASSESSMENT_ID [ROUNDS]
// Signs in as the demo clinician and measures, in headless Chromium:
//  1. each main page's render: navigation start to the load event (server prerender included), and
//     on to the interactive circuit where the page has one;
//  2. the case form's live assessment: from the last keystroke of a Ki-67 value to the grade on
//     the page changing, timed inside the page (performance.now) so that no test-driver delay counts.
// Prints medians and 95th percentiles; bench/web/run.sh starts the server and records the machine.
var baseUrl = args[0].TrimEnd('/');
var patient = args[1];
var assessment = args[2];
var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 30;

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
var page = await context.NewPageAsync();
await page.GotoAsync(baseUrl + "/signin");
await page.GetByLabel("User name").FillAsync("demo-clinician");
await page.GetByLabel("Password").FillAsync("demo-only-not-for-patients");
await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
await page.WaitForURLAsync(u => !u.Contains("/signin", StringComparison.Ordinal));

string[] pages =
[
    "/patients",
    $"/patients/{patient}",
    $"/patients/{patient}/case",
    $"/patients/{patient}/assessments/{assessment}",
    $"/patients/{patient}/history",
    $"/patients/{patient}/board-summary",
];
Console.WriteLine($"Page render, {rounds} loads each after 3 warm-up loads (ms): server = request sent to last byte of the prerendered HTML; shown = navigation start to the first contentful paint of that HTML; load = navigation start to the load event (styles and scripts loaded and run)");
Console.WriteLine($"{"page",-40} {"server p50",10} {"server p95",10} {"shown p50",9} {"shown p95",9} {"load p50",9} {"load p95",9}");
foreach (var path in pages)
{
    List<double> server = [], shown = [], loads = [];
    for (var i = 0; i < rounds + 3; i++)
    {
        await page.GotoAsync(baseUrl + path, new() { WaitUntil = WaitUntilState.Load });
        var ms = await page.EvaluateAsync<double[]>("""
            () => {
              const n = performance.getEntriesByType('navigation')[0];
              const paint = performance.getEntriesByName('first-contentful-paint')[0];
              return [n.responseEnd - n.requestStart, paint ? paint.startTime : -1, n.loadEventStart - n.startTime];
            }
            """);
        if (i < 3) continue;
        server.Add(ms[0]);
        // Headless Chromium reports no paint for a page it has not painted yet at the load event; such a
        // load counts as shown at its load event (never better than it was).
        shown.Add(ms[1] >= 0 ? ms[1] : ms[2]);
        loads.Add(ms[2]);
    }
    Console.WriteLine($"{Shorten(path),-40} {Percentile(server, 50),10:0.0} {Percentile(server, 95),10:0.0} {Percentile(shown, 50),9:0.0} {Percentile(shown, 95),9:0.0} {Percentile(loads, 50),9:0.0} {Percentile(loads, 95),9:0.0}");
}

// Live assessment: Ki-67 typed as 2 (G1) and 12 (G2) in turn; the grade element must change.
await page.GotoAsync($"{baseUrl}/patients/{patient}/case");
await page.Locator("form.case-form[data-interactive=true]").WaitForAsync(new() { Timeout = 30_000 });
var ki67 = page.GetByLabel("Ki-67 index");
var latencies = new List<double>();
for (var i = 0; i < rounds + 3; i++)
{
    var value = i % 2 == 0 ? "12" : "2";
    var expected = i % 2 == 0 ? "G2" : "G1";
    await ki67.FillAsync("");
    await page.WaitForTimeoutAsync(200);
    // Arm a watcher in the page: it notes the time of the last keystroke and of the grade changing.
    await page.EvaluateAsync("""
        (expected) => {
          window.__np = { last: 0, done: 0 };
          const input = document.getElementById('f-tumour-ki67Percent');
          input.addEventListener('input', () => { window.__np.last = performance.now(); });
          const check = () => {
            const g = document.querySelector('[data-testid=grade]');
            if (g && g.textContent.trim() === expected && window.__np.last > 0 && !window.__np.done) window.__np.done = performance.now();
          };
          new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """, expected);
    await ki67.PressSequentiallyAsync(value, new() { Delay = 40 });
    await page.WaitForFunctionAsync("() => window.__np.done > 0", null, new() { Timeout = 10_000 });
    var ms = await page.EvaluateAsync<double>("() => window.__np.done - window.__np.last");
    if (i >= 3) latencies.Add(ms);
}
Console.WriteLine();
Console.WriteLine($"Live assessment, {rounds} edits: last keystroke to new grade on the page (ms): p50 {Percentile(latencies, 50):0.0}, p95 {Percentile(latencies, 95):0.0}, max {latencies.Max():0.0}");
return 0;

static double Percentile(List<double> values, int p)
{
    var sorted = values.Order().ToList();
    var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
}

static string Shorten(string path) => System.Text.RegularExpressions.Regex.Replace(path, "[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");
