using InsatsFlow.Kraschprov;

// kill -9 campaign: dotnet run --project bench/InsatsFlow.Kraschprov -- [N=5] [seed=1] [a built InsatsFlow.Web.dll or -] [no kill after HH:mm UTC]
//   [--postgres "<connection string to a server that may create databases>"]: two nodes on a fresh PostgreSQL database
// After the kills the open lifecycles are driven to their end for at most INSATSFLOW_KRASCHPROV_SLUTKORNING_MIN minutes (10);
// INSATSFLOW_KRASCHPROV_BEHALL=1 keeps the database and the hosts' logs.
var lista = args.ToList();
string? postgres = null;
var pg = lista.IndexOf("--postgres");
if (pg >= 0)
{
    if (pg + 1 >= lista.Count) { Console.Error.WriteLine("--postgres behöver en anslutningssträng, t.ex. \"Host=127.0.0.1;Port=5432;Username=postgres\"."); return 2; }
    postgres = lista[pg + 1];
    lista.RemoveRange(pg, 2);
}
var n = lista.Count > 0 ? int.Parse(lista[0]) : 5;
var fro = lista.Count > 1 ? int.Parse(lista[1]) : 1;
var repo = Kampanj.HittaRepo(AppContext.BaseDirectory);
var resultat = await Kampanj.KorAsync(new Kampanjval(repo, n, fro, WebDll: lista.Count > 2 && lista[2] != "-" ? Path.GetFullPath(lista[2]) : null,
    Senast: lista.Count > 3 ? new DateTimeOffset(DateOnly.FromDateTime(DateTime.UtcNow).ToDateTime(TimeOnly.Parse(lista[3], System.Globalization.CultureInfo.InvariantCulture)), TimeSpan.Zero) : null,
    Postgres: postgres,
    Slutkorning: Environment.GetEnvironmentVariable("INSATSFLOW_KRASCHPROV_SLUTKORNING_MIN") is { } min
        ? TimeSpan.FromMinutes(double.Parse(min, System.Globalization.CultureInfo.InvariantCulture)) : null), Console.Out, CancellationToken.None);
var fil = Path.Combine(repo, "bench", "results", postgres is null ? $"kraschprov-n{n}.md" : $"kraschprov-postgres-{resultat.Noder}noder-n{n}.md");
await File.WriteAllTextAsync(fil, resultat.Tabell());
Console.WriteLine(resultat.Tabell());
Console.WriteLine($"Skrivet till {fil}");
return resultat.Defekter == 0 ? 0 : 1;
