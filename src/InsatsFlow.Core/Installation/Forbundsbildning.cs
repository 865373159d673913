using System.Globalization;
using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Kalender;
using InsatsFlow.Rules.Evaluation;

namespace InsatsFlow.Core.Installation;

public sealed record NyttForbund(string? Namn, string? Organisationsnummer, IReadOnlyList<NyMedlem>? Medlemmar, NyStyrelse? Styrelse, IReadOnlyList<NyAnvandare>? Anvandare);

/// <param name="Typ">forsakringskassan, arbetsformedlingen, region or kommun.</param>
/// <param name="Andel">The member's share of the funds as a fraction (0,5 for Försäkringskassan's half).</param>
public sealed record NyMedlem(string? Namn, string? Typ, decimal? Andel);

/// <param name="MandatperiodFran">ÅÅÅÅ-MM-DD.</param>
public sealed record NyStyrelse(string? MandatperiodFran, string? MandatperiodTill, IReadOnlyList<NyLedamot>? Ledamoter);

/// <param name="Medlem">The name of the member the seat is for.</param>
/// <param name="Roll">ledamot or ersattare.</param>
/// <param name="Uppdrag">ordforande, vice_ordforande or none.</param>
public sealed record NyLedamot(string? Namn, string? Medlem, string? Roll, string? Uppdrag);

/// <param name="Roller">The roles in the new förbund (kansli, beredningsgrupp, styrelse, sokande, jurist, revisor, admin).</param>
/// <param name="Medlem">For a representative: the name of their member.</param>
public sealed record NyAnvandare(string? Epost, string? Namn, IReadOnlyList<string>? Roller, string? Medlem, bool Forbundschef = false);

/// <summary>What the checks built: the förbund with its members, its styrelse, and the users with their roles.</summary>
public sealed record Forbundsutkast(Forbund Forbund, Styrelse Styrelse, IReadOnlyList<(string Epost, string Namn, IReadOnlyList<string> Roller, Guid? MedlemId, bool Forbundschef)> Anvandare);

/// <summary>
/// The installation's admin forms a förbund: its members with their shares, its first styrelse and its first users.
/// Every field is checked before anything is built, each problem naming its field (medlemmar[1].andel), so the caller
/// saves all or nothing. The shares are checked by the national rule medlemsandelar (FINSAM 5 §, 5 a §) in force today.
/// </summary>
public sealed class Forbundsbildning(RuleEvaluator regler, TimeProvider tid)
{
    public const string Andelsregel = "medlemsandelar";
    public const int MaxNamn = 200;

    private static readonly Dictionary<string, MedlemsTyp> Typer = new()
    {
        ["forsakringskassan"] = MedlemsTyp.Forsakringskassan, ["arbetsformedlingen"] = MedlemsTyp.Arbetsformedlingen,
        ["region"] = MedlemsTyp.Region, ["kommun"] = MedlemsTyp.Kommun,
    };

    public async Task<(Forbundsutkast? Utkast, IReadOnlyList<Valideringsfel> Fel)> ProvaAsync(NyttForbund nytt, CancellationToken ct = default)
    {
        var fel = new List<Valideringsfel>();
        var namn = nytt.Namn?.Trim() ?? "";
        if (namn.Length == 0) fel.Add(new("namn", "Förbundets namn saknas."));
        else if (namn.Length > MaxNamn) fel.Add(new("namn", $"Namnet får vara högst {MaxNamn} tecken."));
        var orgnr = nytt.Organisationsnummer?.Trim() ?? "";
        if (Organisationsnummerfel(orgnr) is { } ofel) fel.Add(new("organisationsnummer", ofel));

        var forbund = new Forbund { Namn = namn, Organisationsnummer = orgnr };
        var medlemmar = Medlemmar(nytt.Medlemmar ?? [], forbund, fel);
        if (medlemmar.Count > 0 && fel.All(f => !f.Falt.StartsWith("medlemmar", StringComparison.Ordinal)))
            fel.AddRange(await AndelsfelAsync(medlemmar, ct));
        var styrelse = Styrelse(nytt.Styrelse, forbund, medlemmar, fel);
        var anvandare = Anvandare(nytt.Anvandare ?? [], medlemmar, fel);
        return fel.Count > 0 ? (null, fel) : (new Forbundsutkast(forbund, styrelse, anvandare), fel);
    }

