using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using InsatsFlow.Engine.Store;

namespace InsatsFlow.Engine.Journal;

/// <summary>The hash chain: each entry's hash covers the previous hash and the entry's canonical text.</summary>
public static class JournalChain
{
    public static string Canonical(JournalEntry e) => string.Join('\n',
        e.InstanceId, e.Sequence.ToString(CultureInfo.InvariantCulture),
        e.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
        e.ElementId ?? "", e.Event, e.UserId ?? "", e.Payload);

    public static string Hash(string previousHash, JournalEntry e) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\n" + Canonical(e))));

    /// <summary>Checks the whole chain of one instance and names the first entry that does not hold.</summary>
    public static JournalVerification Verify(ProcessInstance instance, IReadOnlyList<JournalEntry> entries)
    {
        var previous = "";
        long expected = 1;
        foreach (var e in entries.OrderBy(e => e.Sequence))
        {
            if (e.Sequence != expected)
                return JournalVerification.Broken(entries.Count, expected, $"post {expected} saknas (nästa är {e.Sequence})");
            if (e.PreviousHash != previous)
                return JournalVerification.Broken(entries.Count, e.Sequence, $"post {e.Sequence} pekar inte på föregående posts hash");
            if (Hash(previous, e) != e.Hash)
                return JournalVerification.Broken(entries.Count, e.Sequence, $"post {e.Sequence} ({e.Event} {e.ElementId}) har ändrats efter att den skrevs");
            previous = e.Hash;
            expected++;
        }
        if (expected - 1 != instance.JournalSequence || previous != instance.JournalHash)
            return JournalVerification.Broken(entries.Count, expected, $"journalen slutar vid post {expected - 1} men instansen har skrivit {instance.JournalSequence} poster");
        return new JournalVerification(true, entries.Count, null, null);
    }
}

/// <summary>The result of verifying a journal: intact, or the first broken entry and why.</summary>
public sealed record JournalVerification(bool Intact, int Entries, long? FirstBrokenSequence, string? Problem)
{
    internal static JournalVerification Broken(int count, long sequence, string problem) => new(false, count, sequence, problem);
}
