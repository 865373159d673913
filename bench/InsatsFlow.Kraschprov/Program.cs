using InsatsFlow.Kraschprov;

// kill -9 campaign: dotnet run --project bench/InsatsFlow.Kraschprov -- [N=5] [seed=1] [a built InsatsFlow.Web.dll or -] [no kill after HH:mm UTC]
var n = args.Length > 0 ? int.Parse(args[0]) : 5;
var fro = args.Length > 1 ? int.Parse(args[1]) : 1;
var repo = Kampanj.HittaRepo(AppContext.BaseDirectory);
var resultat = await Kampanj.KorAsync(new Kampanjval(repo, n, fro, WebDll: args.Length > 2 && args[2] != "-" ? Path.GetFullPath(args[2]) : null,
    Senast: args.Length > 3 ? new DateTimeOffset(DateOnly.FromDateTime(DateTime.UtcNow).ToDateTime(TimeOnly.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture)), TimeSpan.Zero) : null), Console.Out, CancellationToken.None);
var fil = Path.Combine(repo, "bench", "results", $"kraschprov-n{n}.md");
await File.WriteAllTextAsync(fil, resultat.Tabell());
Console.WriteLine(resultat.Tabell());
Console.WriteLine($"Skrivet till {fil}");
return resultat.Defekter == 0 ? 0 : 1;
