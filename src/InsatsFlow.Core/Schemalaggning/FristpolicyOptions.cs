namespace InsatsFlow.Core.Schemalaggning;

/// <summary>
/// Configuration section "InsatsFlow:Fristpolicy": the default escalation chain for a user task with a due date
/// whose BPMN has no timer boundary events of its own. A reminder to the assignee (or the candidate groups)
/// <see cref="PaminnelseArbetsdagarFore"/> working days before the due date, another on it, then an escalation
/// to the förbundschef <see cref="EskaleringArbetsdagarEfter"/> working days after it.
/// </summary>
public sealed class FristpolicyOptions
{
    public const string Sektion = "InsatsFlow:Fristpolicy";

    public bool Aktiv { get; set; } = true;
    public int PaminnelseArbetsdagarFore { get; set; }
    public int EskaleringArbetsdagarEfter { get; set; }

    /// <summary>Who the escalation goes to: "grupp:&lt;grupp&gt;" (the förbundschef's role) or "anvandare:&lt;id eller adress&gt;".</summary>
    public string Forbundschef { get; set; } = "grupp:forbundschef";

    /// <summary>Throws naming the setting when a value cannot be used.</summary>
    public void Validera()
    {
        if (PaminnelseArbetsdagarFore < 0)
            throw new SchemaKonfigurationsfel($"{Sektion}:{nameof(PaminnelseArbetsdagarFore)}",
                $"antalet arbetsdagar kan inte vara negativt ({PaminnelseArbetsdagarFore}).");
        if (EskaleringArbetsdagarEfter < 0)
            throw new SchemaKonfigurationsfel($"{Sektion}:{nameof(EskaleringArbetsdagarEfter)}",
                $"antalet arbetsdagar kan inte vara negativt ({EskaleringArbetsdagarEfter}).");
        if (PaminnelseArbetsdagarFore > 250 || EskaleringArbetsdagarEfter > 250)
            throw new SchemaKonfigurationsfel(Sektion, "högst 250 arbetsdagar (ett år) före eller efter fristen.");
        if (Aktiv && Mottagarval.Tolka(Forbundschef) is null)
            throw new SchemaKonfigurationsfel($"{Sektion}:{nameof(Forbundschef)}",
                $"\"{Forbundschef}\" ska skrivas grupp:<grupp> eller anvandare:<användare eller e-postadress>.");
    }
}
