namespace InsatsFlow.Core.Notifieringar;

/// <summary>
/// One row of the outbox: who is to be told what, and when. It is delivered by a job of its own (the job executor's
/// lease, attempts and backoff). A row is never deleted when sending fails; it keeps the attempt count and last error,
/// and after the last attempt it is <see cref="Notifieringsstatus.Misslyckad"/>.
/// </summary>
public sealed class Notifiering
{
    private Notifiering()
    {
        MottagareId = Amne = Innehall = "";
    }

    public Notifiering(Guid id, NyNotifiering ny, DateTime skapadUtc, Guid? forbundId = null)
    {
        ForbundId = ny.ForbundId ?? forbundId;
        Id = id;
        Mottagartyp = ny.Mottagare.Typ;
        MottagareId = ny.Mottagare.Id;
        Kanal = ny.Kanal;
        Amne = ny.Amne;
        Innehall = ny.Innehall;
        InnehallArHtml = ny.InnehallArHtml;
        SkapadUtc = Utc(skapadUtc);
        ForfallerUtc = ny.Forfaller?.UtcDateTime ?? SkapadUtc;
        Dedupliceringsnyckel = ny.Dedupliceringsnyckel;
        Dedupliceringsomfang = Omfang(ForbundId);
        ProcessInstansId = ny.ProcessInstansId;
        Status = Notifieringsstatus.Koad;
    }

    public Guid Id { get; private set; }
    public Mottagartyp Mottagartyp { get; private set; }
    public string MottagareId { get; private set; }
    public Kanal Kanal { get; private set; }
    public string Amne { get; private set; }
    public string Innehall { get; private set; }
    public bool InnehallArHtml { get; private set; }

    /// <summary>Not to be sent before this time.</summary>
    public DateTime ForfallerUtc { get; private set; }
    public DateTime SkapadUtc { get; private set; }

    /// <summary>When set, a second notification with the same key for the same förbund is not queued (a reminder fired twice).</summary>
    public string? Dedupliceringsnyckel { get; private set; }

    /// <summary>Where <see cref="Dedupliceringsnyckel"/> is unique: the förbund (its id, "N" format), or "" for a
    /// notification of none. Two förbund may use the same key (a diarienummer such as "SF 2026/012" in a process's
    /// nyckel) without the second förbund's notification being taken for the first's.</summary>
    public string Dedupliceringsomfang { get; private set; } = "";
    public string? ProcessInstansId { get; private set; }

    /// <summary>Whose people a group or role is resolved among (the kansli of this förbund, not of every förbund); null: none named.</summary>
    public Guid? ForbundId { get; private set; }

    public Notifieringsstatus Status { get; private set; }
    public int Forsok { get; private set; }
    public string? SenasteFel { get; private set; }

    /// <summary>The next attempt after a failure (the job executor's backoff).</summary>
    public DateTime? NastaForsokUtc { get; private set; }
    public DateTime? SkickadUtc { get; private set; }

    /// <summary>Optimistic concurrency: a late writer (a job whose lease ran out) cannot overwrite a newer outcome.</summary>
    public int Version { get; private set; }

    public Mottagare Mottagare => new(Mottagartyp, MottagareId);

    public void Levererad(Notifieringsstatus status, DateTime nuUtc, string? anmarkning = null)
    {
        Status = status;
        SkickadUtc = Utc(nuUtc);
        NastaForsokUtc = null;
        SenasteFel = anmarkning;
        Version++;
    }

    public void Misslyckades(string fel, DateTime nastaForsokUtc)
    {
        Forsok++;
        SenasteFel = fel.Length > 2000 ? fel[..2000] : fel;
        NastaForsokUtc = Utc(nastaForsokUtc);
        Version++;
    }

    public void GavUpp(string fel)
    {
        Status = Notifieringsstatus.Misslyckad;
        SenasteFel = fel.Length > 2000 ? fel[..2000] : fel;
        NastaForsokUtc = null;
        Version++;
    }

    public static string Omfang(Guid? forbundId) => forbundId?.ToString("N") ?? "";

    private static DateTime Utc(DateTime tid) => DateTime.SpecifyKind(tid, DateTimeKind.Utc);
}
