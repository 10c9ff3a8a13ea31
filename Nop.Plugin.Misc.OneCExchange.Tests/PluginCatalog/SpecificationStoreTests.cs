using Nop.Core.Domain.Catalog;
using NUnit.Framework;
using OneCExchange.Core.Catalog;
using OneCExchange.Tests.PluginCatalog.Fakes;

namespace OneCExchange.Tests.PluginCatalog;

public class SpecificationStoreTests
{
    private StoreHarness _h = null!;
    private int _color, _red, _blue, _placeholder;

    [SetUp]
    public async Task CreateAttributeWithOptions()
    {
        _h = new StoreHarness();
        _color = await _h.IdOf(new UpsertSpecificationAttribute { Key = "prop-color", Name = "Цвет" });
        var options = await _h.ApplyAsync(
            new UpsertSpecificationOption { Key = "prop-color/red", SpecificationAttributeId = _color, Name = "Красный", DisplayOrder = 0 },
            new UpsertSpecificationOption { Key = "prop-color/blue", SpecificationAttributeId = _color, Name = "Синий", DisplayOrder = 1 },
            new UpsertSpecificationOption { Key = "prop-color/*", SpecificationAttributeId = _color, Name = "—", DisplayOrder = 2 });
        (_red, _blue, _placeholder) = (options.Outcomes[0].EntityId, options.Outcomes[1].EntityId, options.Outcomes[2].EntityId);
    }

    [Test]
    public void Properties_and_reference_values_become_an_attribute_with_options()
    {
        Assert.That(_h.Row<SpecificationAttribute>(_color).Name, Is.EqualTo("Цвет"));
        Assert.That(_h.Db.Rows<SpecificationAttributeOption>().Select(o => (o.SpecificationAttributeId, o.Name, o.DisplayOrder)),
            Is.EqualTo(new[] { (_color, "Красный", 0), (_color, "Синий", 1), (_color, "—", 2) }));
        Assert.That(_h.Mapping(CatalogEntityKind.SpecificationOption, "prop-color/*")!.EntityId, Is.EqualTo(_placeholder));
    }

    [Test]
    public async Task Option_values_are_filterable_and_custom_values_are_custom_text_on_the_placeholder()
    {
        var id = await _h.IdOf(new UpsertProduct
        {
            Key = "p", Name = "P",
            Specifications = [new ProductSpecification(_red, null, AllowFiltering: true, 0), new ProductSpecification(_placeholder, "42,5 см", AllowFiltering: false, 1)]
        });

        var rows = _h.Db.Rows<ProductSpecificationAttribute>().Where(s => s.ProductId == id).OrderBy(s => s.DisplayOrder).ToList();
        Assert.That(rows.Select(r => (r.SpecificationAttributeOptionId, r.AttributeTypeId, r.CustomValue, r.AllowFiltering, r.ShowOnProductPage)),
            Is.EqualTo(new[]
            {
                (_red, (int)SpecificationAttributeType.Option, (string?)null, true, true),
                (_placeholder, (int)SpecificationAttributeType.CustomText, "42,5 см", false, true)
            }));
    }

    [Test]
    public async Task Product_values_are_kept_in_sync_with_1C()
    {
        var id = await _h.IdOf(new UpsertProduct
        {
            Key = "p", Name = "P",
            Specifications = [new ProductSpecification(_red, null, true, 0), new ProductSpecification(_placeholder, "old text", false, 1)]
        });
        var redRow = _h.Db.Rows<ProductSpecificationAttribute>().Single(s => s.SpecificationAttributeOptionId == _red);

        await _h.ApplyAsync(new UpsertProduct
        {
            Key = "p", EntityId = id,
            Specifications = [new ProductSpecification(_blue, null, true, 0), new ProductSpecification(_placeholder, "new text", false, 1), new ProductSpecification(_red, null, true, 5)]
        });

        var rows = _h.Db.Rows<ProductSpecificationAttribute>().Where(s => s.ProductId == id).ToList();
        Assert.That(rows.Select(r => (r.SpecificationAttributeOptionId, r.CustomValue, r.DisplayOrder)), Is.EquivalentTo(new[]
        {
            (_blue, (string?)null, 0), (_placeholder, "new text", 1), (_red, null, 5)
        }));
        Assert.That(rows.Single(r => r.SpecificationAttributeOptionId == _red).Id, Is.EqualTo(redRow.Id), "an unchanged value keeps its row");
    }
}
