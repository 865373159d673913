using System.Security.Cryptography;
using System.Text;
using Scriban;

namespace InsatsFlow.Core.Dokument;

/// <summary>
/// The templates in templates/*.sbn, parsed and checked. Loading is all-or-nothing: a set with any error is
/// refused with file, line and column, and the set loaded before keeps serving.
/// </summary>
public sealed class TemplateStore
{
    private readonly string _katalog;
    private volatile IReadOnlyDictionary<string, Mall> _mallar = new Dictionary<string, Mall>();

    public TemplateStore(string katalog)
    {
        _katalog = katalog;
    }

    /// <summary>Creates the store and loads it; throws <see cref="MallFelException"/> if any template is bad.</summary>
    public static TemplateStore LaddaFran(string katalog)
    {
        var store = new TemplateStore(katalog);
        store.Ladda();
        return store;
    }

    public IReadOnlyCollection<Mall> Mallar => _mallar.Values.ToList();

    public string Katalog => _katalog;

    /// <summary>Why the last reload was refused, or null when the serving set is the folder's current content.</summary>
    public MallFelException? SenasteFel { get; private set; }

    /// <summary>Raised after every reload attempt, with the refusal or null (for logging and the admin page).</summary>
    public event Action<MallFelException?>? Laddad;

    /// <summary>Reloads without throwing: on error the previous set keeps serving and <see cref="SenasteFel"/> says why.</summary>
    public bool ForsokLadda()
    {
        try
        {
            Ladda();
            return true;
        }
        catch (MallFelException e)
        {
            SenasteFel = e;
            Laddad?.Invoke(e);
            return false;
        }
    }

    /// <summary>(Re)loads every *.sbn file of the folder.</summary>
    public void Ladda()
    {
        if (!Directory.Exists(_katalog))
            throw new MallFelException([new MallFel(_katalog, 0, 0, "Mallkatalogen finns inte")]);

        var nya = new Dictionary<string, Mall>(StringComparer.OrdinalIgnoreCase);
        var fel = new List<MallFel>();
        foreach (var fil in Directory.GetFiles(_katalog, "*.sbn").Order(StringComparer.Ordinal))
        {
            var namn = Path.GetFileNameWithoutExtension(fil);
            var (mall, felIFil) = Tolka(namn, fil, File.ReadAllBytes(fil));
            fel.AddRange(felIFil);
            if (mall is not null) nya[namn] = mall;
        }
        if (fel.Count > 0)
            throw new MallFelException(fel);
        _mallar = nya;
        SenasteFel = null;
        Laddad?.Invoke(null);
    }

    public Mall Hamta(string namn) =>
        _mallar.TryGetValue(namn, out var mall)
            ? mall
            : throw new KeyNotFoundException($"Dokumentmallen \"{namn}\" finns inte bland de laddade mallarna ({string.Join(", ", _mallar.Keys.Order())}).");

    /// <summary>Parses one template and checks it for constructs the sandbox does not allow.</summary>
    public static (Mall? Mall, IReadOnlyList<MallFel> Fel) Tolka(string namn, string fil, byte[] innehall)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(innehall).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return (null, [new MallFel(fil, 0, 0, "Filen är inte giltig UTF-8")]);
        }
        var template = Template.Parse(text, fil);
        if (template.HasErrors)
        {
            var parseFel = template.Messages
                .Where(m => m.Type == Scriban.Parsing.ParserMessageType.Error)
                .Select(m => new MallFel(fil, m.Span.Start.Line + 1, m.Span.Start.Column + 1, m.Message))
                .ToList();
            return (null, parseFel);
        }

        var granskning = new Mallgranskning(fil);
        template.Page?.Accept(granskning);
        if (granskning.Fel.Count > 0)
            return (null, granskning.Fel);

        var sha = Convert.ToHexStringLower(SHA256.HashData(innehall));
        return (new Mall(namn, fil, sha, template), []);
    }
}
