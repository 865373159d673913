using InsatsFlow.Rules.Loading;

namespace InsatsFlow.Rules.Reloading;

/// <summary>
/// Watches the rules directory and reloads the catalogue when a file is added, changed, renamed or removed. Changes
/// are gathered for <see cref="Debounce"/> so that an editor's save (or a git checkout) becomes one reload. A load that
/// fails leaves the previous catalogue serving (see <see cref="RuleCatalogueHolder.Reload"/>).
/// </summary>
public sealed class RuleFileReloader : IDisposable
{
    private readonly RuleCatalogueHolder holder;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private FileSystemWatcher? watcher;
    private ITimer? pending;
    private bool disposed;

    public RuleFileReloader(RuleCatalogueHolder holder, TimeProvider? time = null, TimeSpan? debounce = null)
    {
        this.holder = holder;
        this.time = time ?? TimeProvider.System;
        Debounce = debounce ?? TimeSpan.FromMilliseconds(500);
    }

    public TimeSpan Debounce { get; }

    public bool Watching => watcher is not null;

    public void Start()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (watcher is not null) return;
            watcher = new FileSystemWatcher(Path.GetFullPath(holder.Directory))
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, _) => Changed();
            watcher.Created += (_, _) => Changed();
            watcher.Deleted += (_, _) => Changed();
            watcher.Renamed += (_, _) => Changed();
            // Lost events (buffer overflow) are answered with a full reload: cheaper than missing a change.
            watcher.Error += (_, _) => Changed();
            watcher.EnableRaisingEvents = true;
        }
    }

    /// <summary>Something under the directory changed: reload once the changes have settled.</summary>
    public void Changed()
    {
        lock (gate)
        {
            if (disposed) return;
            pending?.Dispose();
            pending = time.CreateTimer(_ => Fire(), null, Debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void Fire()
    {
        lock (gate)
        {
            if (disposed) return;
            pending?.Dispose();
            pending = null;
        }
        holder.Reload();
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            watcher?.Dispose();
            watcher = null;
            pending?.Dispose();
            pending = null;
        }
    }
}
