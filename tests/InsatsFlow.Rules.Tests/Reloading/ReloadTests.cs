using InsatsFlow.Rules.Loading;
using InsatsFlow.Rules.Reloading;
using InsatsFlow.Rules.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace InsatsFlow.Rules.Tests.Reloading;

public class ReloadTests : IDisposable
{
    private readonly TempRulesDirectory rules = new();
    private readonly RuleCatalogueHolder holder;

    public ReloadTests()
    {
        rules.Write(RuleFileJson.Make(version: "1", giltigFran: "2025-01-01"));
        holder = new RuleCatalogueHolder(rules.Path);
        holder.Reload().Ok.Should().BeTrue();
    }

    public void Dispose() => rules.Dispose();

    [Fact]
    public void En_tillagd_version_borjar_galla_efter_omladdning()
    {
        rules.Write(RuleFileJson.Make(version: "2", giltigFran: "2026-01-01"));

        holder.Reload().Ok.Should().BeTrue();

        holder.Current.Choose("prov", new DateOnly(2026, 1, 1)).Version.Should().Be("2");
    }

    [Fact]
    public void En_trasig_fil_rapporteras_och_de_inlasta_versionerna_fortsatter_galla()
    {
        var before = holder.Current;
        rules.Write("prov/2.json", "{ \"regelverk\": \"prov\", ");

        var result = holder.Reload();

        result.Ok.Should().BeFalse();
        holder.LastProblems.Should().ContainSingle().Which.File.Should().EndWith("prov/2.json");
        holder.Current.Should().BeSameAs(before);
        holder.Current.Choose("prov", new DateOnly(2026, 1, 1)).Version.Should().Be("1");
    }

    [Fact]
    public void Nar_filen_ar_lagad_laddas_den_och_felen_forsvinner()
    {
        rules.Write("prov/2.json", "{ trasig");
        holder.Reload();

        rules.Write(RuleFileJson.Make(version: "2", giltigFran: "2026-01-01"));
        holder.Reload().Ok.Should().BeTrue();

        holder.LastProblems.Should().BeEmpty();
        holder.Current.Versions("prov").Should().HaveCount(2);
    }

    [Fact]
    public void Flera_andringar_i_foljd_ger_en_omladdning_nar_de_lagt_sig()
    {
        var time = new FakeTimeProvider();
        using var reloader = new RuleFileReloader(holder, time, TimeSpan.FromMilliseconds(500));
        var reloads = 0;
        holder.Reloaded += _ => reloads++;

        reloader.Changed();
        time.Advance(TimeSpan.FromMilliseconds(300));
        reloader.Changed();
        time.Advance(TimeSpan.FromMilliseconds(300));
        reloads.Should().Be(0);

        time.Advance(TimeSpan.FromMilliseconds(200));
        reloads.Should().Be(1);
    }

    [Fact]
    public async Task Bevakningen_laddar_om_nar_en_fil_skrivs()
    {
        using var reloader = new RuleFileReloader(holder, TimeProvider.System, TimeSpan.FromMilliseconds(50));
        var reloaded = new TaskCompletionSource<LoadResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        holder.Reloaded += r => { if (r.Ok && r.Catalogue!.Versions("prov").Count == 2) reloaded.TrySetResult(r); };
        reloader.Start();

        rules.Write(RuleFileJson.Make(version: "2", giltigFran: "2026-01-01"));

        var result = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        result.Ok.Should().BeTrue();
        holder.Current.Choose("prov", new DateOnly(2026, 6, 1)).Version.Should().Be("2");
    }
}
