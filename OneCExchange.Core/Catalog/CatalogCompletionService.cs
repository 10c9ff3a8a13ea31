using OneCExchange.Core.Exchange;

namespace OneCExchange.Core.Catalog;

/// <summary>
/// The missing-items policy after a full exchange: unpublishes the categories and products the session did not carry
/// (the store keeps a last-seen session id on every mapping row the session wrote or confirmed unchanged). Only kinds
/// the session actually carried are considered (asked of the store, else remembered by this process); when neither
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
            else if (seen > 0 || (seen is null && session!.HasSeen(kind)))
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
