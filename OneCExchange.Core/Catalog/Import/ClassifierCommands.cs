using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.Messages;

namespace OneCExchange.Core.Catalog.Import;

/// <summary>
/// The classifier's groups and properties as commands: categories (with their parent and their order among their
/// siblings as 1C lists them), specification attributes and their reference values as options.
/// </summary>
internal sealed class ClassifierCommands(ImportContext context, BatchFlusher flusher)
{
    private readonly Dictionary<string, int> _siblingCounters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _groupOrder = new(StringComparer.Ordinal);

    private ImportBatch Batch => context.Batch;

    /// <summary>Notes a group's place among its siblings (also for groups skipped on resume).</summary>
    public void Observe(Group group)
    {
        var parent = group.ParentId ?? "";
        _siblingCounters.TryGetValue(parent, out var order);
        _siblingCounters[parent] = order + 1;
        _groupOrder[group.Id] = order;
    }

    public async Task AddGroupAsync(Group group, CancellationToken ct)
    {
        if ((group.ParentId != null && Batch.Contains(CatalogEntityKind.Category, group.ParentId))
            || Batch.Contains(CatalogEntityKind.Category, group.Id))
            await flusher.FlushAsync(ct);
        var categories = await context.MapAsync(CatalogEntityKind.Category, ct);
        context.Session.MarkSeen(CatalogEntityKind.Category);
        var order = _groupOrder[group.Id];
        var hash = context.Hash.Add(group.Name).Add(group.Description).Add(group.ParentId).Add(order)
            .Add(group.IsDeleted).Finish();
        categories.TryGetValue(group.Id, out var entry);
        if (entry != null && entry.Hash == hash)
        {
            Batch.SkipUnchanged(CatalogEntityKind.Category, group.Id);
            return;
        }
        if (entry == null && group.IsDeleted)
        {
            context.Counters.Skipped++;
            return;
        }
        var item = PendingItem.Of(() => ExchangeMessage.Of(MessageKeys.LabelGroup, group.Id, group.Name), group.Location);
        item.Unpublishes = group.IsDeleted;
        var slug = entry == null ? context.Slugs.Request(group.Name, "category") : null;
        item.Parts.Add(new ImportPart(ImportStage.Main, () => new UpsertCategory
        {
            Key = group.Id,
            Hash = hash,
            EntityId = entry?.EntityId,
            Name = group.Name,
            Description = SafeHtml.From(group.Description) ?? "",
            ParentCategoryId = ParentCategoryId(group, categories),
            DisplayOrder = order,
            Published = !group.IsDeleted,
            Slug = slug?.Result,
            Source = group,
        }, Primary: true));
        Batch.Enqueue(item, new EntityKey(CatalogEntityKind.Category, group.Id));
    }

    private int ParentCategoryId(Group group, Dictionary<string, MappedEntity> categories)
    {
        if (group.ParentId is null)
            return 0;
        if (categories.TryGetValue(group.ParentId, out var parent))
            return parent.EntityId;
        context.Warnings.Warn(ExchangeMessage.Of(MessageKeys.ParentGroupMissing, group.Id, group.ParentId));
        return 0;
    }

    public async Task AddPropertyAsync(PropertyDefinition property, CancellationToken ct)
    {
        if (property.IsDeleted || property.ForProducts == false)
        {
            // Offer-only properties become variant attributes, not specifications.
            context.Counters.Skipped++;
            return;
        }
        if (Batch.Contains(CatalogEntityKind.SpecificationAttribute, property.Id))
            await flusher.FlushAsync(ct);
        var attributes = await context.MapAsync(CatalogEntityKind.SpecificationAttribute, ct);
        var options = await context.MapAsync(CatalogEntityKind.SpecificationOption, ct);
        var item = PendingItem.Of(() => ExchangeMessage.Of(MessageKeys.LabelProperty, property.Id, property.Name),
            property.Location);
        var keys = new List<EntityKey>();

        var hash = context.Hash.Add(property.Name).Finish();
        attributes.TryGetValue(property.Id, out var entry);
        if (entry != null && entry.Hash == hash)
            Batch.MarkUnchanged(CatalogEntityKind.SpecificationAttribute, property.Id);
        else
        {
            item.Parts.Add(new ImportPart(ImportStage.Dependencies, () => new UpsertSpecificationAttribute
            {
                Key = property.Id, Hash = hash, EntityId = entry?.EntityId, Name = property.Name, Source = property,
            }, Primary: true));
            keys.Add(new(CatalogEntityKind.SpecificationAttribute, property.Id));
        }
        AddReferenceValues(item, keys, property, attributes, options);
        Batch.Finish(item, keys);
    }

    private void AddReferenceValues(PendingItem item, List<EntityKey> keys, PropertyDefinition property,
        Dictionary<string, MappedEntity> attributes, Dictionary<string, MappedEntity> options)
    {
        for (var i = 0; i < property.ReferenceValues.Count; i++)
        {
            var value = property.ReferenceValues[i];
            var key = MappingKeys.SpecificationOption(property.Id, value.Id);
            var optionHash = context.Hash.Add(value.Value).Add(i).Finish();
            options.TryGetValue(key, out var optionEntry);
            if (optionEntry != null && optionEntry.Hash == optionHash)
            {
                Batch.MarkUnchanged(CatalogEntityKind.SpecificationOption, key);
                continue;
            }
            var displayOrder = i;
            item.Parts.Add(new ImportPart(ImportStage.Options, () =>
                ImportContext.EntityIdOf(attributes, property.Id) is { } attributeId
                    ? new UpsertSpecificationOption
                    {
                        Key = key, Hash = optionHash, EntityId = optionEntry?.EntityId,
                        SpecificationAttributeId = attributeId, Name = value.Value, DisplayOrder = displayOrder,
                    }
                    : null, Primary: false));
            keys.Add(new(CatalogEntityKind.SpecificationOption, key));
        }
    }
}
