using System.Text.Json.Nodes;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Livscykel.Hanterare;
using InsatsFlow.Core.Notifieringar;

namespace InsatsFlow.Core.Livscykel;

/// <summary>
/// Element templates (Camunda 7's format, read by bpmn-js-element-templates) for every handler and gate InsatsFlow
/// offers, so the kansli builds a valid step by choosing from lists, never by typing a handler or property name.
/// The lists come from where the values live: the rule catalogue, the document kinds, the phases.
/// </summary>
public static class Elementmallar
{
    private const string Schema = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";

    /// <param name="regelverk">The catalogue's regelverk: name and the description of its latest version.</param>
    public static JsonArray Bygg(IEnumerable<(string Namn, string Beskrivning)> regelverk) =>
    [
        Mall("insatsflow.regelprovning", "Regelprövning", "Prövar ett regelverk ur katalogen; resultatet styr grinden efter steget.",
            ["bpmn:BusinessRuleTask"],
            Val("Regelverk", Egenskap("camunda:decisionRef"), regelverk.OrderBy(r => r.Namn, StringComparer.Ordinal)
                .Select(r => (Kort(r.Namn, r.Beskrivning), r.Namn)), "Välj det regelverk som ska prövas."),
            Text("Resultatvariabel", Egenskap("camunda:resultVariable"),
                "Variabeln som får {passed, output}; grinden efter steget läser ${<variabel>.passed == true}.",
                @"^[A-Za-z_][A-Za-z0-9_]*$", "Skriv ett variabelnamn: bokstäver, siffror och _, inte först en siffra.")),
        Mall("insatsflow.dokument", "Dokument", "Skapar ett dokument ur en mall och sparar det oföränderligt med ärendet.",
            ["bpmn:ServiceTask"],
            Dold(Egenskap("camunda:type"), RenderaDokumentHandler.Namn),
            Val("Mall", Utokning("mall"), Dokumentmallar, "Mallen i templates/ som dokumentet skapas från.")),
        Mall("insatsflow.notifiering", "Notifiering", "Lägger ett meddelande i utkorgen, i samma transaktion som steget.",
            ["bpmn:SendTask", "bpmn:ServiceTask"],
            Dold(Egenskap("camunda:type"), NotifieraHandler.Namn),
            Text("Mottagare", Utokning("mottagare"), "grupp:<grupp> eller anvandare:<e-post>, till exempel grupp:kansli.",
                @"^(grupp|anvandare):\S+$", "Skriv grupp:<grupp> eller anvandare:<e-post>."),
            Text("Ämne", Utokning("amne"), "Meddelandets rubrik; {variabel} ersätts med variabelns värde."),
            Text("Text", Utokning("text"), "Meddelandets text; {variabel} ersätts med variabelns värde.", flerrad: true),
            Val("Kanal", Utokning("kanal"), [("E-post", "epost"), ("Inkorgen", "inkorg")], "Hur meddelandet når mottagaren.", "epost")),
        Mall("insatsflow.paminnelse", "Påminnelse om uppgift", "Påminner den som har en försenad uppgift, eller förbundschefen.",
            ["bpmn:SendTask"],
            Dold(Egenskap("camunda:type"), NotifieringHandler.Namn),
            Val("Mottagare", Utokning("mottagare"), [("Den som har uppgiften", "tilldelad"), ("Förbundschefen", "forbundschef")], null, "tilldelad"),
            Dold(Utokning("mall"), "paminnelse"),
            Text("Uppgift", Utokning("uppgift"), "Id för den användaruppgift påminnelsen gäller, till exempel Activity_ansokan.",
                @"^[A-Za-z_][A-Za-z0-9_.-]*$", "Skriv elementets id.")),
        Mall("insatsflow.fas", "Fas", "Sätter insatsens fas, så att fasen alltid stämmer med var ärendet står.",
            ["bpmn:ServiceTask"],
            Dold(Egenskap("camunda:type"), "fas"),
            Val("Fas", Utokning("fas"), Enum.GetValues<InsatsFas>().Select(f => (f.Visningsnamn(), f.ToString())), null)),
        Mall("insatsflow.beslut", "Beslut", "Registrerar beslutet från formuläret före steget.",
            ["bpmn:ServiceTask"],
            Dold(Egenskap("camunda:type"), "beslut"),
            Val("Beslut", Utokning("beslut"), Beslutsslag, null)),
        Mall("insatsflow.underlag", "Underlag", "Läser det processen själv behöver; grindarna bygger sin egen indata.",
            ["bpmn:ServiceTask"],
            Val("Underlag", Egenskap("camunda:type"), [("Insatsens underlag (medlemmar, sökande, slutdatum)", "insatsunderlag"),
                ("Budgetens underlag (förbundets medlemmar)", "budgetunderlag")], null)),
        Mall("insatsflow.registrera-insats", "Registrera insats", "Kopplar instansen till sin insats och sätter diarienummer.",
            ["bpmn:ServiceTask"],
            Dold(Egenskap("camunda:type"), "registrera-insats")),
    ];

