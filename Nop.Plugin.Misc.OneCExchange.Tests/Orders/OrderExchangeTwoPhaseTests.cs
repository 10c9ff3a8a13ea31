using System.Xml.Linq;
using NUnit.Framework;
using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Orders;
using OneCExchange.Core.Ports;

namespace OneCExchange.Tests.Orders;

public class OrderExchangeTwoPhaseTests
{
    private InMemoryOrderSource _source = null!;
    private FixedOptions _options = null!;
    private OrderExchange _exchange = null!;

    [SetUp]
    public void SetUp()
    {
        _source = new InMemoryOrderSource();
        _options = new FixedOptions(new OrderExchangeOptions());
        _exchange = new OrderExchange(_source, _options, TimeProvider.System);
        _source.Add(SampleOrders.Person(1));
        _source.Add(SampleOrders.Company(2));
        _source.Add(SampleOrders.Person(3));
    }

    /// <summary>The order Ид values of the document mode=query returns.</summary>
    private async Task<List<string>> QueryAsync(string session, string? version = null)
    {
        var document = await _exchange.QueryAsync(new OrderQuery(session, version), CancellationToken.None);
        using var output = new AsyncOnlyStream();
        await document.WriteToAsync(output, CancellationToken.None);
        var ids = XDocument.Load(new MemoryStream(output.ToArray())).Descendants("Документ")
            .Select(d => (string)d.Element("Ид")!).ToList();
        Assert.That(document.OrderCount, Is.EqualTo(ids.Count));
        return ids;
    }

    [Test]
    public async Task A_query_without_success_sends_the_same_orders_again()
    {
        var first = await QueryAsync("s1");
        var again = await QueryAsync("s1");
        var nextSession = await QueryAsync("s2");

        Assert.That(first, Is.EqualTo(new[] { "1", "2", "3" }));
        Assert.That(again, Is.EqualTo(first));
        Assert.That(nextSession, Is.EqualTo(first));
    }

    [Test]
    public async Task Success_marks_exactly_what_the_session_was_handed()
    {
        await QueryAsync("s1");
        await _exchange.ConfirmAsync("s1", CancellationToken.None);

        Assert.That(await QueryAsync("s2"), Is.Empty);
        _source.Add(SampleOrders.Person(4));
        Assert.That(await QueryAsync("s3"), Is.EqualTo(new[] { "4" }));
    }

    [Test]
    public async Task An_order_changed_after_its_export_is_sent_again()
    {
        await QueryAsync("s1");
        await _exchange.ConfirmAsync("s1", CancellationToken.None);
        _source.Change(2, order => order with { IsCancelled = true, Status = StoreOrderStatus.Cancelled });

        var ids = await QueryAsync("s2");
        Assert.That(ids, Is.EqualTo(new[] { "2" }));
    }

    [Test]
    public async Task An_order_changed_between_query_and_success_stays_due()
    {
        await QueryAsync("s1");
        _source.Change(3, order => order with { IsPaid = true });
        await _exchange.ConfirmAsync("s1", CancellationToken.None);

        Assert.That(_source.IsConfirmedAtCurrentVersion(1), Is.True);
        Assert.That(_source.IsConfirmedAtCurrentVersion(3), Is.False);
        Assert.That(await QueryAsync("s2"), Is.EqualTo(new[] { "3" }));
    }

    [Test]
    public async Task A_success_without_a_query_or_a_repeated_success_marks_nothing()
    {
        await _exchange.ConfirmAsync("never-queried", CancellationToken.None);
        Assert.That(await QueryAsync("s1"), Has.Count.EqualTo(3));
        await _exchange.ConfirmAsync("s1", CancellationToken.None);
        _source.Change(1, order => order with { Comment = "changed" });
        await _exchange.ConfirmAsync("s1", CancellationToken.None);
        Assert.That(await QueryAsync("s2"), Is.EqualTo(new[] { "1" }));
    }

    [Test]
    public async Task An_order_deleted_after_hand_out_is_left_out_of_the_document()
    {
        var document = await _exchange.QueryAsync(new OrderQuery("s1", null), CancellationToken.None);
        _source.Delete(2);
        using var output = new AsyncOnlyStream();
        await document.WriteToAsync(output, CancellationToken.None);
        var ids = XDocument.Load(new MemoryStream(output.ToArray())).Descendants("Документ").Select(d => (string)d.Element("Ид")!);
        Assert.That(ids, Is.EqualTo(new[] { "1", "3" }));
    }

    [Test]
    public async Task Settings_filter_the_orders_and_bound_each_query()
    {
        _options.Options = new OrderExchangeOptions { ExportPaidOrdersOnly = true };
        Assert.That(await QueryAsync("paid"), Is.EqualTo(new[] { "2" }), "only the company order is paid");

        _options.Options = new OrderExchangeOptions { ExportOrderStatusIds = [(int)StoreOrderStatus.Pending] };
        Assert.That(await QueryAsync("pending"), Is.EqualTo(new[] { "1", "3" }));

        _source.Add(SampleOrders.Person(5) with { CreatedOn = new DateTime(2027, 1, 1) });
        _options.Options = new OrderExchangeOptions { ExportOrdersFromUtc = new DateTime(2026, 12, 1) };
        Assert.That(await QueryAsync("recent"), Is.EqualTo(new[] { "5" }));

        _options.Options = new OrderExchangeOptions { MaxOrdersPerQuery = 2 };
        Assert.That(await QueryAsync("bounded"), Is.EqualTo(new[] { "1", "2" }));
        await _exchange.ConfirmAsync("bounded", CancellationToken.None);
        Assert.That(await QueryAsync("rest"), Is.EqualTo(new[] { "3", "5" }));
    }

    [Test]
    public async Task The_document_is_written_in_the_version_1C_asked_for_else_the_configured_one()
    {
        _options.Options = new OrderExchangeOptions { OrderSchemaVersion = "2.05", OrderEncoding = "windows-1251" };
        var configured = await _exchange.QueryAsync(new OrderQuery("s1", null), CancellationToken.None);
        var asked = await _exchange.QueryAsync(new OrderQuery("s2", "2.10"), CancellationToken.None);
        Assert.That(configured.ContentType, Is.EqualTo("application/xml; charset=windows-1251"));

        using var output = new AsyncOnlyStream();
        await asked.WriteToAsync(output, CancellationToken.None);
        var root = XDocument.Load(new MemoryStream(output.ToArray())).Root!;
        Assert.That((string)root.Attribute("ВерсияСхемы")!, Is.EqualTo("2.10"));
        Assert.That(root.Elements("Контейнер").Count(), Is.EqualTo(3));
    }

    [Test]
    public void Unsupported_settings_fail_the_query_with_a_message_for_1C_and_hand_out_nothing()
    {
        _options.Options = new OrderExchangeOptions { OrderEncoding = "koi8-r" };
        Assert.That(() => _exchange.QueryAsync(new OrderQuery("s1", null), CancellationToken.None),
            Throws.InstanceOf<ImportException>().With.Message.Contains("koi8-r"));
        _options.Options = new OrderExchangeOptions();
        Assert.That(async () => await _exchange.ConfirmAsync("s1", CancellationToken.None), Throws.Nothing);
        Assert.That(_source.IsConfirmedAtCurrentVersion(1), Is.False);
    }
}
