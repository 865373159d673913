namespace InsatsFlow.Data.Integration;

/// <summary>
/// Another system of a förbund (a diarium, an e-tjänst) that calls the API with a bearer token. Only the token's
/// SHA-256 is kept: the token is shown once, when it is made or rotated.
/// </summary>
public sealed class Maskinklient
{
    public Guid Id { get; set; }
    public Guid ForbundId { get; set; }
    public string Namn { get; set; } = "";
    /// <summary>Space-separated scopes, as OAuth writes them ("lasa registrera-insats").</summary>
    public string Omfang { get; set; } = "";
    public byte[] TokenHash { get; set; } = [];
    public DateTime SkapadUtc { get; set; }
    public string SkapadAv { get; set; } = "";
    public DateTime? RoteradUtc { get; set; }
    public DateTime? AterkalladUtc { get; set; }

    public IReadOnlyList<string> OmfangLista => Omfang.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
