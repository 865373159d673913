using InsatsFlow.Core.Handelser;

namespace InsatsFlow.Core.Tests.Handelser;

/// <summary>Signatures as the Standard Webhooks specification writes them, so any of its libraries verifies ours.</summary>
public sealed class WebhooksignaturTests
{
    // The specification's own example (standard-webhooks, the reference libraries' tests).
    private const string Hemlighet = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Tid = 1614265330;
    private const string Kropp = "{\"test\": 2432232314}";

    [Fact]
    public void Signaturen_ar_standardens_for_dess_exempel()
    {
        Webhooksignatur.Signera(Hemlighet, Id, Tid, Kropp).Should().Be("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    [Fact]
    public void Mottagaren_godtar_signaturen_med_ratt_hemlighet_och_en_av_flera_signaturer()
    {
        var nu = DateTimeOffset.FromUnixTimeSeconds(Tid + 60);
        var signatur = Webhooksignatur.Signera(Hemlighet, Id, Tid, Kropp);

        Webhooksignatur.Verifiera(Hemlighet, Id, Tid.ToString(), $"v1,annan= {signatur}", Kropp, nu).Should().BeTrue();
    }

    [Fact]
    public void En_annan_hemlighet_eller_en_andrad_kropp_godtas_inte()
    {
        var nu = DateTimeOffset.FromUnixTimeSeconds(Tid);
        var signatur = Webhooksignatur.Signera(Hemlighet, Id, Tid, Kropp);

        Webhooksignatur.Verifiera(Webhooksignatur.NyHemlighet(), Id, Tid.ToString(), signatur, Kropp, nu).Should().BeFalse();
        Webhooksignatur.Verifiera(Hemlighet, Id, Tid.ToString(), signatur, Kropp.Replace("2432232314", "1"), nu).Should().BeFalse();
    }

    [Fact]
    public void En_tidsstampel_aldre_an_fem_minuter_godtas_inte_som_skydd_mot_upprepning()
    {
        var signatur = Webhooksignatur.Signera(Hemlighet, Id, Tid, Kropp);

        Webhooksignatur.Verifiera(Hemlighet, Id, Tid.ToString(), signatur, Kropp, DateTimeOffset.FromUnixTimeSeconds(Tid + 301)).Should().BeFalse();
    }

    [Fact]
    public void En_ny_hemlighet_har_standardens_form_och_ar_ny_varje_gang()
    {
        var a = Webhooksignatur.NyHemlighet();

        a.Should().StartWith("whsec_");
        Convert.FromBase64String(a["whsec_".Length..]).Should().HaveCount(32);
        Webhooksignatur.NyHemlighet().Should().NotBe(a);
    }
}
