using InsatsFlow.Engine.Expressions;
namespace InsatsFlow.Engine.Model;

/// <summary>An attribute value that is either a literal or a whole <c>${…}</c> expression.</summary>
public sealed class TextValue
{
    public string? Literal { get; private init; }
    public EngineExpression? Expression { get; private init; }

    public static TextValue Parse(string raw, string elementId, string field) =>
        EngineExpression.IsExpression(raw)
            ? new TextValue { Expression = EngineExpression.Create(raw, elementId, field) }
            : new TextValue { Literal = raw.Trim() };

    public override string ToString() => Expression?.Text ?? Literal ?? "";
}
