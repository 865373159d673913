namespace InsatsFlow.Rules.Loading;

/// <summary>A whole load: either every file loaded (Catalogue) or nothing did (Problems).</summary>
public sealed record LoadResult(RuleCatalogue? Catalogue, IReadOnlyList<RuleFileProblem> Problems)
{
    public bool Ok => Catalogue is not null;
}
