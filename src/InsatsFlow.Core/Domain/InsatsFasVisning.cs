namespace InsatsFlow.Core.Domain;

public static class InsatsFasVisning
{
    /// <summary>The phase as a kansli writes it.</summary>
    public static string Visningsnamn(this InsatsFas fas) => fas switch
    {
        InsatsFas.Idefas => "Idéfas",
        InsatsFas.Ansokan => "Ansökan",
        InsatsFas.Beredning => "Beredning",
        InsatsFas.Styrelsebeslut => "Styrelsebeslut",
        InsatsFas.Genomforande => "Genomförande",
        InsatsFas.Implementeringsbeslut => "Implementeringsbeslut",
        InsatsFas.Avslutad => "Avslutad",
        InsatsFas.Avslagen => "Avslagen",
        _ => fas.ToString(),
    };
}
