using InsatsFlow.Core.Kalender;
using InsatsFlow.Core.Notifieringar;
using Quartz;

namespace InsatsFlow.Core.Schemalaggning;

/// <summary>
/// The yearly calendar, checked once at start: every cron parses, every event name is known, every recipient reads.
/// A setting that does not is refused with its configuration path named.
/// </summary>
public sealed class Arskalender
{
    private Arskalender(IReadOnlyDictionary<Arshandelse, string> cron, Mottagare kansli, Mottagare styrelse, Mottagare forbundschef, TimeSpan efterhand, string budgetprocess)
    {
        Budgetprocess = budgetprocess;
        Cron = cron;
        Kansli = kansli;
        Styrelse = styrelse;
        Forbundschef = forbundschef;
        Efterhandsfonster = efterhand;
    }

    public IReadOnlyDictionary<Arshandelse, string> Cron { get; }
    public Mottagare Kansli { get; }
    public Mottagare Styrelse { get; }
    public Mottagare Forbundschef { get; }
    public TimeSpan Efterhandsfonster { get; }
    public string Budgetprocess { get; }

    public static Arskalender Las(ArskalenderOptions options)
    {
        var cron = new Dictionary<Arshandelse, string>();
        foreach (var (namn, uttryck) in options.Handelser)
        {
            var installning = $"{ArskalenderOptions.Sektion}:{nameof(ArskalenderOptions.Handelser)}:{namn}";
            if (!Enum.TryParse<Arshandelse>(namn, ignoreCase: false, out var handelse) || !Enum.IsDefined(handelse))
                throw new SchemaKonfigurationsfel(installning,
                    $"händelsen {namn} finns inte; kända är {string.Join(", ", Enum.GetNames<Arshandelse>())}.");
            KravCron(installning, uttryck);
            cron[handelse] = uttryck.Trim();
        }
        if (options.Efterhandsfonster < TimeSpan.Zero)
            throw new SchemaKonfigurationsfel($"{ArskalenderOptions.Sektion}:{nameof(ArskalenderOptions.Efterhandsfonster)}", "fönstret kan inte vara negativt.");
        return new Arskalender(cron,
            Mottagarkrav(options.Kansli, nameof(ArskalenderOptions.Kansli)),
            Mottagarkrav(options.Styrelse, nameof(ArskalenderOptions.Styrelse)),
            Mottagarkrav(options.Forbundschef, nameof(ArskalenderOptions.Forbundschef)),
            options.Efterhandsfonster, options.Budgetprocess);
    }

    /// <summary>Refuses a cron expression Quartz cannot parse, naming the setting and Quartz's reason.</summary>
    public static void KravCron(string installning, string? uttryck)
    {
        if (string.IsNullOrWhiteSpace(uttryck))
            throw new SchemaKonfigurationsfel(installning, "cron-uttrycket saknas.");
        try
        {
            _ = new CronExpression(uttryck.Trim(), SvenskaArbetsdagar.Stockholm);
        }
        catch (FormatException e)
        {
            throw new SchemaKonfigurationsfel(installning, $"cron-uttrycket \"{uttryck}\" går inte att tolka: {e.Message}");
        }
    }

    /// <summary>The event's Quartz trigger: cron in Stockholm time; a firing missed while the service was down fires once at start.</summary>
    public ITrigger Trigger(Arshandelse handelse, JobKey jobb, TimeProvider tid) =>
        TriggerBuilder.Create(tid)
            .WithIdentity(TriggerNyckel(handelse))
            .ForJob(jobb)
            .UsingJobData(ArshandelseData, handelse.ToString())
            .WithDescription(Beskrivning(handelse))
            .WithCronSchedule(Cron[handelse], c => c.InTimeZone(SvenskaArbetsdagar.Stockholm).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .StartAt(tid.GetUtcNow())
            .Build();

    public const string ArshandelseData = "arshandelse";

    public static TriggerKey TriggerNyckel(Arshandelse handelse) => new("arskalender-" + handelse, "insatsflow-arskalender");

    /// <summary>The event's firings in (fran, till], in UTC: the schedule Quartz follows.</summary>
    public IReadOnlyList<DateTimeOffset> Tidpunkter(Arshandelse handelse, DateTimeOffset fran, DateTimeOffset till)
    {
        var trigger = TriggerBuilder.Create()
            .WithIdentity("berakning")
            .WithCronSchedule(Cron[handelse], c => c.InTimeZone(SvenskaArbetsdagar.Stockholm))
            .StartAt(fran)
            .Build();
        var tider = new List<DateTimeOffset>();
        for (var t = trigger.GetFireTimeAfter(fran); t is { } nasta && nasta <= till; t = trigger.GetFireTimeAfter(nasta))
            tider.Add(nasta);
        return tider;
    }

    public static string Beskrivning(Arshandelse handelse) => handelse switch
    {
        Arshandelse.StartaBudgetprocess => "Budgetprocessen för nästa år startar",
        Arshandelse.Samradspaminnelse => "Påminnelse om samråd med medlemmarna om nästa års budget",
        Arshandelse.BudgetEjAntagen => "Nästa års budget är inte antagen: eskalering",
        Arshandelse.Budgetbrott => "Budgeten antogs inte senast 30 november: brott mot fristen",
        Arshandelse.Arsredovisningspaminnelse => "Påminnelse: årsredovisningen ska vara upprättad senast 31 mars",
        _ => handelse.ToString(),
    };

    private static Mottagare Mottagarkrav(string varde, string namn) =>
        Mottagarval.Tolka(varde) ?? throw new SchemaKonfigurationsfel($"{ArskalenderOptions.Sektion}:{namn}",
            $"\"{varde}\" ska skrivas grupp:<grupp> eller anvandare:<användare eller e-postadress>.");
}