    /// <summary>The service-task handlers the templates name (a test holds them to the registered ones).</summary>
    public static IReadOnlyList<string> Hanterare(JsonArray mallar) =>
        [.. mallar.SelectMany(m => m!["properties"]!.AsArray())
            .Where(p => (string?)p!["binding"]!["name"] == "camunda:type")
            .SelectMany(p => p!["choices"] is JsonArray val ? val.Select(c => (string)c!["value"]!) : [(string)p!["value"]!])
            .Distinct()];

    private static readonly (string, string)[] Dokumentmallar =
    [
        ("Tjänsteskrivelse", DokumentRenderer.Mallnamn(Dokumenttyp.Tjansteskrivelse)),
        ("Protokollsutdrag", DokumentRenderer.Mallnamn(Dokumenttyp.Protokollsutdrag)),
        ("Beslutsbrev", DokumentRenderer.Mallnamn(Dokumenttyp.Beslutsbrev)),
        ("Uppföljningsrapport", DokumentRenderer.Mallnamn(Dokumenttyp.Uppfoljningsrapport)),
    ];

    private static readonly (string, string)[] Beslutsslag =
    [
        ("Beslut om idén", "ide"), ("Styrelsebeslut om insatsen", "styrelse"), ("Implementeringsbeslut", "implementering"), ("Budgetbeslut", "budget"),
    ];

    private static string Kort(string namn, string beskrivning)
    {
        var forsta = beskrivning.Split('.', 2)[0].Trim();
        if (forsta.Length > 70) forsta = forsta[..67] + "…";
        return forsta.Length == 0 ? namn : $"{namn} – {forsta}";
    }

    private static JsonObject Mall(string id, string namn, string beskrivning, string[] galler, params JsonObject[] egenskaper) => new()
    {
        ["$schema"] = Schema,
        ["id"] = id,
        ["name"] = namn,
        ["description"] = beskrivning,
        ["version"] = 1,
        ["appliesTo"] = new JsonArray([.. galler.Select(g => (JsonNode)g)]),
        ["properties"] = new JsonArray(egenskaper),
    };

    private static JsonObject Egenskap(string namn) => new() { ["type"] = "property", ["name"] = namn };

    private static JsonObject Utokning(string namn) => new() { ["type"] = "camunda:property", ["name"] = namn };

    private static JsonObject Dold(JsonObject binding, string varde) => new() { ["type"] = "Hidden", ["value"] = varde, ["binding"] = binding };

    private static JsonObject Val(string etikett, JsonObject binding, IEnumerable<(string Namn, string Varde)> val, string? hjalp, string? forval = null)
    {
        var lista = val.ToList();
        var egenskap = new JsonObject
        {
            ["label"] = etikett,
            ["type"] = "Dropdown",
            ["value"] = forval ?? lista.FirstOrDefault().Varde,
            ["choices"] = new JsonArray([.. lista.Select(v => (JsonNode)new JsonObject { ["name"] = v.Namn, ["value"] = v.Varde })]),
            ["binding"] = binding,
            ["constraints"] = new JsonObject { ["notEmpty"] = true },
        };
        if (hjalp is not null) egenskap["description"] = hjalp;
        return egenskap;
    }

    private static JsonObject Text(string etikett, JsonObject binding, string hjalp, string? monster = null, string? monsterfel = null, bool flerrad = false)
    {
        var krav = new JsonObject { ["notEmpty"] = true };
        if (monster is not null) krav["pattern"] = new JsonObject { ["value"] = monster, ["message"] = monsterfel };
        return new JsonObject
        {
            ["label"] = etikett,
            ["type"] = flerrad ? "Text" : "String",
            ["description"] = hjalp,
            ["binding"] = binding,
            ["constraints"] = krav,
        };
    }
}
