using System.Net;
using System.Text;
using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Web.Tests.Support;

namespace InsatsFlow.Web.Tests.Granser;

/// <summary>What cannot run is refused where the kansli meets it: at validate and at publish, naming the element and the name.</summary>
public sealed class OtillatetUttryckApiTests(ApiVard vard) : IClassFixture<ApiVard>
{
    private static string Flode(string nyckel, string frist) => Provfloden.Fil(nyckel, "Otillåtet", $"""
            <bpmn:startEvent id="Start" />
            <bpmn:userTask id="Granska" name="Granska" camunda:candidateGroups="kansli" camunda:dueDate="{System.Security.SecurityElement.Escape(frist)}" />
            <bpmn:endEvent id="Slut" />
            <bpmn:sequenceFlow id="Flode_1" sourceRef="Start" targetRef="Granska" />
            <bpmn:sequenceFlow id="Flode_2" sourceRef="Granska" targetRef="Slut" />
        """);

    public static readonly TheoryData<string, string> Fall = new()
    {
        { """${System.IO.File.ReadAllText("/etc/passwd")}""", "System är en .NET-typ eller ett namnområde" },
        { """${Environment.GetEnvironmentVariable("HOME")}""", "Environment är en .NET-typ eller ett namnområde" },
        { "nästa vecka", "ISO 8601" },
    };

    [Theory]
    [MemberData(nameof(Fall))]
    public async Task Avvisas_vid_validering_med_elementet_namngivet(string frist, string forvantat)
    {
        var svar = await (await vard.SomAsync(Roller.Kansli)).PostAsync("/api/arbetsfloden/validera", new StringContent(Flode("otillatet-validera", frist), Encoding.UTF8, "application/xml"));
        svar.StatusCode.Should().Be(HttpStatusCode.OK);
        var resultat = JsonDocument.Parse(await svar.Content.ReadAsStringAsync()).RootElement;
        resultat.GetProperty("giltig").GetBoolean().Should().BeFalse();
        var problem = resultat.GetProperty("problem").EnumerateArray().Should().ContainSingle().Subject;
        problem.GetProperty("elementId").GetString().Should().Be("Granska");
        problem.GetProperty("meddelande").GetString().Should().Contain(forvantat);
    }

    [Theory]
    [MemberData(nameof(Fall))]
    public async Task Avvisas_vid_publicering_och_ingen_version_skapas(string frist, string forvantat)
    {
        var kansli = await vard.SomAsync(Roller.Kansli);
        var nyckel = "otillatet-" + Guid.NewGuid().ToString("N")[..8];
        var utkast = await kansli.PostAsync("/api/arbetsfloden/utkast", new StringContent(Flode(nyckel, frist), Encoding.UTF8, "application/xml"));
        utkast.IsSuccessStatusCode.Should().BeTrue(await utkast.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await utkast.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        var svar = await kansli.PostAsync($"/api/arbetsfloden/utkast/{id}/publicera", null);

        svar.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = JsonDocument.Parse(await svar.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("title").GetString().Should().Be("Utkastet kan inte publiceras; inga versioner har ändrats.");
        problem.GetProperty("errors").GetProperty("Granska")[0].GetString().Should().Contain(forvantat);
        (await kansli.GetAsync($"/api/arbetsfloden/processer/{nyckel}/versioner")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
