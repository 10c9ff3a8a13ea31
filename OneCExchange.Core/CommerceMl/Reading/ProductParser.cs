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
        var deleted = cursor.Reader.GetAttribute("Статус")?.Trim() == "Удален";
        string? id = null, version = null, sku = null, barcode = null, name = null, fullName = null, description = null;
        string? code = null, country = null;
        decimal? weight = null;
        ManufacturerRef? manufacturer = null;
        UnitOfMeasure? baseUnit = null;
        List<string>? groupIds = null, imagePaths = null;
        List<TaxRate>? taxRates = null;
        List<PropertyValue>? propertyValues = null;
        List<Characteristic>? characteristics = null;
        List<Requisite>? requisites = null;

        var depth = cursor.Enter();
        while (cursor.NextChild(depth))
        {
            switch (cursor.LocalName)
            {
                case "Ид": id = cursor.ReadOptionalText(); break;
                case "НомерВерсии": version = cursor.ReadOptionalText(); break;
                case "ПометкаУдаления": deleted |= cursor.ReadBoolean() ?? false; break;
                case "Артикул": sku = cursor.ReadOptionalText(); break;
                case "Штрихкод" or "ШтрихКод": barcode = cursor.ReadOptionalText(); break;
                case "Наименование": name = cursor.ReadText().Trim(); break;
                case "ПолноеНаименование": fullName = cursor.ReadOptionalText(); break;
                case "Описание": description = cursor.ReadText(); break;
                case "Код": code = cursor.ReadOptionalText(); break;
                case "Страна": country = cursor.ReadOptionalText(); break;
                case "Вес": weight = cursor.ReadDecimal(); break;
                case "БазоваяЕдиница": baseUnit = parts.ReadBaseUnit(); break;
                case "Группы": ReadIds(groupIds ??= []); break;
                case "Картинка":
                    if (cursor.ReadOptionalText() is { } path)
                        (imagePaths ??= []).Add(path);
                    break;
                case "Изготовитель": manufacturer = ReadManufacturer(); break;
                case "ЗначенияСвойств": parts.ReadPropertyValues(propertyValues ??= [], id ?? "product"); break;
                case "СтавкиНалогов": ReadTaxRates(taxRates ??= []); break;
                case "ЗначенияРеквизитов": parts.ReadRequisites(requisites ??= []); break;
                case "ХарактеристикиТовара": parts.ReadCharacteristics(characteristics ??= []); break;
                default: cursor.Skip(); break;
            }
        }

        if (id == null)
        {
            cursor.Warn(location, ExchangeMessage.Of(MessageKeys.ReaderProductWithoutId, name));
            return null;
        }
        if (string.IsNullOrEmpty(name))
            cursor.Warn(location, ExchangeMessage.Of(MessageKeys.ReaderProductWithoutName, id));

        string? itemType = null;
        if (requisites != null)
        {
            foreach (var requisite in requisites)
            {
                switch (requisite.Name)
                {
                    case "Полное наименование": fullName ??= NullIfEmpty(requisite.Value.Trim()); break;
                    case "Код": code ??= NullIfEmpty(requisite.Value.Trim()); break;
                    case "ТипНоменклатуры": itemType = NullIfEmpty(requisite.Value.Trim()); break;
                    case "Вес": weight ??= cursor.ParseDecimal(requisite.Value, "Вес", mark); break;
                }
            }
        }

        return new Product
        {
            Location = location, Id = id, VersionNumber = version, Sku = sku, Barcode = barcode, Name = name ?? "",
            FullName = fullName, Description = description, Code = code, GroupIds = groupIds ?? [],
            Images = Images(imagePaths, requisites), Manufacturer = manufacturer, Country = country, BaseUnit = baseUnit,
            Weight = weight, ItemType = itemType, TaxRates = taxRates ?? [], PropertyValues = propertyValues ?? [],
            Characteristics = characteristics ?? [], Requisites = requisites ?? [], IsDeleted = deleted,
        };
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
}
