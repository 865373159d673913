namespace InsatsFlow.Core.Sus;

/// <summary>The SUS data files of one repository (sus/), read once at start-up; a bad file stops start-up.</summary>
public sealed class SusKatalog
{
    private SusKatalog(SusVardelistor vardelistor, SusKolumner kolumner)
    {
        Vardelistor = vardelistor;
        Kolumner = kolumner;
    }

    public SusVardelistor Vardelistor { get; }
    public SusKolumner Kolumner { get; }

    public static SusKatalog LaddaFran(string katalog)
    {
        var listor = SusVardelistor.Las(Path.Combine(katalog, SusVardelistor.Filnamn));
        return new(listor, SusKolumner.Las(Path.Combine(katalog, SusKolumner.Filnamn), listor));
    }
}
