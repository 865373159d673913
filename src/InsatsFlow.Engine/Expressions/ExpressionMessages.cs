using System.Text.RegularExpressions;

namespace InsatsFlow.Engine.Expressions;

/// <summary>
/// System.Linq.Dynamic.Core and the runtime explain in English; every message a user sees is Swedish. The parser's
/// messages (its Res texts) are matched one by one; what is not known keeps no English but says what kind of error it was.
/// </summary>
public static partial class ExpressionMessages
{
    private static readonly (Regex Pattern, string Swedish)[] ParserTexts =
    [
        (P(@"^Unknown identifier '(.*)'$"), "okänd identifierare '$1'"),
        (P(@"^No property or field '(.*)' exists in type '(.*)'$"), "egenskapen '$1' finns inte på typen '$2'"),
        (P(@"^No applicable method '(.*)' exists in type '(.*)'$"), "metoden '$1' finns inte (med de argumenten) på typen '$2'"),
        (P(@"^Method '(.*)' on type '(.*)' is not accessible\.?$"), "metoden '$1' på typen '$2' är inte tillgänglig"),
        (P(@"^Method '(.*)' not found on type '(.*)' or '(.*)'$"), "metoden '$1' finns inte på typen '$2' eller '$3'"),
        (P(@"^Method '(.*)' in type '(.*)' does not return a value$"), "metoden '$1' på typen '$2' ger inget värde"),
        (P(@"^Ambiguous invocation of method '(.*)' in type '(.*)'$"), "anropet av metoden '$1' på typen '$2' är tvetydigt"),
        (P(@"^Ambiguous invocation of '(.*)' constructor$"), "anropet av konstruktorn för '$1' är tvetydigt"),
        (P(@"^Ambiguous invocation of indexer in type '(.*)'$"), "indexeringen av typen '$1' är tvetydig"),
        (P(@"^Operator '(.*)' incompatible with operand types '(.*)' and '(.*)'$"), "operatorn '$1' kan inte användas mellan typerna '$2' och '$3'"),
        (P(@"^Operator '(.*)' incompatible with operand type '(.*)'$"), "operatorn '$1' kan inte användas på typen '$2'"),
        (P(@"^Types '(.*)' and '(.*)' are incompatible$"), "typerna '$1' och '$2' är oförenliga"),
        (P(@"^Both of the types '(.*)' and '(.*)' convert to the other$"), "typerna '$1' och '$2' kan båda omvandlas till varandra"),
        (P(@"^Neither of the types '(.*)' and '(.*)' converts to the other$"), "ingen av typerna '$1' och '$2' kan omvandlas till den andra"),
        (P(@"^A value of type '(.*)' cannot be converted to type '(.*)'$"), "ett värde av typen '$1' kan inte omvandlas till typen '$2'"),
        (P(@"^Expression of type '(.*)' expected$"), "ett uttryck av typen '$1' väntades"),
        (P(@"^Type '(.*)' not found$"), "typen '$1' finns inte"),
        (P(@"^Type '(.*)' has no nullable form$"), "typen '$1' kan inte vara null"),
        (P(@"^No matching constructor in type '(.*)'$"), "ingen konstruktor på typen '$1' passar argumenten"),
        (P(@"^No applicable indexer exists in type '(.*)' with (.*) parameters$"), "typen '$1' kan inte indexeras med $2 argument"),
        (P(@"^Enum type '(.*)' not found$"), "uppräkningstypen '$1' finns inte"),
        (P(@"^Enum value '(.*)' is not defined in enum type '(.*)'$"), "värdet '$1' finns inte i uppräkningen '$2'"),
        (P(@"^The identifier '(.*)' was defined more than once$"), "namnet '$1' är definierat mer än en gång"),
        (P(@"^Identifier implementing interface '(.*)' expected$"), "en identifierare som implementerar '$1' väntades"),
        (P(@"^The '(.*)' function requires one argument which is not null\.?$"), "funktionen '$1' kräver ett argument som inte är null"),
        (P(@"^The '(.*)' function requires one argument$"), "funktionen '$1' kräver ett argument"),
        (P(@"^The '(.*)' function requires 1 or 2 arguments$"), "funktionen '$1' kräver ett eller två argument"),
        (P(@"^The '(.*)' function requires the (.*)argument to be not null and of type (.*)\.?$"), "funktionen '$1' kräver att $2argumentet inte är null och har typen $3"),
        (P(@"^Invalid integer literal qualifier '(.*)'$"), "ogiltigt suffix '$1' på heltal"),
        (P(@"^Invalid integer literal '(.*)'$"), "ogiltigt heltal '$1'"),
        (P(@"^Invalid binary integer literal '(.*)'$"), "ogiltigt binärt heltal '$1'"),
        (P(@"^Invalid real literal '(.*)'$"), "ogiltigt decimaltal '$1'"),
        (P(@"^Syntax error '(.*)'$"), "syntaxfel vid '$1'"),
        (P(@"^String '(.*)' should have at least (.*) characters\.?$"), "texten '$1' ska ha minst $2 tecken"),
        (P(@"^Unexpected end of string with unclosed string at position (.*) near '(.*)'\.?$"), "texten tar slut med en sträng som inte är avslutad (position $1, nära '$2')"),
        (P(@"^Unexpected unrecognized escape sequence at position (.*) near '(.*)'\.?$"), "okänd escape-sekvens (position $1, nära '$2')"),
        (P(@"^'-' cannot be applied to unsigned integers\.?$"), "'-' kan inte användas på tal utan tecken"),
        (P(@"^Indexing of multi-dimensional arrays is not supported$"), "flerdimensionella listor kan inte indexeras"),
        (P(@"^Using the new operator is not allowed via the ParsingConfig\.?$"), "new är inte tillåtet i uttryck"),
        (P(@"^An expression tree lambda may not contain a null propagating operator.*$"), "?. kan inte användas; använd np(…)"),
        (P(@"^Expression expected$"), "ett uttryck väntades"),
        (P(@"^Digit expected$"), "en siffra väntades"),
        (P(@"^Hexadecimal character expected$"), "en hexadecimal siffra väntades"),
        (P(@"^Binary character expected$"), "en binär siffra (0 eller 1) väntades"),
        (P(@"^Identifier expected$"), "ett namn väntades"),
        (P(@"^Enum value expected$"), "ett uppräkningsvärde väntades"),
        (P(@"^'\(' or Identifier expected$"), "'(' eller ett namn väntades"),
        (P(@"^'\.' or '\(' or string literal expected$"), "'.', '(' eller en text väntades"),
        (P(@"^'\.' or '\(' expected$"), "'.' eller '(' väntades"),
        (P(@"^'\)' or ',' expected$"), "')' eller ',' väntades"),
        (P(@"^'\)' or operator expected$"), "')' eller en operator väntades"),
        (P(@"^'\]' or ',' expected$"), "']' eller ',' väntades"),
        (P(@"^(.*) expected$"), "$1 väntades"),
    ];

