using InsatsFlow.Engine.Expressions;
using InsatsFlow.Rules.Views;

namespace InsatsFlow.Rules.Loading;

/// <summary>
/// The catalogue currently serving. <see cref="Reload"/> swaps in a new catalogue only when the whole directory
/// loads; otherwise the previous one keeps serving and the problems are kept for whoever asks.
/// </summary>
public sealed class RuleCatalogueHolder
{
    private readonly RuleCatalogueLoader loader;
    private readonly Lock reloadLock = new();
    private volatile RuleCatalogue current = RuleCatalogue.Empty;

    public RuleCatalogueHolder(string directory, ExpressionSandbox? sandbox = null, RuleLimits? limits = null, InputViewCatalogue? views = null)
    {
        Directory = directory;
        Views = views;
        loader = new RuleCatalogueLoader(sandbox, limits, views);
    }

    public string Directory { get; }

    /// <summary>The views the host builds rule input from, or null when rule files read process variables directly.</summary>
    public InputViewCatalogue? Views { get; }

    /// <summary>The loader this catalogue uses, for drafts checked the same way as its files.</summary>
    public RuleCatalogueLoader Loader => loader;

    public RuleCatalogue Current => current;

    /// <summary>The problems of the last load that failed, empty after a load that succeeded.</summary>
    public IReadOnlyList<RuleFileProblem> LastProblems { get; private set; } = [];

    /// <summary>Raised after every load attempt, successful or not.</summary>
    public event Action<LoadResult>? Reloaded;

    public LoadResult Reload()
    {
        LoadResult result;
        lock (reloadLock)
        {
            result = loader.Load(Directory);
            if (result.Catalogue is not null) current = result.Catalogue;
            LastProblems = result.Problems;
        }
        Reloaded?.Invoke(result);
        return result;
    }
}
