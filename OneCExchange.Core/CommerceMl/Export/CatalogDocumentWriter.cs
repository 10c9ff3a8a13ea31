using System.Globalization;
using System.Text;
using System.Xml;
using OneCExchange.Core.CatalogExport;
using XmlText = OneCExchange.Core.CommerceMl.Orders.XmlText;

namespace OneCExchange.Core.CommerceMl.Export;

/// <summary>
/// Writes the CommerceML 2.08 documents of type=get_catalog, streaming with <see cref="XmlWriter"/>: the classifier
/// (groups as a tree, properties with their values), a page of products (Каталог), a page of offers
/// (ПакетПредложений with its price types and warehouses). Each document is complete and well-formed on its own, as
/// 1C-Bitrix's catalog.export.1c answers each mode=query; every page says СодержитТолькоИзменения="true" because it
/// carries only part of the catalog. No namespace is written, as 1C-Bitrix sites do.
/// </summary>
public static class CatalogDocumentWriter
{
    public const string SchemaVersion = "2.08";
    /// <summary>The classifier's and the catalog's Ид: fixed, so every export and 1C's re-uploads name the same catalog.</summary>
    public const string ClassifierId = "5d1e4c2a-0b6f-4c1e-9a57-6e6f70636c61";
    public const string CatalogId = "5d1e4c2a-0b6f-4c1e-9a57-6e6f70636361";
    public const string CatalogName = "Основной каталог товаров";
    private const string Decimal = "0.####";

    public static void WriteClassifier(Stream output, ExportClassifier classifier, DateTime generatedAt)
    {
        using var xml = Create(output);
        StartDocument(xml, generatedAt);
        xml.WriteStartElement("Классификатор");
        Element(xml, "Ид", ClassifierId);
        Element(xml, "Наименование", "Классификатор (" + CatalogName + ")");
        WriteGroups(xml, classifier.Groups);
        xml.WriteStartElement("Свойства");
        foreach (var property in classifier.Properties)
            WriteProperty(xml, property);
        xml.WriteEndElement();
        xml.WriteEndElement();
        EndDocument(xml);
    }

    public static void WriteProducts(Stream output, IEnumerable<ExportProduct> products, DateTime generatedAt)
    {
        using var xml = Create(output);
        StartDocument(xml, generatedAt);
        xml.WriteStartElement("Каталог");
        xml.WriteAttributeString("СодержитТолькоИзменения", "true");
        Element(xml, "Ид", CatalogId);
        Element(xml, "ИдКлассификатора", ClassifierId);
        Element(xml, "Наименование", CatalogName);
        xml.WriteStartElement("Товары");
        foreach (var product in products)
            WriteProduct(xml, product);
        xml.WriteEndElement();
        xml.WriteEndElement();
        EndDocument(xml);
    }

