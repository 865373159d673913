namespace InsatsFlow.Rules.Loading;

/// <summary>A whole load: either every file loaded (Catalogue) or nothing did (Problems).</summary>
public sealed record LoadResult(RuleCatalogue? Catalogue, IReadOnlyList<RuleFileProblem> Problems)
{
    public bool Ok => Catalogue is not null;
}

/// <summary>A draft: either the checked file or why it was refused.</summary>
public sealed record DraftResult(Format.RuleFile? File, IReadOnlyList<RuleFileProblem> Problems)
{
    public bool Ok => File is not null;
}
