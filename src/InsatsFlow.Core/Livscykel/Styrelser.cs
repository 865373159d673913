using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Livscykel;

internal static class Styrelser
{
    /// <summary>The förbund's board whose mandatperiod covers <paramref name="datum"/>.</summary>
    public static async Task<Styrelse?> IMandatAsync(IDomanData data, Guid forbundId, DateOnly datum, CancellationToken ct) =>
        data.Styrelser.Local.FirstOrDefault(s => s.ForbundId == forbundId && s.MandatperiodFran <= datum && s.MandatperiodTill >= datum)
        ?? await data.Styrelser.FirstOrDefaultAsync(s => s.ForbundId == forbundId && s.MandatperiodFran <= datum && s.MandatperiodTill >= datum, ct);
}