    /// <summary>NNNNNN-NNNN with a valid check digit (Luhn over the ten digits), and a legal person's number (third digit 2 or more).</summary>
    public static string? Organisationsnummerfel(string orgnr)
    {
        if (!Organisationsnummerformat.ArGiltigt(orgnr)) return "Organisationsnumret ska skrivas NNNNNN-NNNN.";
        var siffror = orgnr.Remove(6, 1).Select(c => c - '0').ToArray();
        if (siffror[2] < 2) return "Organisationsnumret är en juridisk persons: den tredje siffran är minst 2.";
        var summa = 0;
        for (var i = 0; i < 10; i++)
        {
            var s = i % 2 == 0 ? siffror[i] * 2 : siffror[i];
            summa += s > 9 ? s - 9 : s;
        }
        return summa % 10 == 0 ? null : "Organisationsnumrets kontrollsiffra stämmer inte.";
    }

    private static List<(Medlem Medlem, decimal Andel)> Medlemmar(IReadOnlyList<NyMedlem> nya, Forbund forbund, List<Valideringsfel> fel)
    {
        var lista = new List<(Medlem Medlem, decimal Andel)>();
        if (nya.Count == 0) { fel.Add(new("medlemmar", "Ange förbundets medlemmar (Försäkringskassan, Arbetsförmedlingen, region och kommuner) med sina andelar.")); return lista; }
        for (var i = 0; i < nya.Count; i++)
        {
            var ny = nya[i];
            var mnamn = ny.Namn?.Trim() ?? "";
            if (mnamn.Length == 0) fel.Add(new($"medlemmar[{i}].namn", "Medlemmens namn saknas."));
            else if (mnamn.Length > MaxNamn) fel.Add(new($"medlemmar[{i}].namn", $"Namnet får vara högst {MaxNamn} tecken."));
            else if (nya.Take(i).Any(t => string.Equals(t.Namn?.Trim(), mnamn, StringComparison.OrdinalIgnoreCase)))
                fel.Add(new($"medlemmar[{i}].namn", $"Medlemmen {mnamn} står två gånger."));
            if (!Typer.TryGetValue(ny.Typ?.Trim().ToLowerInvariant() ?? "", out var typ))
                fel.Add(new($"medlemmar[{i}].typ", $"Okänd medlemstyp \"{ny.Typ}\"; giltiga är {string.Join(", ", Typer.Keys)}."));
            if (ny.Andel is not { } andel) fel.Add(new($"medlemmar[{i}].andel", "Ange medlemmens andel av medlen (till exempel 0,25 för en fjärdedel)."));
            else if (andel is <= 0 or > 1) fel.Add(new($"medlemmar[{i}].andel", $"Andelen ska vara större än 0 och högst 1; {Forbundsparametrar.Text(andel)} är det inte."));
            if (fel.Any(f => f.Falt.StartsWith($"medlemmar[{i}]", StringComparison.Ordinal))) continue;
            var medlem = forbund.LaggTillMedlem(mnamn, typ);
            medlem.Andel = ny.Andel;
            lista.Add((medlem, ny.Andel!.Value));
        }
        if (fel.Count == 0 || fel.All(f => !f.Falt.StartsWith("medlemmar", StringComparison.Ordinal)))
        {
            if (lista.All(m => m.Medlem.Typ != MedlemsTyp.Forsakringskassan))
                fel.Add(new("medlemmar", "Försäkringskassan är medlem i varje samordningsförbund (FINSAM 4 §)."));
            if (lista.All(m => m.Medlem.Typ != MedlemsTyp.Kommun))
                fel.Add(new("medlemmar", "Minst en kommun är medlem i ett samordningsförbund (FINSAM 4 §)."));
        }
        return lista;
    }

