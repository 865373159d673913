using System.Security.Cryptography;
using System.Text;

namespace InsatsFlow.Core.Handelser;

/// <summary>
/// Signatures as the Standard Webhooks specification writes them: headers webhook-id, webhook-timestamp (Unix
/// seconds) and webhook-signature ("v1," + base64 HMAC-SHA256 over "id.timestamp.body" with the secret's bytes);
/// the secret is "whsec_" + base64. A receiver refuses a timestamp further than the tolerance from its clock (replay).
/// </summary>
public static class Webhooksignatur
{
    public const string IdRubrik = "webhook-id";
    public const string TidRubrik = "webhook-timestamp";
    public const string SignaturRubrik = "webhook-signature";
    public const string Hemlighetsprefix = "whsec_";
    public static readonly TimeSpan Tolerans = TimeSpan.FromMinutes(5);

    public static string NyHemlighet() => Hemlighetsprefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Signera(string hemlighet, string id, long tidsstampel, string kropp) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(Nyckel(hemlighet), Encoding.UTF8.GetBytes($"{id}.{tidsstampel}.{kropp}")));

    /// <summary>True when one of the space-separated signatures is this body's, and the timestamp is within the tolerance.</summary>
    public static bool Verifiera(string hemlighet, string id, string tidsstampel, string signaturer, string kropp, DateTimeOffset nu)
    {
        if (!long.TryParse(tidsstampel, out var sekunder)) return false;
        if ((nu - DateTimeOffset.FromUnixTimeSeconds(sekunder)).Duration() > Tolerans) return false;
        var vantad = Encoding.ASCII.GetBytes(Signera(hemlighet, id, sekunder, kropp));
        return signaturer.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), vantad));
    }

    private static byte[] Nyckel(string hemlighet) =>
        Convert.FromBase64String(hemlighet.StartsWith(Hemlighetsprefix, StringComparison.Ordinal) ? hemlighet[Hemlighetsprefix.Length..] : hemlighet);
}
