using InsatsFlow.Data;
using InsatsFlow.Data.Tests.Support;
using InsatsFlow.Engine.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Engine.Tests;

public class JournalTests
{
    private static async Task<(EngineHarness H, string Id)> RunToEnd(DatabaseProvider databas)
    {
        var h = new EngineHarness(provider: databas);
        await h.DeployAsync(Bpmn.Tasks("p", "a", "b"));
        var id = (await h.StartAsync("p", new { belopp = 10 })).InstanceId!;
        await h.CompleteAsync(id, "a", new { ok = true });
        return (h, id);
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Varje_steg_lamnar_en_post_med_sekvens_tid_anvandare_och_kedjad_hash(DatabaseProvider databas)
    {
        var (h, id) = await RunToEnd(databas);
        using var _ = h;
        var journal = await h.RunAsync(e => e.JournalAsync(id));
        journal.Select(j => j.Sequence).Should().BeInAscendingOrder().And.StartWith(1L);
        journal.Should().Contain(j => j.Event == "task-completed" && j.UserId == "anna" && j.Payload.Contains("\"ok\":true"));
        journal.Skip(1).Zip(journal).Should().OnlyContain(p => p.First.PreviousHash == p.Second.Hash);
        (await h.RunAsync(e => e.VerifyJournalAsync(id))).Intact.Should().BeTrue();
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task En_andrad_post_upptacks_och_namnges(DatabaseProvider databas)
    {
        var (h, id) = await RunToEnd(databas);
        using var _ = h;
        await h.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"EngineJournal\" SET \"Payload\" = {1} WHERE \"InstanceId\" = {0} AND \"Event\" = 'task-completed'", id, "{\"ok\":false}"));
        var result = await h.RunAsync(e => e.VerifyJournalAsync(id));
        result.Intact.Should().BeFalse();
        var completed = (await h.RunAsync(e => e.JournalAsync(id))).Single(j => j.Event == "task-completed");
        result.FirstBrokenSequence.Should().Be(completed.Sequence);
        result.Problem.Should().Contain("ändrats");
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task En_borttagen_post_upptacks(DatabaseProvider databas)
    {
        var (h, id) = await RunToEnd(databas);
        using var _ = h;
        await h.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"EngineJournal\" WHERE \"InstanceId\" = {0} AND \"Sequence\" = 3", id));
        var result = await h.RunAsync(e => e.VerifyJournalAsync(id));
        result.Should().Match<Journal.JournalVerification>(r => !r.Intact && r.FirstBrokenSequence == 3);
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task En_borttagen_sista_post_upptacks(DatabaseProvider databas)
    {
        var (h, id) = await RunToEnd(databas);
        using var _ = h;
        await h.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "DELETE FROM \"EngineJournal\" WHERE \"InstanceId\" = {0} AND \"Sequence\" = (SELECT MAX(\"Sequence\") FROM \"EngineJournal\" WHERE \"InstanceId\" = {0})", id));
        (await h.RunAsync(e => e.VerifyJournalAsync(id))).Intact.Should().BeFalse();
    }
}
