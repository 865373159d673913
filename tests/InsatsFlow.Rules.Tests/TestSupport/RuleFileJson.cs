using System.Text.Json.Nodes;

namespace InsatsFlow.Rules.Tests.TestSupport;

/// <summary>A small valid rule file that tests change one field at a time.</summary>
public static class RuleFileJson
{
    public static JsonObject Make(
        string regelverk = "prov",
        string version = "1",
        string giltigFran = "2025-01-01",
        string expression = "budget.belopp < param.grans",
        string allvarlighet = "fel",
        int grans = 100)
    {
        return new JsonObject
        {
            ["regelverk"] = regelverk,
            ["version"] = version,
            ["giltigFran"] = giltigFran,
            ["rattsligGrund"] = new JsonArray("SFS 2003:1210 (FINSAM) 7 §"),
            ["beskrivning"] = "Provregelverk för tester.",
            ["indata"] = new JsonObject
            {
                ["budget"] = new JsonObject { ["belopp"] = "tal", ["antagen"] = "datum?", ["rader"] = new JsonArray(new JsonObject { ["typ"] = "text" }) },
            },
            ["parametrar"] = new JsonObject { ["grans"] = grans },
            ["workflow"] = new JsonObject
            {
                ["WorkflowName"] = regelverk,
                ["Rules"] = new JsonArray(Rule("BeloppUnderGrans", expression, allvarlighet)),
            },
        };
    }

    public static JsonObject Rule(string name, string expression, string allvarlighet = "fel") => new()
    {
        ["RuleName"] = name,
        ["Expression"] = expression,
        ["Properties"] = new JsonObject
        {
            ["allvarlighet"] = allvarlighet,
            ["meddelande"] = $"{name} är inte uppfylld.",
            ["rattsligGrund"] = "FINSAM 7 §",
        },
    };

    public static JsonArray Rules(this JsonObject file) => file["workflow"]!["Rules"]!.AsArray();
}
