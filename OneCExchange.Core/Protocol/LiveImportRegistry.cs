using System.Collections.Concurrent;
using OneCExchange.Core.Ports;

namespace OneCExchange.Core.Protocol;

/// <summary>
/// Imports kept open between mode=import requests of one process, so a later step continues where the last one
/// stopped without re-reading the file. Only a cache: an open import is used only while it stands exactly at the
/// file's durable checkpoint; after a restart, or when another process did a step, the checkpoint takes over.
/// </summary>
public sealed class LiveImportRegistry
{
    private sealed record Live(IFileImport Import, FileCheckpoint SavedAt);

    // Superseded sessions never come back for their open imports: past this many, the others are closed.
    private const int MaxOpen = 16;

    private readonly ConcurrentDictionary<string, Live> _idle = new();
    /// <summary>Takes the open import of the file if this process has one that stands at <paramref name="checkpoint"/>.</summary>
    public IFileImport? Take(string sessionId, string relativePath, FileCheckpoint? checkpoint)
    {
        if (!_idle.TryRemove(Key(sessionId, relativePath), out var live))
            return null;
        if (checkpoint is not null && live.SavedAt.ItemsCompleted == checkpoint.ItemsCompleted && live.SavedAt.Status == checkpoint.Status
            && (live.SavedAt.UpdatedAt - checkpoint.UpdatedAt).Duration() < TimeSpan.FromMilliseconds(1))
            return live.Import;
        live.Import.Dispose();
        return null;
    }

    /// <summary>Keeps the import open; <paramref name="savedAt"/> is the checkpoint its last step saved.</summary>
    public void Keep(string sessionId, string relativePath, IFileImport import, FileCheckpoint savedAt)
    {
        if (_idle.TryRemove(Key(sessionId, relativePath), out var old))
            old.Import.Dispose();
        foreach (var (key, _) in _idle.Skip(MaxOpen - 1))
            if (_idle.TryRemove(key, out var extra))
                extra.Import.Dispose();
        _idle[Key(sessionId, relativePath)] = new Live(import, savedAt);
    }

    /// <summary>Closes the open imports of a session (its staging folder is being reset, or another process went on with it).</summary>
    public void CloseSession(string sessionId)
    {
        foreach (var (key, _) in _idle)
            if (key.StartsWith(sessionId + "\n", StringComparison.Ordinal) && _idle.TryRemove(key, out var removed))
                removed.Import.Dispose();
    }

    private static string Key(string sessionId, string relativePath) => sessionId + "\n" + relativePath;
}
