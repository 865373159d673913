namespace InsatsFlow.Core.Dokument;

/// <summary>
/// Watches templates/ and reloads the store when a file is added, changed, renamed or removed. Changes are
/// gathered for <see cref="Debounce"/> so an editor's save or a git checkout becomes one reload; a refused
/// set leaves the previous one serving (<see cref="TemplateStore.ForsokLadda"/>).
/// </summary>
public sealed class TemplateStoreReloader : IDisposable
{
    private readonly TemplateStore _store;
    private readonly TimeProvider _tid;
    private readonly Lock _las = new();
    private FileSystemWatcher? _bevakare;
    private ITimer? _vantande;

    public TemplateStoreReloader(TemplateStore store, TimeProvider? tid = null, TimeSpan? debounce = null)
    {
        _store = store;
        _tid = tid ?? TimeProvider.System;
        Debounce = debounce ?? TimeSpan.FromMilliseconds(500);
    }

    public TimeSpan Debounce { get; }

    public void Start()
    {
        lock (_las)
        {
            if (_bevakare is not null) return;
            _bevakare = new FileSystemWatcher(Path.GetFullPath(_store.Katalog), "*.sbn")
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            _bevakare.Changed += (_, _) => Andrad();
            _bevakare.Created += (_, _) => Andrad();
            _bevakare.Deleted += (_, _) => Andrad();
            _bevakare.Renamed += (_, _) => Andrad();
            // Lost events (buffer overflow) are answered with a full reload.
            _bevakare.Error += (_, _) => Andrad();
            _bevakare.EnableRaisingEvents = true;
        }
    }

    /// <summary>Something in the folder changed: reload once the changes have settled.</summary>
    public void Andrad()
    {
        lock (_las)
        {
            _vantande?.Dispose();
            _vantande = _tid.CreateTimer(_ => Ladda(), null, Debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void Ladda()
    {
        lock (_las)
        {
            _vantande?.Dispose();
            _vantande = null;
        }
        _store.ForsokLadda();
    }

    public void Dispose()
    {
        lock (_las)
        {
            _bevakare?.Dispose();
            _bevakare = null;
            _vantande?.Dispose();
            _vantande = null;
        }
    }
}
