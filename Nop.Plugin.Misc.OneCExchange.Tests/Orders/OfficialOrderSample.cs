using System.Xml.Linq;
using OneCExchange.Tests.Support;

namespace OneCExchange.Tests.Orders;

/// <summary>
/// The official 1C sample of "Заказ на сайт" (corpus off-doc-1c orders.xml, its first Документ, which carries the
/// standard requisites Заказ оплачен, Доставка разрешена, Отменен, Финальный статус, Статус заказа), re-addressed to
/// a store order and with the requisite values a test sets, as 1C sends the order back after changing it.
/// </summary>
internal static class OfficialOrderSample
{
    private const string FileName = "irpsv__commerceml__off-doc-1c__orders.xml";

    /// <summary>The sample as a file of one document for the order <paramref name="orderId"/>.</summary>
    public static XDocument For(int orderId, params (string Name, string Value)[] requisites)
    {
        var file = XDocument.Load(CorpusFiles.Resolve("orders", FileName));
        var documents = file.Root!.Elements().Where(e => e.Name.LocalName == "Документ").ToList();
        foreach (var other in documents.Skip(1))
            other.Remove();
        var document = documents[0];
        document.Elements().Single(e => e.Name.LocalName == "Ид").Value = orderId.ToString();
        document.Elements().Single(e => e.Name.LocalName == "Номер").Value = orderId.ToString();
        var values = document.Elements().Single(e => e.Name.LocalName == "ЗначенияРеквизитов");
        foreach (var (name, value) in requisites)
        {
            var requisite = values.Elements().FirstOrDefault(r => r.Elements().Any(e => e.Name.LocalName == "Наименование" && e.Value == name));
            if (requisite == null)
                values.Add(requisite = new XElement("ЗначениеРеквизита", new XElement("Наименование", name), new XElement("Значение")));
            requisite.Elements().Single(e => e.Name.LocalName == "Значение").Value = value;
        }
        return file;
    }

    /// <summary>The sample saved as a file in <paramref name="folder"/>; returns its path.</summary>
    public static string Save(string folder, int orderId, params (string Name, string Value)[] requisites)
    {
        var path = Path.Combine(folder, $"orders-{orderId}.xml");
        For(orderId, requisites).Save(path);
        return path;
    }
}
