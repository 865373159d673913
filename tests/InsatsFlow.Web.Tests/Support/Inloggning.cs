using System.Text.RegularExpressions;

namespace InsatsFlow.Web.Tests.Support;

/// <summary>Signs in through the real sign-in form, antiforgery token and all.</summary>
public static partial class Inloggning
{
    public const string DemoPassword = "Demo-InsatsFlow-2026";

    public const string Kansli = "kansli@demo.insatsflow.se";
    public const string Beredning = "beredning@demo.insatsflow.se";
    public const string Styrelse = "styrelse@demo.insatsflow.se";
    public const string Sokande = "sokande@demo.insatsflow.se";
    public const string Jurist = "jurist@demo.insatsflow.se";
    public const string Revisor = "revisor@demo.insatsflow.se";
    public const string Admin = "admin@demo.insatsflow.se";

    public static async Task<HttpClient> LoggaInAsync(this InsatsFlowFactory factory, string epost, string losenord = DemoPassword)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostAsync("/konto/logga-in", await FormularAsync(client, epost, losenord));
        if (response.Headers.Location?.OriginalString.Contains("fel=") != false)
            throw new InvalidOperationException($"Inloggningen som {epost} misslyckades: {response.StatusCode} {response.Headers.Location}");
        return client;
    }

    public static async Task<FormUrlEncodedContent> FormularAsync(HttpClient client, string epost, string losenord)
    {
        var page = await client.GetStringAsync("/logga-in");
        var token = TokenPattern().Match(page).Groups[1].Value;
        return new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["epost"] = epost,
            ["losenord"] = losenord,
            ["__RequestVerificationToken"] = token,
        });
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
