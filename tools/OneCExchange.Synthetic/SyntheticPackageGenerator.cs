using System.Globalization;
using System.Text;
using System.Xml;

namespace OneCExchange.Synthetic;

/// <summary>
/// Writes a realistic CommerceML 2.08 package (import.xml with classifier and catalog, offers.xml with price types,
/// warehouses and offers) of any size, streaming with <see cref="XmlWriter"/>. Ids are deterministic, so two runs with
/// the same options produce the same files. Used by `onec generate` and the benchmarks.
/// </summary>
public static class SyntheticPackageGenerator
{
    private const string Namespace = "urn:1C.ru:commerceml_210";
    private const int TopGroups = 10;
    private const int SubGroupsPerTop = 10;
    private const int ReferenceValuesPerProperty = 8;
    private static readonly string[] Nouns = ["Куртка", "Ботинки", "Рюкзак", "Палатка", "Термос", "Фонарь", "Спальник", "Перчатки", "Шапка", "Компас"];
    private static readonly string[] Adjectives = ["зимняя", "лёгкая", "городская", "походная", "детская", "мужская", "женская", "спортивная"];
    private static readonly string[] Brands = ["Северный ветер", "ТайгаПро", "Алтай", "Байкал Спорт", "Урал Экип"];
    private static readonly string[] Sizes = ["S", "M", "L"];
    // A whole 16×16 JPEG (287 bytes) that an image decoder reads: nopCommerce's picture service decodes every picture,
    // and a picture it cannot decode costs an exception and an error row in its log, which no real photo does.
    private static readonly byte[] TinyJpeg = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//" +
        "wAARCAAQABADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAT/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABAX/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCABSBf/9k=");

    public static SyntheticPackage Write(string folder, SyntheticPackageOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Products);
        Directory.CreateDirectory(folder);
        var importFile = Path.Combine(folder, "import.xml");
        var offersFile = Path.Combine(folder, "offers.xml");
        var images = WriteImport(importFile, folder, options);
        var (offers, variants) = WriteOffers(offersFile, options);
        return new SyntheticPackage(folder, importFile, offersFile, TopGroups * (1 + SubGroupsPerTop), options.Properties,
            options.Products, offers, variants, options.PriceTypes, options.Warehouses, images);
    }

    /// <summary>A stable GUID-shaped id for the index-th item of a kind.</summary>
    public static string Id(int kind, long index) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind:x8}-{(index >> 32) & 0xffff:x4}-4{(index >> 20) & 0xfff:x3}-8{(index >> 8) & 0xfff:x3}-{index & 0xff:x2}00155d0a0b");

    public static string ProductId(long index) => Id(1, index);

    private static XmlWriter CreateWriter(string path) => XmlWriter.Create(path, new XmlWriterSettings
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        Indent = true,
        IndentChars = "\t",
    });

    private static void StartDocument(XmlWriter writer)
    {
        writer.WriteStartDocument();
        writer.WriteStartElement("КоммерческаяИнформация", Namespace);
        writer.WriteAttributeString("ВерсияСхемы", "2.08");
        writer.WriteAttributeString("ДатаФормирования", "2026-11-27T12:00:00");
    }

    private static long WriteImport(string path, string folder, SyntheticPackageOptions options)
    {
        using var writer = CreateWriter(path);
        StartDocument(writer);
        writer.WriteStartElement("Классификатор");
        writer.WriteElementString("Ид", Id(0, 1));
        writer.WriteElementString("Наименование", "Классификатор (Основной каталог товаров)");
        WriteGroups(writer);
        WriteProperties(writer, options);
        writer.WriteEndElement();

        writer.WriteStartElement("Каталог");
        writer.WriteAttributeString("СодержитТолькоИзменения", "false");
        writer.WriteElementString("Ид", Id(0, 2));
        writer.WriteElementString("ИдКлассификатора", Id(0, 1));
        writer.WriteElementString("Наименование", "Основной каталог товаров");
        writer.WriteStartElement("Товары");
        long images = 0;
        for (var i = 0; i < options.Products; i++)
            images += WriteProduct(writer, i, folder, options);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
        return images;
    }

    private static void WriteGroups(XmlWriter writer)
    {
        writer.WriteStartElement("Группы");
        for (var top = 0; top < TopGroups; top++)
        {
            writer.WriteStartElement("Группа");
            writer.WriteElementString("Ид", Id(2, top));
            writer.WriteElementString("Наименование", Nouns[top % Nouns.Length] + (top < Nouns.Length ? "" : " " + top));
            writer.WriteStartElement("Группы");
            for (var sub = 0; sub < SubGroupsPerTop; sub++)
            {
                writer.WriteStartElement("Группа");
                writer.WriteElementString("Ид", Id(3, top * SubGroupsPerTop + sub));
                writer.WriteElementString("Наименование", $"{Nouns[top % Nouns.Length]}: {Adjectives[sub % Adjectives.Length]} ({sub + 1})");
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    private static bool IsReference(int property) => property % 2 == 0;

    private static void WriteProperties(XmlWriter writer, SyntheticPackageOptions options)
    {
        writer.WriteStartElement("Свойства");
        for (var p = 0; p < options.Properties; p++)
        {
            writer.WriteStartElement("Свойство");
            writer.WriteElementString("Ид", Id(4, p));
            writer.WriteElementString("Наименование", IsReference(p) ? $"Материал {p + 1}" : $"Длина {p + 1}, см");
            writer.WriteElementString("ТипЗначений", IsReference(p) ? "Справочник" : "Число");
            if (IsReference(p))
            {
                writer.WriteStartElement("ВариантыЗначений");
                for (var v = 0; v < ReferenceValuesPerProperty; v++)
                {
                    writer.WriteStartElement("Справочник");
                    writer.WriteElementString("ИдЗначения", Id(5, p * 100 + v));
                    writer.WriteElementString("Значение", $"Вариант {v + 1} свойства {p + 1}");
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
            }
            writer.WriteElementString("ДляТоваров", "true");
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    private static int WriteProduct(XmlWriter writer, int index, string folder, SyntheticPackageOptions options)
    {
        var id = ProductId(index);
        var name = ProductName(index);
        writer.WriteStartElement("Товар");
        writer.WriteElementString("Ид", id);
        writer.WriteElementString("НомерВерсии", "AAAAAQAAAA" + (index % 97).ToString(CultureInfo.InvariantCulture));
        writer.WriteElementString("ПометкаУдаления", options.DeletedEvery > 0 && index % options.DeletedEvery == options.DeletedEvery - 1 ? "true" : "false");
        writer.WriteElementString("Штрихкод", (4600000000000L + index).ToString(CultureInfo.InvariantCulture));
        writer.WriteElementString("Артикул", $"ART-{index:D7}");
        writer.WriteElementString("Наименование", name);
        WritePieceUnit(writer);
        writer.WriteStartElement("Группы");
        writer.WriteElementString("Ид", Id(3, index % (TopGroups * SubGroupsPerTop)));
        writer.WriteEndElement();
        writer.WriteElementString("Описание",
            $"{name}. Надёжная модель для города и походов: прочные швы, влагозащита, гарантия {1 + index % 3} года. Артикул ART-{index:D7}.");
        for (var i = 0; i < options.Images; i++)
        {
            var image = $"import_files/{index % 256:x2}/{id}_{i}.jpg";
            writer.WriteElementString("Картинка", image);
            if (options.WriteImageFiles)
            {
                var file = Path.Combine(folder, image);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, TinyJpeg);
            }
        }
        writer.WriteStartElement("Изготовитель");
        writer.WriteElementString("Ид", Id(6, index % Brands.Length));
        writer.WriteElementString("Наименование", Brands[index % Brands.Length]);
        writer.WriteEndElement();
        writer.WriteStartElement("ЗначенияСвойств");
        for (var p = 0; p < options.Properties; p++)
        {
            writer.WriteStartElement("ЗначенияСвойства");
            writer.WriteElementString("Ид", Id(4, p));
            writer.WriteElementString("Значение", IsReference(p)
                ? Id(5, p * 100 + (index + p) % ReferenceValuesPerProperty)
                : ((index % 500) / 10m + p).ToString("0.0", CultureInfo.GetCultureInfo("ru-RU")));
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteStartElement("СтавкиНалогов");
        writer.WriteStartElement("СтавкаНалога");
        writer.WriteElementString("Наименование", "НДС");
        writer.WriteElementString("Ставка", "20");
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteStartElement("ЗначенияРеквизитов");
        WriteRequisite(writer, "ВидНоменклатуры", "Товар");
        WriteRequisite(writer, "ТипНоменклатуры", "Товар");
        WriteRequisite(writer, "Полное наименование", name + " (полное наименование)");
        WriteRequisite(writer, "Вес", (0.25m + index % 40 / 8m).ToString(CultureInfo.InvariantCulture));
        writer.WriteEndElement();
        writer.WriteEndElement();
        return options.Images;
    }

    private static string ProductName(int index) =>
        $"{Nouns[index % Nouns.Length]} {Adjectives[index / Nouns.Length % Adjectives.Length]} модель {index + 1}";

    /// <summary>The base unit "piece" (OKEI code 796), as 1C writes it.</summary>
    private static void WritePieceUnit(XmlWriter writer)
    {
        writer.WriteStartElement("БазоваяЕдиница");
        writer.WriteAttributeString("Код", "796");
        writer.WriteAttributeString("НаименованиеПолное", "Штука");
        writer.WriteAttributeString("МеждународноеСокращение", "PCE");
        writer.WriteString("шт");
        writer.WriteEndElement();
    }

    private static void WriteRequisite(XmlWriter writer, string name, string value)
    {
        writer.WriteStartElement("ЗначениеРеквизита");
        writer.WriteElementString("Наименование", name);
        writer.WriteElementString("Значение", value);
        writer.WriteEndElement();
    }

    private static (int Offers, int Variants) WriteOffers(string path, SyntheticPackageOptions options)
    {
        using var writer = CreateWriter(path);
        StartDocument(writer);
        writer.WriteStartElement("ПакетПредложений");
        writer.WriteAttributeString("СодержитТолькоИзменения", "false");
        writer.WriteElementString("Ид", Id(0, 2) + "#");
        writer.WriteElementString("Наименование", "Пакет предложений (Основной каталог товаров)");
        writer.WriteElementString("ИдКаталога", Id(0, 2));
        writer.WriteElementString("ИдКлассификатора", Id(0, 1));
        writer.WriteStartElement("ТипыЦен");
        for (var t = 0; t < options.PriceTypes; t++)
        {
            writer.WriteStartElement("ТипЦены");
            writer.WriteElementString("Ид", Id(7, t));
            writer.WriteElementString("Наименование", t == 0 ? "Розничная" : t == 1 ? "Оптовая" : $"Цена {t + 1}");
            writer.WriteElementString("Валюта", "RUB");
            writer.WriteStartElement("Налог");
            writer.WriteElementString("Наименование", "НДС");
            writer.WriteElementString("УчтеноВСумме", "true");
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteStartElement("Склады");
        for (var w = 0; w < options.Warehouses; w++)
        {
            writer.WriteStartElement("Склад");
            writer.WriteElementString("Ид", Id(8, w));
            writer.WriteElementString("Наименование", w == 0 ? "Основной склад" : $"Склад №{w + 1}");
            writer.WriteEndElement();
        }
        writer.WriteEndElement();

        writer.WriteStartElement("Предложения");
        int offers = 0, variants = 0;
        for (var i = 0; i < options.Products; i++)
        {
            if (options.VariantsEvery > 0 && i % options.VariantsEvery == 0)
            {
                for (var v = 0; v < Sizes.Length; v++)
                    WriteOffer(writer, i, v, options);
                offers += Sizes.Length;
                variants += Sizes.Length;
            }
            else
            {
                WriteOffer(writer, i, -1, options);
                offers++;
            }
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
        return (offers, variants);
    }

    private static void WriteOffer(XmlWriter writer, int index, int variant, SyntheticPackageOptions options)
    {
        var productId = ProductId(index);
        writer.WriteStartElement("Предложение");
        writer.WriteElementString("Ид", variant < 0 ? productId : productId + "#" + Id(9, index * 4L + variant));
        writer.WriteElementString("Артикул", $"ART-{index:D7}");
        writer.WriteElementString("Наименование", variant < 0 ? ProductName(index) : $"{ProductName(index)} ({Sizes[variant]})");
        WritePieceUnit(writer);
        if (variant >= 0)
        {
            writer.WriteStartElement("ХарактеристикиТовара");
            writer.WriteStartElement("ХарактеристикаТовара");
            writer.WriteElementString("Наименование", "Размер");
            writer.WriteElementString("Значение", Sizes[variant]);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        writer.WriteStartElement("Цены");
        var basePrice = 490m + index % 1000 * 10m + Math.Max(variant, 0) * 100m;
        for (var t = 0; t < options.PriceTypes; t++)
        {
            var price = basePrice * (1 - t * 0.1m);
            writer.WriteStartElement("Цена");
            writer.WriteElementString("Представление", price.ToString("0.00", CultureInfo.InvariantCulture) + " RUB за шт");
            writer.WriteElementString("ИдТипаЦены", Id(7, t));
            writer.WriteElementString("ЦенаЗаЕдиницу", price.ToString("0.00", CultureInfo.InvariantCulture));
            writer.WriteElementString("Валюта", "RUB");
            writer.WriteElementString("Единица", "шт");
            writer.WriteElementString("Коэффициент", "1");
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        var total = 0;
        for (var w = 0; w < options.Warehouses; w++)
            total += (index + w) % 7;
        writer.WriteElementString("Количество", total.ToString(CultureInfo.InvariantCulture));
        for (var w = 0; w < options.Warehouses; w++)
        {
            writer.WriteStartElement("Склад");
            writer.WriteAttributeString("ИдСклада", Id(8, w));
            writer.WriteAttributeString("КоличествоНаСкладе", ((index + w) % 7).ToString(CultureInfo.InvariantCulture));
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }
}
