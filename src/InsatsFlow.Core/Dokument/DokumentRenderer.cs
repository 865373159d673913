using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace InsatsFlow.Core.Dokument;

/// <summary>
/// Renders a document model through its template in a sandbox: the template sees the model (as plain
/// script objects, see <see cref="Dokumentmodell"/>), Scriban's own string/math/date/array functions and
/// <see cref="Mallfunktioner"/>; no .NET members, no include/import, bounded loops, recursion, output and time.
/// </summary>
public sealed class DokumentRenderer(TemplateStore mallar, DokumentOptions options)
{
    public static string Mallnamn(Dokumenttyp typ) => typ.ToString().ToLowerInvariant();

    /// <summary>Renders with the template named after the type (templates/tjansteskrivelse.sbn, …).</summary>
    public Task<RenderatDokument> RenderaAsync(Dokumenttyp typ, object modell, CancellationToken cancellationToken = default) =>
        RenderaAsync(typ, Mallnamn(typ), modell, cancellationToken);

    public async Task<RenderatDokument> RenderaAsync(Dokumenttyp typ, string mallnamn, object modell, CancellationToken cancellationToken = default)
    {
        var mall = mallar.Hamta(mallnamn);
        var json = Dokumentmodell.TillJson(modell);
        var html = await RenderaJsonAsync(mall, json, cancellationToken);
        return new RenderatDokument(typ, mall.Namn, mall.Sha256, html, json);
    }

    /// <summary>Renders with a given template: a förbund's own version (<paramref name="version"/>) or the file (null).</summary>
    public async Task<RenderatDokument> RenderaAsync(Dokumenttyp typ, Mall mall, int? version, object modell, CancellationToken cancellationToken = default)
    {
        var json = Dokumentmodell.TillJson(modell);
        var html = await RenderaJsonAsync(mall, json, cancellationToken);
        return new RenderatDokument(typ, mall.Namn, mall.Sha256, html, json, version);
    }

    /// <summary>Renders a stored snapshot again, for example to compare with the archived HTML.</summary>
    public async Task<string> RenderaJsonAsync(Mall mall, string modellJson, CancellationToken cancellationToken = default)
    {
        var context = SkapaSandlada(cancellationToken);
        var funktioner = Mallfunktioner.Skapa();
        var modell = Dokumentmodell.TillScript(modellJson);
        var krock = modell.Keys.FirstOrDefault(funktioner.ContainsKey);
        if (krock is not null)
            throw new DokumentRenderingException(mall.Namn, $"modellens fält \"{krock}\" har samma namn som mallfunktionen {krock}; byt namn på fältet i modellen");
        context.PushGlobal(funktioner);
        context.PushGlobal(modell);
        try
        {
            return await mall.Template.RenderAsync(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new DokumentRenderingException(mall.Namn, e.Message, e);
        }
    }

    private TemplateContext SkapaSandlada(CancellationToken cancellationToken)
    {
        var inbyggda = TemplateContext.GetDefaultBuiltinObject();
        inbyggda.Remove("include");
        inbyggda.Remove("import");
        return new SandladKontext(inbyggda, options.Tidsgrans, cancellationToken)
        {
            LoopLimit = options.LoopLimit,
            LoopLimitQueryable = options.LoopLimit,
            RecursiveLimit = options.RecursiveLimit,
            LimitToString = options.MaxTecken,
            OutputLimit = options.MaxTecken,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            OnStringLimit = ScriptLimitBehavior.Throw,
            ObjectRecursionLimit = 20,
            RegexTimeOut = TimeSpan.FromSeconds(1),
            EnableRelaxedMemberAccess = false,
            EnableRelaxedFunctionAccess = false,
            StrictVariables = true,
            TemplateLoader = null,
            MemberFilter = _ => false,
            CancellationToken = cancellationToken,
        };
    }
}