    public static void WriteOffers(Stream output, ExportOfferTerms terms, IEnumerable<ExportOffer> offers, DateTime generatedAt)
    {
        using var xml = Create(output);
        StartDocument(xml, generatedAt);
        xml.WriteStartElement("ПакетПредложений");
        xml.WriteAttributeString("СодержитТолькоИзменения", "true");
        Element(xml, "Ид", CatalogId + "#");
        Element(xml, "Наименование", "Пакет предложений (" + CatalogName + ")");
        Element(xml, "ИдКаталога", CatalogId);
        Element(xml, "ИдКлассификатора", ClassifierId);
        xml.WriteStartElement("ТипыЦен");
        foreach (var priceType in terms.PriceTypes)
        {
            xml.WriteStartElement("ТипЦены");
            Element(xml, "Ид", priceType.Id);
            Element(xml, "Наименование", priceType.Name);
            Element(xml, "Валюта", priceType.Currency);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteStartElement("Склады");
        foreach (var warehouse in terms.Warehouses)
        {
            xml.WriteStartElement("Склад");
            Element(xml, "Ид", warehouse.Id);
            Element(xml, "Наименование", warehouse.Name);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteStartElement("Предложения");
        foreach (var offer in offers)
            WriteOffer(xml, offer);
        xml.WriteEndElement();
        xml.WriteEndElement();
        EndDocument(xml);
    }

    private static XmlWriter Create(Stream output) => XmlWriter.Create(output, new XmlWriterSettings
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "\t",
        NewLineChars = "\n",
        CloseOutput = false,
    });

    private static void StartDocument(XmlWriter xml, DateTime generatedAt)
    {
        xml.WriteStartDocument();
        xml.WriteStartElement("КоммерческаяИнформация");
        xml.WriteAttributeString("ВерсияСхемы", SchemaVersion);
        xml.WriteAttributeString("ДатаФормирования", generatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
    }

    private static void EndDocument(XmlWriter xml)
    {
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>The groups as CommerceML nests them (Группа/Группы/Группа), from the flat list; a group whose parent is
    /// not in the list is written at the top.</summary>
    private static void WriteGroups(XmlWriter xml, IReadOnlyList<ExportGroup> groups)
    {
        var ids = groups.Select(g => g.Id).ToHashSet();
        var children = groups.Where(g => g.ParentId is not null && ids.Contains(g.ParentId) && g.ParentId != g.Id)
            .ToLookup(g => g.ParentId!);
        var written = new HashSet<string>();
        xml.WriteStartElement("Группы");
        foreach (var top in groups.Where(g => g.ParentId is null || !ids.Contains(g.ParentId) || g.ParentId == g.Id))
            WriteGroup(xml, top, children, written);
        xml.WriteEndElement();
    }

    private static void WriteGroup(XmlWriter xml, ExportGroup group, ILookup<string, ExportGroup> children, HashSet<string> written)
    {
        if (!written.Add(group.Id))
            return;
        xml.WriteStartElement("Группа");
        Element(xml, "Ид", group.Id);
        Element(xml, "Наименование", group.Name);
        if (children.Contains(group.Id))
        {
            xml.WriteStartElement("Группы");
            foreach (var child in children[group.Id])
                WriteGroup(xml, child, children, written);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void WriteProperty(XmlWriter xml, ExportProperty property)
    {
        xml.WriteStartElement("Свойство");
        Element(xml, "Ид", property.Id);
        Element(xml, "Наименование", property.Name);
        Element(xml, "ТипЗначений", "Справочник");
        xml.WriteStartElement("ВариантыЗначений");
        foreach (var value in property.Values)
        {
            xml.WriteStartElement("Справочник");
            Element(xml, "ИдЗначения", value.Id);
            Element(xml, "Значение", value.Value);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        Element(xml, "ДляТоваров", "true");
        xml.WriteEndElement();
    }

    private static void WriteProduct(XmlWriter xml, ExportProduct product)
    {
        xml.WriteStartElement("Товар");
        Element(xml, "Ид", product.Id);
        OptionalElement(xml, "Штрихкод", product.Gtin);
        OptionalElement(xml, "Артикул", product.Sku);
        Element(xml, "Наименование", product.Name);
        WritePieceUnit(xml);
        if (product.GroupIds.Count > 0)
        {
            xml.WriteStartElement("Группы");
            foreach (var groupId in product.GroupIds)
                Element(xml, "Ид", groupId);
            xml.WriteEndElement();
        }
        OptionalElement(xml, "Описание", product.Description);
        foreach (var image in product.Images)
            Element(xml, "Картинка", image);
        if (product.Manufacturer is { } manufacturer)
        {
            xml.WriteStartElement("Изготовитель");
            OptionalElement(xml, "Ид", manufacturer.Id);
            Element(xml, "Наименование", manufacturer.Name);
            xml.WriteEndElement();
        }
        if (product.PropertyValues.Count > 0)
        {
            xml.WriteStartElement("ЗначенияСвойств");
            foreach (var value in product.PropertyValues)
            {
                xml.WriteStartElement("ЗначенияСвойства");
                Element(xml, "Ид", value.PropertyId);
                Element(xml, "Значение", value.Value);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteStartElement("ЗначенияРеквизитов");
        Requisite(xml, "ВидНоменклатуры", "Товар");
        Requisite(xml, "ТипНоменклатуры", "Товар");
        if (!string.IsNullOrWhiteSpace(product.FullName))
            Requisite(xml, "Полное наименование", product.FullName);
        if (product.Weight is { } weight and > 0)
            Requisite(xml, "Вес", weight.ToString(Decimal, CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteOffer(XmlWriter xml, ExportOffer offer)
    {
        xml.WriteStartElement("Предложение");
        Element(xml, "Ид", offer.Id);
        OptionalElement(xml, "Штрихкод", offer.Gtin);
        OptionalElement(xml, "Артикул", offer.Sku);
        Element(xml, "Наименование", offer.Name);
        WritePieceUnit(xml);
        if (offer.Characteristics.Count > 0)
        {
            xml.WriteStartElement("ХарактеристикиТовара");
            foreach (var characteristic in offer.Characteristics)
            {
                xml.WriteStartElement("ХарактеристикаТовара");
                Element(xml, "Наименование", characteristic.Name);
                Element(xml, "Значение", characteristic.Value);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteStartElement("Цены");
        foreach (var price in offer.Prices)
        {
            var amount = price.PricePerUnit.ToString("0.00", CultureInfo.InvariantCulture);
            xml.WriteStartElement("Цена");
            Element(xml, "Представление", $"{amount} {price.Currency} за шт");
            Element(xml, "ИдТипаЦены", price.PriceTypeId);
            Element(xml, "ЦенаЗаЕдиницу", amount);
            Element(xml, "Валюта", price.Currency);
            Element(xml, "Единица", "шт");
            Element(xml, "Коэффициент", "1");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        if (offer.Quantity is { } quantity)
            Element(xml, "Количество", quantity.ToString(Decimal, CultureInfo.InvariantCulture));
        foreach (var stock in offer.Stocks)
        {
            xml.WriteStartElement("Склад");
            xml.WriteAttributeString("ИдСклада", XmlText.Clean(stock.WarehouseId));
            xml.WriteAttributeString("КоличествоНаСкладе", stock.Quantity.ToString(Decimal, CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>The base unit "piece" (OKEI 796): the store keeps no unit of measure per product.</summary>
    private static void WritePieceUnit(XmlWriter xml)
    {
        xml.WriteStartElement("БазоваяЕдиница");
        xml.WriteAttributeString("Код", "796");
        xml.WriteAttributeString("НаименованиеПолное", "Штука");
        xml.WriteAttributeString("МеждународноеСокращение", "PCE");
        xml.WriteString("шт");
        xml.WriteEndElement();
    }

    private static void Requisite(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("ЗначениеРеквизита");
        Element(xml, "Наименование", name);
        Element(xml, "Значение", value);
        xml.WriteEndElement();
    }

    private static void Element(XmlWriter xml, string name, string value) => xml.WriteElementString(name, XmlText.Clean(value));

    private static void OptionalElement(XmlWriter xml, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
            Element(xml, name, value);
    }
}
