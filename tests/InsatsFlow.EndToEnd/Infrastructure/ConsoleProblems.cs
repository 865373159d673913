using Microsoft.Playwright;

namespace InsatsFlow.EndToEnd.Infrastructure;

/// <summary>
/// Collects uncaught page errors and console errors (Chromium reports Content-Security-Policy violations
/// and failed loads there), so a test can say the page ran cleanly.
/// </summary>
public static class ConsoleProblems
{
    public static IReadOnlyList<string> Collect(IPage page)
    {
        var problems = new List<string>();
        page.PageError += (_, message) => problems.Add("sidfel: " + message);
        page.Console += (_, message) =>
        {
            // The browser's own favicon request is not the page's problem.
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal))
            {
                problems.Add($"konsolfel: {message.Text} ({message.Location})");
            }
        };
        return problems;
    }
}
