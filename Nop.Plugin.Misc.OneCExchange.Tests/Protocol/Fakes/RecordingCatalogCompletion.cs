using System.Collections.Concurrent;
using OneCExchange.Core.Ports;

namespace OneCExchange.Tests.Protocol.Fakes;

public sealed class RecordingCatalogCompletion : ICatalogCompletion
{
    public ConcurrentQueue<CatalogCompletion> Completions { get; } = new();

    public Task<string> CompleteAsync(CatalogCompletion completion, CancellationToken cancellationToken)
    {
        Completions.Enqueue(completion);
        return Task.FromResult(completion.DeactivateMissing ? "Отсутствующие товары сняты с публикации." : "Обмен завершён.");
    }
}
