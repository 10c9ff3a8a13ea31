using System.Collections.Concurrent;
using OneCExchange.Core.Exchange;

namespace OneCExchange.Core.Protocol;

/// <summary>
/// Imports kept open between mode=import requests of one process, so a later step continues where the last one
/// stopped without re-reading the file. A restart empties it; the checkpoint then takes over.
/// </summary>
public sealed class LiveImportRegistry
{
    private sealed record Live(ExchangeType Type, IFileImport Import);

    private readonly ConcurrentDictionary<string, Live> _idle = new();
    private readonly ConcurrentDictionary<string, byte> _busy = new();

    /// <summary>Marks the file as being imported by the caller; false when another request is importing it now.</summary>
    public bool TryBegin(string sessionId, string relativePath) => _busy.TryAdd(Key(sessionId, relativePath), 0);

    public void End(string sessionId, string relativePath) => _busy.TryRemove(Key(sessionId, relativePath), out _);

    /// <summary>Takes the open import of the file, if this process has one.</summary>
    public IFileImport? Take(string sessionId, string relativePath) =>
        _idle.TryRemove(Key(sessionId, relativePath), out var live) ? live.Import : null;

    public void Keep(string sessionId, ExchangeType type, string relativePath, IFileImport import)
    {
        if (_idle.TryRemove(Key(sessionId, relativePath), out var old))
            old.Import.Dispose();
        _idle[Key(sessionId, relativePath)] = new Live(type, import);
    }

    /// <summary>Closes the open imports of a session (its staging folder is being reset).</summary>
    public void CloseSession(string sessionId) => Close(key => key.StartsWith(sessionId + "\n", StringComparison.Ordinal), _ => true);

    /// <summary>Closes the open imports of every other session of the type (only one exchange of a type runs at a time).</summary>
    public void CloseOthers(ExchangeType type, string sessionId) =>
        Close(key => !key.StartsWith(sessionId + "\n", StringComparison.Ordinal), live => live.Type == type);

    private void Close(Func<string, bool> keyMatches, Func<Live, bool> liveMatches)
    {
        foreach (var (key, live) in _idle)
            if (keyMatches(key) && liveMatches(live) && _idle.TryRemove(key, out var removed))
                removed.Import.Dispose();
    }

    private static string Key(string sessionId, string relativePath) => sessionId + "\n" + relativePath;
}
