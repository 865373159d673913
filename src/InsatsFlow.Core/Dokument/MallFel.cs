namespace InsatsFlow.Core.Dokument;

/// <summary>One error in a template file. Line and column count from 1, as an editor shows them.</summary>
public sealed record MallFel(string Fil, int Rad, int Kolumn, string Meddelande)
{
    public override string ToString() => $"{Fil} rad {Rad}, kolumn {Kolumn}: {Meddelande}";
}

/// <summary>Templates refused at load. Nothing of the refused set is used.</summary>
public sealed class MallFelException(IReadOnlyList<MallFel> fel)
    : Exception("Mallarna laddades inte: " + string.Join("; ", fel))
{
    public IReadOnlyList<MallFel> Fel { get; } = fel;
}
