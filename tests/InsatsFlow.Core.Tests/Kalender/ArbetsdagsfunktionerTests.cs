using InsatsFlow.Core.Kalender;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Expressions;
using InsatsFlow.Engine.Time;

namespace InsatsFlow.Core.Tests.Kalender;

/// <summary>arbetsdagar(n) evaluated the way the engine evaluates a due date or timer expression.</summary>
public sealed class ArbetsdagsfunktionerTests
{
    private readonly ExpressionHost _host = new(new EngineOptions().UseFunctions<Arbetsdagsfunktioner>(), new SvenskaArbetsdagar());

    private object? Berakna(string uttryck, DateTimeOffset nu) =>
        EngineExpression.Create(uttryck, "Yttrande", "camunda:dueDate").Evaluate(_host, (string _, out object? v) => { v = null; return false; }, nu);

    [Fact]
    public void Arbetsdagar_i_ett_uttryck_hoppar_over_midsommarafton_och_helgen()
    {
        // Thursday 18 June 2026 10:00 CEST.
        var frist = Berakna("${arbetsdagar(1)}", new DateTimeOffset(2026, 6, 18, 8, 0, 0, TimeSpan.Zero));
        frist.Should().Be(new DateTimeOffset(2026, 6, 22, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Arbetsdagar_over_sommartidens_slut_behaller_klockslaget()
    {
        // Friday 23 October 2026 09:00 CEST; Monday 26 October 09:00 CET.
        var frist = Berakna("${arbetsdagar(1)}", new DateTimeOffset(2026, 10, 23, 7, 0, 0, TimeSpan.Zero));
        frist.Should().Be(new DateTimeOffset(2026, 10, 26, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Tio_arbetsdagar_over_julen_raknar_bort_alla_helgdagar()
    {
        // Monday 21 December 2026 → 22, 23, 28, 29, 30, 4 Jan, 5, 7, 8, 11.
        var frist = Berakna("${arbetsdagar(10)}", new DateTimeOffset(2026, 12, 21, 8, 0, 0, TimeSpan.Zero));
        frist.Should().Be(new DateTimeOffset(2027, 1, 11, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Ett_negativt_antal_arbetsdagar_i_ett_uttryck_avvisas_med_elementet_namngivet()
    {
        var handling = () => Berakna("${arbetsdagar(-2)}", DateTimeOffset.UnixEpoch);
        handling.Should().Throw<Exception>().WithMessage("*Yttrande*negativt (-2)*");
    }

    [Fact]
    public void Motorn_raknar_samma_arbetsdagar_som_kalendern()
    {
        IBusinessCalendar kalender = new SvenskaArbetsdagar();
        kalender.AddWorkingDays(new DateOnly(2026, 4, 2), 1).Should().Be(new DateOnly(2026, 4, 7));
        kalender.IsWorkingDay(new DateOnly(2026, 12, 24)).Should().BeFalse();
    }
}
