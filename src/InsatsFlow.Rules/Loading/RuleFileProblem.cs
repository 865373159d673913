namespace InsatsFlow.Rules.Loading;

/// <summary>One reason a rule file is refused: which file, where in it (JSON path or rule name), and what is wrong.</summary>
public sealed record RuleFileProblem(string File, string Location, string Message)
{
    public override string ToString() => string.IsNullOrEmpty(Location) ? $"{File}: {Message}" : $"{File}: {Location}: {Message}";
}

/// <summary>Thrown while reading one file; collected into <see cref="RuleFileProblem"/>s by the loader.</summary>
internal sealed class RuleFileException(string location, string message) : Exception(message)
{
    public string Location { get; } = location;
}
