using System.Diagnostics;
using System.Net;
using NUnit.Framework;
using OneCExchange.Cli.Replay;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Protocol;
using OneCExchange.Tests.Protocol.Fakes;

namespace OneCExchange.Tests.Protocol;

/// <summary>type=listen over HTTP: success at once when an order is due, 304 after the timeout, woken by a new order.</summary>
public class ListenTests : LoopbackTestBase
{
    private SwitchablePendingOrders _orders = null!;

    [SetUp]
    public void UseShortListens()
    {
        _orders = new SwitchablePendingOrders();
        Host.PendingOrders = _orders;
        Host.Options = Host.Options with { ListenTimeout = TimeSpan.FromSeconds(2), ListenPollInterval = TimeSpan.FromMilliseconds(100) };
    }

    private async Task<(HttpStatusCode Status, string Body, TimeSpan Took)> ListenAsync(string? password = null)
    {
        var clock = Stopwatch.StartNew();
        var body = await Raw.GetAsync("type=listen", auth: RawExchangeClient.Basic(LoopbackExchangeHost.Login, password ?? LoopbackExchangeHost.Password));
        return (Raw.LastResponse!.StatusCode, body, clock.Elapsed);
    }

    [Test]
    public async Task An_order_due_is_answered_success_at_once()
    {
        _orders.Pending = true;

        var (status, body, took) = await ListenAsync();

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body, Is.EqualTo("success"));
        Assert.That(took, Is.LessThan(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public async Task No_order_is_answered_304_with_no_body_after_the_timeout()
    {
        var (status, body, took) = await ListenAsync();

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(body, Is.Empty);
        Assert.That(took, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9)).And.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(_orders.Asked, Is.GreaterThanOrEqualTo(10), "the store is asked about every poll interval while the listen waits");
    }

    [Test]
    public async Task A_waiting_listen_wakes_when_an_order_arrives()
    {
        Host.Options = Host.Options with { ListenTimeout = TimeSpan.FromSeconds(30) };
        var listen = ListenAsync();
        await Task.Delay(500);
        Assert.That(listen.IsCompleted, Is.False, "no order yet: the listen waits");

        var arrived = Stopwatch.StartNew();
        _orders.Pending = true;
        var (status, body, _) = await listen;

        Assert.That((status, body), Is.EqualTo((HttpStatusCode.OK, "success")));
        Assert.That(arrived.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public async Task Wrong_credentials_fail_at_once_without_asking_for_orders()
    {
        _orders.Pending = true;

        var (status, body, took) = await ListenAsync("wrong");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body, Does.StartWith("failure\n"));
        Assert.That(took, Is.LessThan(TimeSpan.FromSeconds(1)));
        Assert.That(_orders.Asked, Is.Zero);
        Assert.That(await Raw.GetAsync("type=listen"), Does.StartWith("failure\n"), "no credentials at all");
    }

    [Test]
    public async Task Beyond_the_waiting_limit_a_listen_is_answered_304_at_once()
    {
        Host.Options = Host.Options with { MaxWaitingListens = 1, ListenTimeout = TimeSpan.FromSeconds(30) };
        var first = ListenAsync();
        await WaitUntilAsync(() => Host.Runtime.Listens.Waiting == 1);

        var (status, _, took) = await ListenAsync();

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(took, Is.LessThan(TimeSpan.FromSeconds(1)));
        _orders.Pending = true;
        Assert.That((await first).Status, Is.EqualTo(HttpStatusCode.OK));
        await WaitUntilAsync(() => Host.Runtime.Listens.Waiting == 0);
    }

    [Test]
    public async Task Listens_are_logged_as_listen_requests_of_no_session()
    {
        _orders.Pending = true;
        await ListenAsync();
        await ListenAsync("wrong");

        var listens = Host.Log.Entries.Where(e => e.Type == ExchangeType.Listen).ToList();
        Assert.That(listens.Select(e => e.Outcome), Is.EqualTo(new[] { ExchangeOutcome.Success, ExchangeOutcome.Failure }));
        Assert.That(listens.All(e => e.SessionId is null));
    }

    [Test]
    public async Task The_onec_listen_command_reports_an_order_or_304()
    {
        var output = new StringWriter();
        string[] args = ["--url", Host.ExchangeUrl.ToString(), "--login", LoopbackExchangeHost.Login, "--password", LoopbackExchangeHost.Password];

        Assert.That(await ListenCommand.RunAsync(args, output, output), Is.EqualTo(3), output.ToString());
        _orders.Pending = true;
        Assert.That(await ListenCommand.RunAsync(args, output, output), Is.EqualTo(0), output.ToString());
        Assert.That(output.ToString(), Does.Contain("304 after").And.Contain("an order waits"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10))
                Assert.Fail("condition not reached in 10 s");
            await Task.Delay(20);
        }
    }
}
