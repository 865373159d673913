using InsatsFlow.Engine.Expressions;

namespace InsatsFlow.Rules.Loading;

/// <summary>How far a rule file may go; settings ("InsatsFlow:Regelgranser" in the host). A breach names the regelverk and the limit.</summary>
public sealed class RuleLimits
{
    /// <summary>
    /// How long one evaluation of a regelverk may take; a longer one is stopped between rules and refused. Generous, because
    /// RulesEngine compiles a file's rules on its first evaluation: the limit is against runaways, not a speed target.
    /// </summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Length and nesting of each expression, and the sizes a constant may give PadLeft, String(c, n) and the like.</summary>
    public ExpressionLimits Expressions { get; set; } = new();
}

/// <summary>An evaluation went over a limit of <see cref="RuleLimits"/>; nothing was recorded.</summary>
public sealed class RuleLimitException(string message) : Exception(message);
