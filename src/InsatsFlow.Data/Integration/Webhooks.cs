namespace InsatsFlow.Data.Integration;

/// <summary>
/// A förbund's subscription: which events go to which URL, signed with its own secret. The secret is kept as it is
/// (HMAC needs it to sign) and shown to the admin once, when it is made or rotated.
/// </summary>
public sealed class Webhookprenumeration
{
    public Guid Id { get; set; }
    public Guid ForbundId { get; set; }
    public string Url { get; set; } = "";
    /// <summary>Space-separated event types ("insats.registrerad uppgift.skapad").</summary>
    public string Handelser { get; set; } = "";
    public string Hemlighet { get; set; } = "";
    public DateTime SkapadUtc { get; set; }
    public string SkapadAv { get; set; } = "";
    public DateTime? RoteradUtc { get; set; }
    public DateTime? AvslutadUtc { get; set; }

    public IReadOnlyList<string> HandelseLista => Handelser.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    public bool Prenumererar(string typ) => AvslutadUtc is null && HandelseLista.Contains(typ);
}

/// <summary>One event, its body as sent (signed over these exact bytes on every attempt).</summary>
public sealed class Webhookhandelse
{
    public Guid Id { get; set; }
    public Guid ForbundId { get; set; }
    public string Typ { get; set; } = "";
    public string Innehall { get; set; } = "";
    public DateTime SkapadUtc { get; set; }
}

public enum Leveransstatus { Koad, Levererad, Misslyckad }

/// <summary>One event to one subscription: delivered by its job (<see cref="WebhookLeveransJobb"/>), every attempt in <see cref="Webhookforsok"/>.</summary>
public sealed class Webhookleverans
{
    public Guid Id { get; set; }
    public Guid HandelseId { get; set; }
    public Guid PrenumerationId { get; set; }
    public string Typ { get; set; } = "";
    public Leveransstatus Status { get; set; }
    public int Forsok { get; set; }
    public int? SenasteStatuskod { get; set; }
    public string? SenasteFel { get; set; }
    public DateTime SkapadUtc { get; set; }
    public DateTime? LevereradUtc { get; set; }
    public DateTime? NastaForsokUtc { get; set; }
}

/// <summary>The delivery log: one row per attempt, with the receiver's status code or the error.</summary>
public sealed class Webhookforsok
{
    public Guid Id { get; set; }
    public Guid LeveransId { get; set; }
    public int Nummer { get; set; }
    public DateTime TidpunktUtc { get; set; }
    public int? Statuskod { get; set; }
    public string? Fel { get; set; }
    public long Millisekunder { get; set; }
}
