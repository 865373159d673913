using InsatsFlow.Rules.Format;

namespace InsatsFlow.Cli.Rules;

/// <summary>The text of `rules explain`: which version applies on a date, why, and what each rule checks.</summary>
public static class RuleExplanation
{
    public static void Write(TextWriter output, RuleFile file, DateOnly datum, IReadOnlyList<RuleFile> versions)
    {
        output.WriteLine($"{file.Regelverk}: version {file.Version} gäller {datum:yyyy-MM-dd} (giltig från {file.GiltigFran:yyyy-MM-dd}).");
        output.WriteLine($"Fil: {file.Path}  SHA-256: {file.Sha256}");
        output.WriteLine("Versioner: " + string.Join(", ", versions.Select(v => $"{v.Version} från {v.GiltigFran:yyyy-MM-dd}")));
        output.WriteLine();
        output.WriteLine(file.Beskrivning);
        output.WriteLine();
        output.WriteLine("Rättslig grund: " + string.Join("; ", file.RattsligGrund));
        output.WriteLine("Indata:");
        foreach (var (namn, shape) in file.Indata) output.WriteLine($"  {namn}: {shape.Describe()}");
        if (file.ParametrarJson.Length > 0) output.WriteLine("Parametrar: " + file.ParametrarJson);
        output.WriteLine("Regler:");
        foreach (var regel in file.Regler)
        {
            output.WriteLine($"  {regel.Namn} ({regel.Allvarlighet.ToString().ToLowerInvariant()}; {regel.RattsligGrund})");
            if (regel.Beskrivning is not null) output.WriteLine($"    {regel.Beskrivning}");
            output.WriteLine($"    Om ej uppfylld: {regel.Meddelande}");
            if (regel.Uttryck is not null) output.WriteLine($"    Uttryck: {regel.Uttryck}");
        }
    }
}
