using RulesEngine.Models;

namespace InsatsFlow.Rules.Loading;

/// <summary>The one RulesEngine configuration: used to evaluate and, identically, to parse every expression at load.</summary>
internal static class RulesEngineSettings
{
    public static ReSettings Create() => new()
    {
        // No static types beyond System.Linq.Dynamic.Core's predefined ones: rules read their input and param only.
        CustomTypes = [],
        EnableScopedParams = true,
        IgnoreException = false,
        EnableExceptionAsErrorMessage = true,
        IsExpressionCaseSensitive = false,
    };
}
