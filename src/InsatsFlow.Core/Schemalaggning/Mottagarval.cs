using InsatsFlow.Core.Notifieringar;

namespace InsatsFlow.Core.Schemalaggning;

/// <summary>Reads "grupp:kansli" / "anvandare:karin@forbund.se" from configuration.</summary>
public static class Mottagarval
{
    public static Mottagare? Tolka(string? varde)
    {
        var delar = (varde ?? "").Split(':', 2, StringSplitOptions.TrimEntries);
        return delar switch
        {
            ["grupp", { Length: > 0 } id] => Mottagare.Grupp(id),
            ["anvandare", { Length: > 0 } id] => Mottagare.Anvandare(id),
            _ => null,
        };
    }
}
