using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InsatsFlow.Noder.Tests.Support;

/// <summary>Signs in through the real sign-in form (antiforgery token and all), on one node or across two.</summary>
public static partial class Inloggning
{
    public const string Losenord = "Demo-InsatsFlow-2026";
    public const string Beredning = "beredning@demo.insatsflow.se";
    public const string BeredningRegion = "beredning.region@demo.insatsflow.se";

    public static async Task<HttpClient> LoggaInAsync(this WebApplicationFactory<Program> nod, string epost)
    {
        var client = nod.CreateClient(new() { AllowAutoRedirect = false });
        var svar = await client.PostAsync("/konto/logga-in", await FormularAsync(client, epost));
        if (svar.Headers.Location?.OriginalString.Contains("fel=") != false)
            throw new InvalidOperationException($"Inloggningen som {epost} misslyckades: {svar.StatusCode} {svar.Headers.Location}");
        return client;
    }

    public static async Task<FormUrlEncodedContent> FormularAsync(HttpClient client, string epost) =>
        Formular(await client.GetStringAsync("/logga-in"), epost);

    /// <summary>The sign-in form filled in, from the page's HTML (its antiforgery token).</summary>
    public static FormUrlEncodedContent Formular(string sida, string epost) =>
        new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["epost"] = epost,
            ["losenord"] = Losenord,
            ["__RequestVerificationToken"] = Token().Match(sida).Groups[1].Value,
        });

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
