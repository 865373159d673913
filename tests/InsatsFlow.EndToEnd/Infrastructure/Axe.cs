using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace InsatsFlow.EndToEnd.Infrastructure;

/// <summary>
/// Runs axe-core (npm axe-core, copied to wwwroot/dist/axe.min.js) inside the page against WCAG 2.1 A/AA
/// and fails when it finds a serious or critical violation, listing each one with its elements.
/// </summary>
public static class Axe
{
    /// <summary>Where the web host serves axe-core (built into wwwroot/dist by ClientApp/build.mjs).</summary>
    public const string AxePath = "/dist/axe.min.js";

    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            // Loaded from the host like its own scripts, so the page's CSP (script-src 'self') allows it.
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = new Uri(new Uri(page.Url), AxePath).ToString() });
        }

        var json = await page.EvaluateAsync<string>(
            """
            async tags => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
              return JSON.stringify(result.violations.map(v => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                targets: v.nodes.map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\s+/g, ' '))
              })));
            }
            """,
            WcagTags);

        return JsonSerializer.Deserialize<List<AxeViolation>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? [];
    }

    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var serious = (await RunAsync(page))
            .Where(v => v.Impact is "serious" or "critical")
            .ToList();

        serious.Should().BeEmpty(Describe(serious));
    }

    private static string Describe(IEnumerable<AxeViolation> violations)
    {
        var text = new StringBuilder("axe-core hittade allvarliga tillgänglighetsbrister:");
        foreach (var v in violations)
        {
            text.AppendLine().Append($"- [{v.Impact}] {v.Id}: {v.Help}");
            foreach (var target in v.Targets.Take(5))
            {
                text.AppendLine().Append($"    {target}");
            }
        }

        return text.ToString();
    }
}

public sealed record AxeViolation(string Id, string? Impact, string Help, IReadOnlyList<string> Targets);
