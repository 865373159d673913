using InsatsFlow.Core.Kalender;
using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Core.Schemalaggning;
using InsatsFlow.Data.Notifieringar;
using InsatsFlow.Data.Schemalaggning;
using InsatsFlow.Engine.Jobs;
using InsatsFlow.Engine.Tests.Harness;
using InsatsFlow.Engine.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Engine.Tests.Tidsfrister;

/// <summary>The engine with Swedish working days, the outbox and the deadline watch, on a fake clock.</summary>
public static class FristHarness
{
    /// <summary>Monday 2 March 2026, 09:00 in Stockholm.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static EngineHarness Skapa(DateTimeOffset? start = null) => new(services: s =>
    {
        s.AddLogging();
        s.AddSingleton<SvenskaArbetsdagar>();
        s.AddSingleton<IBusinessCalendar>(sp => sp.GetRequiredService<SvenskaArbetsdagar>());
        s.AddNotifieringar(new SmtpOptions());
        s.AddInsatsFlowSchemalaggning(
            new FristpolicyOptions { PaminnelseArbetsdagarFore = 2, EskaleringArbetsdagarEfter = 2, Forbundschef = "grupp:forbundschef" },
            Arskalender.Las(new ArskalenderOptions { Kansli = "grupp:kansli", Styrelse = "grupp:styrelse", Forbundschef = "grupp:forbundschef" }));
    }, engine: o => o.UseFunctions<Arbetsdagsfunktioner>(), start: start ?? Start);

    /// <summary>Runs the job executor once; returns how many steps of the default chain did something.</summary>
    public static async Task<int> KorBevakningAsync(this EngineHarness h) =>
        (await h.Services.GetRequiredService<JobExecutor>().RunDueAsync()).Acted(Fristplanerare.Jobbtyp);

    public static async Task<IReadOnlyList<string>> PaminnelserAsync(this EngineHarness h, string instanceId) =>
        (await h.RunAsync(e => e.JournalAsync(instanceId))).Where(j => j.Event == "task-reminder")
            .Select(j => System.Text.Json.JsonDocument.Parse(j.Payload).RootElement.GetProperty("step").GetString()!).ToList();

    public static Task<List<Notifiering>> UtkorgAsync(this EngineHarness h) =>
        h.WithDbAsync(db => db.Set<Notifiering>().OrderBy(n => n.SkapadUtc).ThenBy(n => n.Id).ToListAsync());

    public static async Task<T> MedAsync<T>(this EngineHarness h, Func<TaskDeadlines, Task<T>> action)
    {
        using var scope = h.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<TaskDeadlines>());
    }
}
