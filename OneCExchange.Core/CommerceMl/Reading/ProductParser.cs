using OneCExchange.Core.Messages;

namespace OneCExchange.Core.CommerceMl.Reading;

/// <summary>Reads one Товар.</summary>
internal sealed class ProductParser(XmlCursor cursor, ItemPartsParser parts)
{
    /// <summary>The product, or null (with a warning) when it has no Ид.</summary>
    public Product? Read()
    {
        var mark = cursor.MarkHere();
        var location = new SourceLocation(cursor.FileName, mark.Line, mark.Position);
        var draft = new ProductDraft { IsDeleted = cursor.Reader.GetAttribute("Статус")?.Trim() == "Удален" };

        var depth = cursor.Enter();
        while (cursor.NextChild(depth))
            ReadChild(draft);

        if (draft.Id == null)
        {
            cursor.Warn(location, ExchangeMessage.Of(MessageKeys.ReaderProductWithoutId, draft.Name));
            return null;
        }
        if (string.IsNullOrEmpty(draft.Name))
            cursor.Warn(location, ExchangeMessage.Of(MessageKeys.ReaderProductWithoutName, draft.Id));
        ApplyRequisites(draft, mark);

        return new Product
        {
            Location = location, Id = draft.Id, VersionNumber = draft.Version, Sku = draft.Sku, Barcode = draft.Barcode,
            Name = draft.Name ?? "", FullName = draft.FullName, Description = draft.Description, Code = draft.Code,
            GroupIds = draft.GroupIds ?? [], Images = Images(draft.ImagePaths, draft.Requisites),
            Manufacturer = draft.Manufacturer, Country = draft.Country, BaseUnit = draft.BaseUnit, Weight = draft.Weight,
            ItemType = draft.ItemType, TaxRates = draft.TaxRates ?? [], PropertyValues = draft.PropertyValues ?? [],
            Characteristics = draft.Characteristics ?? [], Requisites = draft.Requisites ?? [], IsDeleted = draft.IsDeleted,
        };
    }

    /// <summary>Reads one child element of Товар into the draft.</summary>
    private void ReadChild(ProductDraft draft)
    {
        switch (cursor.LocalName)
        {
            case "Ид": draft.Id = cursor.ReadOptionalText(); break;
            case "НомерВерсии": draft.Version = cursor.ReadOptionalText(); break;
            case "ПометкаУдаления": draft.IsDeleted |= cursor.ReadBoolean() ?? false; break;
            case "Артикул": draft.Sku = cursor.ReadOptionalText(); break;
            case "Штрихкод" or "ШтрихКод": draft.Barcode = cursor.ReadOptionalText(); break;
            case "Наименование": draft.Name = cursor.ReadText().Trim(); break;
            case "ПолноеНаименование": draft.FullName = cursor.ReadOptionalText(); break;
            case "Описание": draft.Description = cursor.ReadText(); break;
            case "Код": draft.Code = cursor.ReadOptionalText(); break;
            case "Страна": draft.Country = cursor.ReadOptionalText(); break;
            case "Вес": draft.Weight = cursor.ReadDecimal(); break;
            case "БазоваяЕдиница": draft.BaseUnit = parts.ReadBaseUnit(); break;
            case "Группы": ReadIds(draft.GroupIds ??= []); break;
            case "Картинка":
                if (cursor.ReadOptionalText() is { } path)
                    (draft.ImagePaths ??= []).Add(path);
                break;
            case "Изготовитель": draft.Manufacturer = ReadManufacturer(); break;
            case "ЗначенияСвойств": parts.ReadPropertyValues(draft.PropertyValues ??= [], draft.Id ?? "product"); break;
            case "СтавкиНалогов": ReadTaxRates(draft.TaxRates ??= []); break;
            case "ЗначенияРеквизитов": parts.ReadRequisites(draft.Requisites ??= []); break;
            case "ХарактеристикиТовара": parts.ReadCharacteristics(draft.Characteristics ??= []); break;
            default: cursor.Skip(); break;
        }
    }

