using InsatsFlow.Core.Domain;

namespace InsatsFlow.Core.Livscykel.Tillampning;

/// <summary>The details of an implementation alternative as the implementeringsforslag and implementeringsbeslut forms give them.</summary>
internal static class Implementeringsuppgifter
{
    public static Implementeringsbeslut Las(Implementeringsalternativ alternativ, IReadOnlyDictionary<string, object?> v) => new()
    {
        Alternativ = alternativ,
        MottagandeOrganisation = Lasning.Text(v.GetValueOrDefault("mottagandeOrganisation")),
        Spridning = Lasning.Text(v.GetValueOrDefault("spridning")),
    };

    public static Implementeringsbeslut Skapa(Implementeringsalternativ alternativ, IReadOnlyDictionary<string, object?> v)
    {
        var ib = Las(alternativ, v);
        foreach (var rad in Lasning.Rader(v.GetValueOrDefault("delar")))
            ib.Delar.Add(new ImplementeradDel
            {
                Beskrivning = Lasning.Text(rad, "del") ?? "", Organisation = Lasning.Text(rad, "organisation") ?? "",
                Andel = Lasning.Belopp(rad.GetValueOrDefault("andel")) ?? 0,
            });
        foreach (var rad in Lasning.Rader(v.GetValueOrDefault("fortsattFinansiering")))
            ib.FortsattFinansiering.Add(new FortsattFinansiering
            {
                Ar = Lasning.Heltal(rad.GetValueOrDefault("ar")) ?? 0, Belopp = Lasning.Belopp(rad.GetValueOrDefault("belopp")) ?? 0,
                Finansiar = Lasning.Text(rad, "finansiar"),
            });
        return ib;
    }

    public static IEnumerable<Valideringsfel> Granska(Implementeringsbeslut ib) =>
        ib.Validera().Select(f => f with { Falt = f.Falt switch
        {
            var x when x.StartsWith("Delar", StringComparison.Ordinal) => "delar" + x[5..],
            var x when x.StartsWith("FortsattFinansiering", StringComparison.Ordinal) => "fortsattFinansiering" + x[20..],
            var x => x,
        } });

    public static bool TryAlternativ(object? varde, out Implementeringsalternativ alternativ) =>
        Enum.TryParse(Lasning.Text(varde), ignoreCase: true, out alternativ) && Enum.IsDefined(alternativ);
}
