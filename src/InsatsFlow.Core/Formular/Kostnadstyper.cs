namespace InsatsFlow.Core.Formular;

/// <summary>
/// The budget lines' kostnadstyper: the list the stodberattigande-kostnader regelverk checks, with the jurists'
/// Swedish labels (forms/ansokan.json reads the same parameters through its alternativFran).
/// </summary>
public static class Kostnadstyper
{
    public static readonly Alternativkalla Kalla = new("stodberattigande-kostnader", "stodberattigandeKostnadstyper", "kostnadstypEtiketter");

    /// <summary>The Swedish label of <paramref name="kostnadstyp"/>, or the value itself when the list does not name it.</summary>
    public static string Etikett(this Regelverksalternativ alternativ, string kostnadstyp) =>
        alternativ.Hamta(Kalla).FirstOrDefault(a => a.Varde == kostnadstyp)?.Etikett ?? kostnadstyp;
}