    /// <summary>Takes the full name, code and weight from ЗначенияРеквизитов where the elements left them empty, and the
    /// item type (sent only there).</summary>
    private void ApplyRequisites(ProductDraft draft, Mark mark)
    {
        if (draft.Requisites == null)
            return;
        foreach (var requisite in draft.Requisites)
        {
            switch (requisite.Name)
            {
                case "Полное наименование": draft.FullName ??= NullIfEmpty(requisite.Value.Trim()); break;
                case "Код": draft.Code ??= NullIfEmpty(requisite.Value.Trim()); break;
                case "ТипНоменклатуры": draft.ItemType = NullIfEmpty(requisite.Value.Trim()); break;
                case "Вес": draft.Weight ??= cursor.ParseDecimal(requisite.Value, "Вес", mark); break;
            }
        }
    }

    /// <summary>Images with their caption from the "ОписаниеФайла" requisites ("path#caption").</summary>
    private static IReadOnlyList<ProductImage> Images(List<string>? paths, List<Requisite>? requisites)
    {
        if (paths == null)
            return [];
        var images = new ProductImage[paths.Count];
        for (var i = 0; i < paths.Count; i++)
        {
            string? caption = null;
            if (requisites != null)
            {
                foreach (var requisite in requisites)
                {
                    if (requisite.Name != "ОписаниеФайла")
                        continue;
                    var hash = requisite.Value.IndexOf('#');
                    if (hash > 0 && requisite.Value.AsSpan(0, hash).Trim().SequenceEqual(paths[i]))
                        caption = NullIfEmpty(requisite.Value[(hash + 1)..].Trim());
                }
            }
            images[i] = new ProductImage(paths[i], caption);
        }
        return images;
    }

    private void ReadIds(List<string> ids)
    {
        var depth = cursor.Enter();
        while (cursor.NextChild(depth, "Ид"))
        {
            if (cursor.ReadOptionalText() is { } id)
                ids.Add(id);
        }
    }

    private ManufacturerRef? ReadManufacturer()
    {
        string? id = null, name = null;
        var depth = cursor.Enter();
        while (cursor.NextChild(depth))
        {
            switch (cursor.LocalName)
            {
                case "Ид": id = cursor.ReadOptionalText(); break;
                case "Наименование": name = cursor.ReadOptionalText(); break;
                default: cursor.Skip(); break;
            }
        }
        return name == null && id == null ? null : new ManufacturerRef(id, name ?? "");
    }

    private void ReadTaxRates(List<TaxRate> rates)
    {
        var depth = cursor.Enter();
        while (cursor.NextChild(depth, "СтавкаНалога"))
        {
            string? name = null, rate = null;
            var itemDepth = cursor.Enter();
            while (cursor.NextChild(itemDepth))
            {
                switch (cursor.LocalName)
                {
                    case "Наименование": name = cursor.ReadOptionalText(); break;
                    case "Ставка": rate = cursor.ReadOptionalText(); break;
                    default: cursor.Skip(); break;
                }
            }
            if (name != null || rate != null)
                rates.Add(new TaxRate(name ?? "", rate ?? ""));
        }
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>What Read has gathered of one Товар so far.</summary>
    private sealed class ProductDraft
    {
        public string? Id, Version, Sku, Barcode, Name, FullName, Description, Code, Country, ItemType;
        public decimal? Weight;
        public bool IsDeleted;
        public ManufacturerRef? Manufacturer;
        public UnitOfMeasure? BaseUnit;
        public List<string>? GroupIds, ImagePaths;
        public List<TaxRate>? TaxRates;
        public List<PropertyValue>? PropertyValues;
        public List<Characteristic>? Characteristics;
        public List<Requisite>? Requisites;
    }
}