    /// <summary>A Swedish sentence for a System.Linq.Dynamic.Core parse message.</summary>
    public static string Parser(string message)
    {
        var text = message.Trim();
        foreach (var (pattern, swedish) in ParserTexts)
            if (pattern.IsMatch(text)) return pattern.Replace(text, swedish);
        return "uttrycket kan inte tolkas";
    }

    /// <summary>A Swedish sentence for what went wrong while an expression was evaluated (or compiled).</summary>
    public static string Of(Exception e) => e switch
    {
        ExpressionLimitException or ExpressionNotAllowedException or EngineException => e.Message,
        // InsatsFlow's own code (an expression function, the calendar, a load check) already words its refusals in Swedish.
        ArgumentException a when IsOurs(a) => a.ParamName is { } p ? a.Message.Split($" (Parameter '{p}')")[0] : a.Message,
        _ when IsOurs(e) => e.Message,
        System.Linq.Dynamic.Core.Exceptions.ParseException p => $"{Parser(p.Message)} (position {p.Position})",
        System.Reflection.TargetInvocationException { InnerException: { } inner } => Of(inner),
        NullReferenceException => "ett värde saknas (null)",
        DivideByZeroException => "division med noll",
        OverflowException => "talet blir för stort eller för litet",
        FormatException => "en text har fel format för att bli ett tal eller datum",
        InvalidCastException => "ett värde har fel typ",
        IndexOutOfRangeException => "index utanför listan",
        ArgumentOutOfRangeException => "ett argument ligger utanför det tillåtna intervallet",
        ArgumentNullException => "ett argument saknas (null)",
        KeyNotFoundException => "nyckeln finns inte",
        InvalidOperationException i when i.Message.Contains("no elements", StringComparison.OrdinalIgnoreCase) => "listan är tom",
        InvalidOperationException i when i.Message.Contains("more than one", StringComparison.OrdinalIgnoreCase) => "listan har mer än ett element",
        InvalidOperationException i when i.Message.Contains("Nullable object must have a value", StringComparison.Ordinal) => "ett värde saknas (null)",
        InvalidOperationException i when i.Message.Contains("binary operator", StringComparison.OrdinalIgnoreCase) => "operatorn kan inte användas mellan de här typerna",
        OutOfMemoryException or InsufficientExecutionStackException => "uttrycket bygger för mycket",
        _ => $"uttrycket kunde inte beräknas ({e.GetType().Name})",
    };

