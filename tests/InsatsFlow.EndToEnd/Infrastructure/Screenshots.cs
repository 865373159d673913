using Microsoft.Playwright;

namespace InsatsFlow.EndToEnd.Infrastructure;

/// <summary>Writes full-page PNGs to tests/InsatsFlow.EndToEnd/screenshots/ so anyone can look at the pages.</summary>
public static class Screenshots
{
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(RepoPaths.Screenshots);
        var path = Path.Combine(RepoPaths.Screenshots, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
