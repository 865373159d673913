using System.Text.Json;

namespace InsatsFlow.Engine.Parsing;

/// <summary>
/// System.Text.Json explains in English; a user reads Swedish (API bodies, rule files, forms, variables). Each case a person meets gets a Swedish sentence, with the
/// JSON path and the line and position where the reader stopped; nothing of the English text is passed on.
/// </summary>
public static class JsonMessages
{
    public static (string Sokvag, string Meddelande) Beskriv(JsonException e)
    {
        var sokvag = e.Path is { Length: > 0 } p ? p : "$";
        var var = e.LineNumber is { } rad ? $" (rad {rad + 1}, position {(e.BytePositionInLine ?? 0) + 1})" : "";
        return (sokvag, Forklaring(e.Message) + var);
    }

    public static string Forklaring(string message) => message switch
    {
        _ when Har(message, "missing required properties") => "obligatoriskt fält saknas: " + Mellan(message, "including: ", "."),
        _ when Har(message, "could not be mapped to any .NET member") => "okänt fält " + Mellan(message, "The JSON property '", "'"),
        _ when Har(message, "null") && (Har(message, "non-nullable") || Har(message, "doesn't allow")) => "värdet får inte vara null",
        _ when Har(message, "could not be converted") || Har(message, "Cannot get the value of a token type") => "värdet har fel typ",
        _ when Har(message, "is not in a supported") || Har(message, "format is not supported") => "värdet har fel format",
        _ when Har(message, "does not contain any JSON tokens") => "begäran saknar JSON-innehåll",
        _ when Har(message, "maximum configured depth") => "JSON-texten är nästlad för djupt",
        _ when Har(message, "Expected depth to be zero") || Har(message, "end of data") || Har(message, "should be closed") =>
            "JSON-texten tar slut innan alla objekt och listor är stängda",
        _ when Har(message, "trailing comma") => "ett avslutande kommatecken är inte tillåtet",
        _ when Har(message, "invalid start of a value") => "ett ogiltigt tecken står där ett värde skulle börja",
        _ when Har(message, "invalid start of a property name") => "ett fältnamn ska stå inom citattecken",
        _ when Har(message, "is invalid after") || Har(message, "is invalid within") || Har(message, "invalid character") =>
            "ett ogiltigt tecken i JSON-texten",
        _ when Har(message, "additional text") || Har(message, "after a single JSON value") => "text efter JSON-värdet",
        _ when Har(message, "Duplicate") => "ett fält förekommer två gånger",
        _ when Har(message, "too large or too small") || Har(message, "overflow") => "talet är för stort eller för litet",
        _ when Har(message, "Unicode") || Har(message, "UTF-8") || Har(message, "escape") => "ogiltig teckenkodning eller escape-sekvens",
        _ => "felaktig JSON",
    };

    private static bool Har(string text, string del) => text.Contains(del, StringComparison.OrdinalIgnoreCase);

    private static string Mellan(string text, string fore, string efter)
    {
        var start = text.IndexOf(fore, StringComparison.Ordinal);
        if (start < 0) return "";
        start += fore.Length;
        var slut = text.IndexOf(efter, start, StringComparison.Ordinal);
        return slut < 0 ? text[start..] : text[start..slut];
    }
}