    /// <summary>
    /// A Swedish sentence for an error that only exists as text (RulesEngine's ExceptionMessage): the runtime's messages that
    /// a rule meets are recognised by their wording, our own Swedish ones kept.
    /// </summary>
    public static string? OfText(string? message)
    {
        if (string.IsNullOrEmpty(message)) return message;
        var text = message.StartsWith("Exception while executing", StringComparison.Ordinal) && message.IndexOf(": ", StringComparison.Ordinal) is var at and > 0
            ? message[(at + 2)..] : message;
        return text switch
        {
            _ when text.Contains("Object reference not set", StringComparison.Ordinal) || text.Contains("Nullable object must have a value", StringComparison.Ordinal) => "regeln läste ett värde som saknas (null)",
            _ when text.Contains("divide by zero", StringComparison.OrdinalIgnoreCase) => "regeln delar med noll",
            _ when text.Contains("too large or too small", StringComparison.Ordinal) || text.Contains("overflow", StringComparison.OrdinalIgnoreCase) => "ett tal i regeln blir för stort eller för litet",
            _ when text.Contains("Sequence contains no elements", StringComparison.Ordinal) => "regeln läste en tom lista",
            _ when text.Contains("more than one", StringComparison.Ordinal) => "regeln väntade sig ett element men listan har flera",
            _ when text.Contains("Index was out of range", StringComparison.Ordinal) || text.Contains("outside the bounds", StringComparison.Ordinal) => "regeln läste utanför en lista",
            _ when text.Contains("not in a correct format", StringComparison.Ordinal) => "en text i regeln har fel format för att bli ett tal eller datum",
            _ when text.Contains("cast", StringComparison.OrdinalIgnoreCase) => "ett värde i regeln har fel typ",
            _ when text.Contains("å", StringComparison.Ordinal) || text.Contains("ä", StringComparison.Ordinal) || text.Contains("ö", StringComparison.Ordinal) => text,
            _ => "regeln kunde inte beräknas",
        };
    }

    private static bool IsOurs(Exception e) =>
        e.TargetSite?.DeclaringType?.Namespace?.StartsWith("InsatsFlow", StringComparison.Ordinal) == true;

    private static Regex P(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Singleline);
}
