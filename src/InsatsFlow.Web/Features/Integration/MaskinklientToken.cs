using System.Security.Cryptography;
using System.Text;

namespace InsatsFlow.Web.Features.Integration;

/// <summary>
/// A machine client's API token: "ifk_&lt;client id&gt;_&lt;secret&gt;", 256 random bits. The id finds the row; only
/// the SHA-256 of the whole token is stored (a random secret of that size needs no slow hash), compared in fixed time.
/// </summary>
public static class MaskinklientToken
{
    public const string Prefix = "ifk_";

    public static string Ny(Guid klientId) =>
        $"{Prefix}{klientId:N}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static bool Stammer(string token, byte[] hash) => CryptographicOperations.FixedTimeEquals(Hash(token), hash);

    public static Guid? KlientId(string token)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length < Prefix.Length + 33 || token[Prefix.Length + 32] != '_') return null;
        return Guid.TryParseExact(token.AsSpan(Prefix.Length, 32), "N", out var id) ? id : null;
    }

    private static string Base64Url(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
