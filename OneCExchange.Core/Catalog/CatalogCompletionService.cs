using OneCExchange.Core.Ports;

namespace OneCExchange.Core.Catalog;

/// <summary>
/// The missing-items policy after a full exchange: unpublishes the categories and products the session did not carry
/// (the store keeps a last-seen session id on every mapping row the session wrote or confirmed unchanged). Only kinds
/// the session actually carried in a catalog are considered (remembered by this process, else asked of the store); when neither
/// can tell (a restart and a store without CountSeenAsync) nothing is unpublished — never destroy by surprise.
/// </summary>
public sealed class CatalogCompletionService(ICatalogStore store, CatalogImportOptions options, CatalogSessions sessions)
    : ICatalogCompletion
{
    public async Task<string> CompleteAsync(CatalogCompletion completion, CancellationToken cancellationToken)
    {
        if (!completion.DeactivateMissing)
            return "Импорт каталога завершен.";
        if (options.MissingItemsAction == MissingItemsAction.Leave)
            return "Импорт каталога завершен; товары, отсутствующие в выгрузке, оставлены без изменений (настройка).";
        var session = sessions.Find(completion.SessionId);
        var kinds = new List<CatalogEntityKind>();
        var unknown = false;
        foreach (var kind in new[] { CatalogEntityKind.Category, CatalogEntityKind.Product })
        {
            var seen = await store.CountSeenAsync(completion.SessionId, kind, cancellationToken);
            if (seen is null && session is null)
                unknown = true;
            // A session this process remembers must have carried the kind in its catalog: products created from
            // offers (CreateProductsFromOffers) are seen by the store but do not make an offers package a catalog.
            else if (session is not null ? session.HasSeen(kind) && (seen is null || seen > 0) : seen > 0)
                kinds.Add(kind);
        }
        if (kinds.Count == 0)
            return unknown
                ? "Импорт каталога завершен; состояние сеанса обмена утеряно, поэтому ничего не снято с публикации."
                : "Импорт каталога завершен; выгрузка не содержала каталога, ничего не снято с публикации.";
        var count = await store.UnpublishNotSeenAsync(completion.SessionId, kinds, cancellationToken);
        session?.ReleaseMaps(); // the store cleared hashes
        return $"Импорт каталога завершен; снято с публикации отсутствующих в выгрузке: {count}.";
    }
}