    /// <summary>The shares through the national rule: the members' shares as the amounts it divides.</summary>
    private async Task<IEnumerable<Valideringsfel>> AndelsfelAsync(List<(Medlem Medlem, decimal Andel)> medlemmar, CancellationToken ct)
    {
        var idag = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(tid.GetUtcNow(), SvenskaArbetsdagar.Stockholm).DateTime);
        var indata = JsonSerializer.SerializeToElement(new
        {
            fordelning = new
            {
                medlemsavgifter = medlemmar.Select(m => new { medlem = m.Medlem.Namn, typ = Typer.First(t => t.Value == m.Medlem.Typ).Key, belopp = m.Andel }),
            },
        });
        var resultat = await regler.EvaluateAsync(Andelsregel, idag, null, indata, ct);
        var fel = resultat.Regler.Where(r => r.Blockerar).Select(r => new Valideringsfel("medlemmar", $"{r.Meddelande} ({r.RattsligGrund})")).ToList();
        var summa = medlemmar.Sum(m => m.Andel);
        if (Math.Abs(summa - 1) > 0.0001m)
            fel.Add(new("medlemmar", $"Andelarna ska tillsammans vara 1 (hela medlen); de är {Forbundsparametrar.Text(summa)}."));
        return fel;
    }

    private static Styrelse Styrelse(NyStyrelse? ny, Forbund forbund, List<(Medlem Medlem, decimal Andel)> medlemmar, List<Valideringsfel> fel)
    {
        var styrelse = new Styrelse { ForbundId = forbund.Id };
        if (ny is null) { fel.Add(new("styrelse", "Ange förbundets första styrelse: mandatperiod, ledamöter och ersättare.")); return styrelse; }
        if (Datum(ny.MandatperiodFran) is { } fran) styrelse.MandatperiodFran = fran;
        else fel.Add(new("styrelse.mandatperiodFran", $"\"{ny.MandatperiodFran}\" är inte ett datum ÅÅÅÅ-MM-DD."));
        if (Datum(ny.MandatperiodTill) is { } till) styrelse.MandatperiodTill = till;
        else fel.Add(new("styrelse.mandatperiodTill", $"\"{ny.MandatperiodTill}\" är inte ett datum ÅÅÅÅ-MM-DD."));
        if (Datum(ny.MandatperiodFran) is { } f && Datum(ny.MandatperiodTill) is { } t && t <= f)
            fel.Add(new("styrelse.mandatperiodTill", "Mandatperioden måste sluta efter att den börjar."));
        var ledamoter = ny.Ledamoter ?? [];
        for (var i = 0; i < ledamoter.Count; i++)
        {
            var l = ledamoter[i];
            var falt = $"styrelse.ledamoter[{i}]";
            var lnamn = l.Namn?.Trim() ?? "";
            if (lnamn.Length == 0) fel.Add(new($"{falt}.namn", "Namn saknas."));
            else if (lnamn.Length > MaxNamn) fel.Add(new($"{falt}.namn", $"Namnet får vara högst {MaxNamn} tecken."));
            var medlem = medlemmar.Select(m => m.Medlem).FirstOrDefault(m => string.Equals(m.Namn, l.Medlem?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (medlem is null) fel.Add(new($"{falt}.medlem", $"\"{l.Medlem}\" är ingen av förbundets medlemmar."));
            Styrelseroll? roll = (l.Roll?.Trim().ToLowerInvariant()) switch { "ledamot" => Styrelseroll.Ledamot, "ersattare" => Styrelseroll.Ersattare, _ => null };
            if (roll is null) fel.Add(new($"{falt}.roll", $"Rollen \"{l.Roll}\" är okänd; ange ledamot eller ersattare."));
            Styrelseuppdrag? uppdrag = (l.Uppdrag?.Trim().ToLowerInvariant() ?? "") switch
            {
                "" or "inget" => Styrelseuppdrag.Inget, "ordforande" => Styrelseuppdrag.Ordforande, "vice_ordforande" => Styrelseuppdrag.Vice_ordforande, _ => null,
            };
            if (uppdrag is null) fel.Add(new($"{falt}.uppdrag", $"Uppdraget \"{l.Uppdrag}\" är okänt; ange ordforande, vice_ordforande eller inget."));
            else if (uppdrag != Styrelseuppdrag.Inget && roll == Styrelseroll.Ersattare)
                fel.Add(new($"{falt}.uppdrag", "Ordförande och vice ordförande väljs bland ledamöterna, inte bland ersättarna (FINSAM 17 §)."));
            if (medlem is not null && roll is { } r && uppdrag is { } u && lnamn.Length is > 0 and <= MaxNamn)
                styrelse.Ledamoter.Add(new Styrelseledamot { Namn = lnamn, MedlemId = medlem.Id, Roll = r, Uppdrag = u });
        }
        if (fel.Any(f => f.Falt.StartsWith("styrelse", StringComparison.Ordinal) || f.Falt.StartsWith("medlemmar", StringComparison.Ordinal))) return styrelse;
        foreach (var (medlem, _) in medlemmar)
        {
            var antal = styrelse.Ledamoter.Count(l => l.MedlemId == medlem.Id && l.Roll == Styrelseroll.Ledamot);
            var ersattare = styrelse.Ledamoter.Count(l => l.MedlemId == medlem.Id && l.Roll == Styrelseroll.Ersattare);
            if (antal == 0) fel.Add(new("styrelse.ledamoter", $"{medlem.Namn} har ingen ledamot; varje medlem har minst en (FINSAM 10 §)."));
            else if (ersattare != antal) fel.Add(new("styrelse.ledamoter", $"{medlem.Namn} har {antal} ledamöter och {ersattare} ersättare; lika många ersättare som ledamöter (FINSAM 10 §)."));
        }
        var ordforande = styrelse.Ledamoter.Count(l => l.Uppdrag == Styrelseuppdrag.Ordforande);
        if (ordforande != 1) fel.Add(new("styrelse.ledamoter", $"Styrelsen har en ordförande bland ledamöterna (FINSAM 17 §); här är det {ordforande}."));
        if (styrelse.Ledamoter.Count(l => l.Uppdrag == Styrelseuppdrag.Vice_ordforande) > 2)
            fel.Add(new("styrelse.ledamoter", "Styrelsen har en eller två vice ordförande (FINSAM 17 §)."));
        return styrelse;
    }

    private static List<(string, string, IReadOnlyList<string>, Guid?, bool)> Anvandare(IReadOnlyList<NyAnvandare> nya, List<(Medlem Medlem, decimal Andel)> medlemmar, List<Valideringsfel> fel)
    {
        var lista = new List<(string, string, IReadOnlyList<string>, Guid?, bool)>();
        if (nya.Count == 0) { fel.Add(new("anvandare", "Ange förbundets första användare, minst en administratör eller en i kansliet.")); return lista; }
        for (var i = 0; i < nya.Count; i++)
        {
            var a = nya[i];
            var falt = $"anvandare[{i}]";
            var epost = a.Epost?.Trim().ToLowerInvariant() ?? "";
            if (epost.Length is 0 or > 256 || epost.Count(c => c == '@') != 1 || epost.StartsWith('@') || epost.EndsWith('@') || epost.Any(char.IsWhiteSpace))
                fel.Add(new($"{falt}.epost", $"\"{a.Epost}\" är ingen e-postadress."));
            else if (nya.Take(i).Any(t => string.Equals(t.Epost?.Trim(), epost, StringComparison.OrdinalIgnoreCase)))
                fel.Add(new($"{falt}.epost", $"{epost} står två gånger."));
            var anamn = a.Namn?.Trim() ?? "";
            if (anamn.Length == 0) fel.Add(new($"{falt}.namn", "Namn saknas."));
            else if (anamn.Length > MaxNamn) fel.Add(new($"{falt}.namn", $"Namnet får vara högst {MaxNamn} tecken."));
            var roller = (a.Roller ?? []).Select(r => r.Trim()).Distinct().ToList();
            if (roller.Count == 0) fel.Add(new($"{falt}.roller", $"Ange minst en roll: {string.Join(", ", Roller.Alla)}."));
            foreach (var okand in roller.Where(r => !Roller.Alla.Contains(r)))
                fel.Add(new($"{falt}.roller", $"Okänd roll \"{okand}\"; giltiga är {string.Join(", ", Roller.Alla)}."));
            Guid? medlemId = null;
            if (!string.IsNullOrWhiteSpace(a.Medlem))
            {
                medlemId = medlemmar.Select(m => m.Medlem).FirstOrDefault(m => string.Equals(m.Namn, a.Medlem.Trim(), StringComparison.OrdinalIgnoreCase))?.Id;
                if (medlemId is null) fel.Add(new($"{falt}.medlem", $"\"{a.Medlem}\" är ingen av förbundets medlemmar."));
            }
            if (a.Forbundschef && !roller.Contains(Roller.Kansli)) fel.Add(new($"{falt}.forbundschef", "Förbundschefen hör till kansliet: ge också rollen kansli."));
            lista.Add((epost, anamn, roller, medlemId, a.Forbundschef));
        }
        if (!lista.Any(a => a.Item3.Contains(Roller.Admin) || a.Item3.Contains(Roller.Kansli)))
            fel.Add(new("anvandare", "Minst en av de första användarna är administratör eller i kansliet, så att någon kan arbeta i förbundet."));
        return lista;
    }

    private static DateOnly? Datum(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
