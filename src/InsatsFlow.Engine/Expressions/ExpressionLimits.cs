namespace InsatsFlow.Engine.Expressions;

/// <summary>
/// How far one <c>${…}</c> may go. Every limit is a setting ("InsatsFlow:Motor:Uttryck" in the host); a breach is a
/// refusal at deploy or an incident at run time that names the element, the field and the limit.
/// </summary>
public sealed class ExpressionLimits
{
    /// <summary>Characters of one expression (inside <c>${…}</c>).</summary>
    public int MaxLength { get; set; } = 2_000;

    /// <summary>Nesting of parentheses, brackets and braces; a deeper text would exhaust the parser's stack.</summary>
    public int MaxDepth { get; set; } = 32;

    /// <summary>Characters of a text an expression builds (PadLeft, string concatenation, Replace, Join …).</summary>
    public int MaxTextLength { get; set; } = 100_000;

    /// <summary>Items of a list an expression builds or walks (Select, Where, ToList …).</summary>
    public int MaxCollectionCount { get; set; } = 10_000;

    /// <summary>The largest n of <c>arbetsdagar(n)</c>: about four years of working days.</summary>
    public int MaxWorkingDays { get; set; } = 1_000;
}
